"""Load the built front end into a plain page, with a model stand-in.

Used by the browser tests, the benchmark and the README screenshot. Requests
to the made-up origin below are answered from disk by Playwright's router, so
no server runs and nothing touches the network.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from headwidget import HeadMapWidget
from headwidget.export import widget_state  # the same state the standalone page embeds
from headwidget.traits import from_view

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src" / "headwidget" / "static"
ORIGIN = "http://headwidget.test"
CHROMIUM = os.environ.get("HEADWIDGET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_FILES = {
    "/": (Path(__file__).parent / "harness.html", "text/html"),
    "/standin.js": (Path(__file__).parent / "standin.js", "text/javascript"),
    "/model.js": (ROOT / "js" / "model.js", "text/javascript"),
    "/static/widget.js": (STATIC / "widget.js", "text/javascript"),
    "/static/widget.css": (STATIC / "widget.css", "text/css"),
}


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or Path(CHROMIUM).exists()


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless; never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_page(browser: Any, *, width: int = 1600, height: int = 900, dpr: float = 1) -> Any:
    """A new page holding the harness, every request answered locally."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=dpr)
    page = context.new_page()

    def answer(route: Any) -> None:
        path = route.request.url[len(ORIGIN) :].split("?")[0] or "/"
        if path in _FILES:
            file, mime = _FILES[path]
            route.fulfill(status=200, body=file.read_bytes(), content_type=mime)
        else:
            route.fulfill(status=404, body="not found")

    context.route("**/*", lambda route: answer(route) if route.request.url.startswith(ORIGIN) else route.abort())
    page.goto(ORIGIN + "/")
    page.wait_for_function("window.hwReady === true")
    page.evaluate("names => { hw.editable = names; }", from_view(HeadMapWidget))
    return page


def show(page: Any, widget: Any, *, width: int = 0) -> int:
    """Create a model for ``widget``'s state (the page's ``hw.models[-1]``) and render a view."""
    return page.evaluate(
        """([state, width]) => {
            const model = hw.createModel(state);
            hw.models.push(model);
            const index = hw.render(model, width);
            return index;
        }""",
        [widget_state(widget), width],
    )
