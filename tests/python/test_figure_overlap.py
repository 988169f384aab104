"""The matplotlib face at paper sizes, measured as matplotlib renders it: no two texts
overlap, no text covers a panel's cells or the count bars, nothing falls outside the
figure, and the figure has the requested width. (The SVG in Chromium:
``tests/browser/test_svg_layout.py``.)"""

from __future__ import annotations

import pytest

from headwidget.layout import text_width
from headwidget.size import parse_width
from tests.helpers.figures import cases, overlaps

# Every legend side at 4 categories, the fewest and most categories once, and the extras:
# the SVG test in Chromium takes the whole matrix (tests.helpers.figures.cases).
CASES = [
    c
    for c in cases()
    if "-8-" not in c[0] and not any(f"-{n}-{side}" in c[0] for n in (1, 12) for side in ("right", "bottom", "None"))
]


def text_boxes(fig, renderer) -> list[tuple]:
    """(text, x0, y0, x1, y1) of every visible, non-empty text, in px from the top-left."""
    from matplotlib.text import Text

    height = fig.bbox.height
    boxes = []
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text():
            box = text.get_window_extent(renderer)
            boxes.append((text.get_text(), box.x0, height - box.y1, box.x1, height - box.y0))
    return sorted(set(boxes))


@pytest.mark.parametrize(("name", "widget", "options"), CASES, ids=[c[0] for c in CASES])
def test_matplotlib_texts_do_not_overlap(name, widget, options):
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = widget.to_matplotlib(**options)
    fig.set_dpi(96)  # one figure px per layout px
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    height = fig.bbox.height
    assert fig.bbox.width == pytest.approx(parse_width(options["width"]), abs=0.01)
    texts = text_boxes(fig, renderer)
    assert len(texts) > 10
    solids = []
    for ax in fig.axes:
        box = ax.get_window_extent(renderer)
        solids.append((f"axes {ax.get_title()!r}", box.x0, height - box.y1, box.x1, height - box.y0))
    problems = overlaps(texts, solids, (fig.bbox.width, height))
    assert not problems, "\n".join(problems[:20])
    # The layout's width estimate is never short of matplotlib's rendering.
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text():
            box = text.get_window_extent(renderer)
            along = box.height if text.get_rotation() == 90 else box.width
            bold = text.get_fontweight() in ("bold", 700)
            assert along <= text_width(text.get_text(), text.get_fontsize() * 96 / 72, bold=bold), text.get_text()
