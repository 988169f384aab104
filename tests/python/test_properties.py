"""Property tests: every way in gives the intended array, round trips are exact, and the
front end's own decode and classify (run under node) agree with Python byte for byte."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from headwidget import HeadMapWidget
from headwidget.scoring import classify
from tests.helpers import TESTS

NODE = shutil.which("node")
DECODE = TESTS / "harness" / "node_decode.mjs"
shapes = st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 6))
label_arrays = shapes.flatmap(lambda s: arrays(bool, s))
score_arrays = shapes.flatmap(
    lambda s: arrays(np.float32, s, elements=st.one_of(st.floats(-5, 5, width=32), st.just(np.nan)))
)
fast = settings(max_examples=40, deadline=None)


def names(n: int) -> list[str]:
    return [f"task {i}" for i in range(n)]


@fast
@given(label_arrays)
def test_from_heads_gives_the_intended_array(array):
    heads = {name: [tuple(p) for p in np.argwhere(array[..., c])] for c, name in enumerate(names(array.shape[2]))}
    widget = HeadMapWidget.from_heads(heads, n_layers=array.shape[0], n_heads=array.shape[1])
    np.testing.assert_array_equal(widget.labels, array)


@fast
@given(label_arrays)
def test_frame_round_trip(array):
    widget = HeadMapWidget(array, names(array.shape[2]))
    back = HeadMapWidget.from_frame(widget.to_frame())
    np.testing.assert_array_equal(back.labels, array)
    assert back.categories == widget.categories


@fast
@given(label_arrays)
def test_polars_frame(array):
    pl = pytest.importorskip("polars")
    layers, heads, cats = np.nonzero(array)
    frame = pl.DataFrame({"L": layers, "H": heads, "task": [names(array.shape[2])[c] for c in cats]})
    widget = HeadMapWidget.from_frame(
        frame, "L", "H", "task", n_layers=array.shape[0], n_heads=array.shape[1], categories=names(array.shape[2])
    )
    np.testing.assert_array_equal(widget.labels, array)


@fast
@given(score_arrays, st.floats(-4, 4))
def test_threshold_classifies_and_nan_never_does(scores, threshold):
    widget = HeadMapWidget.from_scores(scores, threshold=threshold)
    expected = np.where(np.isnan(scores), False, scores >= np.float32(threshold))
    np.testing.assert_array_equal(widget.labels, expected)
    np.testing.assert_array_equal(widget.scores, scores)


@fast
@given(score_arrays, st.data())
def test_top_k_takes_each_categorys_highest(scores, data):
    n = scores.shape[0] * scores.shape[1]
    k = data.draw(st.integers(1, n))
    labels = HeadMapWidget.from_scores(scores, top_k=k).labels
    flat, chosen = scores.reshape(n, -1), labels.reshape(n, -1)
    for c in range(scores.shape[2]):
        finite = ~np.isnan(flat[:, c])
        assert chosen[:, c].sum() == min(k, finite.sum())
        assert not chosen[~finite, c].any()
        if chosen[:, c].any() and (finite & ~chosen[:, c]).any():
            assert flat[chosen[:, c], c].min() >= flat[finite & ~chosen[:, c], c].max()


def run_node(widget: HeadMapWidget) -> list[int]:
    """The cells every view of ``widget`` draws: its synced state decoded by js/data.js under node."""
    synced = widget.get_state(key=["_data", "threshold", "top_k"])
    data = {key: base64.b64encode(v).decode() if isinstance(v, bytes) else v for key, v in synced["_data"].items()}
    job = {"data": data, "rule": {"threshold": synced["threshold"], "top_k": synced["top_k"]}}
    result = subprocess.run([NODE, str(DECODE)], input=json.dumps(job), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["cells"]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=25, deadline=None)
@given(score_arrays, st.data())
def test_front_end_decodes_and_classifies_like_python(scores, data):
    n = scores.shape[0] * scores.shape[1]
    rule = data.draw(
        st.one_of(
            st.builds(lambda t: {"threshold": t}, st.floats(-4, 4)),
            st.builds(lambda k: {"top_k": k}, st.integers(1, n)),
        )
    )
    widget = HeadMapWidget.from_scores(scores, **rule)
    flat = widget.labels.astype(int).ravel().tolist()
    labels = HeadMapWidget(widget.labels)
    assert run_node(labels) == flat  # the packed bits decode to the same array
    assert (
        run_node(widget)
        == classify(widget.scores, rule.get("threshold"), rule.get("top_k")).astype(int).ravel().tolist()
    )
    assert run_node(widget) == flat  # the view classifies the scores as Python does


@settings(max_examples=30, deadline=None)
@given(score_arrays, st.sampled_from([".npz", ".csv", ".json"]), st.booleans())
def test_save_and_load_round_trip(tmp_path_factory, scores, suffix, with_scores):
    path = tmp_path_factory.mktemp("saved") / f"labels{suffix}"
    categories = [f'name, "{i}" </script> é' for i in range(scores.shape[2])]  # csv/json-hostile names
    if with_scores:
        widget = HeadMapWidget.from_scores(scores, categories, threshold=0.0)
    else:
        widget = HeadMapWidget(np.nan_to_num(scores) > 0, categories)
    widget.save_labels(path)
    back = HeadMapWidget.load(path)
    np.testing.assert_array_equal(back.labels, widget.labels)
    assert back.categories == widget.categories
    if with_scores:
        np.testing.assert_array_equal(back.scores, widget.scores)  # NaN positions equal too
        assert back.scores.dtype == np.float32
    else:
        assert back.scores is None
    again = HeadMapWidget.load(path, threshold=0.0) if with_scores else back
    np.testing.assert_array_equal(again.labels, widget.labels)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("x.txt", "", r"has extension '\.txt'; expected one of \.npz, \.csv, \.json"),
        ("x.csv", "a,b\n", r"has header \['a', 'b'\]; expected layer,head,category,label"),
        ("x.csv", "layer,head,category,label\n0,0,A,2\n", r"line 2: label must be 0 or 1; got '2'"),
        ("x.csv", "layer,head,category,label\n0,x,A,1\n", r"line 2: layer and head must be integers"),
        ("x.csv", "layer,head,category,label\n0,0,A,1\n1,1,A,0\n", r"does not list every \(layer, head, category\)"),
        ("x.json", '{"format": "other"}', r"is not a headwidget-labels file of version 1"),
        (
            "x.json",
            '{"format": "headwidget-labels", "version": 1, "shape": [2, 2, 1], "categories": ["A"], '
            '"heads": {"A": [[2, 0]]}}',
            r"heads\['A'\] has \(2, 0\), outside the shape \(2, 2, 1\)",
        ),
    ],
)
def test_bad_files_get_clear_errors(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        HeadMapWidget.load(path)
