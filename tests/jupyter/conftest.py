"""One real Jupyter server per test session, shut down however the session ends."""

from __future__ import annotations

import os

import pytest

from .server import JupyterServer


@pytest.fixture(scope="session")
def jupyter(browser, tmp_path_factory):
    try:
        import jupyterlab  # noqa: F401
        import notebook  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("JupyterLab / Notebook 7 not installed: pip install -e '.[dev]'")
    server = JupyterServer(tmp_path_factory.mktemp("jupyter"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(browser, jupyter):
    """A fresh browser context; ``page.errors`` collects console errors and uncaught exceptions
    (``notebook.errors_of_ours`` leaves out the ones Notebook 7 logs itself)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
    yield page
    # Each test opens its own notebook; stop its kernel so they do not pile up.
    page.evaluate("() => window.jupyterapp?.serviceManager.sessions.shutdownAll()")
    context.close()
