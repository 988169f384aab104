"""save_labels / load_labels: exact round trips in .npz, .csv and .json, and the exact formats written.
(Bad arguments and malformed files: ``test_storage_errors.py``.)"""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from headwidget.labels import check_text
from headwidget.storage import load_labels, save_labels

EXTENSIONS = [".npz", ".csv", ".json"]

# Awkward pieces for names: CSV and JSON syntax, HTML, non-ASCII (line breaks and other
# control characters are refused by the text rule, labels.check_text).
PIECES = [",", '"', "'", "</script>", "\\", "é", "名前", "🙂", " ", "null", "0"]
name_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))),
    min_size=1,
    max_size=8,
).map("".join)
names_strategy = name_text.filter(lambda name: name.strip() != "" and _valid_text(name))


def _valid_text(name: str) -> bool:
    try:
        check_text(name, "name")
    except ValueError:
        return False
    return True


shapes = st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 9))
float32s = st.one_of(st.floats(width=32, allow_nan=False, allow_infinity=False), st.just(np.float32("nan")))


@st.composite
def labelled(draw, with_scores: bool):
    """A bool array (L, H, C), C unique names and, optionally, float32 scores with NaNs."""
    shape = draw(shapes)
    array = draw(arrays(bool, shape))
    names = draw(st.lists(names_strategy, min_size=shape[2], max_size=shape[2], unique=True))
    scores = draw(arrays(np.float32, shape, elements=float32s)) if with_scores else None
    return array, names, scores


def assert_same_scores(got: np.ndarray, want: np.ndarray) -> None:
    """Equal float32 bit for bit (so -0.0 keeps its sign), NaN where NaN was."""
    assert got.dtype == np.float32
    assert got.shape == want.shape
    nan = np.isnan(want)
    np.testing.assert_array_equal(np.isnan(got), nan)
    np.testing.assert_array_equal(got[~nan].view(np.uint32), want[~nan].view(np.uint32))


def assert_round_trip(path, array, names, scores) -> None:
    save_labels(path, array, names, scores)
    got_array, got_names, got_scores = load_labels(path)
    assert got_array.dtype == bool
    assert got_array.shape == array.shape
    np.testing.assert_array_equal(got_array, array)
    assert got_names == list(names)
    assert all(type(name) is str for name in got_names)
    if scores is None:
        assert got_scores is None
    else:
        assert_same_scores(got_scores, scores)


round_trip_settings = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("extension", EXTENSIONS)
@round_trip_settings
@given(data=labelled(with_scores=False))
def test_round_trip_labels_and_names(tmp_path, extension, data):
    assert_round_trip(tmp_path / f"labels{extension}", *data)


@pytest.mark.parametrize("extension", EXTENSIONS)
@round_trip_settings
@given(data=labelled(with_scores=True))
def test_round_trip_with_scores(tmp_path, extension, data):
    assert_round_trip(tmp_path / f"labels{extension}", *data)


@pytest.mark.parametrize("shape", [(1, 1, 1), (3, 1, 1), (5, 7, 3), (9, 9, 9), (1, 9, 5)])
@pytest.mark.parametrize("extension", EXTENSIONS)
def test_round_trip_shapes_not_a_multiple_of_8_and_empty_categories(tmp_path, extension, shape):
    rng = np.random.default_rng(sum(shape))
    array = rng.random(shape) < 0.3
    array[..., -1] = False  # a category with no heads keeps its place
    names = [f"c{i}" for i in range(shape[2])]
    scores = rng.standard_normal(shape).astype(np.float32)
    scores.flat[::4] = np.nan
    assert_round_trip(tmp_path / f"labels{extension}", array, names, scores)


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_round_trip_signed_zero_infinities_and_extremes(tmp_path, extension):
    values = [-0.0, 0.0, np.inf, -np.inf, np.nan, 1e-45, -3.4028235e38, 0.1]
    scores = np.array(values, dtype=np.float32).reshape(2, 4, 1)
    array = np.zeros(scores.shape, bool)
    assert_round_trip(tmp_path / f"labels{extension}", array, ["only"], scores)


@pytest.mark.parametrize("extension", [".NPZ", ".Csv", ".JSON"])
def test_extension_is_case_insensitive(tmp_path, extension):
    path = tmp_path / f"labels{extension}"
    assert_round_trip(path, np.ones((2, 3, 2), bool), ["a", "b"], None)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # numpy did not append ".npz"


def test_accepts_str_paths_and_tuple_categories(tmp_path):
    path = str(tmp_path / "labels.json")
    save_labels(path, np.eye(3, dtype=bool)[:, :, None], ("diag",))
    array, names, scores = load_labels(path)
    assert names == ["diag"] and scores is None
    np.testing.assert_array_equal(array[..., 0], np.eye(3, dtype=bool))


# ------------------------------------------------------------------ exact formats


def small():
    array = np.zeros((2, 2, 2), bool)
    array[0, 1, 0] = array[1, 0, 0] = True
    scores = np.array([0.5, np.nan, 1.0, -2.0, 0.25, 3.0, -0.0, 0.1], dtype=np.float32).reshape(2, 2, 2)
    return array, ["a,b", 'say "hi"'], scores


def test_csv_is_long_form_one_row_per_cell_in_c_order(tmp_path):
    path = tmp_path / "labels.csv"
    save_labels(path, *small())
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["layer", "head", "category", "label", "score"]
    assert rows[1:] == [
        ["0", "0", "a,b", "0", "0.5"],
        ["0", "0", 'say "hi"', "0", ""],
        ["0", "1", "a,b", "1", "1.0"],
        ["0", "1", 'say "hi"', "0", "-2.0"],
        ["1", "0", "a,b", "1", "0.25"],
        ["1", "0", 'say "hi"', "0", "3.0"],
        ["1", "1", "a,b", "0", "-0.0"],
        ["1", "1", 'say "hi"', "0", repr(float(np.float32(0.1)))],
    ]
    save_labels(path, small()[0], small()[1])
    assert path.read_text(encoding="utf-8").splitlines()[0] == "layer,head,category,label"


def test_json_document_is_compact_utf8_and_deterministic(tmp_path):
    path = tmp_path / "labels.json"
    array, _, scores = small()
    names = ["名前", "</script>"]
    save_labels(path, array, names, scores)
    raw = path.read_bytes()
    assert "名前".encode() in raw  # ensure_ascii=False
    assert b"\n" not in raw
    assert json.loads(raw) == {
        "format": "headwidget-labels",
        "version": 1,
        "shape": [2, 2, 2],
        "categories": names,
        "heads": {"名前": [[0, 1], [1, 0]], "</script>": []},
        "scores": [0.5, None, 1.0, -2.0, 0.25, 3.0, -0.0, float(np.float32(0.1))],
    }
    save_labels(path, array, names, scores)
    assert path.read_bytes() == raw
    save_labels(path, array, names)
    assert "scores" not in json.loads(path.read_bytes())


def test_npz_holds_the_documented_arrays(tmp_path):
    path = tmp_path / "labels.npz"
    array, names, scores = small()
    save_labels(path, array, names, scores.astype(np.float64))
    with np.load(path, allow_pickle=False) as data:
        assert sorted(data.files) == ["categories", "format", "labels", "scores", "version"]
        assert data["labels"].dtype == bool
        assert data["categories"].dtype.kind == "U" and data["categories"].tolist() == names
        assert data["scores"].dtype == np.float32
        assert str(data["format"]) == "headwidget-labels" and int(data["version"]) == 1
    save_labels(path, array, names)
    with np.load(path) as data:
        assert "scores" not in data.files
