"""Reading what a user sees in a rendered view: pixels, titles, legend, ticks."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image


def hex_rgb(rgb: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


def panel_titles(page: Any, view: int = 0) -> list[str]:
    return page.locator(".view").nth(view).locator(".hw-panel-title").all_inner_texts()


def legend(page: Any, view: int = 0) -> list[str]:
    return page.locator(".view").nth(view).locator(".hw-legend-row").all_inner_texts()


def ticks(page: Any, axis: str, panel: int = 0, view: int = 0) -> list[int]:
    texts = page.locator(".view").nth(view).locator(".hw-panel").nth(panel).locator(f".hw-tick-{axis}")
    return [int(t) for t in texts.all_inner_texts()]


def cell_color(
    page: Any, panel: int, layer: int, head: int, *, layers: tuple[int, int], heads: int, view: int = 0
) -> str:
    """Colour on screen at the centre of a head's cell, from a screenshot of the panel.

    ``layers`` is the inclusive range the test expects the panel to show and
    ``heads`` the number of heads, so a panel that failed to crop reads wrong.
    """
    canvas = page.locator(".view").nth(view).locator(".hw-panel").nth(panel).locator(".hw-clip")
    box = canvas.bounding_box()
    shot = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    scale = shot.width / box["width"]  # device pixels per CSS pixel
    first, last = layers
    x = (layer - first + 0.5) * box["width"] / (last - first + 1) * scale
    y = (head + 0.5) * box["height"] / heads * scale
    return hex_rgb(shot.getpixel((int(x), int(y))))
