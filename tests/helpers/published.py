"""Publishing a notebook under test: an isolated Jupyter for nbconvert and Sphinx, a folder
served on 127.0.0.1, and a browser context that aborts (and records) every other request."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


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
    }


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 180) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = _Quiet) -> Iterator[str]:
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
    """A page whose requests beyond 127.0.0.1, ``file:`` and ``data:`` are aborted.

    ``page.aborted`` lists the aborted URLs; ``page.errors`` the console errors and uncaught
    exceptions.
    """
    ctx = browser.new_context(**{"viewport": {"width": 1200, "height": 900}, **context})
    page = ctx.new_page()
    page.aborted, page.errors = [], []

    def local_only(route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("file", "data") or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            page.aborted.append(route.request.url)
            route.abort()

    ctx.route("**/*", local_only)
    page.on("console", lambda m: m.type == "error" and page.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
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
            path.symlink_to("/usr/bin/chromium")
    return folder
