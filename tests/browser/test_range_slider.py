"""The range slider as a user and assistive tech meet it: handles drawn where the model's
range says, two real sliders (role, name, values), keys as on a native range, pointer drags
and clicks on the track, and handles that stay grabbable where they meet."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from tests.harness.harness import show
from tests.helpers.colours import hex_of
from tests.helpers.views import drag_range_handle, range_readout, range_values

ACCENT = "#1f77b4"  # the fill and the handles' ring outside JupyterLab
N = 32  # the example's layers


@pytest.fixture
def view(page):
    show(page, HeadMapWidget(example_labels()))
    return page.locator(".view").first


def set_layers(page: Any, first: int, last: int) -> None:
    """The model's layer_range set as Python or a linked control sets it, then drawn."""
    page.evaluate("r => hw.models[0].set('layer_range', r)", [first, last])
    page.evaluate("hw.frame()")


def sent(page: Any) -> list[int]:
    return page.evaluate("hw.models[0].json().layer_range")


def centre(view: Any, handle: str) -> tuple[float, float]:
    box = view.locator(f".hw-layers .hw-range-{handle}").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def place(view: Any, layer: int) -> float:
    """Where on the page a layer's handle centre belongs: half a handle in from either end of
    the track, the layers evenly between (as on a native range)."""
    track = view.locator(".hw-layers .hw-range-track").bounding_box()
    thumb = view.locator(".hw-layers .hw-range-lo").bounding_box()["width"] / 2
    return track["x"] + thumb + (track["width"] - 2 * thumb) * layer / (N - 1)


@pytest.mark.parametrize("first,last", [(0, 31), (5, 20), (18, 31), (0, 0), (31, 31), (12, 13)])
def test_a_range_from_the_model_moves_the_handles_there(page, view, first, last):
    if (first, last) != (0, 31):
        set_layers(page, first, last)
    track = view.locator(".hw-layers .hw-range-track").bounding_box()
    for handle, layer in (("lo", first), ("hi", last)):
        x, y = centre(view, handle)
        assert abs(x - place(view, layer)) < 0.5, (handle, layer)
        box = view.locator(f".hw-layers .hw-range-{handle}").bounding_box()
        assert track["x"] <= box["x"] and box["x"] + box["width"] <= track["x"] + track["width"]
        assert track["y"] <= box["y"] and box["y"] + box["height"] <= track["y"] + track["height"]
    assert range_values(view) == (first, last)
    text = str(first) if first == last else f"{first}\u2013{last}"
    assert range_readout(view, "layer") == text


def test_the_fill_runs_between_the_handles(page, view):
    set_layers(page, 10, 20)
    track = view.locator(".hw-layers .hw-range-track")
    box = track.bounding_box()
    shot = Image.open(io.BytesIO(track.screenshot())).convert("RGB")
    bar = round(box["height"] / 2)  # the bar runs along the track's middle
    colour = lambda layer: hex_of(shot.getpixel((round(place(view, layer) - box["x"]), bar)))  # noqa: E731
    assert colour(15) == ACCENT  # between the handles
    assert colour(3) != ACCENT and colour(27) != ACCENT  # outside them: the bare track


def test_the_handles_are_sliders_to_assistive_tech(page, view):
    set_layers(page, 4, 20)
    first = view.get_by_role("slider", name="first layer", exact=True)
    last = view.get_by_role("slider", name="last layer", exact=True)
    # each handle's bounds are the other handle: it cannot pass it
    assert [first.get_attribute(a) for a in ("aria-valuemin", "aria-valuenow", "aria-valuemax")] == ["0", "4", "20"]
    assert [last.get_attribute(a) for a in ("aria-valuemin", "aria-valuenow", "aria-valuemax")] == ["4", "20", "31"]
    assert first.get_attribute("aria-valuetext") == "layer 4"
    assert last.get_attribute("aria-valuetext") == "layer 20"
    assert view.get_by_role("slider", name="first head", exact=True).get_attribute("aria-valuemax") == "31"
    # what Chromium's accessibility tree hands a screen reader
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    sliders = {
        n["name"]["value"]: {p["name"]: p["value"]["value"] for p in n["properties"]} | {"value": n["value"]["value"]}
        for n in nodes
        if n.get("role", {}).get("value") == "slider" and "layer" in n["name"]["value"]
    }
    assert set(sliders) == {"first layer", "last layer"}
    assert all(s["focusable"] is True for s in sliders.values())
    assert [sliders["first layer"][k] for k in ("valuemin", "value", "valuemax")] == [0, 4, 20]
    assert [sliders["last layer"][k] for k in ("valuemin", "value", "valuemax")] == [4, 20, 31]
    # in the page's tab order, one after the other
    first.focus()
    page.keyboard.press("Tab")
    assert last.evaluate("e => e === document.activeElement")


def test_keys_move_a_handle_as_on_a_native_range(page, view):
    first = view.get_by_role("slider", name="first layer", exact=True)
    last = view.get_by_role("slider", name="last layer", exact=True)
    # a page long enough to scroll, and a listener for keys that get past the slider
    page.evaluate("""() => {
        document.body.style.minHeight = '5000px';
        window.keysPast = 0;
        document.addEventListener('keydown', () => window.keysPast++);
    }""")
    last.focus()
    page.keyboard.press("Home")  # the last layer's handle goes no lower than the first's
    assert sent(page) == [0, 0]
    page.keyboard.press("PageUp")  # a tenth of the axis, rounded: 3 layers
    assert sent(page) == [0, 3]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")
    assert sent(page) == [0, 5]
    page.keyboard.press("End")
    assert sent(page) == [0, 31]
    first.focus()
    page.keyboard.press("End")  # stops at the last layer
    assert sent(page) == [31, 31]
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowLeft")
    assert sent(page) == [26, 31]
    page.evaluate("hw.frame()")
    assert range_values(view) == (26, 31)
    assert abs(centre(view, "lo")[0] - place(view, 26)) < 0.5  # drawn there too
    assert range_readout(view, "layer") == "26\u201331"
    # the keys were the slider's: the page did not scroll (End, PageDown, arrows would),
    # nothing around the slider saw them
    assert page.evaluate("window.scrollY") == 0
    assert page.evaluate("window.keysPast") == 0


def test_dragging_moves_by_whole_layers_and_stops_at_the_other_handle(page, view):
    set_layers(page, 10, 20)
    drag_range_handle(page, view, "lo", 25, N)  # past the last layer's handle
    assert sent(page) == [20, 20]
    drag_range_handle(page, view, "hi", 28, N)
    assert sent(page) == [20, 28]
    page.evaluate("hw.frame()")
    assert abs(centre(view, "hi")[0] - place(view, 28)) < 0.5
    assert view.get_by_role("slider", name="last layer", exact=True).evaluate("e => e === document.activeElement")


def test_a_click_on_the_track_moves_the_nearer_handle(page, view):
    set_layers(page, 10, 20)
    y = centre(view, "lo")[1]
    page.mouse.click(place(view, 4), y)
    assert sent(page) == [4, 20]
    page.mouse.click(place(view, 17), y)  # nearer the last layer's handle
    assert sent(page) == [4, 17]
    page.mouse.click(place(view, 9), y)  # nearer the first's
    assert sent(page) == [9, 17]


@pytest.mark.parametrize(
    "at,towards,moved", [(31, 20, [20, 31]), (0, 12, [0, 12]), (15, 8, [8, 15]), (15, 24, [15, 24])]
)
def test_handles_that_meet_can_be_pulled_apart(page, view, at, towards, moved):
    """Both handles on one layer: a drag from there moves whichever handle can go that way."""
    set_layers(page, at, at)
    x, y = centre(view, "lo")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(place(view, towards), y, steps=8)
    page.mouse.up()
    assert sent(page) == moved
