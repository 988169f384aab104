"""The widget's synced traits: defaults, validation, and nothing changed on error; the
selection in Python; the linked sliders; the example; the palettes."""

from __future__ import annotations

import ipywidgets
import numpy as np
import pytest
import traitlets

from headwidget import EXAMPLE_CATEGORIES, HeadMapWidget, example_labels, traits
from headwidget.palette import palette_for
from tests.helpers.labels import NAMES, staircase


@pytest.fixture
def widget():
    return HeadMapWidget(example_labels(), title="t")


def synced(widget):
    """Every synced trait, as the views receive it."""
    state = widget.get_state()
    return {key: state[key] for key in traits.synced(HeadMapWidget)}


def test_defaults(widget):
    assert widget.layer_range == (0, 31)
    assert widget.head_range == (0, 31)
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


def test_head_range_default_follows_the_number_of_heads():
    w = HeadMapWidget(np.zeros((3, 128, 1), bool))
    assert (w.layer_range, w.head_range) == ((0, 2), (0, 127))


def test_head_range_constructor_and_assignment():
    w = HeadMapWidget(example_labels(), head_range=(4, 11))
    assert w.head_range == (4, 11) and w.layer_range == (0, 31)
    w.head_range = [np.int64(0), 31]
    assert w.head_range == (0, 31)
    w.head_range = np.array([7, 7])  # one head
    assert w.head_range == (7, 7) and type(w.head_range[0]) is int


def test_head_range_message_names_argument_received_and_expected():
    w = HeadMapWidget(np.zeros((2, 128, 1), bool))
    with pytest.raises(traitlets.TraitError) as info:
        w.head_range = (5, 200)
    assert str(info.value) == (
        "head_range must be an inclusive (first, last) pair with 0 <= first <= last <= 127; got (5, 200)"
    )
    assert w.head_range == (0, 127)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((5, 2), r"head_range must be .* 0 <= first <= last <= 31; got \(5, 2\)"),
        ((0, 32), r"got \(0, 32\)"),
        ((-1, 3), r"got \(-1, 3\)"),
        (("a", 3), "head_range must hold integers"),
        ((1.5, 3), "head_range must hold integers"),
        ((True, 3), "head_range must hold integers"),
        (3, "head_range must be an inclusive"),
        ("0:4", "head_range must be an inclusive"),
    ],
)
def test_bad_head_range_changes_nothing(value, message):
    widget = HeadMapWidget(example_labels(), head_range=(2, 20))
    before = synced(widget)
    with pytest.raises(traitlets.TraitError, match=message):
        widget.head_range = value
    assert synced(widget) == before


def test_set_labels_keeps_head_range_when_heads_unchanged():
    widget = HeadMapWidget(example_labels(), layer_range=(18, 31), head_range=(4, 11))
    widget.set_labels(np.zeros((32, 32, 4), bool))
    assert (widget.layer_range, widget.head_range) == ((18, 31), (4, 11))
    widget.set_labels(np.zeros((12, 32, 4), bool))  # fewer layers, same heads
    assert (widget.layer_range, widget.head_range) == ((0, 11), (4, 11))
    widget.set_scores(np.zeros((12, 32, 4)), threshold=0.5)
    assert widget.head_range == (4, 11)


def test_set_labels_resets_head_range_when_heads_change():
    widget = HeadMapWidget(example_labels(), layer_range=(18, 31), head_range=(4, 11))
    seen = []
    widget.observe(lambda change: seen.append(change["new"]), names="head_range")
    widget.set_labels(np.zeros((32, 8, 4), bool))  # same layers, fewer heads
    assert (widget.layer_range, widget.head_range) == ((18, 31), (0, 7))
    assert seen == [(0, 7)]
    widget.set_scores(np.zeros((32, 64, 4)), threshold=0.5)
    assert widget.head_range == (0, 63)
    widget.head_range = (60, 63)
    widget.labels = np.zeros((32, 64, 4), bool)
    assert widget.head_range == (60, 63)


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
        ({"head_range": (0, 32)}, r"head_range must be .*<= 31; got \(0, 32\)"),
        ({"head_range": (True, 3)}, "head_range must hold integers"),
        ({"visible": ["Algorithmic", "Maths"]}, "'Maths', which is not a category"),
        ({"title": 3}, "title must be a str"),
    ],
)
def test_bad_constructor_options(kwargs, message):
    with pytest.raises(traitlets.TraitError, match=message):
        HeadMapWidget(example_labels(), **kwargs)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([(6, 0)], r"selected contains \(6, 0\); expected a list of \(layer, head\) pairs with 0 <= layer < 6"),
        ([(1.0, 2)], r"expected integer \(layer, head\) pairs"),
        ([(1, 2, 3)], r"selected contains \(1, 2, 3\)"),
        ("1,2", r"selected must be a list of"),
    ],
)
def test_bad_selection_changes_nothing(value, message):
    widget = HeadMapWidget(staircase(), NAMES)
    widget.selected = [(1, 1)]
    with pytest.raises(traitlets.TraitError, match=message):
        widget.selected = value
    assert widget.selected == [(1, 1)]


def test_selected_frame():
    pytest.importorskip("pandas")
    widget = HeadMapWidget(staircase(), NAMES)
    widget.selected = [(2, 2), (0, 0)]
    frame = widget.selected_frame()
    assert frame[["layer", "head", "categories"]].values.tolist() == [[0, 0, ""], [2, 2, "Algorithmic, Knowledge"]]
    assert frame["Knowledge"].tolist() == [False, True]


def test_view_changes_reach_python(widget):
    # What the front end sends: plain JSON lists, applied through the comm's set_state.
    seen = []
    widget.observe(lambda change: seen.append(change["new"]), names="layer_range")
    widget.set_state({"layer_range": [18, 31], "visible": ["Linguistic"]})
    assert widget.layer_range == (18, 31)
    assert widget.visible == ["Linguistic"]
    assert seen == [(18, 31)]
    widget.set_state({"head_range": [4, 11]})
    assert widget.head_range == (4, 11)
    assert widget.get_state()["head_range"] == (4, 11)


def test_state_carries_labels_as_binary_buffer(widget):
    from ipywidgets.widgets.widget import _remove_buffers

    state, paths, buffers = _remove_buffers(widget.get_state())
    assert len(buffers[paths.index(["_data", "bits"])]) == 32 * 32 * 4 // 8
    assert list(state["_data"]["shape"]) == [32, 32, 4]


def jslinks_between(source, target):
    """The ``(source trait, target trait)`` pairs of live jslinks from ``source`` to ``target``."""
    from ipywidgets.widgets.widget import _instances  # every open widget, by model id
    from ipywidgets.widgets.widget_link import Link

    links = [w for w in list(_instances.values()) if isinstance(w, Link)]
    return [(w.source[1], w.target[1]) for w in links if w.source[0] is source and w.target[0] is target]


def test_layer_slider_is_linked(widget):
    slider = widget.layer_slider()
    assert isinstance(slider, ipywidgets.IntRangeSlider)
    assert (slider.min, slider.max, slider.value) == (0, 31, (0, 31))
    assert slider.description == "layers"
    assert jslinks_between(widget, slider) == [("layer_range", "value")]


def test_head_slider_is_linked():
    widget = HeadMapWidget(np.zeros((12, 64, 2), bool), head_range=(8, 23))
    slider = widget.head_slider(description="H", readout=False)
    assert isinstance(slider, ipywidgets.IntRangeSlider)
    assert (slider.min, slider.max, slider.step, slider.value) == (0, 63, 1, (8, 23))
    assert (slider.description, slider.readout, slider.continuous_update) == ("H", False, True)
    assert jslinks_between(widget, slider) == [("head_range", "value")]
    assert widget.head_slider().description == "heads"
    assert widget.layer_slider().max == 11  # the layer slider still follows layers


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
