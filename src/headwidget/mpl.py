"""The figure through matplotlib: a ``Figure`` to restyle, and PNG / PDF files.

Needs matplotlib (``pip install "headwidget[export]"``); it is imported only
when one of these functions runs. The figure is built on
:class:`matplotlib.figure.Figure` directly (no pyplot), so no GUI backend is
involved. It draws the same :class:`~headwidget.figure.Layout` as the SVG writer:
the figure is the layout's px at 96 per inch (so its width is the spec's), font sizes
are px x 0.75 pt, each panel's axes sit at the layout's box, and the ticks, tick
labels, titles, legend rows and count bars are the layout's. PDFs embed their fonts as
TrueType (``pdf.fonttype`` 42, set for the one save), so text stays text.
"""

from __future__ import annotations

import os
from typing import IO, Any

import numpy as np

from .figure import Layout
from .layout import BACKGROUND, FONT_FAMILY, MUTED_COLOUR, TEXT_COLOUR, Box, Panel, Text
from .size import PX_PER_INCH, FigureSpec
from .snapshot import Snapshot

FORMATS = ("png", "pdf")
_PT_PER_PX = 72 / PX_PER_INCH
_FONT = FONT_FAMILY[0]  # DejaVu Sans ships with matplotlib; naming the fallbacks too only logs warnings
_ANCHOR = {"start": "left", "middle": "center", "end": "right"}
# TrueType fonts in PDF (and PS): text stays text, and journals accept it (Type 3 they often refuse).
_RC = {"pdf.fonttype": 42, "ps.fonttype": 42}


def to_matplotlib(snapshot: Snapshot, spec: FigureSpec | None = None) -> Any:
    """The snapshot as a :class:`matplotlib.figure.Figure`, ``spec.width`` wide.

    Parameters
    ----------
    snapshot : Snapshot
        What to draw, e.g. ``Snapshot.of(widget)``.
    spec : FigureSpec, optional
        Width, font size, panels, legend, axis labels (default: 7 in, 8 pt). Size the
        figure here rather than with ``set_size_inches`` afterwards, which would stretch
        the cells and keep the fonts.

    Returns
    -------
    matplotlib.figure.Figure
        One axes per panel (``fig.axes[i]`` is panel ``i``), then, with
        ``snapshot.counts``, the count bars' axes (``fig.axes[-1]``, y in heads); the
        legend's swatches (``fig.artists``) and labels (``fig.texts``) have gid
        ``"legend"``. User text is drawn as written (no mathtext, no TeX).
    """
    return draw_matplotlib(Layout.of(snapshot, spec))


def draw_matplotlib(layout: Layout) -> Any:
    """A :class:`~headwidget.figure.Layout` as a matplotlib ``Figure``."""
    from matplotlib.figure import Figure

    pt = _PT_PER_PX  # points per layout px
    fig = Figure(figsize=(layout.width / PX_PER_INCH, layout.height / PX_PER_INCH), facecolor=BACKGROUND)
    (first, last), (first_head, last_head) = layout.layers, layout.heads

    def at(text: Text) -> tuple[float, float]:
        """A text's baseline point in figure fractions."""
        return text.x / layout.width, 1 - text.y / layout.height

    for panel in layout.panels:
        plot = panel.plot
        ax = fig.add_axes(_fraction(plot, layout))
        ax.imshow(
            _rgb(panel.codes, panel.lookup),
            interpolation="nearest",
            origin="upper",
            aspect="auto",  # the crop fills the whole model's box: cells may be non-square
            extent=(first - 0.5, last + 0.5, last_head + 0.5, first_head - 0.5),
        )
        ax.set_title(panel.title.text, pad=(plot.y - panel.title.y) * pt, **_text_props(panel.title, pt))
        for spine in ax.spines.values():  # the frame just outside the cells, as the layout's
            # (first: moving a spine resets its axis's ticks)
            spine.set_position(("outward", (plot.x - panel.frame.x) * pt))
            spine.set_linewidth(panel.line * pt)
            spine.set_edgecolor(MUTED_COLOUR)
        _ticks(ax, panel, layout, pt)
        for label, axis, set_label in (
            (panel.x_label, ax.xaxis, ax.set_xlabel),
            (panel.y_label, ax.yaxis, ax.set_ylabel),
        ):
            if label is not None:
                set_label(label.text, **_text_props(label, pt))
                axis.set_label_coords(*at(label), transform=fig.transFigure)
        ax.set_xlim(first - 0.5, last + 0.5)
        ax.set_ylim(last_head + 0.5, first_head - 0.5)
    if layout.counts:
        _count_bars(fig, fig.add_axes(_fraction(layout.counts.box, layout)), layout, pt)
    _legend(fig, layout, pt)
    if layout.title:
        fig.text(*at(layout.title), layout.title.text, **_text_props(layout.title, pt))
    return fig


def save_matplotlib(
    snapshot: Snapshot,
    path: str | os.PathLike | IO[bytes],
    *,
    spec: FigureSpec | None = None,
    dpi: float = 150,
    fmt: str = "png",
) -> None:
    """Write the figure of ``snapshot`` to ``path`` as PNG or PDF.

    Parameters
    ----------
    snapshot : Snapshot
        What to draw.
    path : str, os.PathLike or binary file
        Where to write (directly: :func:`headwidget.export.save` hands it the temporary
        file of :func:`headwidget.atomic.write_atomic`).
    spec : FigureSpec, optional
        Width, font size, panels, legend, axis labels (default: 7 in, 8 pt).
    dpi : float
        Resolution of a PNG: its width in pixels is the width in inches times ``dpi``
        (PDF cells stay vector; the page is the figure's size).
    fmt : {"png", "pdf"}
        The file format.
    """
    fmt = str(fmt).lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}; got {fmt!r}")
    fig = to_matplotlib(snapshot, spec)
    # Fixed metadata so the same snapshot gives the same bytes.
    metadata = {"Software": None} if fmt == "png" else {"Creator": None, "Producer": None, "CreationDate": None}
    from matplotlib import rc_context

    with rc_context(_RC):
        # a binary file (export.save's temporary file) as it is, else a path
        fig.savefig(
            path if hasattr(path, "write") else os.fspath(path),
            format=fmt,
            dpi=dpi,
            facecolor=BACKGROUND,
            metadata=metadata,
        )


def _ticks(ax: Any, panel: Panel, layout: Layout, pt: float) -> None:
    """The panel's ticks and tick labels: marks out of the frame, then x labels by their
    baseline and y labels by their right end, where the layout puts them."""
    frame = panel.frame
    for axis, ticks, room in (
        ("x", panel.x_ticks, panel.x_ticks[0].label.y - frame.bottom if panel.x_ticks else 0),
        ("y", panel.y_ticks, frame.x - panel.y_ticks[0].label.x if panel.y_ticks else 0),
    ):
        ax.tick_params(
            axis=axis,
            direction="out",
            length=layout.tick_length * pt,
            width=layout.line * pt,
            color=MUTED_COLOUR,
            pad=max(0.0, room - layout.tick_length) * pt,  # matplotlib counts the pad from the mark's end
            labelcolor=TEXT_COLOUR,
            **({"labelsize": ticks[0].label.size * pt} if ticks else {}),
        )
        set_ticks = ax.set_xticks if axis == "x" else ax.set_yticks
        set_ticks(
            [tick.value for tick in ticks],
            [tick.label.text for tick in ticks],
            fontfamily=_FONT,
            usetex=False,
            **({"va": "baseline"} if axis == "x" else {}),  # y labels stay centred on their tick
        )


def _text_props(text: Text, pt: float) -> dict[str, Any]:
    """matplotlib text properties for a layout text placed by its baseline point."""
    return {
        "fontsize": text.size * pt,
        "fontweight": "bold" if text.bold else "normal",
        "fontfamily": _FONT,
        "color": TEXT_COLOUR,
        "ha": _ANCHOR[text.anchor],
        "va": "baseline",
        "rotation": 90 if text.upright else 0,
        "rotation_mode": "anchor",
        "usetex": False,
        "parse_math": False,  # names are shown as written: "$x$" stays "$x$"
    }


def _fraction(box: Box, layout: Layout) -> tuple[float, float, float, float]:
    """A layout box (px, y down) as (left, bottom, width, height) figure fractions."""
    w, h = layout.width, layout.height
    return box.x / w, 1 - box.bottom / h, box.width / w, box.height / h


def _legend(fig: Any, layout: Layout, pt: float) -> None:
    """The legend rows where the layout puts them: a swatch patch and a label each."""
    from matplotlib.patches import Rectangle

    w, h = layout.width, layout.height
    for row in layout.legend:
        box = row.swatch
        fig.add_artist(
            Rectangle(
                (box.x / w, 1 - box.bottom / h),
                box.width / w,
                box.height / h,
                transform=fig.transFigure,
                facecolor=row.colour,
                edgecolor="none",
                gid="legend",
            )
        )
        fig.text(row.text.x / w, 1 - row.text.y / h, row.text.text, gid="legend", **_text_props(row.text, pt))


def _count_bars(fig: Any, ax: Any, layout: Layout, pt: float) -> None:
    """The layout's bar segments in an axes of layers by heads (busiest layer = full height),
    no axes drawn; their scale (line, marks, labels) in figure coordinates."""
    from matplotlib.lines import Line2D

    counts = layout.counts
    assert counts is not None
    (first, last), box = layout.layers, counts.box
    heads_per_px = max(counts.busiest, 1) / box.height
    if counts.bars:
        ax.bar(
            [bar.layer for bar in counts.bars],
            [bar.box.height * heads_per_px for bar in counts.bars],
            bottom=[(box.bottom - bar.box.bottom) * heads_per_px for bar in counts.bars],
            width=1.0,
            color=[bar.colour for bar in counts.bars],
            linewidth=0,
        )
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(0, max(counts.busiest, 1))
    ax.set_axis_off()
    w, h = layout.width, layout.height
    lines = [counts.axis] if counts.axis else []
    for x0, y0, x1, y1 in [*lines, *(tick.mark for tick in counts.ticks)]:
        fig.add_artist(
            Line2D([x0 / w, x1 / w], [1 - y0 / h, 1 - y1 / h], transform=fig.transFigure,
                   color=MUTED_COLOUR, linewidth=layout.line * pt, solid_capstyle="butt")
        )  # fmt: skip
    for tick in counts.ticks:
        fig.text(tick.label.x / w, 1 - tick.label.y / h, tick.label.text, gid="counts", **_text_props(tick.label, pt))


def _rgb(codes: np.ndarray, lookup: tuple[str, ...]) -> np.ndarray:
    """A (heads, layers) array of indices into ``lookup`` ("#rrggbb") as a (heads, layers, 3) uint8 image."""
    return np.array([_hex(colour) for colour in lookup], dtype=np.uint8)[codes]


def _hex(colour: str) -> tuple[int, int, int]:
    value = str(colour).lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
