"""What tests/publish/test_live_offline.py shares: an isolated Jupyter for nbconvert and
Sphinx, Playwright's Chromium names pointing at Debian's, a folder served on 127.0.0.1,
and a page that records every request leaving it, every console message and dialog."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import nbformat

from tests.harness.harness import CHROMIUM


def notebook(path: Path, *sources: str) -> Path:
    """An unexecuted notebook of code cells, for the "python3" kernel of :func:`jupyter_env`."""
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in sources],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, path)
    return path


def jupyter_env(folder: Path) -> dict[str, str]:
    """Environment with no user config and a "python3" kernel that is this interpreter
    (as tests/browser/test_nbconvert.py does), this interpreter's scripts first on PATH."""
    kernel = folder / "path" / "kernels" / "python3"
    kernel.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (kernel / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "Python 3", "language": "python"}))
    return {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "JUPYTER_PATH": str(folder / "path"),
        "JUPYTER_CONFIG_DIR": str(folder / "config"),
        "JUPYTER_DATA_DIR": str(folder / "data"),
        "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def playwright_browsers(folder: Path) -> Path:
    """A PLAYWRIGHT_BROWSERS_PATH whose Chromium names are links to Debian's Chromium, at the
    revision this Playwright expects (its browsers.json), so nbconvert's webpdf launches it."""
    import playwright

    listed = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    revisions = {b["name"]: b["revision"] for b in json.loads(listed.read_text())["browsers"]}
    chromium = Path(CHROMIUM).resolve()
    for name, sub in (
        ("chromium-headless-shell", "chromium_headless_shell-{}/chrome-headless-shell-linux64/chrome-headless-shell"),
        ("chromium", "chromium-{}/chrome-linux64/chrome"),
    ):
        link = folder / sub.format(revisions[name])
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            link.symlink_to(chromium)
    return folder


@dataclass
class Run:
    """A command started in the background; :meth:`wait` checks it and returns its seconds."""

    name: str
    process: subprocess.Popen
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def start(cls, name: str, command: list[str], cwd: Path, env: dict[str, str]) -> Run:
        out = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return cls(name, out)

    def wait(self, timeout: float = 180) -> float:
        output, _ = self.process.communicate(timeout=timeout)
        seconds = time.monotonic() - self.started
        assert self.process.returncode == 0, f"{self.name} failed:\n{output[-4000:]}"
        return seconds


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1; yields the base URL (ending in /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def local_page(browser: Any, *, width: int = 1400, height: int = 1000) -> Iterator[Any]:
    """A page in which only 127.0.0.1 and file: answer; the rest is aborted and listed in
    ``page.outside``. ``page.errors`` holds console errors and uncaught exceptions,
    ``page.warnings`` console warnings, ``page.dialogs`` every alert / confirm / prompt."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.outside, page.errors, page.warnings, page.dialogs = [], [], [], []

    def local_only(route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("file", "data") or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    def console(message: Any) -> None:
        if message.type == "error":
            page.errors.append(f"console: {message.text}")
        elif message.type == "warning":
            page.warnings.append(message.text)

    def dialog(d: Any) -> None:
        page.dialogs.append(d.message)
        d.dismiss()

    context.route("**/*", local_only)
    page.on("console", console)
    page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
    page.on("dialog", dialog)
    try:
        yield page
    finally:
        context.close()
