"""The widget's synced traits: defaults, validation, and nothing changed on error."""

from __future__ import annotations

import ipywidgets
import numpy as np
import pytest
import traitlets

from headwidget import EXAMPLE_CATEGORIES, HeadMapWidget, example_labels
from headwidget.palette import palette_for


@pytest.fixture
def widget():
    return HeadMapWidget(example_labels(), title="t")


def synced(widget):
    return {
        key: getattr(widget, key)
        for key in ("_labels", "_shape", "_categories", "_palette", "title", "layer_range", "visible")
    }


def test_defaults(widget):
    assert widget.layer_range == (0, 31)
    assert widget.visible == list(EXAMPLE_CATEGORIES)
    assert widget.title == "t"
    assert widget._palette == palette_for(4)


def test_constructor_options():
    w = HeadMapWidget(example_labels(), layer_range=(18, 31), visible=["Translation", "Knowledge"])
    assert w.layer_range == (18, 31)
    assert w.visible == ["Knowledge", "Translation"]  # kept in category order


def test_layer_range_accepts_numpy_ints_and_lists(widget):
    widget.layer_range = [np.int64(3), 9]
    assert widget.layer_range == (3, 9)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((5, 2), r"0 <= first <= last <= 31; got \(5, 2\)"),
        ((0, 32), r"got \(0, 32\)"),
        ((-1, 4), r"got \(-1, 4\)"),
        ((1.5, 4), "must hold integers"),
        ((True, 4), "must hold integers"),
        ((1, 2, 3), "inclusive"),
        ("0:4", "inclusive"),
    ],
)
def test_bad_layer_range_changes_nothing(widget, value, message):
    before = synced(widget)
    with pytest.raises(traitlets.TraitError, match=message):
        widget.layer_range = value
    assert synced(widget) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["Nope"], "'Nope', which is not a category"),
        (["Knowledge", "Knowledge"], "lists a category twice"),
        ("Knowledge", "must be a list of category names"),
        ([3], "3, which is not a category"),
    ],
)
def test_bad_visible_changes_nothing(widget, value, message):
    before = synced(widget)
    with pytest.raises(traitlets.TraitError, match=message):
        widget.visible = value
    assert synced(widget) == before


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"layer_range": (0, 40)}, r"got \(0, 40\)"),
        ({"visible": ["Algorithmic", "Maths"]}, "'Maths', which is not a category"),
        ({"title": 3}, "title must be a str"),
    ],
)
def test_bad_constructor_options(kwargs, message):
    with pytest.raises(traitlets.TraitError, match=message):
        HeadMapWidget(example_labels(), **kwargs)


def test_view_changes_reach_python(widget):
    # What the front end sends: plain JSON lists, applied through the comm's set_state.
    seen = []
    widget.observe(lambda change: seen.append(change["new"]), names="layer_range")
    widget.set_state({"layer_range": [18, 31], "visible": ["Linguistic"]})
    assert widget.layer_range == (18, 31)
    assert widget.visible == ["Linguistic"]
    assert seen == [(18, 31)]


def test_state_carries_labels_as_binary_buffer(widget):
    from ipywidgets.widgets.widget import _remove_buffers

    state, paths, buffers = _remove_buffers(widget.get_state())
    assert len(buffers[paths.index(["_labels"])]) == 32 * 32 * 4 // 8
    assert list(state["_shape"]) == [32, 32, 4]


def test_layer_slider_is_linked(widget):
    slider = widget.layer_slider()
    assert isinstance(slider, ipywidgets.IntRangeSlider)
    assert (slider.min, slider.max, slider.value) == (0, 31, (0, 31))


def test_example_is_seeded_and_shaped_like_the_reference():
    labels = example_labels()
    again = example_labels()
    assert list(labels) == list(EXAMPLE_CATEGORIES)
    for name in labels:
        assert labels[name].shape == (32, 32)
        np.testing.assert_array_equal(labels[name], again[name])
        assert not labels[name][:18].any(), f"{name} has heads before layer 18"
    counts = {name: int(a.sum()) for name, a in labels.items()}
    assert max(counts, key=counts.get) == "Linguistic"
    assert min(counts, key=counts.get) == "Translation"
    stacked = np.stack(list(labels.values()), axis=-1).sum(-1)
    assert (stacked >= 2).any() and (stacked >= 3).any()


def test_colorblind_palette_is_distinct_and_switchable():
    widget = HeadMapWidget(example_labels(), palette="colorblind")
    colours = [*widget._palette["categories"], *widget._palette["multi"], widget._palette["unclassified"]]
    assert len(set(colours)) == len(colours) == 8
    assert widget._palette["categories"][0] == "#0072b2"
    widget.palette = "reference"
    assert widget._palette == palette_for(4)
    widget.palette = {"Translation": "#000"}
    assert widget._palette["categories"][3] == "#000000"


def test_bad_palette_switch_changes_nothing(widget):
    before = dict(widget._palette)
    with pytest.raises(ValueError, match="palette must be 'reference', 'colorblind' or a mapping"):
        widget.palette = "rainbow"
    with pytest.raises(ValueError, match="colorblind palette has colours for at most 5"):
        HeadMapWidget(np.zeros((2, 2, 6), bool), palette="colorblind")
    assert widget._palette == before and widget.palette == "reference"


def test_exports_follow_the_palette(tmp_path):
    widget = HeadMapWidget(example_labels(), palette="colorblind")
    widget.save(tmp_path / "cb.svg")
    svg = (tmp_path / "cb.svg").read_text()
    assert 'fill="#0072b2"' in svg and 'fill="#1f77b4"' not in svg
