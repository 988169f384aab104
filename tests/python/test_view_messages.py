"""Messages from views, through the widget's real comm handler: every value is checked as
from Python, a refused one is corrected in every view, the data are read-only from a view,
one rule at a time; and a property test drives random messages and checks that Python stays
valid and every view holds Python's state."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import numpy as np
import pytest
import traitlets
from hypothesis import given, settings
from hypothesis import strategies as st
from ipywidgets.widgets import widget as ipywidgets_widget

from headwidget import HeadMapWidget
from headwidget.data import HeadData
from headwidget.export import widget_state
from headwidget.messages import ViewUpdateRefused
from headwidget.traits import from_view, synced
from tests.helpers.comm import Views

NAMES = ["A", "B"]
LABELS = np.zeros((4, 3, 2), bool)
LABELS[1, 2, 0] = LABELS[3, 0, :] = True
SCORES = np.linspace(0, 1, 24, dtype=np.float32).reshape(4, 3, 2)
#: Python's message for None, per trait (the same from a view).
NONE = {
    "layer_range": r"layer_range must be an inclusive \(first, last\) pair with 0 <= first <= last <= 3; got None",
    "head_range": r"head_range must be an inclusive \(first, last\) pair with 0 <= first <= last <= 2; got None",
    "visible": r"visible must be a list of category names from \['A', 'B'\]; got None",
    "selected": r"selected must be a list of \(layer, head\) pairs with 0 <= layer < 4 and 0 <= head < 3; got None",
    "title": r"title must be a str; got NoneType None",
    "show_counts": r"show_counts must be True or False; got NoneType None",
}


def make(kind: str = "labels") -> HeadMapWidget:
    if kind == "labels":
        widget = HeadMapWidget(LABELS, NAMES, title="t", layer_range=(1, 3))
        widget.selected = [(0, 0)]
        return widget
    if kind == "scores":
        return HeadMapWidget.from_scores(SCORES, NAMES, threshold=0.4, head_range=(1, 2))
    return HeadMapWidget(HeadData.from_scores(SCORES, NAMES).with_labels(LABELS))  # both: no rule needed


def refused(views: Views, state: dict, match: str) -> list[dict]:
    """Send ``state``, expect a refusal warning matching ``match``, and Python and both views unchanged."""
    before = views.python()
    with pytest.warns(ViewUpdateRefused, match=match):
        back = views.send(state)
    assert views.python() == before
    views.assert_agree()
    return back


# ------------------------------------------------------------ 1. None and wrong types


@pytest.mark.parametrize("name", sorted(NONE))
def test_none_is_refused_with_the_same_message_from_python_and_from_a_view(name):
    widget = make()
    with pytest.raises(traitlets.TraitError, match=NONE[name]):
        setattr(widget, name, None)
    views = Views(widget)
    expected = NONE[name] if name in from_view(HeadMapWidget) else f"{name} is read-only from a view"
    refused(views, {name: None}, expected)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("layer_range", "0:3", r"layer_range must be an inclusive .*; got '0:3'"),
        ("head_range", [0.0, 2], r"head_range must hold integers; got \[0\.0, 2\] \(float 0\.0\)"),
        ("visible", "A", r"visible must be a list of category names from \['A', 'B'\]; got 'A'"),
        ("selected", [[0, "1"]], r"selected contains \(0, '1'\); expected integer \(layer, head\) pairs"),
        ("show_counts", 1, r"show_counts must be True or False; got int 1"),
    ],
)
def test_a_wrong_type_gets_python_s_message_from_a_view(name, value, message):
    widget = make()
    with pytest.raises(traitlets.TraitError, match=message):
        setattr(widget, name, value)
    refused(Views(widget), {name: value}, message)


# ------------------------------------------------------------ 2. refused values are corrected in every view


def test_a_refused_value_is_corrected_in_every_view_and_never_echoed():
    views = Views(make())
    back = refused(views, {"layer_range": [3, 1]}, r"layer_range .* got \(3, 1\)")
    # the echo carries the value Python keeps: no view is ever sent the refused one
    assert back == [{"method": "echo_update", "state": {"layer_range": (1, 3)}, "buffer_paths": []}]


def test_several_keys_the_good_ones_apply_and_the_refused_ones_are_corrected():
    views = Views(make())
    with pytest.warns(ViewUpdateRefused, match=r"change to visible was refused.*'C', which is not a category"):
        views.send({"layer_range": [0, 2], "visible": ["C"], "selected": [[3, 2], [1, 1], [3, 2]]})
    widget = views.widget
    assert widget.layer_range == (0, 2)
    assert widget.selected == [(1, 1), (3, 2)]  # normalised, and every view holds the normalised list
    assert widget.visible == NAMES
    views.assert_agree()


def test_a_good_message_warns_nothing_and_every_view_agrees():
    views = Views(make())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        views.send({"visible": ["B", "A"], "show_counts": True})
    assert views.widget.visible == NAMES and views.widget.show_counts is True
    views.assert_agree()


def test_without_echo_the_sender_is_corrected_by_an_update(monkeypatch):
    monkeypatch.setattr(ipywidgets_widget, "JUPYTER_WIDGETS_ECHO", False)
    views = Views(make())
    with pytest.warns(ViewUpdateRefused):
        back = views.send({"head_range": [2, 0], "layer_range": [0, 0]})
    assert back == [{"method": "update", "state": {"head_range": (0, 2)}, "buffer_paths": []}]
    assert views.sender == views.python()  # the other view hears nothing without echo (ipywidgets' design)


# ------------------------------------------------------------ 3. data traits are read-only from a view


def test_data_traits_are_read_only_from_a_view():
    read_only = sorted(set(synced(HeadMapWidget)) - set(from_view(HeadMapWidget)))
    assert read_only == ["_data", "_figure_id", "_palette", "continuous_update", "title"]
    views = Views(make())
    other = HeadData.from_labels(np.ones((2, 2, 1), bool)).to_json()
    back = refused(views, {"_data": other}, r"_data is read-only from a view \(set it from Python\)")
    echo = back[0]
    assert echo["method"] == "echo_update" and echo["state"]["_data"]["shape"] == [4, 3, 2]
    refused(views, {"title": "<b>x</b>"}, r"title is read-only from a view")
    # a view cannot re-point which static figure the page hides
    before = views.widget._figure_id
    refused(views, {"_figure_id": "0" * 32}, r"_figure_id is read-only from a view")
    assert views.widget._figure_id == before


def test_a_palette_from_a_view_never_reaches_state_or_the_html_export(tmp_path):
    views = Views(make())
    palette = dict(views.widget._palette, unclassified="url(https://example.com/x)")
    refused(views, {"_palette": palette}, r"_palette is read-only from a view")
    assert "url(" not in str(widget_state(views.widget))
    views.widget.save(tmp_path / "page.html")
    assert "example.com" not in (tmp_path / "page.html").read_text(encoding="utf-8")


# ------------------------------------------------------------ 4. one rule at a time


def test_both_rules_in_one_message_are_refused_as_a_whole():
    views = Views(make("scores"))
    refused(views, {"threshold": 0.3, "top_k": 2}, r"threshold and top_k in one change: give exactly one")
    assert (views.widget.threshold, views.widget.top_k) == (0.4, None)
    assert views.widget.labels.sum() == (SCORES >= np.float32(0.4)).sum()


def test_a_rule_switch_from_a_view_applies_as_one_change():
    views = Views(make("scores"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the pair is one change: threshold None alone would leave no rule
        views.send({"threshold": None, "top_k": 2})
        assert (views.widget.threshold, views.widget.top_k) == (None, 2)
        views.send({"threshold": 0.7})  # the other rule is dropped, and every view hears it
    assert (views.widget.threshold, views.widget.top_k) == (0.7, None)
    views.assert_agree()
    refused(views, {"threshold": None}, r"threshold cannot be None: these scores need a rule")
    refused(views, {"threshold": None, "top_k": None}, r"cannot be None: these scores need a rule")


# ------------------------------------------------------------ 5. the property: random messages


def _ints() -> st.SearchStrategy:
    return st.one_of(st.integers(-2, 5), st.sampled_from([10**30, -(10**30), 2**63]))


_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=3),
    st.just("\ud800"),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.lists(st.one_of(st.integers(), st.text(max_size=1), st.lists(st.integers(), max_size=2)), max_size=3),
)
_pair = st.lists(_ints(), min_size=2, max_size=2)
_range = st.one_of(_pair, st.lists(st.one_of(_ints(), _junk), max_size=3), _junk)
_good_palette = st.just({"categories": ["#111111", "#222222"], "multi": ["#333333"], "unclassified": "#eeeeee"})
_data_json = st.sampled_from(
    [
        HeadData.from_labels(np.ones((2, 2, 1), bool)).to_json(),
        HeadData.from_labels(LABELS, NAMES).to_json(),
        {"shape": [4, 3, 2], "categories": NAMES, "bits": b"\x00", "scores": None},
    ]
)
VALUES = {
    "layer_range": _range,
    "head_range": _range,
    "visible": st.one_of(st.lists(st.sampled_from(["A", "B", "C", ""]), max_size=3), _junk),
    "selected": st.one_of(st.lists(st.one_of(_pair, _junk), max_size=4), _junk),
    "show_counts": st.one_of(st.booleans(), _junk),
    "threshold": st.one_of(st.floats(-1, 2), st.none(), st.integers(-1, 2), _junk),
    "top_k": st.one_of(st.integers(-1, 13), st.none(), _junk),
    "title": st.one_of(st.text(max_size=5), _junk),
    "_palette": st.one_of(
        _good_palette, _good_palette.map(lambda p: dict(p, unclassified="url(https://x.test)")), _junk
    ),
    "_data": st.one_of(_data_json, _junk),
    "not_a_trait": _junk,
}
_messages = st.sets(st.sampled_from(sorted(VALUES)), min_size=1, max_size=4).flatmap(
    lambda keys: st.fixed_dictionaries({key: VALUES[key] for key in sorted(keys)})
)


def assert_valid(widget: HeadMapWidget, svg: Path) -> None:
    """Every synced trait passes its own check, one rule at most (one for scores alone), and it saves."""
    for name in synced(HeadMapWidget):
        trait = widget.traits()[name]
        value = getattr(widget, name)
        assert trait.validate(widget, value) == value, name
    rule = (widget.threshold, widget.top_k)
    assert None in rule and (widget._data.labels is not None or rule != (None, None)), rule
    widget.save(svg)
    assert svg.read_text(encoding="utf-8").startswith("<svg")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["labels", "scores", "both"]), st.lists(_messages, min_size=1, max_size=6))
def test_random_view_messages_keep_python_valid_and_every_view_equal_to_python(kind, messages):
    views = Views(make(kind))
    rule, own = {"threshold", "top_k"}, set(synced(HeadMapWidget))
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore", ViewUpdateRefused)
        warnings.simplefilter("error", RuntimeWarning)  # e.g. a threshold that overflows float32
        for message in messages:
            before = views.python()
            views.send(message)
            after = views.python()
            assert_valid(views.widget, Path(tmp) / "x.svg")
            views.assert_agree()
            # only the message's own keys change (and the rule's partner); never a read-only one
            changed = {k for k in after if after[k] != before[k]}
            allowed = set(message) | (rule if rule & set(message) else set())
            assert changed <= allowed & set(from_view(HeadMapWidget)) | (changed - own), changed
