"""Tasks grouped into categories: the grouping rule against a brute-force reference, the
front end's rule (js/data.js under node) against Python's, and every way in and out
(constructors, frames, files, set_scores) keeping the tasks, groups, labels, scores and rule."""

from __future__ import annotations

import base64
import csv
import json
import math
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headwidget import HeadMapWidget
from headwidget.cli import main
from headwidget.snapshot import Snapshot
from tests.helpers import TESTS

NODE = shutil.which("node")
DECODE = TESTS / "harness" / "node_decode.mjs"
fast = settings(max_examples=40, deadline=None)

# The paper's layout: 20 tasks in 4 categories.
TASKS = [
    "english_to_french", "english_to_spanish",
    "country_to_capital", "person_to_occupation", "landmark_to_country", "company_to_ceo", "element_to_symbol",
    "word_first_letter", "word_last_letter", "list_first", "list_last", "next_item",
    "antonym", "synonym", "singular_to_plural", "present_to_past", "noun_to_verb", "adjective_to_noun",
    "word_length", "capitalize",
]  # fmt: skip
CATEGORY_OF = ["Translation"] * 2 + ["Knowledge"] * 5 + ["Algorithmic"] * 5 + ["Linguistic"] * 8
GROUPS = dict(zip(TASKS, CATEGORY_OF, strict=True))
ODD = ['name, "1" </script>', "=SUM(A1)", "'quoted", "é ü 中", "-2+3", "@x", "plain"]


# ------------------------------------------------------------------ the rule, by brute force


@st.composite
def grouped_scores(draw):
    """Scores (layers, heads, tasks) with NaNs, groups of the tasks into categories, a rule."""
    n_layers, n_heads, n_tasks = draw(st.integers(1, 6)), draw(st.integers(1, 6)), draw(st.integers(1, 7))
    n_categories = draw(st.integers(1, n_tasks))
    # every category gets a task: a permutation's first n_categories, then any
    index = list(range(n_categories)) + [draw(st.integers(0, n_categories - 1)) for _ in range(n_tasks - n_categories)]
    index = draw(st.permutations(index))
    values = draw(
        st.lists(
            st.one_of(st.floats(-3, 3, width=32), st.just(math.nan), st.sampled_from([0.0, 1.0])),
            min_size=n_layers * n_heads * n_tasks,
            max_size=n_layers * n_heads * n_tasks,
        )
    )
    scores = np.array(values, dtype=np.float32).reshape(n_layers, n_heads, n_tasks)
    tasks = [f"task {t}" for t in range(n_tasks)]
    categories = [f"C{c}" for c in range(n_categories)]
    groups = {tasks[t]: categories[index[t]] for t in draw(st.permutations(range(n_tasks)))}
    order = draw(st.one_of(st.none(), st.permutations(categories)))
    rule = draw(
        st.one_of(
            st.builds(lambda t: {"threshold": t}, st.floats(-3, 3)),
            st.builds(lambda k: {"top_k": k}, st.integers(1, n_layers * n_heads)),
        )
    )
    return scores, tasks, groups, order, rule


def reference(scores, tasks, groups, order, rule):
    """Plain Python, head by head: each task classified alone, a category any of its tasks."""
    n_layers, n_heads, n_tasks = scores.shape
    categories = list(order) if order is not None else list(dict.fromkeys(groups.values()))
    task_in = [[[False] * n_tasks for _ in range(n_heads)] for _ in range(n_layers)]
    for t in range(n_tasks):
        cells = [(la, h) for la in range(n_layers) for h in range(n_heads)]
        valid = [(la, h) for la, h in cells if not math.isnan(scores[la, h, t])]
        if "threshold" in rule:
            chosen = [(la, h) for la, h in valid if scores[la, h, t] >= np.float32(rule["threshold"])]
        else:  # highest first, ties to the lower flat index
            chosen = sorted(valid, key=lambda c: (-float(scores[c[0], c[1], t]), c[0] * n_heads + c[1]))[
                : rule["top_k"]
            ]
        for la, h in chosen:
            task_in[la][h][t] = True
    labels = np.zeros((n_layers, n_heads, len(categories)), bool)
    best = np.full((n_layers, n_heads, len(categories)), np.nan, np.float32)
    for la in range(n_layers):
        for h in range(n_heads):
            for c, category in enumerate(categories):
                mine = [t for t in range(n_tasks) if groups[tasks[t]] == category]
                labels[la, h, c] = any(task_in[la][h][t] for t in mine)
                finite = [float(scores[la, h, t]) for t in mine if not math.isnan(scores[la, h, t])]
                best[la, h, c] = max(finite) if finite else np.nan
    return categories, np.array(task_in, bool), labels, best


@fast
@given(grouped_scores())
def test_the_grouping_rule_matches_a_head_by_head_reference(case):
    scores, tasks, groups, order, rule = case
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, categories=order, **rule)
    categories, task_labels, labels, best = reference(*case)
    assert widget.categories == tuple(categories)
    assert widget.tasks == tuple(tasks)
    assert widget.groups == {task: groups[task] for task in tasks}
    np.testing.assert_array_equal(widget.task_labels, task_labels)
    np.testing.assert_array_equal(widget.labels, labels)
    np.testing.assert_array_equal(widget.scores, best)  # NaN where every task's score is NaN
    np.testing.assert_array_equal(widget.task_scores, scores)
    if "threshold" in rule:  # with a threshold, a category's best task score decides
        np.testing.assert_array_equal(widget.labels, ~np.isnan(best) & (best >= np.float32(rule["threshold"])))


@fast
@given(grouped_scores())
def test_from_heads_per_task_gives_back_the_same_widget(case):
    scores, tasks, groups, order, rule = case
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, categories=order, **rule)
    heads = {task: [tuple(p) for p in np.argwhere(widget.task_labels[..., t])] for t, task in enumerate(tasks)}
    n_layers, n_heads, _ = scores.shape
    listed = HeadMapWidget.from_heads(heads, n_layers=n_layers, n_heads=n_heads, groups=groups, categories=order)
    assert listed.categories == widget.categories and listed.groups == widget.groups
    np.testing.assert_array_equal(listed.task_labels, widget.task_labels)
    np.testing.assert_array_equal(listed.labels, widget.labels)


# ------------------------------------------------------------------ the front end's rule under node


def run_node(widget: HeadMapWidget) -> dict:
    synced = widget.get_state(key=["_data", "threshold", "top_k"])
    data = {key: base64.b64encode(v).decode() if isinstance(v, bytes) else v for key, v in synced["_data"].items()}
    job = {"data": data, "rule": {"threshold": synced["threshold"], "top_k": synced["top_k"]}}
    result = subprocess.run([NODE, str(DECODE)], input=json.dumps(job), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=25, deadline=None)
@given(grouped_scores())
def test_the_front_end_groups_tasks_as_python_does(case):
    scores, tasks, groups, order, rule = case
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, categories=order, **rule)
    seen = run_node(widget)
    assert seen["cells"] == widget.labels.astype(int).ravel().tolist()
    assert seen["taskCells"] == widget.task_labels.astype(int).ravel().tolist()
    fixed = HeadMapWidget(widget.task_labels, order, tasks=tasks, groups=groups)  # per-task bits, no rule
    seen = run_node(fixed)
    assert seen["cells"] == widget.labels.astype(int).ravel().tolist()
    assert seen["taskCells"] == widget.task_labels.astype(int).ravel().tolist()


# ------------------------------------------------------------------ one call, four panels


def paper_scores(seed: int = 0) -> np.ndarray:
    scores = np.random.default_rng(seed).normal(size=(32, 32, len(TASKS))).astype(np.float32)
    scores[3, 4, :] = np.nan
    return scores


def test_twenty_tasks_in_four_categories_go_in_with_one_call():
    widget = HeadMapWidget.from_scores(paper_scores(), TASKS, groups=GROUPS, threshold=2.0)
    order = ("Translation", "Knowledge", "Algorithmic", "Linguistic")
    assert widget.categories == order and widget.shape == (32, 32, 4)
    assert [title for title, _ in Snapshot.of(widget).panels()] == ["All Categories", *order]
    assert widget.task_labels.shape == (32, 32, 20) and widget.task_scores.shape == (32, 32, 20)
    np.testing.assert_array_equal(widget.labels[..., 0], widget.task_labels[..., :2].any(-1))
    np.testing.assert_array_equal(widget.labels[..., 3], widget.task_labels[..., 12:].any(-1))
    assert not widget.labels[3, 4].any() and np.isnan(widget.scores[3, 4]).all()
    widget.top_k = 5  # each task's 5 best heads
    assert (widget.task_labels.sum(axis=(0, 1)) == 5).all()
    np.testing.assert_array_equal(widget.labels[..., 1], widget.task_labels[..., 2:7].any(-1))
    mine = HeadMapWidget.from_scores(paper_scores(), TASKS, groups=GROUPS, categories=order[::-1], threshold=2.0)
    assert mine.categories == order[::-1]
    first = HeadMapWidget.from_scores(paper_scores(), TASKS, groups=GROUPS, threshold=2.0)
    np.testing.assert_array_equal(mine.labels[..., ::-1], first.labels)


def test_without_groups_everything_is_as_before():
    scores = paper_scores()[..., :4]
    widget = HeadMapWidget.from_scores(scores, ["a", "b", "c", "d"], threshold=1.0)
    assert widget.tasks is None and widget.groups is None
    assert widget.task_labels is None and widget.task_scores is None
    np.testing.assert_array_equal(widget.scores, scores)
    assert list(widget.to_frame().columns) == ["layer", "head", "category", "score", "label"]


# ------------------------------------------------------------------ ways in


def test_labels_per_task_with_the_constructor_and_from_heads():
    labels = np.zeros((4, 3, 3), bool)
    labels[0, 0, 0] = labels[1, 1, 1] = labels[2, 2, 2] = True
    groups = {"t0": "A", "t1": "B", "t2": "A"}
    widget = HeadMapWidget(labels, tasks=["t0", "t1", "t2"], groups=groups)
    assert widget.categories == ("A", "B") and widget.tasks == ("t0", "t1", "t2")
    np.testing.assert_array_equal(widget.labels[..., 0], labels[..., 0] | labels[..., 2])
    np.testing.assert_array_equal(widget.task_labels, labels)
    assert widget.scores is None and widget.task_scores is None
    mapping = HeadMapWidget(
        {"t0": labels[..., 0], "t1": labels[..., 1], "t2": labels[..., 2]}, ["B", "A"], groups=groups
    )
    assert mapping.categories == ("B", "A")
    np.testing.assert_array_equal(mapping.labels[..., ::-1], widget.labels)
    heads = {"t0": [(0, 0)], "t1": [(1, 1)], "t2": [(2, 2)]}
    listed = HeadMapWidget.from_heads(heads, n_layers=4, n_heads=3, groups=groups, categories=["B", "A"])
    assert listed.categories == ("B", "A") and listed.groups == groups
    np.testing.assert_array_equal(listed.task_labels, labels)


def test_from_frame_with_a_category_column_or_groups():
    rows = pd.DataFrame(
        {
            "layer": [0, 1, 2, 2],
            "head": [0, 1, 2, 0],
            "task": ["t0", "t1", "t2", "t0"],
            "category": ["A", "B", "A", "A"],
        }
    )
    widget = HeadMapWidget.from_frame(rows, task="task", n_layers=4, n_heads=3)
    assert widget.tasks == ("t0", "t1", "t2") and widget.groups == {"t0": "A", "t1": "B", "t2": "A"}
    assert widget.labels[0, 0, 0] and widget.labels[2, 2, 0] and widget.labels[1, 1, 1]
    grouped = HeadMapWidget.from_frame(
        rows.drop(columns="category"), task="task", groups={"t0": "A", "t1": "B", "t2": "A", "t3": "B"}
    )
    assert grouped.tasks == ("t0", "t1", "t2", "t3") and grouped.shape == (3, 3, 2)
    assert not grouped.task_labels[..., 3].any()
    ordered = HeadMapWidget.from_frame(rows, task="task", categories=["B", "A"])
    assert ordered.categories == ("B", "A")


# ------------------------------------------------------------------ round trips


def paper_widgets():
    order = ["Linguistic", "Algorithmic", "Knowledge", "Translation"]
    yield "threshold", HeadMapWidget.from_scores(paper_scores(), TASKS, groups=GROUPS, threshold=1.5)
    yield "top-k-ordered", HeadMapWidget.from_scores(paper_scores(1), TASKS, groups=GROUPS, categories=order, top_k=7)
    yield "labels", HeadMapWidget(paper_scores(2) > 2, tasks=TASKS, groups=GROUPS)
    odd_groups = {name: ODD[(i + 1) % 3] for i, name in enumerate(ODD)}
    yield (
        "odd-names",
        HeadMapWidget.from_scores(
            paper_scores(3)[:5, :4, : len(ODD)],
            ODD,
            groups=odd_groups,
            categories=[ODD[2], ODD[1], ODD[0]],
            threshold=0.0,
        ),
    )


WIDGETS = dict(paper_widgets())


def assert_same_data(back: HeadMapWidget, widget: HeadMapWidget, *, rule: bool = True) -> None:
    assert back.tasks == widget.tasks and back.groups == widget.groups and back.categories == widget.categories
    np.testing.assert_array_equal(back.labels, widget.labels)
    np.testing.assert_array_equal(back.task_labels, widget.task_labels)
    if widget.task_scores is None:
        assert back.task_scores is None
    else:
        np.testing.assert_array_equal(back.task_scores, widget.task_scores)
        np.testing.assert_array_equal(back.scores, widget.scores)
    if rule:
        assert (back.threshold, back.top_k) == (widget.threshold, widget.top_k)


@pytest.mark.parametrize("suffix", [".npz", ".csv", ".json"])
@pytest.mark.parametrize("which", list(WIDGETS))
def test_files_keep_tasks_groups_labels_and_scores(tmp_path, suffix, which):
    widget = WIDGETS[which]
    path = tmp_path / f"tasks{suffix}"
    widget.save_labels(path)
    back = HeadMapWidget.load(path)  # the saved labels (fixed), with their scores
    assert_same_data(back, widget, rule=False)
    if widget.task_scores is not None:  # the same rule classifies the loaded scores the same
        again = HeadMapWidget.load(path, threshold=widget.threshold, top_k=widget.top_k)
        assert_same_data(again, widget)


def odd_names(case):
    """The same case with task and category names a CSV, JSON or spreadsheet could trip on."""
    scores, tasks, groups, order, rule = case
    task = {name: f"{ODD[i % len(ODD)]} {i}" for i, name in enumerate(tasks)}
    category = {name: f"{ODD[-1 - i % len(ODD)]}, c{i}" for i, name in enumerate(dict.fromkeys(groups.values()))}
    renamed = {task[t]: category[c] for t, c in groups.items()}
    return scores, list(task.values()), renamed, None if order is None else [category[c] for c in order], rule


@settings(max_examples=30, deadline=None)
@given(grouped_scores(), st.sampled_from([".npz", ".csv", ".json"]), st.booleans())
def test_any_grouping_round_trips_through_every_file(tmp_path_factory, case, suffix, with_scores):
    scores, tasks, groups, order, rule = odd_names(case)
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, categories=order, **rule)
    if not with_scores:
        widget = HeadMapWidget(widget.task_labels, order, tasks=tasks, groups=groups)
    path = tmp_path_factory.mktemp("tasks") / f"tasks{suffix}"
    widget.save_labels(path)
    assert_same_data(HeadMapWidget.load(path), widget, rule=False)
    if with_scores:
        assert_same_data(HeadMapWidget.load(path, **rule), widget)
    assert_same_data(HeadMapWidget.from_frame(widget.to_frame()), widget)


def test_a_csv_declares_the_categories_only_when_their_order_is_not_the_first_appearance(tmp_path):
    WIDGETS["threshold"].save_labels(tmp_path / "plain.csv")
    WIDGETS["top-k-ordered"].save_labels(tmp_path / "ordered.csv")
    plain = (tmp_path / "plain.csv").read_text(encoding="utf-8").splitlines()
    ordered = (tmp_path / "ordered.csv").read_text(encoding="utf-8").splitlines()
    assert plain[0] == "layer,head,task,category,label,score"
    assert plain[1].startswith("0,0,english_to_french,Translation,")
    assert ordered[1:5] == [",,,Linguistic,,", ",,,Algorithmic,,", ",,,Knowledge,,", ",,,Translation,,"]
    assert len(ordered) == len(plain) + 4


def test_csv_task_and_category_cells_never_start_like_a_formula(tmp_path):
    path = tmp_path / "odd.csv"
    WIDGETS["odd-names"].save_labels(path)
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))[1:]
    cells = {cell for row in rows for cell in row[2:4] if cell}
    assert "'=SUM(A1)" in cells and "''quoted" in cells and "'-2+3" in cells and "'@x" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_a_file_without_tasks_still_loads(tmp_path):
    plain = HeadMapWidget.from_scores(paper_scores()[..., :3], ["a", "b", "c"], threshold=1.0)
    for suffix in (".npz", ".csv", ".json"):
        plain.save_labels(tmp_path / f"plain{suffix}")
        back = HeadMapWidget.load(tmp_path / f"plain{suffix}")
        assert back.tasks is None and back.categories == ("a", "b", "c")
        np.testing.assert_array_equal(back.labels, plain.labels)


@pytest.mark.parametrize("which", list(WIDGETS))
def test_to_frame_and_back(which):
    widget = WIDGETS[which]
    frame = widget.to_frame()
    assert list(frame.columns)[:4] == ["layer", "head", "task", "category"]
    if widget.task_scores is not None:  # one row per (layer, head, task) cell
        assert len(frame) == widget.task_scores.size
        row = frame.iloc[len(TASKS) + 1] if which != "odd-names" else frame.iloc[1]
        layer, head, task = int(row["layer"]), int(row["head"]), row["task"]
        t = widget.tasks.index(task)
        assert row["category"] == widget.groups[task]
        assert row["label"] == widget.task_labels[layer, head, t]
        assert row["score"] == widget.task_scores[layer, head, t] or math.isnan(row["score"])
    else:  # one row per membership
        assert len(frame) == widget.task_labels.sum()
    assert_same_data(HeadMapWidget.from_frame(frame), widget)


def test_set_scores_with_groups_replaces_everything_in_one_go():
    widget = HeadMapWidget.from_scores(paper_scores()[..., :3], ["a", "b", "c"], threshold=1.0, visible=["b"])
    widget.set_scores(paper_scores(5), TASKS, groups=GROUPS, top_k=3)
    expected = HeadMapWidget.from_scores(paper_scores(5), TASKS, groups=GROUPS, top_k=3)
    assert_same_data(widget, expected)
    assert widget.visible == ["Translation", "Knowledge", "Algorithmic", "Linguistic"]  # new ones shown
    widget.set_scores(paper_scores(6), groups=GROUPS, threshold=0.5)  # the tasks' names kept
    assert_same_data(widget, HeadMapWidget.from_scores(paper_scores(6), TASKS, groups=GROUPS, threshold=0.5))
    widget.set_labels(paper_scores(7) > 1, groups=GROUPS)
    assert_same_data(widget, HeadMapWidget(paper_scores(7) > 1, tasks=TASKS, groups=GROUPS))
    widget.set_scores(paper_scores(8)[..., :4], threshold=0.5)  # without groups: categories again
    assert widget.tasks is None and widget.shape == (32, 32, 4)


def test_the_command_line_renders_a_tasks_file(tmp_path, capsys):
    path = tmp_path / "tasks.csv"
    WIDGETS["top-k-ordered"].save_labels(path)
    out = tmp_path / "tasks.svg"
    assert main(["render", str(path), "-o", str(out), "--legend", "none"]) == 0
    svg = out.read_text(encoding="utf-8")
    positions = [svg.index(f">{name}<") for name in ("Linguistic", "Algorithmic", "Knowledge", "Translation")]
    assert positions == sorted(positions)  # the panels in the saved order


def test_a_table_without_its_attrs_reads_the_groups_from_the_category_column():
    widget = WIDGETS["threshold"]
    frame = widget.to_frame()
    frame.attrs.clear()  # as after a round trip through a CSV of one's own
    back = HeadMapWidget.from_frame(frame, task="task", score="score", threshold=widget.threshold)
    assert_same_data(back, widget)
    frame["task"] = frame["task"].astype(str)  # no categorical: tasks in order of first appearance
    frame["category"] = frame["category"].astype(str)
    assert_same_data(HeadMapWidget.from_frame(frame, task="task", score="score", threshold=1.5), widget)


def test_selected_frame_names_the_tasks_behind_each_selected_head():
    pytest.importorskip("pandas")
    from headwidget import example_task_scores

    scores, tasks, groups = example_task_scores()
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, threshold=0.5)
    layer, head = map(int, np.argwhere(widget.task_labels.any(axis=-1))[0])
    widget.selected = [(layer, head), (0, 0)]
    frame = widget.selected_frame()
    assert list(frame.columns[:4]) == ["layer", "head", "categories", "tasks"]
    passed = [t for t, on in zip(tasks, widget.task_labels[layer, head], strict=True) if on]
    assert frame.loc[frame["layer"] == layer, "tasks"].item() == ", ".join(passed) and passed
    assert frame.loc[frame["layer"] == 0, "tasks"].item() == ""  # layer 0 has no specialised heads
    assert "tasks" not in HeadMapWidget(np.ones((2, 2, 1), bool)).selected_frame().columns
