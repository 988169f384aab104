"""The ways out that draw: :meth:`save`, :meth:`to_matplotlib`, the static figure displayed
after the live view and the range sliders, mixed into :class:`~headwidget.HeadMapWidget`.

Kept apart from the traits in :mod:`headwidget.widget`; every method reads the widget's
traits and the faces (:mod:`headwidget.export`, :mod:`headwidget.svg`, :mod:`headwidget.mpl`)
draw from a :class:`~headwidget.snapshot.Snapshot`; the mixin keeps no state of its own.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from typing import Any

from . import export


class Outputs:
    """Mixin: ``save``, ``to_matplotlib``, ``_ipython_display_``, ``layer_slider``, ``head_slider``."""

    # provided by HeadMapWidget
    layer_range: tuple[int, int]
    head_range: tuple[int, int]
    visible: list[str]
    shape: tuple[int, int, int]

    def save(
        self,
        path: str | os.PathLike,
        *,
        full: bool = False,
        dpi: float = 150,
        counts: bool | None = None,
        width: float | str | None = None,
        font_size: float | None = None,
        ncols: int | None = None,
        panels: Sequence[str] | None = None,
        legend: str | None = "left",
        xlabel: str | None = "layer",
        ylabel: str | None = "head",
    ) -> None:
        """Save a snapshot: .svg (pure Python), .png / .pdf (matplotlib), or .html (interactive, offline).

        Parameters
        ----------
        path : str or os.PathLike
            Where to write; the extension picks the format. Written beside the target
            and renamed when complete: a failed save leaves an existing file as it was.
        full : bool
            Every layer, head and category instead of the current view.
        dpi : float
            PNG resolution: its width in pixels is the width in inches times ``dpi``.
        counts : bool or None
            The per-layer count bars under the composite (None: follow ``show_counts``).
        width : float or str, optional
            The figure's width: CSS px (96 per inch) or a string with a unit, ``"3.25in"``,
            ``"17cm"``, ``"120mm"``, ``"504pt"``, ``"900px"``. Default ``"7in"``.
        font_size : float, optional
            Every text's size in points at that width (the title's is 1.2 times it). Default 8.
        ncols : int, optional
            Panels per row. Default: one row when the panels fit at a legible size,
            else the fewest rows that do.
        panels : list of str, optional
            Which panels, in which order: "All Categories" and category names.
        legend : {"left", "right", "top", "bottom"} or None
            Where the legend goes; None for none.
        xlabel, ylabel : str or None
            The axis labels ("layer", "head"); None or "" for none.

        The size options shape the SVG, PNG and PDF; they are checked for an .html page
        too, which is the live view and sizes itself to the browser.

        Raises
        ------
        ValueError, TypeError
            A bad option, naming it, the value and what is expected; nothing is written.
        """
        export.save(
            self,
            path,
            full=full,
            dpi=dpi,
            counts=counts,
            width=width,
            font_size=font_size,
            ncols=ncols,
            panels=panels,
            legend=legend,
            xlabel=xlabel,
            ylabel=ylabel,
        )

    def to_matplotlib(
        self,
        *,
        full: bool = False,
        counts: bool | None = None,
        width: float | str | None = None,
        font_size: float | None = None,
        ncols: int | None = None,
        panels: Sequence[str] | None = None,
        legend: str | None = "left",
        xlabel: str | None = "layer",
        ylabel: str | None = "head",
    ) -> Any:
        """The same figure as a matplotlib ``Figure``, to restyle for a paper (needs matplotlib).

        Size it here, with ``width`` (e.g. ``"3.25in"``) and ``font_size`` (points), as
        :meth:`save` takes them: ``fig.set_size_inches`` afterwards stretches the panels
        and leaves the text at its old size. The options are :meth:`save`'s. To write a
        PDF yourself with its text as embedded TrueType (as :meth:`save` does), save
        inside ``matplotlib.rc_context({"pdf.fonttype": 42})``.
        """
        from .figure import Layout
        from .mpl import draw_matplotlib
        from .size import FigureSpec
        from .snapshot import Snapshot

        spec = FigureSpec.parse(width, font_size, ncols, panels, legend, xlabel, ylabel)
        snapshot = Snapshot.of(self, full=full, counts=export.resolve_counts(self, counts))
        return draw_matplotlib(Layout.of(snapshot, spec))

    #: Display a static figure after the live view (:mod:`headwidget.published`), so a saved or
    #: published notebook shows the figure where no widget can render (nbconvert, webpdf,
    #: myst-nb, nbviewer, offline); the page hides it wherever the live view draws.
    static_fallback = True

    #: Most cells (layers shown x heads shown x panels) the static figure draws. Its cells are
    #: one PNG per panel (a pixel per head, :func:`headwidget.png.indexed_png`), so it costs
    #: about 2 bits a cell at worst (random labels) and little time: 126 x 128 x 12
    #: (209,664 cells) about 54 KB and 5 ms, 512 x 512 x 12 (3.4 M cells) about 0.5 MB and 0.1 s
    #: (``benchmarks/display.py``).
    #: Above it the output carries a one-line notice instead, checked before drawing.
    static_fallback_max_cells = 2**22

    def _ipython_display_(self) -> None:
        """Two outputs in a kernel: the live view, then the static figure (None outside a kernel)."""
        from IPython import get_ipython
        from IPython.display import display

        bundle = self._repr_mimebundle_()
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle or {}, {})
        if data:
            display(data, metadata=metadata, raw=True)
        if getattr(get_ipython(), "kernel", None) is None:
            return  # a terminal shows the text only; no page to publish
        try:
            from .published import static_output

            static = static_output(self)
        except Exception as exc:  # the live view must show even if the static figure fails
            warnings.warn(f"headwidget: no static figure for this output ({exc})", stacklevel=2)
            return
        if static:
            display(static, raw=True)

    def layer_slider(self, **kwargs: Any) -> Any:
        """A slider wired to :attr:`layer_range`: an ``ipywidgets.IntRangeSlider``, or in marimo
        a ``mo.ui.range_slider``.

        In Jupyter (and Voilà) the slider is jslinked: the link lives in the browser, so it
        keeps working in saved widget state and exported HTML without a kernel. In a marimo
        notebook (detected when called) it is marimo's own slider, which sets the trait from
        Python when it moves (one way: it does not follow later changes of the trait); bind
        it to a global name as any marimo UI element. ``kwargs`` go to the slider;
        ``continuous_update=False`` sends the value on release in both (see
        :func:`headwidget.sliders.range_slider`).
        """
        return self._range_slider("layer_range", "layers", self.shape[0], kwargs)

    def head_slider(self, **kwargs: Any) -> Any:
        """A slider wired to :attr:`head_range`, as :meth:`layer_slider`."""
        return self._range_slider("head_range", "heads", self.shape[1], kwargs)

    def _range_slider(self, trait: str, description: str, n: int, kwargs: dict[str, Any]) -> Any:
        from .sliders import range_slider

        return range_slider(self, trait, description, n, kwargs)
