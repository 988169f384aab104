"""marimo and Voilà servers on 127.0.0.1 for the tests, each in its own temporary folders.

No token, no browser, no update check; every config / runtime folder points into the
test's temporary folder, so no user setting leaks in and nothing is left behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.helpers.process import stop
from tests.jupyter.server import free_port

BIN = Path(sys.executable).parent


class AppServer:
    """A server process answering on ``url``; :meth:`start`, then always :meth:`stop`."""

    def __init__(self, tmp: Path, command: list[str], *, port: int, ready: str = "/") -> None:
        self.tmp = tmp
        self.command = command
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.ready = ready
        self.log = tmp / "server.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        env = {
            **os.environ,
            "HOME": str(self.tmp),
            "XDG_CONFIG_HOME": str(self.tmp / "config"),
            "XDG_CACHE_HOME": str(self.tmp / "cache"),
            "JUPYTER_CONFIG_DIR": str(self.tmp / "jupyter-config"),
            "JUPYTER_DATA_DIR": str(self.tmp / "jupyter-data"),
            "JUPYTER_RUNTIME_DIR": str(self.tmp / "jupyter-runtime"),
            "MARIMO_SKIP_UPDATE_CHECK": "1",
        }
        self.process = subprocess.Popen(
            self.command, env=env, cwd=self.tmp, stdout=self.log.open("w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[0]} exited ({self.process.returncode}):\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(self.url + self.ready, timeout=1)
                return
            except urllib.error.HTTPError:
                return  # it answers, if not with this page
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.command} did not answer within {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        stop(self.process)


def marimo_server(tmp: Path, notebook: Path) -> AppServer:
    """``marimo run NOTEBOOK`` (app mode: outputs only, each page its own kernel)."""
    port = free_port()
    command = [
        str(BIN / "marimo"), "run", str(notebook), "--headless", "--host", "127.0.0.1",
        "--port", str(port), "--no-token", "--no-sandbox",
    ]  # fmt: skip
    return AppServer(tmp, command, port=port, ready="/health")


def voila_server(tmp: Path, notebook: Path) -> AppServer:
    """``voila NOTEBOOK`` on 127.0.0.1 with this interpreter's kernel."""
    port = free_port()
    command = [
        str(BIN / "voila"), str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
        "--ServerApp.ip=127.0.0.1", "--show_tracebacks=True",
    ]  # fmt: skip
    return AppServer(tmp, command, port=port, ready="/voila/static/")  # any answer: "/" would run the notebook
