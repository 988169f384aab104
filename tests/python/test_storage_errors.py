"""save_labels / load_labels: bad arguments and unknown extensions write nothing, and each
malformed .csv, .json or .npz file gets an error that names the file and what is wrong."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from headwidget.storage import load_labels, save_labels

EXTENSIONS = [".npz", ".csv", ".json"]
NOT_OURS = r"is not a headwidget-labels file of version 1"


def with_changes(base: dict, changes: dict) -> dict:
    """``base`` with each key of ``changes`` set to its value, or removed where the value is ``KeyError``."""
    for key, value in changes.items():
        if value is KeyError:
            del base[key]
        else:
            base[key] = value
    return base


# ------------------------------------------------------------------ bad arguments and extensions


@pytest.mark.parametrize("name", ["labels.txt", "labels", "labels.npy", "labels.json.gz"])
def test_unknown_extension(tmp_path, name):
    path = tmp_path / name
    match = r"has extension '(\.txt|\.npy|\.gz|)'; expected one of \.npz, \.csv, \.json"
    with pytest.raises(ValueError, match=match):
        save_labels(path, np.ones((1, 1, 1), bool), ["a"])
    with pytest.raises(ValueError, match=match):
        load_labels(path)
    assert not path.exists()


@pytest.mark.parametrize(
    ("array", "names", "scores", "error", "match"),
    [
        (np.ones((2, 2, 2), int), ["a", "b"], None, TypeError, r"array has dtype int64; expected bool"),
        (np.ones((2, 2), bool), ["a"], None, ValueError, r"array has shape \(2, 2\); expected \(layers, heads"),
        (np.ones((0, 2, 1), bool), ["a"], None, ValueError, r"each at least 1"),
        (np.ones((2, 2, 2), bool), ["a"], None, ValueError, r"categories has 1 names but array has shape"),
        (np.ones((2, 2, 2), bool), ["a", "a"], None, ValueError, r"contains 'a' twice"),
        (np.ones((2, 2, 1), bool), [" "], None, ValueError, r"the empty name ' '"),
        (np.ones((2, 2, 1), bool), ["a\x00"], None, ValueError, r"NUL"),
        (np.ones((2, 2, 1), bool), ["\ud800"], None, ValueError, r"not valid Unicode"),
        (np.ones((2, 2, 1), bool), [1], None, TypeError, r"contains 1 \(int\); expected str"),
        (np.ones((2, 2, 1), bool), "a", None, TypeError, r"categories must be a list of category names; got str"),
        (np.ones((2, 2, 1), bool), ["a"], np.zeros((2, 2)), ValueError, r"scores has shape \(2, 2\); expected"),
        (np.ones((2, 2, 1), bool), ["a"], np.zeros((2, 2, 1), bool), TypeError, r"scores has dtype bool"),
    ],
)
@pytest.mark.parametrize("extension", EXTENSIONS)
def test_bad_arguments_raise_and_write_nothing(tmp_path, extension, array, names, scores, error, match):
    path = tmp_path / f"labels{extension}"
    with pytest.raises(error, match=match):
        save_labels(path, array, names, scores)
    assert not path.exists()


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_missing_file(tmp_path, extension):
    with pytest.raises(FileNotFoundError):
        load_labels(tmp_path / f"absent{extension}")


# ------------------------------------------------------------------ malformed .csv


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def grid_rows(shape=(2, 2, 2), names=("a", "b")):
    return [[la, h, names[c], 0] for la in range(shape[0]) for h in range(shape[1]) for c in range(shape[2])]


HEADER = ["layer", "head", "category", "label"]
NOT_A_GRID = r"does not list every \(layer, head, category\) cell once, in C order"


@pytest.mark.parametrize(
    ("rows", "match"),
    [
        ([], r"is empty; expected the header layer,head,category,label\[,score\]"),
        ([["layer", "head", "category"], [0, 0, "a"]], r"has header \[.*\]; expected .* \(no 'label' column\)"),
        ([["layer", "head", "name", "label"]], r"has header \['layer', 'head', 'name', 'label'\]; .*no 'category'"),
        ([["head", "layer", "category", "label"]], r"columns out of order or extra"),
        ([[*HEADER, "score", "extra"]], r"columns out of order or extra"),
        ([HEADER], r"has a header but no rows"),
        ([HEADER, [0, 0, "a"]], r"line 2 has 3 fields; expected 4"),
        ([HEADER, [0, 0, "a", 2]], r"line 2: label must be 0 or 1; got '2'"),
        ([HEADER, [0, 0, "a", "true"]], r"line 2: label must be 0 or 1; got 'true'"),
        ([HEADER, [0, 0, "a", ""]], r"line 2: label must be 0 or 1; got ''"),
        ([HEADER, [-1, 0, "a", 1]], r"line 2: layer and head must be integers >= 0; got layer '-1'"),
        ([HEADER, [0, "1.5", "a", 1]], r"line 2: layer and head must be integers >= 0; got head '1.5'"),
        ([HEADER, ["x", 0, "a", 1]], r"line 2: layer and head must be integers >= 0; got layer 'x'"),
        ([[*HEADER, "score"], [0, 0, "a", 1, "high"]], r"line 2: score is 'high'; expected a number"),
        ([HEADER, [0, 0, " ", 1]], r"categories contains the empty name ' '"),
        # rows that don't form a full (layer, head, category) grid in C order
        ([HEADER, *grid_rows()[:-1]], NOT_A_GRID + r": it has 7 rows but .* span the shape \(2, 2, 2\), i.e. 8 cells"),
        (
            [HEADER, *grid_rows()[:3], *grid_rows()[4:]],
            NOT_A_GRID + r": line 5 is the cell \(layer 1, head 0, category 'a'\)",
        ),
        # read as a stream: the first row out of place is named, with the cell expected there
        (
            [HEADER, *grid_rows(), grid_rows()[-1]],
            NOT_A_GRID + r": line 10 is the cell \(layer 1, head 1, category 'b'\) where the grid in C order has "
            r"\(layer 2, head 0, category 'a'\)",
        ),
        ([HEADER, *grid_rows()[::-1]], NOT_A_GRID + r": line 2 is the cell \(layer 1, head 1, category 'b'\) where"),
        (
            [HEADER, [0, 0, "a", 1], [0, 2, "a", 1]],
            r"line 3 is the cell \(layer 0, head 2, category 'a'\) where the grid in C order has \(layer 0, head 1,",
        ),
    ],
)
def test_malformed_csv(tmp_path, rows, match):
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ValueError, match=match) as info:
        load_labels(path)
    assert str(path) in str(info.value)


def test_csv_not_utf8(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"layer,head,category,label\n0,0,\xff,1\n")
    with pytest.raises(ValueError, match=r"bad\.csv is not readable UTF-8 CSV"):
        load_labels(path)


def test_csv_tolerates_a_bom_and_a_trailing_blank_line(tmp_path):
    path = tmp_path / "edited.csv"
    path.write_text("\ufefflayer,head,category,label\r\n0,0,a,1\r\n0,1,a,0\r\n\r\n", encoding="utf-8")
    array, names, scores = load_labels(path)
    assert names == ["a"] and scores is None
    np.testing.assert_array_equal(array, [[[True], [False]]])


# ------------------------------------------------------------------ malformed .json


def good_document():
    return {
        "format": "headwidget-labels",
        "version": 1,
        "shape": [2, 3, 2],
        "categories": ["a", "b"],
        "heads": {"a": [[0, 1]], "b": []},
        "scores": [0.0] * 12,
    }


def changed(**changes):
    """The good JSON document with ``changes`` (a key given ``KeyError`` is removed)."""
    return with_changes(good_document(), changes)


@pytest.mark.parametrize(
    ("document", "match"),
    [
        ([1, 2], r"holds a JSON list; expected an object"),
        (changed(format="something-else"), NOT_OURS + r": format is 'something-else'; expected 'headwidget-labels'"),
        (changed(format=KeyError), NOT_OURS + r": format is None"),
        (changed(version=2), NOT_OURS + r": version is 2; expected 1"),
        (changed(version="1"), NOT_OURS + r": version is '1'; expected 1"),
        (changed(version=True), NOT_OURS + r": version is True; expected 1"),
        (changed(version=KeyError), NOT_OURS + r": version is None; expected 1"),
        (changed(heads=KeyError), r"has no 'heads' key"),
        (changed(shape=[2, 3]), r"has shape \(2, 3\); expected \(layers, heads, categories\)"),
        (changed(shape=[2, 0, 2]), r"each at least 1"),
        (changed(shape=[2, 3.0, 2]), r"has shape \[2, 3.0, 2\]; expected \[layers, heads, categories\]"),
        (changed(categories=["a"]), r"has categories \['a'\]; expected a list of 2 names"),
        (changed(categories=["a", 2]), r"expected a list of 2 names"),
        (changed(categories=["a", "a"]), r"categories contains 'a' twice"),
        (changed(heads=[]), r"has heads \[\]; expected an object"),
        (changed(heads={"c": [[0, 0]]}), r"heads has the unknown category 'c'"),
        (
            changed(heads={"a": [[2, 0]]}),
            r"heads\['a'\] has \(2, 0\), outside the shape \(2, 3, 2\); expected 0 <= layer < 2",
        ),
        (changed(heads={"a": [[0, 3]]}), r"heads\['a'\] has \(0, 3\), outside the shape \(2, 3, 2\); .* 0 <= head < 3"),
        (changed(heads={"a": [[0, -1]]}), r"heads\['a'\] has \(0, -1\), outside the shape"),
        (
            changed(heads={"b": [[0, 1, 2]]}),
            r"heads\['b'\] contains \[0, 1, 2\]; expected \[layer, head\] integer pairs",
        ),
        (changed(heads={"b": [[0, 1.0]]}), r"heads\['b'\] contains \[0, 1.0\]"),
        (changed(heads={"b": [0, 1]}), r"heads\['b'\] contains 0"),
        (changed(scores=[0.0] * 11), r"scores is 11; expected a list of 12 numbers for shape \[2, 3, 2\]"),
        (changed(scores={"a": 1}), r"scores is dict; expected a list of 12 numbers"),
        (changed(scores=[0.0] * 11 + ["1"]), r"scores contains '1'; expected numbers, null for NaN"),
        (changed(scores=[0.0] * 11 + [True]), r"scores contains True"),
    ],
)
def test_malformed_json(tmp_path, document, match):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=match) as info:
        load_labels(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe{}"])
def test_json_not_json(tmp_path, raw):
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    with pytest.raises(ValueError, match=r"bad\.json is not UTF-8 JSON"):
        load_labels(path)


def test_json_good_document_loads(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(good_document()), encoding="utf-8")
    array, names, scores = load_labels(path)
    assert names == ["a", "b"] and array.sum() == 1 and array[0, 1, 0]
    assert scores.dtype == np.float32 and not scores.any()


# ------------------------------------------------------------------ malformed .npz


def good_arrays():
    return {
        "labels": np.zeros((2, 3, 2), bool),
        "categories": np.array(["a", "b"]),
        "format": np.array("headwidget-labels"),
        "version": np.array(1),
    }


def npz_changed(**changes):
    """The good .npz arrays with ``changes`` (a key given ``KeyError`` is removed)."""
    return with_changes(good_arrays(), changes)


@pytest.mark.parametrize(
    ("contents", "match"),
    [
        (npz_changed(labels=KeyError), r"has no 'labels' array"),
        (npz_changed(categories=KeyError), r"has no 'categories' array"),
        (npz_changed(format=KeyError), r"has no 'format' array"),
        (npz_changed(format=np.array("other")), NOT_OURS + r": format is 'other'; expected 'headwidget-labels'"),
        (npz_changed(format=np.array(["headwidget-labels"])), NOT_OURS + r": format is \['headwidget-labels'\]"),
        (npz_changed(version=np.array(2)), NOT_OURS + r": version is 2; expected 1"),
        (npz_changed(version=np.array(1.0)), NOT_OURS + r": version is 1.0; expected 1"),
        (npz_changed(labels=np.zeros((2, 3, 2), np.uint8)), r"labels has dtype uint8; expected bool"),
        (npz_changed(labels=np.zeros((2, 3), bool)), r"labels has shape \(2, 3\); expected"),
        (npz_changed(categories=np.array(["a"])), r"categories has dtype <U1 and shape \(1,\); expected 2"),
        (npz_changed(categories=np.array([1, 2])), r"categories has dtype int64"),
        (npz_changed(categories=np.array(["a", "a"])), r"categories contains 'a' twice"),
        (npz_changed(scores=np.zeros((2, 3, 1), np.float32)), r"scores has dtype float32 and shape \(2, 3, 1\)"),
        (npz_changed(scores=np.zeros((2, 3, 2), np.int32)), r"scores has dtype int32"),
    ],
)
def test_malformed_npz(tmp_path, contents, match):
    path = tmp_path / "bad.npz"
    np.savez(path, **contents)
    with pytest.raises(ValueError, match=match) as info:
        load_labels(path)
    assert str(path) in str(info.value)


def test_npz_float64_scores_load_as_float32(tmp_path):
    path = tmp_path / "wide.npz"
    np.savez(path, **good_arrays(), scores=np.full((2, 3, 2), 0.1))
    assert load_labels(path)[2].dtype == np.float32


@pytest.mark.parametrize("raw", [b"", b"not a zip file at all", b"PK\x03\x04truncated"])
def test_npz_not_an_archive(tmp_path, raw):
    path = tmp_path / "bad.npz"
    path.write_bytes(raw)
    with pytest.raises(ValueError, match=r"bad\.npz is not an \.npz archive"):
        load_labels(path)


def test_npz_holding_one_npy_array(tmp_path):
    path = tmp_path / "bad.npz"
    with open(path, "wb") as f:
        np.save(f, np.zeros(3))
    with pytest.raises(ValueError, match=r"holds a single \.npy array"):
        load_labels(path)


def test_npz_with_pickled_objects_is_refused(tmp_path):
    path = tmp_path / "bad.npz"
    np.savez(path, **npz_changed(categories=np.array(["a", "b"], dtype=object)))
    with pytest.raises(ValueError, match=r"has an unreadable array"):
        load_labels(path)
