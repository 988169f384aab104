"""Reading what a user sees in a rendered widget: pixels, titles, legend, ticks.

Every function takes ``root``, a Playwright locator of one widget view (the
harness's ``.view`` or a ``.headwidget`` in a notebook's output).
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image


def hex_rgb(rgb: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


def panel_titles(root: Any) -> list[str]:
    return root.locator(".hw-panel-title").all_inner_texts()


def legend(root: Any) -> list[str]:
    return root.locator(".hw-legend-row").all_inner_texts()


def ticks(root: Any, axis: str, panel: int = 0) -> list[int]:
    return [int(t) for t in root.locator(".hw-panel").nth(panel).locator(f".hw-tick-{axis}").all_inner_texts()]


def cell_color(root: Any, panel: int, layer: int, head: int, *, layers: tuple[int, int], heads: int) -> str:
    """Colour on screen at the centre of a head's cell, from a screenshot of the panel.

    ``layers`` is the inclusive range the test expects the panel to show and
    ``heads`` the number of heads, so a panel that failed to crop reads wrong.
    """
    plot = root.locator(".hw-panel").nth(panel).locator(".hw-clip")
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    shot = Image.open(io.BytesIO(plot.screenshot())).convert("RGB")
    scale = shot.width / box["width"]  # device pixels per CSS pixel
    first, last = layers
    x = (layer - first + 0.5) * box["width"] / (last - first + 1) * scale
    y = (head + 0.5) * box["height"] / heads * scale
    return hex_rgb(shot.getpixel((int(x), int(y))))


def drag_range_handle(page: Any, root: Any, handle: str, to_layer: int, n_layers: int) -> None:
    """Drag the view's "lo" or "hi" layer handle with the mouse onto ``to_layer``."""
    track = root.locator(f".hw-layers .hw-range-{handle}")
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    thumb = 7  # half the handle's width: its centre sits 7 px in from either end
    value = int(track.input_value())
    usable = box["width"] - 2 * thumb
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + thumb + usable * value / (n_layers - 1), y)
    page.mouse.down()
    page.mouse.move(box["x"] + thumb + usable * to_layer / (n_layers - 1), y, steps=8)
    page.mouse.up()
