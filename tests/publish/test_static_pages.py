"""``notebooks/publishing.ipynb`` published the ways researchers publish, with no network: each
display of the widget shows its figure, never an empty output, scaled to the page.

- ``jupyter nbconvert --to html`` of the executed notebook, with its saved widget state (the
  page's widget scripts come from a CDN, unreachable) and without it (as nbviewer and GitHub);
- ``jupyter nbconvert --to webpdf``, printed by Debian's Chromium, read back with ``pdftoppm``;
- a Sphinx site built by myst-nb with its default settings (it executes the notebook).

Every head of every panel is read back from the pixels (``raster.assert_shows``).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import time

import nbformat
import numpy as np
import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from tests.helpers import ROOT, need
from tests.helpers.published import jupyter_env, offline_page, playwright_browsers, run, serve

from .raster import assert_shows

NOTEBOOK = ROOT / "notebooks" / "publishing.ipynb"


def first_widget() -> HeadMapWidget:
    """The notebook's first display, built here to know each head's colour."""
    return HeadMapWidget(example_labels(), title="Synthetic example", layer_range=(18, 31))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Every published form of the notebook, built once: {name: path}."""
    need("myst_nb")
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must read the PDF back but pdftoppm (poppler-utils) is missing")
        pytest.skip("pdftoppm (poppler-utils) is missing")
    folder = tmp_path_factory.mktemp("published")
    env = jupyter_env(folder)
    jupyter = [sys.executable, "-m", "jupyter", "nbconvert"]
    started = time.monotonic()
    shutil.copy(NOTEBOOK, folder / "publishing.ipynb")
    run([*jupyter, "--to", "notebook", "--execute", "publishing.ipynb", "--output", "executed"], folder, env)
    executed = nbformat.read(folder / "executed.ipynb", as_version=4)
    assert "application/vnd.jupyter.widget-state+json" in executed.metadata["widgets"]  # saved, as --execute does
    run([*jupyter, "--to", "html", "executed.ipynb", "--output", "with_state"], folder, env)
    executed.metadata.pop("widgets")
    nbformat.write(executed, folder / "no_state.ipynb")
    run([*jupyter, "--to", "html", "no_state.ipynb"], folder, env)
    pdf_env = {**env, "PLAYWRIGHT_BROWSERS_PATH": str(playwright_browsers(folder / "browsers"))}
    run([*jupyter, "--to", "webpdf", "--WebPDFExporter.disable_sandbox=True", "executed.ipynb"], folder, pdf_env)
    run(["pdftoppm", "-r", "288", "-png", "-f", "1", "-l", "1", "executed.pdf", "page"], folder, env)
    print(f"nbconvert: execute, 2 x html, webpdf, pdftoppm: {time.monotonic() - started:.1f} s")

    started = time.monotonic()
    docs = folder / "docs"
    docs.mkdir()
    shutil.copy(NOTEBOOK, docs / "publishing.ipynb")  # no outputs: myst-nb executes it
    (docs / "conf.py").write_text('project = "t"\nextensions = ["myst_nb"]\nexclude_patterns = ["_build"]\n')
    (docs / "index.md").write_text("# Head maps\n\n```{toctree}\npublishing\n```\n")
    run([sys.executable, "-m", "sphinx", "-q", "-b", "html", ".", "_build"], docs, env)
    print(f"sphinx + myst-nb: {time.monotonic() - started:.1f} s")
    pages = sorted(folder.glob("page-*.png"))
    assert len(pages) == 1
    return {
        "folder": folder,
        "with_state": folder / "with_state.html",
        "no_state": folder / "no_state.html",
        "pdf_page": pages[0],
        "myst_nb": docs / "_build" / "publishing.html",
    }


def shows_static_figure(browser, site: dict, page_key: str, width: int) -> None:
    """The page at ``width`` CSS px: the first display is its static figure, whole and right."""
    path = site[page_key]
    with (
        serve(site["folder"]) as base,
        offline_page(browser, viewport={"width": width, "height": 900}, device_scale_factor=3) as page,
    ):
        page.goto(base + path.relative_to(site["folder"]).as_posix())
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # any widget script that could load has had its chance
        static = page.locator("[data-headwidget-static]").first
        assert static.is_visible(), "the first display is an empty output"
        assert page.locator("[data-headwidget-figure]").count() == 0  # no live view in these pages
        fit = page.evaluate(
            """el => { const svg = el.querySelector('img').getBoundingClientRect();
                       const room = el.parentElement.getBoundingClientRect();
                       return { svg: svg.width, left: svg.left - room.left, right: room.right - svg.right,
                                page: document.documentElement.scrollWidth - innerWidth }; }""",
            static.element_handle(),
        )
        assert fit["left"] >= -0.5 and fit["right"] >= -0.5, fit  # inside its output, not clipped
        assert fit["page"] <= 0, fit  # and no page wider than the window
        if width < 700:
            assert fit["svg"] < 672, fit  # 7 in is 672 px: it shrank to the page
        rgb = np.asarray(Image.open(io.BytesIO(static.locator("img").screenshot())).convert("RGB"))
        assert_shows(rgb, first_widget())
        print(f"{page_key} at {width} px: figure {fit['svg']:.0f} px wide; aborted {len(page.outside)} requests")


@pytest.mark.parametrize("width", [1200, 560])
def test_nbconvert_html_with_saved_state_offline_shows_the_figure(browser, site, width):
    html = site["with_state"].read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" in html  # the live view was chosen, and cannot load
    shows_static_figure(browser, site, "with_state", width)


def test_nbconvert_html_without_widget_state_shows_the_figure(browser, site):
    assert "application/vnd.jupyter.widget-view+json" not in site["no_state"].read_text(encoding="utf-8")
    shows_static_figure(browser, site, "no_state", 900)


@pytest.mark.parametrize("width", [1200, 560])
def test_myst_nb_default_site_shows_the_figure(browser, site, width):
    html = site["myst_nb"].read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net/npm/@jupyter-widgets/html-manager" in html  # myst-nb's default, unreachable
    shows_static_figure(browser, site, "myst_nb", width)


def test_nbconvert_webpdf_prints_the_figure_whole(site):
    """Page 1 of the PDF, at 288 dpi (3 px per CSS px): every head of the five panels."""
    rgb = np.asarray(Image.open(site["pdf_page"]).convert("RGB"))
    boxes = assert_shows(rgb, first_widget())
    assert boxes[-1][2] < rgb.shape[1] - 0.25 * 288  # Translation, the last panel, ends inside the margin
