"""``layer_slider()`` / ``head_slider()``: ipywidgets in Jupyter, marimo's range slider in marimo."""

from __future__ import annotations

import ipywidgets
import pytest

from headwidget import HeadMapWidget, example_labels, sliders


def test_outside_marimo_the_slider_is_a_jslinked_int_range_slider():
    widget = HeadMapWidget(example_labels(), layer_range=(4, 20))
    assert not sliders.in_marimo()  # importing marimo alone does not count: no notebook runs
    slider = widget.layer_slider(continuous_update=False)
    assert isinstance(slider, ipywidgets.IntRangeSlider)
    assert (slider.value, slider.min, slider.max, slider.continuous_update) == ((4, 20), 0, 31, False)
    assert widget.head_slider().description == "heads"


def test_in_marimo_the_slider_is_marimos_and_sets_the_trait(monkeypatch):
    mo = pytest.importorskip("marimo")
    monkeypatch.setattr(sliders, "in_marimo", lambda: True)
    widget = HeadMapWidget(example_labels(), head_range=(2, 9))
    slider = widget.head_slider(continuous_update=False)
    assert isinstance(slider, mo.ui.range_slider)
    assert slider.value == [2, 9]
    assert slider.start == 0 and slider.stop == 31
    assert slider._args.args["debounce"] is True  # continuous_update=False: sent on release
    # what marimo does when the slider moves in the browser: the value, then on_change
    slider._on_change([3, 12])
    assert widget.head_range == (3, 12)
