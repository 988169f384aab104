"""A catalogue of bad inputs: each gets a specific error that names the argument, what was
received and what was expected, and a live widget is left exactly as it was."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import traitlets

from headwidget import HeadMapWidget, example_labels

NAMES = ["A", "B"]
OK = np.zeros((4, 3, 2), bool)
SCORES = np.linspace(0, 1, 24, dtype=np.float32).reshape(4, 3, 2)
FRAME = pd.DataFrame({"layer": [0, 1], "head": [2, 0], "category": ["A", "B"]})
# Tasks grouped into categories: two tasks per widget, "t0" in X and "t1" in Y.
TASKS = ["t0", "t1"]
GROUPS = {"t0": "X", "t1": "Y"}
TASK_FRAME = pd.DataFrame(
    {"layer": [0, 1, 2], "head": [2, 0, 1], "task": ["t0", "t1", "t0"], "category": ["X", "Y", "Z"]}
)


def grouped(groups, **options):
    return lambda: HeadMapWidget.from_scores(SCORES, TASKS, groups=groups, threshold=0.5, **options)


def huge():
    return np.lib.stride_tricks.as_strided(np.zeros(1, bool), shape=(4097, 1024, 1), strides=(0, 0, 0))


# (id, call, exception, message regex)
CONSTRUCTION = [
    (
        "ndim",
        lambda: HeadMapWidget(np.zeros((4, 4), bool)),
        ValueError,
        r"labels has shape \(4, 4\); expected \(layers",
    ),
    ("ndim-4", lambda: HeadMapWidget(np.zeros((2, 2, 2, 2), bool)), ValueError, r"shape \(2, 2, 2, 2\); expected"),
    ("names-count", lambda: HeadMapWidget(OK, ["A"]), ValueError, r"categories has 1 names but labels has shape"),
    (
        "float-labels",
        lambda: HeadMapWidget(np.full((4, 3, 2), 0.7)),
        ValueError,
        r"labels contains the value 0\.7; expected booleans",
    ),
    ("string-labels", lambda: HeadMapWidget(np.full((2, 2, 1), "x")), TypeError, r"labels has dtype <U1; expected"),
    ("object-labels", lambda: HeadMapWidget([[[{}]]]), TypeError, r"labels has dtype object; expected booleans"),
    ("nan-labels", lambda: HeadMapWidget(np.full((2, 2, 1), np.nan)), ValueError, r"labels contains NaN"),
    ("ragged", lambda: HeadMapWidget([[[1], [0, 1]]]), ValueError, r"labels is not a rectangular array"),
    ("zero-layers", lambda: HeadMapWidget(np.zeros((0, 3, 2), bool)), ValueError, r"\(0, 3, 2\); expected at least"),
    ("zero-heads", lambda: HeadMapWidget(np.zeros((3, 0, 2), bool)), ValueError, r"\(3, 0, 2\); expected at least"),
    ("zero-categories", lambda: HeadMapWidget(np.zeros((3, 3, 0), bool)), ValueError, r"\(3, 3, 0\); expected"),
    ("duplicate-names", lambda: HeadMapWidget(OK, ["A", "A"]), ValueError, r"categories contains 'A' twice"),
    ("empty-name", lambda: HeadMapWidget(OK, ["A", " "]), ValueError, r"categories contains the empty name"),
    ("non-string-name", lambda: HeadMapWidget(OK, ["A", 2]), TypeError, r"categories contains 2 \(int\)"),
    # One name check for every way in and out: what save_labels refuses, the constructors refuse too.
    ("nul-name", lambda: HeadMapWidget(OK, ["A", "B\x00"]), ValueError, r"categories contains 'B\\x00' with a NUL"),
    ("surrogate-name", lambda: HeadMapWidget(OK, ["A", "\ud800"]), ValueError, r"not valid Unicode; expected UTF-8"),
    (
        "nul-name-heads",
        lambda: HeadMapWidget.from_heads({"A\x00": []}, n_layers=2, n_heads=2),
        ValueError,
        r"heads keys contains 'A\\x00' with a NUL",
    ),
    (
        "surrogate-name-scores",
        lambda: HeadMapWidget.from_scores(SCORES, ["A", "\udfff"], threshold=0.5),
        ValueError,
        r"categories contains '\\udfff', which is not valid Unicode",
    ),
    ("mapping-shapes", lambda: HeadMapWidget({"A": OK[..., 0], "B": OK[:2, :, 0]}), ValueError, r"same \(layers"),
    (
        "heads-negative",
        lambda: HeadMapWidget.from_heads({"A": [(-1, 0)]}, n_layers=4, n_heads=3),
        ValueError,
        r"heads\['A'\] contains \(-1, 0\); expected 0 <= layer < 4",
    ),
    (
        "heads-out-of-range",
        lambda: HeadMapWidget.from_heads({"A": [(1, 3)]}, n_layers=4, n_heads=3),
        ValueError,
        r"contains \(1, 3\); expected 0 <= layer < 4 and 0 <= head < 3",
    ),
    (
        "heads-non-integer",
        lambda: HeadMapWidget.from_heads({"A": [(1.5, 0)]}, n_layers=4, n_heads=3),
        TypeError,
        r"expected integer layer and head indices, got float 1\.5",
    ),
    (
        "heads-not-pairs",
        lambda: HeadMapWidget.from_heads({"A": [(1, 2, 3)]}, n_layers=4, n_heads=3),
        ValueError,
        r"contains \(1, 2, 3\); expected a \(layer, head\) pair",
    ),
    (
        "heads-zero-layers",
        lambda: HeadMapWidget.from_heads({"A": []}, n_layers=0, n_heads=3),
        ValueError,
        r"n_layers must be at least 1; got 0",
    ),
    (
        "heads-not-mapping",
        lambda: HeadMapWidget.from_heads([(1, 2)], n_layers=4, n_heads=3),
        TypeError,
        r"heads must be a mapping",
    ),
    (
        "frame-missing-column",
        lambda: HeadMapWidget.from_frame(FRAME, head="h"),
        ValueError,
        r"frame has no column 'h' \(given as head=\); its columns are \['layer', 'head', 'category'\]",
    ),
    (
        "frame-unknown-category",
        lambda: HeadMapWidget.from_frame(FRAME, categories=["A"]),
        ValueError,
        r"frame\['category'\] has values \['B'\] that are not among the categories \['A'\]",
    ),
    (
        "frame-non-integer",
        lambda: HeadMapWidget.from_frame(FRAME.assign(layer=["x", "y"])),
        TypeError,
        r"frame\['layer'\] must hold integer indices; got dtype object",
    ),
    (
        "frame-out-of-range",
        lambda: HeadMapWidget.from_frame(FRAME, n_heads=2),
        ValueError,
        r"frame\['head'\] contains 2; expected 0 <= head < 2",
    ),
    ("frame-not-a-frame", lambda: HeadMapWidget.from_frame({"layer": [1]}), TypeError, r"pandas or polars DataFrame"),
    (
        "threshold-nan",
        lambda: HeadMapWidget.from_scores(SCORES, threshold=float("nan")),
        ValueError,
        r"threshold must be finite; got nan",
    ),
    (
        "threshold-inf",
        lambda: HeadMapWidget.from_scores(SCORES, threshold=float("inf")),
        ValueError,
        r"threshold must be finite; got inf",
    ),
    (
        "threshold-string",
        lambda: HeadMapWidget.from_scores(SCORES, threshold="0.5"),
        TypeError,
        r"threshold must be a number; got str '0\.5'",
    ),
    (
        "top-k-zero",
        lambda: HeadMapWidget.from_scores(SCORES, top_k=0),
        ValueError,
        r"top_k must be between 1 and the number of heads \(4 x 3 = 12\); got 0",
    ),
    ("top-k-too-big", lambda: HeadMapWidget.from_scores(SCORES, top_k=13), ValueError, r"\(4 x 3 = 12\); got 13"),
    (
        "rule-both",
        lambda: HeadMapWidget.from_scores(SCORES, threshold=0.5, top_k=2),
        ValueError,
        r"give exactly one of threshold= or top_k=; got threshold=0\.5, top_k=2",
    ),
    ("rule-neither", lambda: HeadMapWidget.from_scores(SCORES), ValueError, r"give exactly one of threshold="),
    (
        "scores-ndim",
        lambda: HeadMapWidget.from_scores(SCORES[..., 0], threshold=0.5),
        ValueError,
        r"scores has shape \(4, 3\); expected \(layers, heads, categories\)",
    ),
    (
        "scores-strings",
        lambda: HeadMapWidget.from_scores(np.full((2, 2, 1), "a"), threshold=0.5),
        TypeError,
        r"scores has dtype <U1; expected floats",
    ),
    (
        "range-outside",
        lambda: HeadMapWidget(OK, layer_range=(0, 4)),
        traitlets.TraitError,
        r"layer_range must be an inclusive \(first, last\) pair with 0 <= first <= last <= 3; got \(0, 4\)",
    ),
    ("range-reversed", lambda: HeadMapWidget(OK, layer_range=(3, 1)), traitlets.TraitError, r"got \(3, 1\)"),
    (
        "head-range-outside",
        lambda: HeadMapWidget(OK, head_range=(0, 3)),
        traitlets.TraitError,
        r"head_range must be an inclusive \(first, last\) pair with 0 <= first <= last <= 2; got \(0, 3\)",
    ),
    ("head-range-reversed", lambda: HeadMapWidget(OK, head_range=(2, 1)), traitlets.TraitError, r"got \(2, 1\)"),
    ("head-range-negative", lambda: HeadMapWidget(OK, head_range=(-1, 1)), traitlets.TraitError, r"got \(-1, 1\)"),
    ("head-range-str", lambda: HeadMapWidget(OK, head_range="0:2"), traitlets.TraitError, r"head_range must be an"),
    (
        "head-range-scored",
        lambda: HeadMapWidget.from_scores(SCORES, threshold=0.5, head_range=(1, 5)),
        traitlets.TraitError,
        r"head_range must be .* <= 2; got \(1, 5\)",
    ),
    # The other constructors pass their options on: a typo there is not swallowed.
    (
        "typo-keyword-from-heads",
        lambda: HeadMapWidget.from_heads({"A": []}, n_layers=2, n_heads=2, titel="x"),
        TypeError,
        r"unexpected keyword argument 'titel'",
    ),
    (
        "typo-keyword-from-scores",
        lambda: HeadMapWidget.from_scores(SCORES, threshold=0.5, layer_rnage=(0, 1)),
        TypeError,
        r"unexpected keyword argument 'layer_rnage'",
    ),
    (
        "typo-keyword-from-frame",
        lambda: HeadMapWidget.from_frame(FRAME, visble=["A"]),
        TypeError,
        r"unexpected keyword argument 'visble'",
    ),
    (
        "too-many-categories",
        lambda: HeadMapWidget(np.zeros((2, 2, 6), bool), palette="colorblind"),
        ValueError,
        r"labels has 6 categories; the colorblind palette has colours for at most 5: use palette='reference'",
    ),
    (
        "bad-colour",
        lambda: HeadMapWidget(OK, NAMES, palette={"A": "blue"}),
        ValueError,
        r"palette\['A'\] must be a colour '#rrggbb' or '#rgb'; got 'blue'",
    ),
    (
        "palette-unknown-name",
        lambda: HeadMapWidget(OK, NAMES, palette={"C": "#000"}),
        ValueError,
        r"palette names 'C', which is not a category",
    ),
    ("palette-unknown", lambda: HeadMapWidget(OK, palette="rainbow"), ValueError, r"palette must be 'reference'"),
    ("too-large", lambda: HeadMapWidget(huge()), ValueError, r"4097 x 1024 = 4195328 heads; at most 4194304"),
    # tasks grouped into categories (groups=)
    ("groups-list", grouped([("t0", "X")]), TypeError, r"groups must be a mapping \{task: category\}; got list"),
    ("groups-missing-task", grouped({"t0": "X"}), ValueError, r"groups has no category for the tasks \['t1'\]"),
    ("groups-unknown-task", grouped({**GROUPS, "t9": "X"}), ValueError, r"groups names the task 't9', which is not"),
    ("groups-int-key", grouped({**GROUPS, 3: "X"}), ValueError, r"groups names the task 3, which is not one of"),
    (
        "groups-int-category",
        grouped({"t0": "X", "t1": 2}),
        TypeError,
        r"groups\['t1'\] must be a category name \(str\)",
    ),
    ("groups-empty-category", grouped({"t0": "X", "t1": " "}), ValueError, r"groups\['t1'\] contains the empty"),
    (
        "order-missing",
        grouped(GROUPS, categories=["X"]),
        ValueError,
        r"categories must list exactly .* leaves out \['Y'\]",
    ),
    ("order-extra", grouped(GROUPS, categories=["X", "Y", "Z"]), ValueError, r"exactly the categories .* adds \['Z'\]"),
    ("order-twice", grouped(GROUPS, categories=["X", "X"]), ValueError, r"categories contains 'X' twice"),
    (
        "order-without-groups",
        lambda: HeadMapWidget.from_scores(SCORES, NAMES, categories=["A", "B"], threshold=0.5),
        ValueError,
        r"categories=\['A', 'B'\] orders the categories of groups=, but no groups= was given; .* second argument",
    ),
    (
        "groups-without-names",
        lambda: HeadMapWidget.from_scores(SCORES, groups=GROUPS, threshold=0.5),
        ValueError,
        r"groups= needs the task names \(scores has shape \(4, 3, 2\), 2 tasks\)",
    ),
    (
        "groups-names-count",
        lambda: HeadMapWidget.from_scores(SCORES, ["t0"], groups={"t0": "X"}, threshold=0.5),
        ValueError,
        r"tasks has 1 names but scores has shape \(4, 3, 2\), i\.e\. 2 tasks",
    ),
    (
        "labels-tasks-count",
        lambda: HeadMapWidget(OK, tasks=["t0"], groups={"t0": "X"}),
        ValueError,
        r"tasks has 1 names but labels has shape \(4, 3, 2\), i\.e\. 2 tasks",
    ),
    (
        "labels-tasks-as-categories",
        lambda: HeadMapWidget(OK, TASKS, groups=GROUPS),
        ValueError,
        r"groups= needs the task names \(categories=\['t0', 't1'\] lists the tasks",
    ),
    ("labels-tasks-without-groups", lambda: HeadMapWidget(OK, tasks=TASKS), ValueError, r"tasks=\['t0', 't1'\] names"),
    (
        "heads-order-without-groups",
        lambda: HeadMapWidget.from_heads({"A": []}, n_layers=2, n_heads=2, categories=["A"]),
        ValueError,
        r"without groups= the keys of heads are the categories",
    ),
    (
        "frame-groups-without-task",
        lambda: HeadMapWidget.from_frame(FRAME, groups=GROUPS),
        ValueError,
        r"groups= maps tasks to categories: pass task=",
    ),
    (
        "frame-task-two-categories",
        lambda: HeadMapWidget.from_frame(TASK_FRAME, task="task"),
        ValueError,
        r"frame\['category'\] gives the task 't0' two categories, 'X' and 'Z' \(row 2\)",
    ),
    (
        "frame-task-unmapped",
        lambda: HeadMapWidget.from_frame(TASK_FRAME, task="task", groups={"t0": "X"}),
        ValueError,
        r"frame\['task'\] has the tasks \['t1'\], which groups does not map",
    ),
    (
        "frame-no-task-column",
        lambda: HeadMapWidget.from_frame(TASK_FRAME, task="job"),
        ValueError,
        r"frame has no column 'job' \(given as task=\)",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), [c[1:] for c in CONSTRUCTION], ids=[c[0] for c in CONSTRUCTION])
def test_bad_construction(call, error, message):
    with pytest.raises(error, match=message):
        call()


def snapshot(widget: HeadMapWidget) -> dict:
    state = {
        name: getattr(widget, name)
        for name in widget.keys
        if not name.startswith("_") or name in {"_labels", "_shape", "_categories", "_palette", "_scores"}
    }
    state["labels"] = widget.labels.copy()
    state["scores"] = None if widget.scores is None else widget.scores.copy()
    state["tasks"], state["groups"] = widget.tasks, widget.groups
    state["task_labels"] = None if widget.task_labels is None else widget.task_labels.copy()
    state["task_scores"] = None if widget.task_scores is None else widget.task_scores.copy()
    return state


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], np.ndarray):
            np.testing.assert_array_equal(a[key], b[key])
        else:
            assert a[key] == b[key], key


def setattr_(name, value):
    return lambda w: setattr(w, name, value)


def regroup(groups, *, names=TASKS, threshold=0.1, **options):
    return lambda w: w.set_scores(SCORES + 1, names, groups=groups, threshold=threshold, **options)


# (id, which widget, call on it, exception, message regex)
LIVE = [
    ("range-reversed", "plain", setattr_("layer_range", (5, 2)), traitlets.TraitError, r"got \(5, 2\)"),
    ("range-outside", "plain", setattr_("layer_range", (0, 99)), traitlets.TraitError, r"<= 31; got \(0, 99\)"),
    ("range-floats", "plain", setattr_("layer_range", (0.0, 3)), traitlets.TraitError, r"must hold integers"),
    ("heads-reversed", "plain", setattr_("head_range", (5, 2)), traitlets.TraitError, r"head_range .* got \(5, 2\)"),
    ("heads-outside", "plain", setattr_("head_range", (0, 32)), traitlets.TraitError, r"<= 31; got \(0, 32\)"),
    ("heads-negative", "plain", setattr_("head_range", (-1, 3)), traitlets.TraitError, r"got \(-1, 3\)"),
    ("heads-str", "plain", setattr_("head_range", ("a", 3)), traitlets.TraitError, r"head_range must hold integers"),
    ("heads-int", "plain", setattr_("head_range", 3), traitlets.TraitError, r"head_range must be an .*; got 3$"),
    ("heads-float", "plain", setattr_("head_range", (1.5, 3)), traitlets.TraitError, r"integers; got \(1\.5, 3\)"),
    ("heads-bool", "plain", setattr_("head_range", (True, 3)), traitlets.TraitError, r"\(bool True\)"),
    ("heads-triple", "plain", setattr_("head_range", (1, 2, 3)), traitlets.TraitError, r"got \(1, 2, 3\)"),
    ("heads-scored", "scored", setattr_("head_range", (0, 3)), traitlets.TraitError, r"<= 2; got \(0, 3\)"),
    ("visible-unknown", "plain", setattr_("visible", ["Maths"]), traitlets.TraitError, r"'Maths', which is not"),
    ("visible-string", "plain", setattr_("visible", "Knowledge"), traitlets.TraitError, r"must be a list of"),
    ("title-int", "plain", setattr_("title", 3), traitlets.TraitError, r"title"),
    ("replace-floats", "plain", lambda w: w.set_labels(np.full((4, 4, 2), 0.5)), ValueError, r"value 0\.5"),
    ("replace-ndim", "plain", lambda w: w.set_labels(np.zeros((4, 4))), ValueError, r"shape \(4, 4\); expected"),
    ("replace-names", "plain", lambda w: w.set_labels(OK, ["A"]), ValueError, r"categories has 1 names"),
    ("replace-assign", "plain", setattr_("labels", "abc"), TypeError, r"labels has dtype <U3; expected"),
    ("replace-palette", "colorblind", lambda w: w.set_labels(np.zeros((2, 2, 6), bool)), ValueError, r"at most 5"),
    ("threshold-no-scores", "plain", setattr_("threshold", 0.5), traitlets.TraitError, r"threshold needs scores"),
    ("threshold-nan", "scored", setattr_("threshold", float("nan")), traitlets.TraitError, r"must be finite; got nan"),
    ("top-k-zero", "scored", setattr_("top_k", 0), traitlets.TraitError, r"\(4 x 3 = 12\); got 0"),
    ("top-k-huge", "scored", setattr_("top_k", 10**6), traitlets.TraitError, r"got 1000000"),
    ("top-k-float", "scored", setattr_("top_k", 2.5), traitlets.TraitError, r"top_k must be an integer; got float"),
    ("rescore-shape", "scored", lambda w: w.set_scores(np.zeros((2, 2)), threshold=0), ValueError, r"shape \(2, 2\)"),
    ("rescore-threshold", "scored", lambda w: w.set_scores(SCORES, threshold=float("inf")), ValueError, r"finite"),
    # a bad groups= leaves a widget, with tasks or without, exactly as it was
    ("regroup-list", "tasks", regroup([("t0", "X")]), TypeError, r"groups must be a mapping"),
    ("regroup-missing", "tasks", regroup({"t0": "X"}), ValueError, r"no category for the tasks \['t1'\]"),
    ("regroup-unknown", "scored", regroup({**GROUPS, "t9": "Y"}), ValueError, r"names the task 't9'"),
    ("regroup-category-int", "tasks", regroup({"t0": "X", "t1": 1}), TypeError, r"groups\['t1'\] must be a category"),
    ("regroup-order", "tasks", regroup(GROUPS, categories=["Y"]), ValueError, r"leaves out \['X'\]"),
    ("regroup-no-groups", "tasks", regroup(None, categories=["X", "Y"]), ValueError, r"but no groups= was given"),
    ("regroup-names", "scored", regroup({"t0": "X"}, names=["t0"]), ValueError, r"tasks has 1 names but scores"),
    ("regroup-labels", "tasks", lambda w: w.set_labels(OK, groups={"t0": "X"}), ValueError, r"no category for"),
    ("regroup-rule", "tasks", regroup(GROUPS, threshold=None), ValueError, r"give exactly one of threshold="),
]


@pytest.fixture
def live():
    return {
        "plain": HeadMapWidget(
            example_labels(), title="t", layer_range=(18, 31), head_range=(4, 11), visible=["Linguistic"]
        ),
        "scored": HeadMapWidget.from_scores(SCORES, NAMES, threshold=0.4, layer_range=(1, 2), head_range=(1, 2)),
        "colorblind": HeadMapWidget(example_labels(), palette="colorblind"),
        "tasks": HeadMapWidget.from_scores(
            SCORES, TASKS, groups=GROUPS, categories=["Y", "X"], top_k=3, visible=["X"], layer_range=(1, 3)
        ),
    }


@pytest.mark.parametrize(("which", "call", "error", "message"), [c[1:] for c in LIVE], ids=[c[0] for c in LIVE])
def test_bad_update_changes_nothing(live, which, call, error, message):
    widget = live[which]
    before = snapshot(widget)
    with pytest.raises(error, match=message):
        call(widget)
    assert_same(snapshot(widget), before)
