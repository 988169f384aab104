"""The head range: for models with 64 or 128 heads, crop the y axis like the layer range
crops x, in every panel, the axes, hover, selection and the count bars; a slider beside
the layer slider sets it, synced with Python."""

from __future__ import annotations

import numpy as np

from headwidget import HeadMapWidget
from headwidget.palette import palette_for
from tests.harness.harness import show
from tests.helpers.views import cell_color, count_bars, expected_ticks, range_readout, ticks

A, B = palette_for(2)["categories"]
GREY = palette_for(2)["unclassified"]
LAYERS, HEADS = 4, 12


def labels() -> np.ndarray:
    """4 layers x 12 heads x 2: head h of layer l is in A when l == h % 4, in B when h >= 8."""
    x = np.zeros((LAYERS, HEADS, 2), bool)
    for h in range(HEADS):
        x[h % 4, h, 0] = True
    x[:, 8:, 1] = True
    return x


def colour(page, panel: int, layer: int, head: int, heads: tuple[int, int]) -> str:
    """Screen colour of a head, for a panel expected to show exactly ``heads``."""
    n = heads[1] - heads[0] + 1
    return cell_color(page.locator(".view"), panel, layer, head - heads[0], layers=(0, LAYERS - 1), heads=n)


def model(page, name: str):
    return page.evaluate(f"hw.models[0].json().{name}")


def test_panels_axes_and_slider_show_only_the_head_range(page):
    show(page, HeadMapWidget(labels(), ["A", "B"], head_range=(4, 7)))
    box = page.locator(".hw-clip").first.bounding_box()
    # the box is the whole model's (4 x 12 cells) and the 4 heads shown fill it: cells 3x as tall as wide
    assert box["height"] == 3 * box["width"]
    # the head axis's own series, multiples of 12 // 5 = 2, inside the range
    assert ticks(page.locator(".view"), "y") == expected_ticks(page.locator(".view"), "y", (4, 7), HEADS) == [4, 6]
    assert range_readout(page, "head") == "4\u20137"
    for head in range(4, 8):
        for layer in range(LAYERS):
            want = A if layer == head % 4 else GREY
            assert colour(page, 1, layer, head, (4, 7)) == want, (layer, head)
            assert colour(page, 0, layer, head, (4, 7)) == want, (layer, head)


def test_python_and_slider_move_the_head_range(page):
    widget = HeadMapWidget(labels(), ["A", "B"])
    show(page, widget)
    widget.head_range = (8, 11)  # from Python, as the comm would deliver it
    page.evaluate("r => hw.models[0].set('head_range', r)", list(widget.head_range))
    page.evaluate("hw.frame()")
    assert ticks(page.locator(".view"), "y") == expected_ticks(page.locator(".view"), "y", (8, 11), HEADS) == [8, 10]
    assert colour(page, 2, 0, 8, (8, 11)) == B
    # the view's slider: keyboard on the "first head" handle
    page.locator(".hw-heads .hw-range-lo").focus()
    page.keyboard.press("ArrowLeft")
    page.evaluate("hw.frame()")
    assert model(page, "head_range") == [7, 11]
    widget.set_state({"head_range": model(page, "head_range")})
    assert widget.head_range == (7, 11)
    assert ticks(page.locator(".view"), "y") == [8, 10]  # 7..11: the series' 8 and 10


def test_hover_and_click_name_the_real_head(page):
    show(page, HeadMapWidget(labels(), ["A", "B"], head_range=(8, 11)))
    clip = page.locator(".hw-clip").nth(1)
    box = clip.bounding_box()
    cell_x, cell_y = box["width"] / LAYERS, box["height"] / 4  # 4 heads shown fill the box
    page.mouse.move(box["x"] + 1.5 * cell_x, box["y"] + 1.5 * cell_y)  # second column, second row
    assert page.locator(".hw-tooltip").inner_text().splitlines() == ["layer 1, head 9", "A, B"]
    page.mouse.down()
    page.mouse.up()
    page.evaluate("hw.frame()")
    assert model(page, "selected") == [[1, 9]]


def test_keyboard_cursor_stays_inside_the_head_range(page):
    show(page, HeadMapWidget(labels(), ["A", "B"], head_range=(4, 7)))
    page.locator(".hw-clip").first.focus()
    page.keyboard.press("ArrowUp")
    page.evaluate("hw.frame()")
    assert page.locator(".hw-live").inner_text().startswith("layer 0, head 4;")
    page.keyboard.press("PageDown")
    page.evaluate("hw.frame()")
    assert page.locator(".hw-live").inner_text().startswith("layer 0, head 7;")


def test_count_bars_count_the_shown_heads(page):
    widget = HeadMapWidget(labels(), ["A", "B"], show_counts=True)
    show(page, widget)
    # all heads: layer 0 has A at heads 0, 4, 8 (8 also in B) and B at 9, 10, 11 -> 6 classified
    assert [len(c) for c in count_bars(page, LAYERS)] == [40] * 4
    page.evaluate("hw.models[0].set('head_range', [0, 5])")  # A at heads 0, 4 / 1, 5 / 2 / 3; no B
    page.evaluate("hw.frame()")
    columns = count_bars(page, LAYERS)
    assert [len(c) for c in columns] == [40, 40, 20, 20]
    assert all(set(c) == {A} for c in columns)
    assert page.locator(".hw-counts").get_attribute("aria-label").endswith("heads 0 to 5")
