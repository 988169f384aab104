"""A notebook exported with ``nbconvert --to html --execute`` shows the LIVE widget, offline.

``nbconvert --execute`` saves the full widget state (``_esm`` included) in the page,
as "Save Widget State" does. The page needs require.js, ``@jupyter-widgets/html-manager``
(``dist/embed-amd.js``) and anywidget's AMD module; their CDN is unreachable here, so
tests/embed pins them on npm and a local server hands them out. Chromium then opens the
page with every request that is not to 127.0.0.1 aborted, and the test checks what a
user sees and that a click still changes the view with no kernel behind it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from tests.helpers import ROOT, TESTS
from tests.helpers.labels import NAMES, example_head
from tests.helpers.published import QuietHandler, jupyter_env, run, serve
from tests.helpers.views import cell_color, panel_titles, range_readout

EMBED = TESTS / "embed"
MODULES = EMBED / "node_modules"
BUNDLE = ROOT / "src" / "headwidget" / "static" / "widget.js"

CELL = (
    "from headwidget import HeadMapWidget, example_labels\nw = HeadMapWidget(example_labels(), layer_range=(18, 31))\nw"
)
LAYERS = (18, 31)
ALL_PANELS = ["All Categories", *NAMES]
LINGUISTIC_GREEN = "#2ca02c"  # the reference palette's third category colour
# What the page loads instead of the CDN, as URL paths on the local server.
REQUIRE_JS = "/node_modules/requirejs/require.js"
EMBED_AMD = "/node_modules/@jupyter-widgets/html-manager/dist/embed-amd.js"


def npm_ci() -> None:
    """Install tests/embed's pinned front-end packages, once, when they are missing."""
    if (MODULES / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the nbconvert test but npm is missing")
        pytest.skip("npm is missing: it installs tests/embed's front-end packages")
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=EMBED, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"npm ci in tests/embed failed:\n{done.stdout}\n{done.stderr}"


def nbconvert(folder: Path) -> Path:
    """Execute a one-cell notebook in ``folder`` and export it to HTML that loads local files."""
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(CELL)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(notebook, folder / "widget.ipynb")
    env = jupyter_env(folder.parent)
    command = [
        sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute", "widget.ipynb",
        f"--HTMLExporter.require_js_url={REQUIRE_JS}",
        f"--HTMLExporter.widget_renderer_url={EMBED_AMD}",
        "--HTMLExporter.mathjax_url=",
    ]  # fmt: skip
    run(command, folder, env, timeout=120)
    return folder / "widget.html"


class Files(QuietHandler):
    """The export's folder at /, tests/embed/node_modules at /node_modules/."""

    def translate_path(self, path: str) -> str:
        if path.startswith("/node_modules/"):
            local = super().translate_path(path[len("/node_modules") :])
            return str(MODULES / Path(local).relative_to(self.directory))
        return super().translate_path(path)


@pytest.fixture(scope="module")
def exported(browser, tmp_path_factory):
    """URL of the exported page, served from 127.0.0.1; ``browser`` first, so no Chromium skips early."""
    if not BUNDLE.exists():
        pytest.fail(f"{BUNDLE} is missing: run `npm run build` in {ROOT}")
    started = time.monotonic()
    npm_ci()
    folder = tmp_path_factory.mktemp("nbconvert") / "site"
    folder.mkdir()
    page = nbconvert(folder)
    html = page.read_text(encoding="utf-8")
    # What the page must carry to render on its own (see the browser-testing notes).
    assert "application/vnd.jupyter.widget-state+json" in html
    assert '"_esm"' in html
    assert "data-jupyter-widgets-cdn-only" not in html
    assert f'<script src="{REQUIRE_JS}">' in html and EMBED_AMD in html
    # html-manager asks require.js for "anywidget", which looks for anywidget.js next to the page.
    shutil.copy(MODULES / "anywidget" / "dist" / "index.js", folder / "anywidget.js")
    print(f"npm + nbconvert: {time.monotonic() - started:.1f} s")
    with serve(folder, Files) as base:
        yield base + page.name


def test_nbconvert_html_renders_the_live_widget_offline(browser, exported):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    aborted: list[str] = []
    errors: list[str] = []

    def local_only(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    try:
        started = time.monotonic()
        page.goto(exported)
        view = page.locator(".headwidget")
        try:
            page.locator(".headwidget .hw-panel canvas").first.wait_for(timeout=20_000)
        except PlaywrightTimeout:
            pytest.fail(f"no widget drew within 20 s; aborted: {aborted}, errors: {errors}")
        print(f"page load to a drawn widget: {time.monotonic() - started:.1f} s")
        seen = f"aborted: {aborted}, errors: {errors}"

        assert view.count() == 1, seen
        static = page.locator("[data-headwidget-static]")  # the output after the view: the static figure
        assert static.count() == 1 and static.locator("img").count() == 1, seen
        assert not static.is_visible(), seen  # hidden, since this page draws the live view
        assert panel_titles(view) == ALL_PANELS, seen
        assert range_readout(view, "layer") == "18\u201331", seen
        layer, head = example_head(["Linguistic"], LAYERS)  # shown, in Linguistic only
        assert cell_color(view, 0, layer, head, layers=LAYERS, heads=32) == LINGUISTIC_GREEN, seen
        assert cell_color(view, ALL_PANELS.index("Linguistic"), layer, head, layers=LAYERS, heads=32) == (
            LINGUISTIC_GREEN
        ), seen

        # Live without a kernel: the toggle hides its panel in the page itself.
        knowledge = view.get_by_role("button", name="Knowledge")
        assert knowledge.get_attribute("aria-pressed") == "true"
        knowledge.click()
        page.wait_for_function("() => document.querySelectorAll('.headwidget .hw-panel').length === 4")
        assert panel_titles(view) == [t for t in ALL_PANELS if t != "Knowledge"], seen
        assert knowledge.get_attribute("aria-pressed") == "false"
        assert cell_color(view, 0, layer, head, layers=LAYERS, heads=32) == LINGUISTIC_GREEN, seen

        print(f"aborted requests: {aborted}")
        print(f"console errors: {errors}")
        assert errors == [], errors
        assert aborted == [], aborted
    finally:
        context.close()
