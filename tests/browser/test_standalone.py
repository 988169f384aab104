"""The standalone HTML export: opens from file:// with the network off, fully interactive."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from headwidget.palette import palette_for
from tests.helpers.display import displayed, static_svg
from tests.helpers.labels import NAMES, example_head
from tests.helpers.svg import SVG
from tests.helpers.views import (
    cell_color,
    drag_range_handle,
    expected_ticks,
    legend,
    panel_titles,
    range_readout,
    ticks,
)

PALETTE = palette_for(4)
EVIL = "</script><script>alert(1)</script>"


@pytest.fixture
def offline(browser):
    """A page that may load file:// URLs only; every other request is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.blocked = []
    page.errors = []
    page.dialogs = []

    def gate(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def open_file(page, path):
    page.goto(path.as_uri())
    page.wait_for_selector(".headwidget .hw-canvas")
    return page.locator(".headwidget").first


def test_html_is_interactive_offline(offline, tmp_path):
    widget = HeadMapWidget(example_labels(), layer_range=(18, 31), title="Offline")
    path = tmp_path / "map.html"
    widget.save(path)
    view = open_file(offline, path)
    assert panel_titles(view) == ["All Categories", *NAMES]
    assert range_readout(view, "layer") == "18\u201331"  # the saved view, not everything
    two = example_head(["Algorithmic", "Linguistic"], layers=(24, 31))
    assert cell_color(view, 0, *two, layers=(18, 31), heads=32) == PALETTE["multi"][0]
    # toggles and the slider work with no kernel
    view.get_by_role("button", name="Algorithmic").click()
    offline.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert panel_titles(view) == ["All Categories", "Knowledge", "Linguistic", "Translation"]
    assert cell_color(view, 0, *two, layers=(18, 31), heads=32) == PALETTE["categories"][2]
    drag_range_handle(offline, view, "lo", 24, 32)
    offline.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert range_readout(view, "layer") == "24\u201331"
    assert ticks(view, "x") == expected_ticks(view, "x", (24, 31), 32)
    assert 24 in ticks(view, "x")  # the axis's own series (multiples of 32 // 5 = 6), however thinned
    assert offline.blocked == [] and offline.errors == []


def test_html_keeps_the_head_range_and_the_keyboard_offline(offline, tmp_path):
    widget = HeadMapWidget(example_labels(), head_range=(16, 23))
    path = tmp_path / "heads.html"
    widget.save(path)
    view = open_file(offline, path)
    assert range_readout(view, "head") == "16–23"
    # the head axis's own series (multiples of 6) in 16..23: 18, however thin the cells
    assert ticks(view, "y") == expected_ticks(view, "y", (16, 23), 32) == [18]
    view.locator(".hw-clip").first.focus()
    offline.keyboard.press("ArrowRight")
    offline.keyboard.press("Enter")
    offline.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert view.locator(".hw-live").inner_text().startswith("layer 1, head 16;")
    assert view.locator(".hw-live").inner_text().endswith("selected (1 selected)")
    assert offline.blocked == [] and offline.errors == []


def test_html_full_shows_everything(offline, tmp_path):
    widget = HeadMapWidget(example_labels(), layer_range=(18, 31), visible=["Linguistic"])
    path = tmp_path / "full.html"
    widget.save(path, full=True)
    view = open_file(offline, path)
    assert panel_titles(view) == ["All Categories", *NAMES]
    assert range_readout(view, "layer") == "0\u201331"


def test_html_escapes_hostile_names(offline, tmp_path):
    labels = np.zeros((4, 3, 2), bool)
    labels[1, 1] = True
    widget = HeadMapWidget(labels, [EVIL, "<img src=x onerror=alert(2)>"], title=EVIL)
    path = tmp_path / "evil.html"
    widget.save(path)
    text = path.read_text()
    assert text.count("</script>") == 2  # only the two real script elements end
    view = open_file(offline, path)
    offline.wait_for_timeout(200)
    assert offline.dialogs == []
    assert panel_titles(view)[1:] == [EVIL, "<img src=x onerror=alert(2)>"]
    assert EVIL in legend(view)
    assert offline.title() == EVIL
    assert offline.locator("img").count() == 0
    assert offline.errors == []


def test_html_keeps_the_scores_control(offline, tmp_path):
    scores = np.linspace(0, 1, 30, dtype=np.float32).reshape(6, 5, 1)
    widget = HeadMapWidget.from_scores(scores, ["Score"], threshold=0.5)
    path = tmp_path / "scores.html"
    widget.save(path)
    view = open_file(offline, path)
    assert view.locator(".hw-rule").is_visible()
    assert cell_color(view, 0, 0, 1, layers=(0, 5), heads=5) == palette_for(1)["unclassified"]
    view.locator(".hw-rule input").focus()
    offline.keyboard.press("Home")
    offline.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert cell_color(view, 0, 0, 1, layers=(0, 5), heads=5) == palette_for(1)["categories"][0]


def test_display_bundle_svg_keeps_hostile_names_as_text(offline):
    import xml.etree.ElementTree as ET

    labels = np.zeros((4, 3, 3), bool)
    labels[1, 1] = True
    odd = "Übersetzung — 翻訳 %23 # %"  # non-ASCII and what a data: URL must escape
    widget = HeadMapWidget(labels, [EVIL, "<img src=x onerror=alert(2)>", odd], title=EVIL)
    live, static = displayed(widget)
    assert "application/vnd.jupyter.widget-view+json" in live  # the live view stays first
    texts = [t.text for t in ET.fromstring(static_svg(widget)).iter(f"{SVG}text")]
    assert EVIL in texts and "<img src=x onerror=alert(2)>" in texts and odd in texts
    # its HTML, inline in a page as every notebook viewer shows it: nothing runs, nothing is created
    offline.set_content(f"<!doctype html><body>{static['text/html']}</body>")
    offline.wait_for_timeout(200)
    assert offline.dialogs == []
    assert offline.locator("script").count() == 0
    figure = offline.locator("img")  # the figure, one element; the names are text inside its SVG
    assert figure.count() == 1 and figure.evaluate("img => img.complete && img.naturalWidth") == 672
    assert EVIL in figure.get_attribute("alt") and "<img src=x" in figure.get_attribute("alt")


def test_html_of_tasks_opens_a_category_into_its_tasks_offline(offline, tmp_path):
    from headwidget import example_task_scores
    from tests.helpers.colours import hex_of

    scores, tasks, groups = example_task_scores()
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, threshold=0.5)
    french, spanish = tasks.index("english_to_french"), tasks.index("english_to_spanish")
    only_french = np.argwhere(widget.task_labels[..., french] & ~widget.task_labels[..., spanish])
    layer, head = map(int, only_french[0])
    path = tmp_path / "tasks.html"
    widget.save(path)
    view = open_file(offline, path)
    view.get_by_role("button", name="Translation: show its 2 tasks").click()
    offline.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    task_panels = view.locator(".hw-task-panel")
    assert task_panels.locator(".hw-panel-title").all_inner_texts() == ["english_to_french", "english_to_spanish"]
    colours = []
    for i in range(2):
        plot = task_panels.nth(i).locator(".hw-clip")
        plot.scroll_into_view_if_needed()
        box = plot.bounding_box()
        shot = Image.open(io.BytesIO(plot.screenshot())).convert("RGB")
        scale = shot.width / box["width"]
        x, y = (layer + 0.5) * box["width"] / 32 * scale, (head + 0.5) * box["height"] / 32 * scale
        colours.append(hex_of(shot.getpixel((int(x), int(y)))))
    translation = PALETTE["categories"][widget.categories.index("Translation")]
    assert colours == [translation, PALETTE["unclassified"]]
    assert offline.blocked == [] and offline.errors == []
