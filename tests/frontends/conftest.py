"""marimo and Voilà, each a real server on 127.0.0.1 driven in the session's Chromium.

``page`` blocks every request that is not to 127.0.0.1 and records it in
``page.outside``: a test asserts the list is empty (nothing from a CDN at run time).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .servers import AppServer

LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")


def serve(server: AppServer) -> Iterator[AppServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(browser) -> Iterator[Any]:
    """A fresh context; ``page.errors`` collects console errors, ``page.outside`` blocked requests."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.errors = []
    page.outside = []

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
    yield page
    context.close()
