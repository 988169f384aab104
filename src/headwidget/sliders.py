"""Range sliders outside the view, wired to ``layer_range`` / ``head_range``: an ipywidgets
``IntRangeSlider`` linked in the browser (Jupyter, Voilà, saved widget state), or in marimo,
marimo's own ``mo.ui.range_slider`` that sets the trait from Python.

marimo renders anywidgets but not the ipywidgets built-ins, and it has no widget manager
to run a ``jslink``, so the front end is chosen when the slider is made.
"""

from __future__ import annotations

import sys
from typing import Any


def in_marimo() -> bool:
    """True when called inside a running marimo notebook (``marimo edit`` / ``marimo run``).

    marimo is imported only when the notebook already did: a plain Python or Jupyter
    session never loads it.
    """
    if "marimo" not in sys.modules:
        return False
    try:
        return bool(sys.modules["marimo"].running_in_notebook())
    except Exception:  # an old or partial marimo: fall back to ipywidgets
        return False


def range_slider(widget: Any, trait: str, description: str, n: int, kwargs: dict[str, Any]) -> Any:
    """A slider over ``0 .. n - 1`` that sets ``widget.<trait>`` (an inclusive pair).

    Parameters
    ----------
    widget : HeadMapWidget
        The widget whose trait the slider sets.
    trait : str
        ``"layer_range"`` or ``"head_range"``.
    description : str
        The slider's label ("layers" or "heads").
    n : int
        Values along the axis.
    kwargs : dict
        Options for the slider. ``continuous_update`` (default True) is understood by both:
        in marimo, False becomes ``debounce=True`` (the value is sent on release);
        ``description`` becomes marimo's ``label``. Everything else goes to the slider.

    Returns
    -------
    ipywidgets.IntRangeSlider or marimo.ui.range_slider
    """
    if in_marimo():
        return _marimo_slider(widget, trait, description, n, dict(kwargs))
    import ipywidgets

    options = {"description": description, "continuous_update": True, **kwargs}
    slider = ipywidgets.IntRangeSlider(value=getattr(widget, trait), min=0, max=n - 1, step=1, **options)
    ipywidgets.jslink((widget, trait), (slider, "value"))
    return slider


def _marimo_slider(widget: Any, trait: str, description: str, n: int, options: dict[str, Any]) -> Any:
    import marimo as mo

    continuous = options.pop("continuous_update", True)
    options.setdefault("label", options.pop("description", description))
    options.setdefault("debounce", not continuous)
    options.setdefault("show_value", True)

    def follow(value: Any) -> None:
        first, last = value
        setattr(widget, trait, (int(first), int(last)))

    first, last = getattr(widget, trait)
    return mo.ui.range_slider(start=0, stop=n - 1, step=1, value=[first, last], on_change=follow, **options)
