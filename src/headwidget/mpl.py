"""The figure through matplotlib: a ``Figure`` to restyle, and PNG / PDF files.

Needs matplotlib (``pip install "headwidget[export]"``); it is imported only
when one of these functions runs. The figure is built on
:class:`matplotlib.figure.Figure` directly (no pyplot), so no GUI backend is
involved. It draws the same :class:`~headwidget.layout.Layout` as the SVG writer:
the figure is the layout's px at 96 per inch (times ``scale``), font sizes are px
x 0.75 pt, each panel's axes sit at the layout's box, and the ticks, tick labels,
titles, legend rows and count bars are the layout's.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from .layout import (
    BACKGROUND,
    FONT_FAMILY,
    LEGEND_PITCH,
    MUTED_COLOUR,
    PX_PER_INCH,
    TEXT_COLOUR,
    Box,
    Layout,
    LegendRow,
    Panel,
    Text,
)
from .snapshot import Snapshot

FORMATS = ("png", "pdf")
_PT_PER_PX = 72 / PX_PER_INCH
_FONT = FONT_FAMILY[0]  # DejaVu Sans ships with matplotlib; naming the fallbacks too only logs warnings
_ANCHOR = {"start": "left", "middle": "center", "end": "right"}
# matplotlib's legend rows: a handle box of fontsize * handleheight - descent points,
# descent = 0.35 * fontsize * (handleheight - 0.7), with the label's baseline at descent.
_DESCENT_PER_HANDLEHEIGHT, _DESCENT_AT_ZERO = 0.35, 0.7


def to_matplotlib(snapshot: Snapshot, *, scale: float = 1.0) -> Any:
    """The snapshot as a :class:`matplotlib.figure.Figure`.

    Parameters
    ----------
    snapshot : Snapshot
        What to draw, e.g. ``Snapshot.of(widget)``.
    scale : float
        Multiplies the figure size and every font size and line width.

    Returns
    -------
    matplotlib.figure.Figure
        One axes per panel (``fig.axes[i]`` is panel ``i``, composite first),
        then, with ``snapshot.counts``, the count bars' axes (``fig.axes[-1]``,
        y in heads), plus a figure legend with the snapshot's legend rows.
        User text is drawn as written (no mathtext, no TeX).
    """
    from matplotlib.figure import Figure

    layout = Layout.of(snapshot)
    pt = _PT_PER_PX * float(scale)  # points per layout px
    fig = Figure(
        figsize=(layout.width / PX_PER_INCH * scale, layout.height / PX_PER_INCH * scale), facecolor=BACKGROUND
    )
    (first, last), (first_head, last_head) = layout.layers, layout.heads

    def at(text: Text) -> tuple[float, float]:
        """A text's baseline point in figure fractions."""
        return text.x / layout.width, 1 - text.y / layout.height

    for panel in layout.panels:
        plot = panel.plot
        ax = fig.add_axes(_fraction(plot, layout))
        ax.imshow(
            _rgb(panel.colours),
            interpolation="nearest",
            origin="upper",
            aspect="auto",  # the box already has square cells
            extent=(first - 0.5, last + 0.5, last_head + 0.5, first_head - 0.5),
        )
        ax.set_title(panel.title.text, pad=(plot.y - panel.title.y) * pt, **_text_props(panel.title, pt))
        for spine in ax.spines.values():  # the frame just outside the cells, as the layout's
            # (first: moving a spine resets its axis's ticks)
            spine.set_position(("outward", (plot.x - panel.frame.x) * pt))
            spine.set_linewidth(pt)
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
        _count_bars(fig.add_axes(_fraction(layout.counts.box, layout)), layout)
    _legend(fig, layout, pt)
    if layout.title:
        fig.text(*at(layout.title), layout.title.text, **_text_props(layout.title, pt))
    return fig


def save_matplotlib(
    snapshot: Snapshot, path: str | os.PathLike, *, dpi: float = 150, scale: float = 1.0, fmt: str = "png"
) -> None:
    """Write the figure of ``snapshot`` to ``path`` as PNG or PDF.

    Parameters
    ----------
    snapshot : Snapshot
        What to draw.
    path : str or os.PathLike
        Where to write.
    dpi : float
        Resolution of a PNG (PDF cells stay vector, the figure size in inches is the same).
    scale : float
        Multiplies the figure size (and fonts, so the figure looks the same, larger).
    fmt : {"png", "pdf"}
        The file format.
    """
    fmt = str(fmt).lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}; got {fmt!r}")
    fig = to_matplotlib(snapshot, scale=scale)
    # Fixed metadata so the same snapshot gives the same bytes.
    metadata = {"Software": None} if fmt == "png" else {"Creator": None, "Producer": None, "CreationDate": None}
    fig.savefig(os.fspath(path), format=fmt, dpi=dpi, facecolor=BACKGROUND, metadata=metadata)


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
            width=pt,
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
    """The legend rows as one figure legend, each swatch and label where the layout puts them."""
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.patches import Patch, Rectangle

    rows = layout.legend
    first: LegendRow = rows[0]
    size = first.text.size * pt
    row_height = LEGEND_PITCH * pt
    # Rows exactly one pitch apart (no label spacing): solve matplotlib's row height for handleheight.
    handleheight = (row_height / size - _DESCENT_PER_HANDLEHEIGHT * _DESCENT_AT_ZERO) / (1 - _DESCENT_PER_HANDLEHEIGHT)
    descent = _DESCENT_PER_HANDLEHEIGHT * size * (handleheight - _DESCENT_AT_ZERO)
    top = (
        first.text.y - (row_height - descent) / pt
    )  # px: the first label's baseline sits descent above its row's bottom

    def swatch(*, xdescent: float, width: float, **_: Any) -> Any:
        # In points from the label's baseline, y up; every row has its swatch at the same place.
        return Rectangle((-xdescent, (first.text.y - first.swatch.bottom) * pt), width, first.swatch.height * pt)

    handles = [Patch(facecolor=row.colour, edgecolor="none", label=row.label) for row in rows]
    key = fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(first.swatch.x / layout.width, 1 - top / layout.height),
        frameon=False,
        prop={"family": _FONT, "size": size},
        handlelength=first.swatch.width * pt / size,
        handleheight=handleheight,
        handletextpad=(first.text.x - first.swatch.right) * pt / size,
        labelspacing=0,
        borderpad=0,
        borderaxespad=0,
        labelcolor=TEXT_COLOUR,
        handler_map={Patch: HandlerPatch(patch_func=swatch)},
    )
    for label in key.get_texts():
        label.set_usetex(False)
        label.set_parse_math(False)  # names are shown as written: "$x$" stays "$x$"


def _count_bars(ax: Any, layout: Layout) -> None:
    """The layout's bar segments in an axes of layers by heads (busiest layer = full height), no axes drawn."""
    counts = layout.counts
    (first, last), box = layout.layers, counts.box  # type: ignore[union-attr]
    heads_per_px = max(counts.busiest, 1) / box.height  # type: ignore[union-attr]
    bars = counts.bars  # type: ignore[union-attr]
    if bars:
        ax.bar(
            [bar.layer for bar in bars],
            [bar.box.height * heads_per_px for bar in bars],
            bottom=[(box.bottom - bar.box.bottom) * heads_per_px for bar in bars],
            width=1.0,
            color=[bar.colour for bar in bars],
            linewidth=0,
        )
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(0, max(counts.busiest, 1))  # type: ignore[union-attr]
    ax.set_axis_off()


def _rgb(grid: np.ndarray) -> np.ndarray:
    """A (heads, layers) array of "#rrggbb" as a (heads, layers, 3) uint8 image."""
    lookup = {colour: _hex(colour) for colour in np.unique(grid.astype(str))}
    flat = [lookup[str(c)] for c in grid.ravel()]
    return np.array(flat, dtype=np.uint8).reshape(*grid.shape, 3)


def _hex(colour: str) -> tuple[int, int, int]:
    value = str(colour).lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
