"""A server process the tests start: stopped politely, then firmly."""

from __future__ import annotations

import subprocess


def stop(process: subprocess.Popen | None) -> None:
    """Terminate ``process`` if it still runs; kill it if it has not exited within 10 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
