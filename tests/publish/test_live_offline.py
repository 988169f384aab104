"""One setting turns on the LIVE head map in published pages, offline (headwidget.embed).

Sphinx + myst-nb with ``extensions = ["myst_nb", "headwidget.sphinx"]``, and
``jupyter nbconvert --to headwidget`` / ``--to headwidget_webpdf``: each page (or PDF) is built
once per module, the three builds at once, then opened in Debian's Chromium with every request
that is not to 127.0.0.1 or file: aborted and recorded. A user sees the live view drawn (titles,
a head's colour), its static figure present but hidden, a toggle working with no kernel, no
request leaving and no console error. Hostile saved state stays text, and a malformed model is
skipped with a warning while the rest of the page draws.
"""

from __future__ import annotations

import base64
import copy
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from headwidget import HeadMapWidget
from tests.helpers.colours import close, hex_of, rgb_of
from tests.helpers.display import displayed
from tests.helpers.labels import NAMES, example_head, staircase
from tests.helpers.published import Run, jupyter_env, notebook, offline_page, playwright_browsers, serve
from tests.helpers.views import cell_color, panel_titles

if not os.environ.get("CI"):  # in CI a missing package is an error, never a skip
    pytest.importorskip("nbconvert")
    pytest.importorskip("myst_nb")

EXAMPLE = "from headwidget import HeadMapWidget, example_labels\nHeadMapWidget(example_labels(), layer_range=(18, 31))"
LAYERS = (18, 31)
ALL_PANELS = ["All Categories", *NAMES]
GREEN = "#2ca02c"  # Linguistic, the third category colour
# The staircase (tests/helpers/labels.py): head (k, k) in k categories, head (5, 0) in the last only.
STAIRS = (
    "import numpy as np\nfrom headwidget import HeadMapWidget\nx = np.zeros((6, 5, 4), bool)\n"
    "for k in range(5): x[k, k, :k] = True\nx[5, 0, 3] = True\n"
    f"HeadMapWidget(x, {NAMES!r})"
)
STAIR_COLOURS = {(1, 1): "#1f77b4", (2, 2): "#9467bd", (3, 3): "#8c564b", (4, 4): "#e377c2", (5, 0): "#d62728"}
HOSTILE = "</script><img src=x onerror=alert(1)>"
RENDERED = "application/vnd.headwidget.rendered+json"
VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def built(browser, tmp_path_factory):
    """The Sphinx site, the nbconvert page of the example, and the staircase as HTML and PDF,
    built at once (each executes its notebook in a fresh kernel)."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the webpdf test but pdftoppm (poppler-utils) is missing")
        pytest.skip("pdftoppm (poppler-utils) is missing")
    root = tmp_path_factory.mktemp("publish")
    env = jupyter_env(root / "jupyter")
    site, page, pdf = (root / name for name in ("site", "page", "pdf"))
    for folder in (site, page, pdf):
        folder.mkdir()
    notebook(site / "index.ipynb", EXAMPLE)
    (site / "conf.py").write_text('extensions = ["myst_nb", "headwidget.sphinx"]\n')
    notebook(page / "widget.ipynb", EXAMPLE)
    notebook(pdf / "stairs.ipynb", STAIRS)
    nbconvert = [sys.executable, "-m", "jupyter", "nbconvert", "--execute"]
    pdf_env = {**env, "PLAYWRIGHT_BROWSERS_PATH": str(playwright_browsers(root / "browsers"))}
    runs = [
        Run.start("sphinx-build", [sys.executable, "-m", "sphinx", "-q", "-b", "html", ".", "_build"], site, env),
        Run.start("nbconvert --to headwidget", [*nbconvert, "--to", "headwidget", "widget.ipynb"], page, env),
        Run.start("nbconvert --to headwidget (stairs)", [*nbconvert, "--to", "headwidget", "stairs.ipynb"], pdf, env),
        Run.start(
            "nbconvert --to headwidget_webpdf",
            [*nbconvert, "--to", "headwidget_webpdf", "--WebPDFExporter.disable_sandbox=True", "stairs.ipynb"],
            pdf,
            pdf_env,
        ),
    ]
    for run in runs:  # at once: each time is from the common start to that build's end
        print(f"{run.name}: done after {run.wait():.1f} s")
    started = time.monotonic()
    subprocess.run(["pdftoppm", "-r", "96", "-png", "stairs.pdf", "stairs"], cwd=pdf, check=True, timeout=60)
    print(f"pdftoppm: {time.monotonic() - started:.1f} s")
    for path in (site / "_build" / "index.html", page / "widget.html", pdf / "stairs.html", pdf / "stairs.pdf"):
        print(f"{path.relative_to(root)}: {path.stat().st_size:,} bytes")
    return {"site": site / "_build", "page": page / "widget.html", "pdf": pdf}


def check_live_example(page) -> None:
    """The example's live view as a user sees it, and a toggle that works with no kernel."""
    started = time.monotonic()
    page.locator(".headwidget .hw-panel canvas").first.wait_for(timeout=20_000)
    print(f"page load to a drawn view: {time.monotonic() - started:.2f} s")
    seen = f"outside: {page.outside}, errors: {page.errors}, warnings: {page.warnings}"
    view = page.locator(".headwidget")
    assert view.count() == 1, seen
    static = page.locator("[data-headwidget-static]")
    assert static.count() == 1 and static.locator("img").count() == 1, seen
    assert not static.is_visible(), seen  # hidden: the live view drew
    assert page.locator(f'script[type="{RENDERED}"]').count() == 1, seen
    assert panel_titles(view) == ALL_PANELS, seen
    layer, head = example_head(["Linguistic"], LAYERS)
    assert cell_color(view, 0, layer, head, layers=LAYERS, heads=32) == GREEN, seen
    assert cell_color(view, ALL_PANELS.index("Linguistic"), layer, head, layers=LAYERS, heads=32) == GREEN, seen
    knowledge = view.get_by_role("button", name="Knowledge")
    knowledge.click()
    page.wait_for_function("() => document.querySelectorAll('.headwidget .hw-panel').length === 4")
    assert panel_titles(view) == [t for t in ALL_PANELS if t != "Knowledge"], seen
    assert knowledge.get_attribute("aria-pressed") == "false", seen
    assert page.outside == [], page.outside
    assert page.errors == [], page.errors
    assert not [w for w in page.warnings if "headwidget" in w], page.warnings


def test_sphinx_site_draws_the_live_view_offline(browser, built):
    html = (built["site"] / "index.html").read_text(encoding="utf-8")
    assert "_static/headwidget-embed.js" in html and "cdn.jsdelivr" not in html and "require.min.js" not in html
    assert (built["site"] / "_static" / "headwidget-embed.js").read_bytes() == _bundle()
    with serve(built["site"]) as base, offline_page(browser, viewport={"width": 1400, "height": 1000}) as page:
        page.goto(base + "index.html")
        check_live_example(page)


def test_nbconvert_page_draws_the_live_view_offline(browser, built):
    html = built["page"].read_text(encoding="utf-8")
    assert "<script src=" not in html  # one file: no require.js, no html-manager, no MathJax
    with offline_page(browser, viewport={"width": 1400, "height": 1000}) as page:
        page.goto(built["page"].as_uri())
        check_live_example(page)


def test_webpdf_prints_the_live_panels(browser, built):
    """The PDF's first page at 96 dpi holds the live panels where the page lays them out
    (print media, Playwright's 1280 x 720 viewport, Letter's 0.5 in = 48 px margins)."""
    from PIL import Image

    png = Image.open(built["pdf"] / "stairs-1.png").convert("RGB")
    with offline_page(browser, viewport={"width": 1280, "height": 720}) as page:
        page.emulate_media(media="print")
        page.goto((built["pdf"] / "stairs.html").as_uri())
        page.locator(".headwidget .hw-panel canvas").first.wait_for(timeout=20_000)
        clips = page.locator(".headwidget .hw-clip")
        assert panel_titles(page.locator(".headwidget")) == ALL_PANELS
        boxes = [clips.nth(i).bounding_box() for i in range(clips.count())]
        assert page.outside == [] and page.errors == [], (page.outside, page.errors)
    seen = []
    for (layer, head), colour in STAIR_COLOURS.items():
        for panel in (0, 4) if (layer, head) == (5, 0) else (0,):
            box = boxes[panel]
            x = 48 + box["x"] + (layer + 0.5) * box["width"] / 6
            y = 48 + box["y"] + (head + 0.5) * box["height"] / 5
            pixel = png.getpixel((round(x), round(y)))
            seen.append((panel, layer, head, hex_of(pixel), colour))
    print(f"PDF cells (panel, layer, head, seen, expected): {seen}")
    assert all(close(rgb_of(got), rgb_of(want), tol=8) for *_, got, want in seen), seen


def test_hostile_and_malformed_state(browser, tmp_path):
    """A name made of HTML stays text; bad models are skipped with a warning, the rest draws;
    another widget's view is left as it was."""
    import ipywidgets
    import nbformat
    from ipywidgets.embed import embed_data

    from headwidget.nbconvert import HTMLExporter

    hostile = HeadMapWidget(staircase(), [HOSTILE, "B", "C", "D"], title=HOSTILE)
    broken = {name: HeadMapWidget(staircase(), NAMES) for name in ("shape", "proto", "short", "base64")}
    last = HeadMapWidget(staircase(), NAMES)
    slider = ipywidgets.IntSlider(3)
    widgets = [hostile, *broken.values(), slider, last]
    state = embed_data(views=widgets, drop_defaults=False)["manager_state"]
    models = state["state"]

    def bits(widget):
        (buffer,) = models[widget.model_id]["buffers"]
        return buffer

    models[broken["shape"].model_id]["state"]["_data"]["shape"] = [6, "x", 4]
    bits(broken["proto"])["path"] = ["__proto__", "polluted"]
    bits(broken["short"])["data"] = base64.b64encode(b"\x01").decode()
    bits(broken["base64"])["data"] = "!!not base64!!"
    cells = []
    for widget in widgets:
        outputs = displayed(widget) if isinstance(widget, HeadMapWidget) else [widget._repr_mimebundle_()]
        cell = nbformat.v4.new_code_cell("w")
        cell.outputs = [nbformat.v4.new_output("display_data", data=copy.deepcopy(data)) for data in outputs]
        cells.append(cell)
    widgets_metadata = {"application/vnd.jupyter.widget-state+json": state}
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"widgets": widgets_metadata})
    html, _ = HTMLExporter().from_notebook_node(nb)
    # A second saved state that is not JSON at all.
    html = html.replace("</body>", '<script type="application/vnd.jupyter.widget-state+json">{not json</script></body>')
    page_file = tmp_path / "hostile.html"
    page_file.write_text(html, encoding="utf-8")

    with offline_page(browser, viewport={"width": 1400, "height": 1000}) as page:
        page.goto(page_file.as_uri())
        page.wait_for_function(
            "() => document.querySelectorAll('.headwidget .hw-panel canvas').length >= 10", timeout=10_000
        )
        page.wait_for_timeout(300)  # an alert, had the name been parsed as HTML, comes at once
        seen = f"errors: {page.errors}, warnings: {page.warnings}, dialogs: {page.dialogs}"
        views = page.locator(".headwidget")
        assert views.count() == 2, seen  # the hostile one and the last; the four broken skipped
        assert panel_titles(views.nth(0)) == ["All Categories", HOSTILE, "B", "C", "D"], seen
        assert views.nth(0).locator(".hw-title").inner_text() == HOSTILE, seen
        assert page.dialogs == [] and page.locator('img[src="x"]').count() == 0, seen
        assert page.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined")
        assert cell_color(views.nth(1), 0, 2, 2, layers=(0, 5), heads=5) == STAIR_COLOURS[2, 2], seen
        statics = page.locator("[data-headwidget-static]")
        assert [statics.nth(i).is_visible() for i in range(statics.count())] == [False, True, True, True, True, False]
        assert page.locator(f'script[type="{RENDERED}"]').count() == 2, seen
        assert page.locator(f'script[type="{VIEW}"]').count() == 5, seen  # four broken, the slider
        ours = [w for w in page.warnings if w.startswith("headwidget:")]
        assert len(ours) == 5, seen  # four models and the state that is not JSON
        assert all(model.model_id in " ".join(ours) for model in broken.values()), ours
        assert page.errors == [] and page.outside == [], seen


def test_importing_headwidget_imports_neither_nbconvert_nor_sphinx():
    code = "import sys, headwidget.embed; print(sorted({'nbconvert', 'sphinx', 'myst_nb'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_exporters_are_registered_entry_points():
    from nbconvert.exporters import get_exporter

    from headwidget import nbconvert

    assert get_exporter("headwidget") is nbconvert.HTMLExporter
    assert get_exporter("headwidget_webpdf") is nbconvert.WebPDFExporter


def test_sphinx_replaces_only_myst_nb_defaults():
    from myst_nb.core.config import ipywidgets_js_factory

    from headwidget.sphinx import SCRIPT_NAME, widget_scripts

    defaults = ipywidgets_js_factory()
    assert widget_scripts(defaults) == {SCRIPT_NAME: {}}
    mine = {"https://example.org/other.js": {"defer": "defer"}}
    assert list(widget_scripts({**defaults, **mine})) == [SCRIPT_NAME, *mine]
    changed = {next(iter(defaults)): {"crossorigin": "use-credentials"}}  # a default URL the user changed
    assert widget_scripts(changed) == {SCRIPT_NAME: {}, **changed}


def test_cdn_scripts_only_when_the_notebook_needs_them():
    import nbformat

    from headwidget.nbconvert import has_tex, uses_require

    def nb(*cells):
        return nbformat.v4.new_notebook(cells=list(cells))

    code = nbformat.v4.new_code_cell("")
    plotly = "<script>require(['plotly'], f)</script>"
    code.outputs = [nbformat.v4.new_output("display_data", data={"text/html": plotly})]
    assert uses_require(nb(code)) and not has_tex(nb(code))
    custom = nbformat.v4.new_code_cell("")
    custom.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "customElements.define('x-y', C)"})]
    assert not uses_require(nb(custom))
    assert has_tex(nb(nbformat.v4.new_markdown_cell("Energy $E = mc^2$")))
    assert not has_tex(nb(nbformat.v4.new_markdown_cell("No maths here.")))


def _bundle() -> bytes:
    from headwidget.embed import SCRIPT

    return Path(SCRIPT).read_bytes()


def test_exporter_options_the_user_sets_still_apply(tmp_path):
    """Template folders of the user's own keep ours; an html-manager URL is loaded after
    embed.js, with the require.js it needs."""
    import nbformat

    from headwidget.nbconvert import TEMPLATES, HTMLExporter

    state = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0, "state": {}}}
    nb = nbformat.v4.new_notebook(metadata={"widgets": state})
    exporter = HTMLExporter(extra_template_basedirs=[str(tmp_path)])
    assert exporter.extra_template_basedirs == [str(tmp_path), str(TEMPLATES)]
    plain, _ = exporter.from_notebook_node(nb)
    assert "<script src=" not in plain and "vnd.headwidget.rendered" in plain
    manager = "http://127.0.0.1:1/embed-amd.js"
    html, _ = HTMLExporter(widget_renderer_url=manager).from_notebook_node(nb)
    assert html.index("vnd.headwidget.rendered") < html.index(manager) and "require.min.js" in html
