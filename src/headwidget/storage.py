"""Saving and loading head labels as ``.npz``, ``.csv`` (long form) or ``.json``, chosen by extension.

Each format keeps the shape (layers, heads, categories), the category names in
order and, when given, the float32 scores exactly:

* ``.npz`` (``numpy.savez_compressed``): ``labels`` (bool), ``categories``
  (unicode), ``scores`` (float32, only when given), ``format`` =
  ``"headwidget-labels"`` and ``version`` = 1.
* ``.csv`` (UTF-8): the header ``layer,head,category,label`` (plus ``,score``),
  then one row per (layer, head, category) cell in C order, so that categories
  with no heads keep their place; label is 0 or 1, score is ``repr(float(x))``
  and an empty field for NaN.
* ``.json`` (UTF-8, compact): ``{"format": "headwidget-labels", "version": 1,
  "shape": [L, H, C], "categories": [...], "heads": {name: [[layer, head], ...]},
  "scores": [...]}`` with the scores (only when given) flat in C order, ``null``
  for NaN and ``"Infinity"`` / ``"-Infinity"`` for infinities.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .labels import check_names, check_shape

FORMAT = "headwidget-labels"
VERSION = 1
EXTENSIONS = (".npz", ".csv", ".json")
COLUMNS = ["layer", "head", "category", "label"]
_NOT_OURS = f"is not a {FORMAT} file of version {VERSION}"

Loaded = tuple[np.ndarray, list[str], np.ndarray | None]


def save_labels(
    path: str | os.PathLike, array: np.ndarray, categories: Sequence[str], scores: np.ndarray | None = None
) -> None:
    """Write head labels, category names and optional scores to ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        Where to write; the extension (``.npz``, ``.csv`` or ``.json``, any case) picks the format.
    array : numpy.ndarray
        Bool array of shape (layers, heads, categories), each at least 1.
    categories : sequence of str
        One unique, non-empty name per category.
    scores : numpy.ndarray, optional
        Float scores of the same shape as ``array`` (NaN allowed), stored as float32.

    Raises
    ------
    ValueError, TypeError
        For an unknown extension or invalid arguments, before anything is written.
    """
    extension = _extension(path)
    array, names, scores = _check_arguments(array, categories, scores)
    if extension == ".npz":
        extra = {} if scores is None else {"scores": scores}
        # a file object, because numpy appends ".npz" to a path ending in ".NPZ"
        with open(path, "wb") as file:
            np.savez_compressed(
                file,
                labels=array,
                categories=np.array(names, dtype=str),
                format=np.array(FORMAT),
                version=np.array(VERSION),
                **extra,
            )
    elif extension == ".csv":
        labels = array.ravel().astype(np.uint8).tolist()
        cells = itertools.product(range(array.shape[0]), range(array.shape[1]), names)
        rows = ([layer, head, name, label] for (layer, head, name), label in zip(cells, labels, strict=True))
        header = list(COLUMNS)
        if scores is not None:
            header.append("score")
            values = ["" if math.isnan(v) else repr(v) for v in scores.ravel().tolist()]
            rows = (row + [value] for row, value in zip(rows, values, strict=True))
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
    else:
        document: dict[str, object] = {
            "format": FORMAT,
            "version": VERSION,
            "shape": list(array.shape),
            "categories": names,
            "heads": {name: np.argwhere(array[:, :, c]).tolist() for c, name in enumerate(names)},
        }
        if scores is not None:
            document["scores"] = [_json_score(v) for v in scores.ravel().tolist()]
        text = json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        Path(path).write_text(text, encoding="utf-8")


def load_labels(path: str | os.PathLike) -> Loaded:
    """Read a file written by :func:`save_labels`.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.npz``, ``.csv`` or ``.json`` file (extension in any case).

    Returns
    -------
    array : numpy.ndarray
        Bool array of shape (layers, heads, categories).
    categories : list of str
        The category names, in order.
    scores : numpy.ndarray or None
        Float32 scores of the same shape, or None when the file has none.

    Raises
    ------
    ValueError
        For an unknown extension or a malformed file, naming the file and the problem.
    FileNotFoundError
        When ``path`` does not exist.
    """
    extension = _extension(path)
    loader = {".npz": _load_npz, ".csv": _load_csv, ".json": _load_json}[extension]
    array, names, scores = loader(path)
    check_names(names, f"{path}: categories")
    return array, names, scores


# ------------------------------------------------------------------ checks


def _extension(path: str | os.PathLike) -> str:
    extension = Path(path).suffix.lower()
    if extension not in EXTENSIONS:
        raise ValueError(
            f"path {os.fspath(path)!r} has extension {extension!r}; expected one of {', '.join(EXTENSIONS)}"
        )
    return extension


def _check_arguments(array: object, categories: object, scores: object) -> Loaded:
    """Validate :func:`save_labels`' arguments; return a bool array, names and float32 scores."""
    array = np.asarray(array)
    if array.dtype != bool:
        raise TypeError(f"array has dtype {array.dtype}; expected bool (layers, heads, categories)")
    check_shape(array.shape, "array")
    names = check_names(categories, "categories")
    if len(names) != array.shape[2]:
        raise ValueError(
            f"categories has {len(names)} names but array has shape {array.shape}; expected one name per category"
        )
    if scores is not None:
        scores = np.asarray(scores)
        if scores.dtype.kind not in "fiu":
            raise TypeError(f"scores has dtype {scores.dtype}; expected floats")
        if scores.shape != array.shape:
            raise ValueError(f"scores has shape {scores.shape}; expected the shape of array, {array.shape}")
        scores = scores.astype(np.float32)
    return array, names, scores


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# ------------------------------------------------------------------ .npz


def _load_npz(path: str | os.PathLike) -> Loaded:
    try:
        data = np.load(path, allow_pickle=False)
    except (ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{path} is not an .npz archive ({exc}); expected a file written by save_labels") from None
    if not isinstance(data, np.lib.npyio.NpzFile):
        raise ValueError(f"{path} holds a single .npy array; expected an .npz archive written by save_labels")
    with data:
        for key in ("format", "version", "labels", "categories"):
            if key not in data.files:
                raise ValueError(
                    f"{path} has no {key!r} array; expected format, version, labels, categories (and scores)"
                )
        try:
            fields = {key: data[key] for key in data.files}
        except (ValueError, zipfile.BadZipFile) as exc:
            raise ValueError(f"{path} has an unreadable array ({exc}); expected plain numpy arrays") from None
    tag, version = fields["format"], fields["version"]
    if tag.shape != () or tag.dtype.kind != "U" or str(tag) != FORMAT:
        raise ValueError(f"{path} {_NOT_OURS}: format is {tag.tolist()!r}; expected {FORMAT!r}")
    if version.shape != () or version.dtype.kind not in "iu" or int(version) != VERSION:
        raise ValueError(f"{path} {_NOT_OURS}: version is {version.tolist()!r}; expected {VERSION}")
    array = fields["labels"]
    if array.dtype != bool:
        raise ValueError(f"{path}: labels has dtype {array.dtype}; expected bool")
    check_shape(array.shape, f"{path}: labels")
    names = fields["categories"]
    if names.dtype.kind != "U" or names.shape != array.shape[2:]:
        raise ValueError(
            f"{path}: categories has dtype {names.dtype} and shape {names.shape}; "
            f"expected {array.shape[2]} unicode names, one per category of labels {array.shape}"
        )
    scores = fields.get("scores")
    if scores is not None:
        if scores.dtype.kind != "f" or scores.shape != array.shape:
            raise ValueError(
                f"{path}: scores has dtype {scores.dtype} and shape {scores.shape}; "
                f"expected float32 of the shape of labels, {array.shape}"
            )
        scores = scores.astype(np.float32)
    return array, names.tolist(), scores


# ------------------------------------------------------------------ .csv

_INDEX = re.compile(r"[0-9]+")
_NOT_A_GRID = "does not list every (layer, head, category) cell once, in C order"


def _load_csv(path: str | os.PathLike) -> Loaded:
    layers: list[int] = []
    heads: list[int] = []
    cats: list[int] = []
    labels: list[bool] = []
    values: list[float] = []
    lines: list[int] = []
    index: dict[str, int] = {}  # category name -> position, in order of first appearance
    try:
        with open(path, newline="", encoding="utf-8-sig") as file:
            reader = csv.reader(file)
            has_scores = _csv_header(next(reader, None), path)
            for row in reader:
                if not row:
                    continue  # a blank line
                line = reader.line_num
                if len(row) != 4 + has_scores:
                    raise ValueError(f"{path} line {line} has {len(row)} fields; expected {4 + has_scores}")
                for column, text in zip(("layer", "head"), row, strict=False):
                    if not _INDEX.fullmatch(text):
                        raise ValueError(
                            f"{path} line {line}: layer and head must be integers >= 0; got {column} {text!r}"
                        )
                if row[3] not in ("0", "1"):
                    raise ValueError(f"{path} line {line}: label must be 0 or 1; got {row[3]!r}")
                if has_scores:
                    values.append(_csv_score(row[4], path, line))
                layers.append(int(row[0]))
                heads.append(int(row[1]))
                cats.append(index.setdefault(row[2], len(index)))
                labels.append(row[3] == "1")
                lines.append(line)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path} is not readable UTF-8 CSV ({exc})") from None
    if not layers:
        raise ValueError(f"{path} has a header but no rows; expected one row per (layer, head, category)")
    names = list(index)
    shape = (max(layers) + 1, max(heads) + 1, len(names))
    got = np.array([layers, heads, cats])
    want = np.indices(shape).reshape(3, -1)
    n = min(got.shape[1], want.shape[1])
    wrong = np.flatnonzero((got[:, :n] != want[:, :n]).any(axis=0))
    if wrong.size:
        i = int(wrong[0])
        (la, h, c), (wl, wh, wc) = got[:, i].tolist(), want[:, i].tolist()
        raise ValueError(
            f"{path} {_NOT_A_GRID}: line {lines[i]} is the cell (layer {la}, head {h}, category {names[c]!r}) "
            f"where the grid of shape {shape} in C order has (layer {wl}, head {wh}, category {names[wc]!r})"
        )
    if got.shape[1] != want.shape[1]:
        raise ValueError(
            f"{path} {_NOT_A_GRID}: it has {got.shape[1]} rows but its layers, heads and categories "
            f"span the shape {shape}, i.e. {want.shape[1]} cells"
        )
    array = np.array(labels, dtype=bool).reshape(shape)
    scores = np.array(values, dtype=np.float32).reshape(shape) if has_scores else None
    return array, names, scores


def _csv_header(header: list[str] | None, path: str | os.PathLike) -> bool:
    """Check the header row; return whether it has the score column."""
    expected = "layer,head,category,label[,score]"
    if header is None:
        raise ValueError(f"{path} is empty; expected the header {expected}")
    if header not in (COLUMNS, [*COLUMNS, "score"]):
        missing = [column for column in COLUMNS if column not in header]
        problem = f"no {missing[0]!r} column" if missing else "columns out of order or extra"
        raise ValueError(f"{path} has header {header}; expected {expected} ({problem})")
    return len(header) == 5


def _csv_score(text: str, path: str | os.PathLike, line: int) -> float:
    if not text:
        return math.nan
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{path} line {line}: score is {text!r}; expected a number, or nothing for NaN") from None


# ------------------------------------------------------------------ .json

_INFINITIES = {"Infinity": math.inf, "-Infinity": -math.inf}


def _json_score(value: float) -> float | str | None:
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _load_json(path: str | os.PathLike) -> Loaded:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not UTF-8 JSON ({exc}); expected a file written by save_labels") from None
    if not isinstance(document, dict):
        raise ValueError(f"{path} holds a JSON {type(document).__name__}; expected an object")
    if document.get("format") != FORMAT:
        raise ValueError(f"{path} {_NOT_OURS}: format is {document.get('format')!r}; expected {FORMAT!r}")
    version = document.get("version")
    if not _is_int(version) or version != VERSION:
        raise ValueError(f"{path} {_NOT_OURS}: version is {version!r}; expected {VERSION}")
    for key in ("shape", "categories", "heads"):
        if key not in document:
            raise ValueError(f"{path} has no {key!r} key; expected format, version, shape, categories, heads")
    shape = document["shape"]
    if not isinstance(shape, list) or not all(_is_int(n) for n in shape):
        raise ValueError(f"{path} has shape {shape!r}; expected [layers, heads, categories]")
    shape = tuple(shape)
    check_shape(shape, path)
    names = document["categories"]
    if not isinstance(names, list) or len(names) != shape[2] or not all(isinstance(n, str) for n in names):
        raise ValueError(f"{path} has categories {names!r}; expected a list of {shape[2]} names (shape {list(shape)})")
    check_names(names, f"{path}: categories")
    heads = document["heads"]
    if not isinstance(heads, dict):
        raise ValueError(f"{path} has heads {heads!r}; expected an object {{name: [[layer, head], ...]}}")
    array = np.zeros(shape, dtype=bool)
    for name, pairs in heads.items():
        if name not in names:
            raise ValueError(f"{path}: heads has the unknown category {name!r}; expected one of categories")
        c = names.index(name)
        for pair in pairs if isinstance(pairs, list) else [pairs]:
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(i) for i in pair)):
                raise ValueError(f"{path}: heads[{name!r}] contains {pair!r}; expected [layer, head] integer pairs")
            if not (0 <= pair[0] < shape[0] and 0 <= pair[1] < shape[1]):
                raise ValueError(
                    f"{path}: heads[{name!r}] has ({pair[0]}, {pair[1]}), outside the shape {shape}; "
                    f"expected 0 <= layer < {shape[0]} and 0 <= head < {shape[1]}"
                )
            array[pair[0], pair[1], c] = True
    scores = None
    if "scores" in document:
        flat = document["scores"]
        size = math.prod(shape)
        if not isinstance(flat, list) or len(flat) != size:
            length = len(flat) if isinstance(flat, list) else type(flat).__name__
            raise ValueError(f"{path}: scores is {length}; expected a list of {size} numbers for shape {list(shape)}")
        values = []
        for value in flat:
            if value is None:
                value = math.nan
            elif isinstance(value, str) and value in _INFINITIES:
                value = _INFINITIES[value]
            elif isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{path}: scores contains {value!r}; expected numbers, null for NaN, or ±Infinity")
            values.append(value)
        scores = np.array(values, dtype=np.float32).reshape(shape)
    return array, names, scores
