"""The static figure's size options, checked once: :class:`FigureSpec`.

``widget.save``, ``widget.to_matplotlib`` and ``headwidget render`` take the same
options (width with a unit, font size in points, panels per row, which panels, legend
side, axis labels); :meth:`FigureSpec.parse` turns them into one frozen, valid spec,
or raises a ``ValueError`` / ``TypeError`` naming the argument, the value received
and what is expected, before anything is drawn or written.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .labels import check_text

PX_PER_INCH = 96  # CSS px: the layout's unit
PT_PER_INCH = 72
UNITS = {"in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 96 / 72, "px": 1.0}  # px per unit
LEGEND_SIDES = ("left", "right", "top", "bottom")
DEFAULT_WIDTH = "7in"  # a page's text width: the figure drops into a paper as it is
DEFAULT_FONT_SIZE = 8.0  # points, at that width
MAX_WIDTH_IN = 200  # a poster is ~48 in; more is a typo (and a PNG of millions of pixels)
FONT_SIZE_RANGE = (2.0, 72.0)  # points
_WIDTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]*)\s*")


def parse_width(width: Any) -> float:
    """A width as CSS px (96 per inch).

    Parameters
    ----------
    width : float or str
        A number of CSS px, or a string with a unit: ``"3.25in"``, ``"17cm"``,
        ``"120mm"``, ``"504pt"``, ``"900px"`` (a bare number string is px).

    Raises
    ------
    TypeError
        ``width`` is neither a number nor a string.
    ValueError
        Not positive and finite, an unknown unit, or wider than 200 in.
    """
    expected = 'a positive number of px (96 per inch) or a string with a unit, e.g. "3.25in", "17cm", "120mm", "504pt"'
    if isinstance(width, str):
        match = _WIDTH.fullmatch(width)
        unit = match.group(2).lower() if match else ""
        if not match or (unit and unit not in UNITS):
            units = ", ".join(UNITS)
            raise ValueError(f"width must be {expected} (units: {units}); got {width!r}")
        px = float(match.group(1)) * UNITS[unit or "px"]
    elif isinstance(width, bool) or not isinstance(width, (int, float)) and not hasattr(width, "__float__"):
        raise TypeError(f"width must be {expected}; got {type(width).__name__} {width!r}")
    else:
        px = float(width)
    if not math.isfinite(px) or px <= 0:
        raise ValueError(f"width must be {expected}; got {width!r}")
    if px > MAX_WIDTH_IN * PX_PER_INCH:
        raise ValueError(f"width must be at most {MAX_WIDTH_IN}in; got {width!r}")
    return px


def _font_size(value: Any) -> float:
    low, high = FONT_SIZE_RANGE
    if isinstance(value, (bool, str)) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise TypeError(f"font_size must be a number of points, e.g. 7 or 8; got {type(value).__name__} {value!r}")
    size = float(value)
    if not (low <= size <= high):  # also refuses NaN
        raise ValueError(f"font_size must be a number of points from {low:g} to {high:g}; got {value!r}")
    return size


def _ncols(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"ncols must be a whole number of panels per row, or None; got bool {value!r}")
    try:
        n = operator.index(value)
    except TypeError:
        raise TypeError(
            f"ncols must be a whole number of panels per row, or None; got {type(value).__name__} {value!r}"
        ) from None
    if n < 1:
        raise ValueError(f"ncols must be at least 1 panel per row, or None for as many as fit; got {value!r}")
    return n


def _panels(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    expected = 'a list of panel names, e.g. ["All Categories", "Translation"]'
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise TypeError(f"panels must be {expected}; got {type(value).__name__} {value!r}")
    names = tuple(value)
    if not names:
        raise ValueError(f"panels must be {expected}, at least one; got {value!r}")
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"panels must be {expected}; got {type(name).__name__} {name!r} in {value!r}")
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ValueError(f"panels names each panel once; got {twice[0]!r} more than once in {value!r}")
    return names


def _legend(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in LEGEND_SIDES:
        sides = ", ".join(repr(side) for side in LEGEND_SIDES)
        raise ValueError(f"legend must be one of {sides} or None (no legend); got {value!r}")
    return value


def _label(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string (empty or None for none); got {type(value).__name__} {value!r}")
    return check_text(value, name)  # the names' and titles' rule: drawn as one line too


@dataclass(frozen=True)
class FigureSpec:
    """How big the static figure is and what it holds, checked.

    Attributes
    ----------
    width : float
        The figure's width in CSS px (96 per inch); its height follows from the content.
    font_size : float
        Every text's size in points at that width (the figure title is 1.2 times it).
    ncols : int or None
        Panels per row; None: one row when the panels fit at a legible size, else the
        fewest rows that do (:func:`headwidget.layout.fit_panels`).
    panels : tuple of str or None
        Which panels, in which order (the composite's title or category names);
        None: the composite, then every visible category.
    legend : {"left", "right", "top", "bottom"} or None
        Where the legend goes; None: no legend.
    xlabel, ylabel : str
        The axis labels ("" for none).
    """

    width: float = 7 * PX_PER_INCH
    font_size: float = DEFAULT_FONT_SIZE
    ncols: int | None = None
    panels: tuple[str, ...] | None = None
    legend: str | None = "left"
    xlabel: str = "layer"
    ylabel: str = "head"

    @classmethod
    def parse(
        cls,
        width: Any = None,
        font_size: Any = None,
        ncols: Any = None,
        panels: Any = None,
        legend: Any = "left",
        xlabel: Any = "layer",
        ylabel: Any = "head",
    ) -> FigureSpec:
        """The spec of these options (None width / font size: 7 in, 8 pt), or a clear error.

        Raises
        ------
        TypeError, ValueError
            Naming the argument, the value received and what is expected.
        """
        return cls(
            width=parse_width(DEFAULT_WIDTH if width is None else width),
            font_size=DEFAULT_FONT_SIZE if font_size is None else _font_size(font_size),
            ncols=_ncols(ncols),
            panels=_panels(panels),
            legend=_legend(legend),
            xlabel=_label("xlabel", xlabel),
            ylabel=_label("ylabel", ylabel),
        )

    @property
    def width_in(self) -> float:
        return self.width / PX_PER_INCH

    @property
    def font_px(self) -> float:
        """The font size in CSS px: points x 96 / 72."""
        return self.font_size * PX_PER_INCH / PT_PER_INCH
