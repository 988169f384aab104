"""Reading and driving what a user sees in a rendered widget: pixels, titles, legend, ticks,
hover and outlines, count bars, the range sliders.

``root`` is a Playwright locator of one widget view (the harness's ``.view``, or a
``.headwidget`` in a notebook's output or an exported page); ``page`` is the whole page.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from .colours import hex_of


def panel_titles(root: Any) -> list[str]:
    return root.locator(".hw-panel-title").all_inner_texts()


def legend(root: Any) -> list[str]:
    return root.locator(".hw-legend-row").all_inner_texts()


# Whether a text element is drawn where a user can see it: rendered, not hidden, and inside
# the widget's box (a panel keeps the labels of values it showed before parked far outside
# it, to show them again by moving them alone).
_IN_VIEW = """(e) => {
    if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') return false;
    const b = e.getBoundingClientRect();
    const view = e.closest('.headwidget').getBoundingClientRect();
    return b.right > view.left && b.left < view.right && b.bottom > view.top && b.top < view.bottom;
}"""

# A panel axis's visible labels, in order along the axis: [text, box].
_TICK_LABELS = f"""(ticks, axis) => [...ticks.querySelectorAll('.hw-tick')]
    .filter({_IN_VIEW})
    .map((t) => {{
        const b = t.getBoundingClientRect();
        return [t.textContent, {{x: b.x, y: b.y, width: b.width, height: b.height}}];
    }})
    .sort((a, b) => (axis === 'x' ? a[1].x - b[1].x : a[1].y - b[1].y))"""


# The text a range slider's readout shows: the one of its texts in view (it keeps the texts
# shown before, parked far outside the widget, to show them again by moving them alone).
_READOUT = f"""(readout) => [...readout.querySelectorAll('.hw-range-shown')]
    .filter({_IN_VIEW})
    .map((t) => t.textContent)
    .join(' ')"""


def range_readout(root: Any, noun: str) -> str:
    """What the layer ("layer") or head ("head") range slider's readout shows."""
    return root.locator(f".hw-{noun}s .hw-range-value").evaluate(_READOUT)


def wait_for_readout(page: Any, root: Any, noun: str, text: str, timeout: float = 10_000) -> None:
    """Wait until the layer or head range slider's readout shows ``text``."""
    readout = root.locator(f".hw-{noun}s .hw-range-value").element_handle()
    page.wait_for_function(f"([e, want]) => ({_READOUT})(e) === want", arg=[readout, text], timeout=timeout)


def tick_labels(root: Any, axis: str, panel: int = 0) -> list[tuple[int, dict]]:
    """The tick labels shown on a panel's layer ("x") or head ("y") axis (not the count bars'
    scale), in order along the axis, each with its box in CSS px."""
    box = root.locator(".hw-panel").nth(panel).locator(f".hw-{axis}ticks")
    found = box.evaluate(f"(ticks) => ({_TICK_LABELS})(ticks, {axis!r})")
    return [(int(text), rect) for text, rect in found]


def ticks(root: Any, axis: str, panel: int = 0) -> list[int]:
    """The values of the tick labels shown on a panel's axis, in order along it."""
    return [value for value, _ in tick_labels(root, axis, panel)]


def expected_ticks(root: Any, axis: str, shown: tuple[int, int], n: int, panel: int = 0) -> list[int]:
    """The ticks Python's rule gives for the shown values ``shown`` of an axis of ``n``, at the
    cell size and tick font size the panel has on screen (its cells are square)."""
    from headwidget.layout import min_tick_step, tick_values

    first, last = shown
    element = root.locator(".hw-panel").nth(panel)
    box = element.locator(".hw-clip").bounding_box()
    cell = box["width" if axis == "x" else "height"] / (last - first + 1)
    font = float(element.locator(f".hw-{axis}ticks").evaluate("e => getComputedStyle(e).fontSize")[:-2])
    return tick_values(first, last, n, min_tick_step(axis, last, cell, font))


def cell_color(
    root: Any, panel: int, layer: int, head: int, *, layers: tuple[int, int], heads: int | tuple[int, int]
) -> str:
    """Colour on screen at the centre of a head's cell, from a screenshot of the panel.

    ``layers`` is the inclusive range the test expects the panel to show and ``heads`` the
    number of heads (all shown) or the inclusive range shown, so a panel that failed to crop
    reads wrong. The crop fills the panel's box: a cell is the box over the shown values.
    """
    return cell_colors(root, panel, layers=layers, heads=heads, only=(layer, head))[0][0]


def cell_colors(
    root: Any,
    panel: int,
    *,
    layers: tuple[int, int],
    heads: int | tuple[int, int],
    only: tuple[int, int] | None = None,
) -> list[list[str]]:
    """Colours at the centre of every shown head's cell ([layer][head]), from one screenshot
    (or of the head ``only``, as [[colour]])."""
    plot = root.locator(".hw-panel").nth(panel).locator(".hw-clip")
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    shot = Image.open(io.BytesIO(plot.screenshot())).convert("RGB")
    scale = shot.width / box["width"]  # device pixels per CSS pixel
    first, last = layers
    top, bottom = (0, heads - 1) if isinstance(heads, int) else heads
    cell_x = box["width"] / (last - first + 1) * scale
    cell_y = box["height"] / (bottom - top + 1) * scale
    at = lambda layer, head: hex_of(  # noqa: E731
        shot.getpixel((int((layer - first + 0.5) * cell_x), int((head - top + 0.5) * cell_y)))
    )
    if only is not None:
        return [[at(*only)]]
    return [[at(layer, head) for head in range(top, bottom + 1)] for layer in range(first, last + 1)]


def range_values(root: Any, noun: str = "layer") -> tuple[int, int]:
    """The (first, last) a range slider's handles say, found and read as assistive tech does
    (the sliders named "first layer" and "last layer", their ``aria-valuenow``)."""
    value = lambda end: int(root.get_by_role("slider", name=f"{end} {noun}", exact=True).get_attribute("aria-valuenow"))  # noqa: E731
    return value("first"), value("last")


def drag_range_handle(page: Any, root: Any, handle: str, to_layer: int, n_layers: int) -> None:
    """Drag the view's "lo" or "hi" layer handle with the mouse onto ``to_layer``: pressed
    where the handle is drawn, released where that layer's place on the track is."""
    knob = root.locator(f".hw-layers .hw-range-{handle}")
    knob.scroll_into_view_if_needed()
    at = knob.bounding_box()
    track = root.locator(".hw-layers .hw-range-track").bounding_box()
    thumb = at["width"] / 2  # a handle's centre runs from half its width in from either end
    usable = track["width"] - 2 * thumb
    y = at["y"] + at["height"] / 2
    page.mouse.move(at["x"] + thumb, y)
    page.mouse.down()
    page.mouse.move(track["x"] + thumb + usable * to_layer / (n_layers - 1), y, steps=8)
    page.mouse.up()


# The two below are for harness pages of 5 heads (the staircase), all shown: a cell is a fifth
# of a panel's height and the panel's width over the layers shown (the crop fills the box).


def shown_layers(page: Any, view: int = 0) -> int:
    """How many layers a view shows, read from its layer slider."""
    first, last = range_values(page.locator(".view").nth(view))
    return last - first + 1


def hover(page: Any, panel: int, layer: int, head: int, *, first: int = 0, view: int = 0) -> None:
    """Move the pointer onto a head's cell; ``first`` is the first layer the panel shows."""
    clip = page.locator(".view").nth(view).locator(".hw-clip").nth(panel)
    box = clip.bounding_box()
    cell_x, cell_y = box["width"] / shown_layers(page, view), box["height"] / 5
    page.mouse.move(box["x"] + (layer - first + 0.5) * cell_x, box["y"] + (head + 0.5) * cell_y)


def ring_colour(page: Any, panel: int, layer: int, head: int) -> str:
    """Colour just inside the left edge of a cell (``layer`` counts the columns shown): the
    outline if the head is outlined."""
    clip = page.locator(".hw-clip").nth(panel)
    box = clip.bounding_box()
    shot = Image.open(io.BytesIO(clip.screenshot())).convert("RGB")
    cell_x, cell_y = box["width"] / shown_layers(page), box["height"] / 5
    return hex_of(shot.getpixel((int(layer * cell_x + 1), int(head * cell_y + cell_y / 2))))


def count_bars(page: Any, n_layers: int) -> list[list[str]]:
    """Per shown layer, the colours of the count bar from the bottom up, one entry per CSS pixel."""
    canvas = page.locator(".hw-counts")
    canvas.scroll_into_view_if_needed()
    # the canvas as painted: Chromium puts its edges on whole pixels (its box may sit at a
    # fraction, and an element screenshot would then take in the baseline below it)
    box = canvas.bounding_box()
    top, left = round(box["y"]), round(box["x"])
    clip = {"x": left, "y": top, "width": round(box["x"] + box["width"]) - left}
    clip["height"] = round(box["y"] + box["height"]) - top
    shot = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")
    columns = []
    for i in range(n_layers):
        x = int((i + 0.5) * shot.width / n_layers)
        column = [hex_of(shot.getpixel((x, y))) for y in range(shot.height - 1, -1, -1)]
        columns.append([c for c in column if c != "#ffffff"])
    return columns


# ------------------------------------------------------------ geometry of a view


def panel_rows(root: Any) -> list[int]:
    """How many panels each row of the view holds, top to bottom (panels grouped by their top)."""
    tops = [round(b["y"]) for b in (p.bounding_box() for p in root.locator(".hw-panel").all())]
    rows: dict[int, int] = {}
    for top in tops:
        rows[top] = rows.get(top, 0) + 1
    return [rows[t] for t in sorted(rows)]


def cells(root: Any, shown: tuple[int, int]) -> list[tuple[float, float]]:
    """Each panel's cell width and height in CSS px, from its plot's box and the shown heads."""
    n_layers, n_heads = shown
    return [
        (b["width"] / n_layers, b["height"] / n_heads)
        for b in (c.bounding_box() for c in root.locator(".hw-clip").all())
    ]


# The text a user reads: widget and panel titles, tick labels, axis labels, legend labels.
TEXT = ".hw-title, .hw-panel-title, .hw-tick, .hw-xlabel, .hw-ylabel, .hw-legend-row > span:last-child"

_TEXT_BOXES = f"""(root, selector) => {{
    // a title is cut to its box (ellipsis); other text is measured as laid out, glyphs only
    // (a Range over the text: no padding, and rotated as "head" is)
    const box = (e) => {{
        if (e.matches('.hw-title, .hw-panel-title')) return e.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(e);
        return range.getBoundingClientRect();
    }};
    return [...root.querySelectorAll(selector)]
        .filter((e) => e.textContent.trim() && ({_IN_VIEW})(e))
        .map((e) => {{
            const b = box(e);
            const kind = e.className;
            return {{text: e.textContent, kind, left: b.left, top: b.top, right: b.right, bottom: b.bottom}};
        }});
}}"""


def text_boxes(root: Any) -> list[dict]:
    """Every visible text element of the view with its box in CSS px."""
    return root.evaluate(_TEXT_BOXES, TEXT)


def overlapping_text(root: Any, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of text elements whose boxes overlap by more than ``tolerance`` px both ways."""
    boxes = text_boxes(root)
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            across = min(a["right"], b["right"]) - max(a["left"], b["left"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if across > tolerance and down > tolerance:
                pairs.append((f"{a['kind']}:{a['text']}", f"{b['kind']}:{b['text']}"))
    return pairs


def overflowing(container: Any, tolerance: float = 0.5) -> list[str]:
    """Elements (and text) of the view that reach outside ``container``'s box left or right.

    What a plot clips (its canvas, sized for every head, behind the clip) is not counted."""
    box = container.bounding_box()
    left, right = box["x"] - tolerance, box["x"] + box["width"] + tolerance
    outside = container.evaluate(
        """(root) => [...root.querySelectorAll('*')]
            .filter((e) => !e.parentElement.closest('.hw-clip') && e.getClientRects().length)
            .map((e) => {
                const b = e.getBoundingClientRect();
                return [e.className.baseVal ?? e.className, b.left, b.right, b.width];
            })
            .filter(([, , , width]) => width > 0)""",
    )
    found = [f"{kind} {a:.1f}..{b:.1f}" for kind, a, b, _ in outside if a < left or b > right]
    found += [f"text {t['text']!r}" for t in text_boxes(container) if t["left"] < left or t["right"] > right]
    return found
