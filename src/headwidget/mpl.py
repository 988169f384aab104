"""The figure through matplotlib: a ``Figure`` to restyle, and PNG / PDF files.

Needs matplotlib (``pip install "headwidget[export]"``); it is imported only
when one of these functions runs. The figure is built on
:class:`matplotlib.figure.Figure` directly (no pyplot), so no GUI backend is
involved. Layout follows the live view and the reference figure: legend on the
left, then one square-celled panel per :meth:`Snapshot.panels` entry.
"""

from __future__ import annotations

import math
import os
from typing import Any

import numpy as np

from .layout import tick_values
from .snapshot import Snapshot

FORMATS = ("png", "pdf")
TEXT_COLOUR = "#1f1f1f"

# Sizes in inches (before ``scale``) and points.
_PANEL_IN = 2.25  # longer side of a panel's plot area
_Y_AREA_IN = 0.6  # y tick labels and the "head" label left of a panel
_GAP_IN = 0.25  # right of each panel
_TITLE_IN = 0.3  # panel titles above the panels
_BOTTOM_IN = 0.62  # x tick labels and the "layer" label below the panels
_FIG_TITLE_IN = 0.4
_PAD_IN = 0.1
_FONT_PT = 10
_TITLE_PT = 12
# Count bars above the composite: 40 px of the live view's 240 px panel, 3 px gap.
_COUNTS_IN, _COUNTS_GAP_IN = _PANEL_IN * 40 / 240, _PANEL_IN * 3 / 240


def _text_in(text: str, points: float) -> float:
    """A rough width in inches of ``text`` at ``points`` (for layout only)."""
    return 0.6 * len(str(text)) * points / 72


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
        then, with ``snapshot.counts``, the count bars' axes (``fig.axes[-1]``),
        plus a figure legend with the snapshot's legend rows.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    s = float(scale)
    panels = snapshot.panels()
    legend = snapshot.legend()
    first, last = snapshot.layers
    first_head, last_head = snapshot.heads
    n_shown, n_heads = last - first + 1, last_head - first_head + 1
    side = max(n_shown, n_heads)
    ax_w, ax_h = _PANEL_IN * n_shown / side, _PANEL_IN * n_heads / side

    # Ticks as in the live view, thinned where labels would overlap (cells in points, 10 pt digits).
    cell_pt = 72 * _PANEL_IN / side
    x_ticks = tick_values(first, last, math.ceil((6 * len(str(last)) + 6) / cell_pt))
    y_ticks = tick_values(first_head, last_head, math.ceil(13 / cell_pt))

    legend_w = 0.45 + max((_text_in(label, _FONT_PT) for label, _ in legend), default=0) + 0.1
    slots = []
    for title, _ in panels:
        spill = max(0.0, (_text_in(title, _TITLE_PT) - ax_w) / 2)
        slots.append((max(_Y_AREA_IN, spill), max(_GAP_IN, spill + 0.1)))
    width = _PAD_IN + legend_w + sum(left + ax_w + right for left, right in slots) + _PAD_IN
    top = _FIG_TITLE_IN if snapshot.title else 0.0
    # The legend is centred on the panels; a legend taller than them adds room above and below.
    half_legend = len(legend) * 1.5 * _FONT_PT / 72 / 2 + 0.05
    bottom = max(_BOTTOM_IN, half_legend - ax_h / 2)
    bars = _COUNTS_IN + _COUNTS_GAP_IN if snapshot.counts else 0.0
    height = top + max(_TITLE_IN, half_legend - ax_h / 2) + bars + ax_h + bottom
    if snapshot.title:
        width = max(width, 2 * _PAD_IN + _text_in(snapshot.title, _TITLE_PT) * 1.1)

    fig = Figure(figsize=(width * s, height * s), facecolor="white")
    text = {"color": TEXT_COLOUR, "usetex": False, "parse_math": False}
    x = _PAD_IN + legend_w
    composite_x = x + slots[0][0]
    for (title, grid), (left, right) in zip(panels, slots, strict=True):
        x += left
        ax = fig.add_axes((x / width, bottom / height, ax_w / width, ax_h / height))
        x += ax_w + right
        ax.imshow(
            _rgb(grid),
            interpolation="nearest",
            origin="upper",
            aspect="equal",
            extent=(first - 0.5, last + 0.5, last_head + 0.5, first_head - 0.5),
        )
        # titles stay on one line above the bars, as in the live view
        ax.set_title(title, fontsize=_TITLE_PT * s, pad=(6 + 72 * bars) * s, **text)
        ax.set_xticks(x_ticks)
        ax.set_yticks(y_ticks)
        ax.tick_params(labelsize=_FONT_PT * s, length=3.5 * s, width=0.8 * s, colors=TEXT_COLOUR)
        ax.set_xlabel("layer", fontsize=_FONT_PT * s, labelpad=4 * s, **text)
        ax.set_ylabel("head", fontsize=_FONT_PT * s, labelpad=4 * s, **text)
        for spine in ax.spines.values():
            spine.set_linewidth(0.8 * s)
            spine.set_edgecolor(TEXT_COLOUR)
    if snapshot.counts:
        box = (composite_x / width, (bottom + ax_h + _COUNTS_GAP_IN) / height, ax_w / width, _COUNTS_IN / height)
        _count_bars(fig.add_axes(box), snapshot)
    handles = [Patch(facecolor=colour, edgecolor="none", label=label) for label, colour in legend]
    key = fig.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(_PAD_IN / width, (bottom + ax_h / 2) / height),
        frameon=False,
        fontsize=_FONT_PT * s,
        handlelength=2.0,
        handleheight=0.8,
        borderaxespad=0,
        labelcolor=TEXT_COLOUR,
    )
    for label in key.get_texts():
        label.set_usetex(False)
        label.set_parse_math(False)  # names are shown as written: "$x$" stays "$x$"
    if snapshot.title:
        fig.text(
            _PAD_IN / width,
            1 - (_PAD_IN + 0.05) / height,
            snapshot.title,
            fontsize=_TITLE_PT * s,
            fontweight="bold",
            ha="left",
            va="top",
            **text,
        )
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
    fig.savefig(os.fspath(path), format=fmt, dpi=dpi, facecolor="white", metadata=metadata)


def _count_bars(ax: Any, snapshot: Snapshot) -> None:
    """Stacked bars per shown layer, scaled to the busiest layer, no axes drawn."""
    counts, colours, busiest = snapshot.layer_counts()
    first, last = snapshot.layers
    layers = np.arange(first, last + 1)
    below = np.zeros(len(layers))
    for column, colour in zip(counts.T, colours, strict=True):
        ax.bar(layers, column, bottom=below, width=1.0, color=colour, linewidth=0)
        below += column
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(0, max(busiest, 1))
    ax.set_axis_off()


def _rgb(grid: np.ndarray) -> np.ndarray:
    """A (heads, layers) array of "#rrggbb" as a (heads, layers, 3) uint8 image."""
    lookup = {colour: _hex(colour) for colour in np.unique(grid.astype(str))}
    flat = [lookup[str(c)] for c in grid.ravel()]
    return np.array(flat, dtype=np.uint8).reshape(*grid.shape, 3)


def _hex(colour: str) -> tuple[int, int, int]:
    value = str(colour).lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
