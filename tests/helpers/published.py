"""Publishing a notebook under test: an isolated Jupyter for nbconvert and Sphinx, commands
run in the foreground or background, Playwright's Chromium names pointing at Debian's (for
``--to webpdf``), a folder served on 127.0.0.1, and a page that aborts (and records) every
other request."""

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


def jupyter_env(folder: Path) -> dict[str, str]:
    """Environment with no user config and a ``python3`` kernel that is this interpreter."""
    jupyter = folder / "jupyter"
    kernel = jupyter / "path" / "kernels" / "python3"
    kernel.mkdir(parents=True, exist_ok=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"], "language": "python"}
    (kernel / "kernel.json").write_text(json.dumps({**spec, "display_name": "Python 3"}))
    return {
        **os.environ,
        # `python -m jupyter nbconvert` runs the first jupyter-nbconvert on PATH: make it ours.
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "JUPYTER_PATH": str(jupyter / "path"),
        "JUPYTER_CONFIG_DIR": str(jupyter / "config"),
        "JUPYTER_DATA_DIR": str(jupyter / "data"),
        "JUPYTER_RUNTIME_DIR": str(jupyter / "runtime"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def notebook(path: Path, *sources: str) -> Path:
    """An unexecuted notebook of code cells, for the ``python3`` kernel of :func:`jupyter_env`."""
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in sources],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, path)
    return path


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


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 180) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1; yields the base URL (ends with ``/``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def offline_page(browser: Any, **context: Any) -> Iterator[Any]:
    """A page in which only 127.0.0.1, ``file:`` and ``data:`` answer; ``context`` goes to
    ``browser.new_context`` (viewport 1200 x 900 unless given).

    ``page.outside`` lists the aborted URLs, ``page.errors`` console errors and uncaught
    exceptions, ``page.warnings`` console warnings, ``page.dialogs`` every alert / confirm /
    prompt (dismissed).
    """
    ctx = browser.new_context(**{"viewport": {"width": 1200, "height": 900}, **context})
    page = ctx.new_page()
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

    ctx.route("**/*", local_only)
    page.on("console", console)
    page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
    page.on("dialog", dialog)
    try:
        yield page
    finally:
        ctx.close()


def playwright_browsers(folder: Path) -> Path:
    """A ``PLAYWRIGHT_BROWSERS_PATH`` whose Chromium builds are Debian's ``/usr/bin/chromium``.

    nbconvert's ``--to webpdf`` launches Playwright's own Chromium and has no option for
    another executable; Playwright looks for it under this path, at its pinned revision.
    """
    import playwright

    pinned = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    revisions = {b["name"]: b["revision"] for b in json.loads(pinned.read_text())["browsers"]}
    for name, binary in (
        ("chromium_headless_shell", "chrome-headless-shell-linux64/chrome-headless-shell"),
        ("chromium", "chrome-linux64/chrome"),
    ):
        path = folder / f"{name}-{revisions[name.replace('_', '-')]}" / binary
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.symlink_to(Path(CHROMIUM).resolve())
    return folder
