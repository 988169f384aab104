"""Static figures at paper sizes, and the overlap check every face's text boxes go through."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

import numpy as np

from headwidget import HeadMapWidget

SIZES = {"single": ("3.25in", 7), "double": ("7in", 8)}  # a column and a page of a two-column paper
SHAPES = {"32x32": (32, 32), "126x128": (126, 128)}
LEGENDS = ("left", "right", "top", "bottom", None)
# Category names as papers have them, one long enough to be cut in a narrow panel.
NAMES = [
    "Algorithmic",
    "Knowledge",
    "Linguistic",
    "Translation",
    "Induction and copying",
    "Syntax",
    "Retrieval",
    "Arithmetic",
    "Negation",
    "Coreference",
    "Position",
    "Rare tokens",
]
Box = tuple[str, float, float, float, float]  # (what, x0, y0, x1, y1), y down


@cache
def widget(shape: str, n_categories: int, crop: bool = False) -> HeadMapWidget:
    """A random map (denser in later layers, as the reference) of ``shape`` with the first
    ``n_categories`` names; ``crop``: a view of the later layers and a band of heads."""
    n_layers, n_heads = SHAPES[shape]
    rng = np.random.default_rng(n_layers + n_categories)
    later = np.linspace(0, 0.5, n_layers)[:, None, None]
    labels = rng.random((n_layers, n_heads, n_categories)) < later * rng.uniform(0.2, 1, n_categories)
    options = {"layer_range": (n_layers // 2 + 2, n_layers - 1), "head_range": (5, n_heads // 2)} if crop else {}
    names = [*NAMES, *(f"Task {i + 1}" for i in range(len(NAMES), n_categories))][:n_categories]
    return HeadMapWidget(labels, names, title="Heads by category (synthetic)", **options)


def cases() -> Iterator[tuple[str, HeadMapWidget, dict]]:
    """(id, widget, save options): both sizes and shapes, 1 to 12 categories, every legend
    side, count bars, a crop, explicit panels per row with cut titles, renamed axes; and
    19 and 40 categories (generated colours, a legend in columns) left and on top."""
    for size, (width, font) in SIZES.items():
        for n in (19, 40):
            for legend in ("left", "top"):
                yield (
                    f"{size}-32x32-many{n}-{legend}",
                    widget("32x32", n),
                    {"width": width, "font_size": font, "legend": legend},
                )
    for size, (width, font) in SIZES.items():
        for shape in SHAPES:
            for n in (1, 4, 8, 12):
                for legend in LEGENDS:
                    yield (
                        f"{size}-{shape}-{n}-{legend}",
                        widget(shape, n),
                        {"width": width, "font_size": font, "legend": legend},
                    )
            yield f"{size}-{shape}-counts", widget(shape, 4), {"width": width, "font_size": font, "counts": True}
            yield (
                f"{size}-{shape}-crop-counts-right",
                widget(shape, 8, crop=True),
                {"width": width, "font_size": font, "counts": True, "legend": "right"},
            )
            yield (
                f"{size}-{shape}-ncols",
                widget(shape, 8),
                {
                    "width": width,
                    "font_size": font,
                    "ncols": 3 if size == "single" else 5,
                    "legend": "bottom",
                    "counts": True,
                },
            )
            yield (
                f"{size}-{shape}-panels",
                widget(shape, 8),
                {
                    "width": width,
                    "font_size": font,
                    "panels": ["Induction and copying", "All Categories"],
                    "xlabel": "layer index",
                    "ylabel": "attention head",
                    "legend": "top",
                    "counts": True,
                },
            )


def overlaps(texts: Sequence[Box], solids: Sequence[Box], bounds: tuple[float, float], eps: float = 0.01) -> list[str]:
    """Every pair of texts that overlap, every text over a solid (a panel's cells, the count
    bars), and everything outside ``(0, 0) .. bounds``: one line each (empty when clean)."""
    problems = []
    width, height = bounds
    for name, x0, y0, x1, y1 in [*texts, *solids]:
        if x0 < -eps or y0 < -eps or x1 > width + eps or y1 > height + eps:
            problems.append(f"{name} ({x0:.1f}, {y0:.1f}, {x1:.1f}, {y1:.1f}) outside {width:.1f} x {height:.1f}")
    if texts:
        t = np.array([box[1:] for box in texts], dtype=float)
        hit = (t[:, None, 0] < t[None, :, 2] - eps) & (t[None, :, 0] < t[:, None, 2] - eps)
        hit &= (t[:, None, 1] < t[None, :, 3] - eps) & (t[None, :, 1] < t[:, None, 3] - eps)
        for i, j in zip(*np.nonzero(np.triu(hit, 1)), strict=True):
            problems.append(f"{texts[i]} overlaps {texts[j]}")
        for solid in solids:
            s = solid[1:]
            over = (t[:, 0] < s[2] - eps) & (s[0] < t[:, 2] - eps) & (t[:, 1] < s[3] - eps) & (s[1] < t[:, 3] - eps)
            problems += [f"{texts[i]} overlaps {solid}" for i in np.nonzero(over)[0]]
    return problems


def text_box(text) -> Box:
    """The line box a :class:`~headwidget.layout.Text` is given: its estimated width, ASCENT
    above and DESCENT below the baseline, turned for upright text."""
    from headwidget.layout import ASCENT, DESCENT, text_width

    width = text_width(text.text, text.size, bold=text.bold)
    start = {"start": 0, "middle": width / 2, "end": width}[text.anchor]
    above, below = ASCENT * text.size, DESCENT * text.size
    if text.upright:  # rotate(-90) about (x, y): (dx, dy) -> (dy, -dx), so it reads upwards, ascent left
        return (text.text, text.x - above, text.y - (width - start), text.x + below, text.y + start)
    return (text.text, text.x - start, text.y - above, text.x - start + width, text.y + below)


def layout_boxes(layout) -> tuple[list[Box], list[Box]]:
    """(texts, solids) of a :class:`~headwidget.figure.Layout` as it plans them."""
    texts = [layout.title] if layout.title else []
    texts += [row.text for row in layout.legend]
    solids = [
        ("swatch " + row.label, row.swatch.x, row.swatch.y, row.swatch.right, row.swatch.bottom)
        for row in layout.legend
    ]
    for panel in layout.panels:
        texts += [panel.title, *(t.label for t in panel.x_ticks + panel.y_ticks)]
        texts += [label for label in (panel.x_label, panel.y_label) if label]
        solids.append((f"cells {panel.title.text}", panel.plot.x, panel.plot.y, panel.plot.right, panel.plot.bottom))
    if layout.counts:
        texts += [t.label for t in layout.counts.ticks]
        box = layout.counts.box
        solids.append(("count bars", box.x, box.y, box.right, box.bottom))
    return [text_box(t) for t in texts], solids
