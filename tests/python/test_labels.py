"""Labels in, packed bits out, the same array back: round trips and validation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from headwidget import HeadLabels, HeadMapWidget
from headwidget.data import HeadData
from headwidget.labels import MAX_HEADS

shapes = st.tuples(st.integers(1, 13), st.integers(1, 17), st.integers(1, 12))
label_arrays = shapes.flatmap(lambda shape: arrays(bool, shape))


@settings(max_examples=150, deadline=None)
@given(label_arrays)
def test_pack_round_trips_any_shape(array):
    labels = HeadLabels.build(array)
    bits = labels.pack()
    assert len(bits) == -(-array.size // 8)  # one bit per cell, L*H*C need not divide by 8
    synced = HeadData.from_labels(array).to_json()
    assert synced["bits"] == bits
    back = HeadData.from_json(synced)  # what Python makes of the synced form, e.g. from saved state
    np.testing.assert_array_equal(back.labels, array)
    assert back.categories == labels.categories


@settings(max_examples=40, deadline=None)
@given(label_arrays)
def test_widget_labels_equal_input_and_travel_packed(array):
    widget = HeadMapWidget(array)
    np.testing.assert_array_equal(widget.labels, array)
    assert widget.labels.dtype == bool
    synced = widget.get_state()["_data"]
    assert tuple(synced["shape"]) == array.shape
    assert synced["bits"] == np.packbits(array, axis=None).tobytes()


def test_labels_are_read_only_and_a_copy():
    array = np.zeros((4, 3, 2), bool)
    widget = HeadMapWidget(array)
    array[0, 0, 0] = True  # the caller's array changing later does not reach the widget
    assert not widget.labels[0, 0, 0]
    with pytest.raises(ValueError, match="read-only"):
        widget.labels[0, 0, 0] = True


def test_integer_zero_one_and_mapping_inputs():
    ints = np.array([[[0, 1], [1, 1]]])
    widget = HeadMapWidget(ints, ["A", "B"])
    assert widget.labels.tolist() == [[[False, True], [True, True]]]
    by_name = HeadMapWidget({"A": ints[..., 0], "B": ints[..., 1]})
    np.testing.assert_array_equal(by_name.labels, widget.labels)
    assert by_name.categories == ("A", "B")


def test_default_category_names():
    widget = HeadMapWidget(np.zeros((2, 2, 3), bool))
    assert widget.categories == ("Category 1", "Category 2", "Category 3")
    assert widget.get_state()["_data"]["categories"] == ["Category 1", "Category 2", "Category 3"]


BAD = [
    (np.zeros((4, 4), bool), None, ValueError, r"labels has shape \(4, 4\); expected \(layers, heads, categories\)"),
    (np.full((2, 2, 1), 0.5), None, ValueError, r"labels contains the value 0\.5; expected booleans or 0/1"),
    (np.array([[[np.nan]]]), None, ValueError, "labels contains NaN"),
    (np.array([[["a"]]]), None, TypeError, "labels has dtype <U1; expected booleans or 0/1"),
    (np.zeros((0, 4, 2), bool), None, ValueError, r"labels has shape \(0, 4, 2\); expected at least one layer"),
    (np.zeros((2, 2, 2), bool), ["A"], ValueError, r"categories has 1 names but labels has shape \(2, 2, 2\)"),
    (np.zeros((2, 2, 2), bool), ["A", "A"], ValueError, "categories contains 'A' twice"),
    (np.zeros((2, 2, 2), bool), ["A", ""], ValueError, "categories contains the empty name"),
    (np.zeros((2, 2, 2), bool), ["A", 3], TypeError, r"categories contains 3 \(int\); expected str"),
    (np.zeros((2, 2, 2), bool), "AB", TypeError, "categories must be a list of category names"),
    ({"A": np.zeros((2, 2)), "B": np.zeros((3, 2))}, None, ValueError, "must all have the same"),
    ({}, None, ValueError, "labels keys is empty"),
    ({"A": np.zeros((2, 2))}, ["A"], TypeError, "categories must not be given when labels is a mapping"),
    (np.zeros((2, 2, 257), bool), None, ValueError, "257 categories; at most 256 can be displayed"),
    ([[[True], [False, True]]], None, ValueError, "labels is not a rectangular array"),
]


@pytest.mark.parametrize(("labels", "categories", "error", "message"), BAD)
def test_bad_labels_get_a_clear_error(labels, categories, error, message):
    with pytest.raises(error, match=message):
        HeadMapWidget(labels, categories)


def test_too_many_heads_is_refused_before_any_allocation_for_the_browser():
    big = np.lib.stride_tricks.as_strided(np.zeros(1, bool), shape=(2049, 2048, 1), strides=(0, 0, 0))
    with pytest.raises(ValueError, match=f"at most {MAX_HEADS} can be displayed"):
        HeadMapWidget(big)
