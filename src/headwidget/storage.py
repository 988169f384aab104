"""Saving and loading head labels: .npz, .csv (long form) and .json, with names and scores.

* ``.npz``: arrays ``labels`` (bool), ``categories`` (str), ``scores`` (float32, when present).
* ``.csv``: one row per (layer, head, category) cell in C order, columns
  ``layer,head,category,label`` (+ ``score``, empty for NaN), so the shape and the
  category order survive even for categories with no heads.
* ``.json``: ``{"format": "headwidget-labels", "version": 1, "shape": [L, H, C],
  "categories": [...], "heads": {name: [[layer, head], ...]}, "scores": [...]}``
  (scores flat in C order, ``null`` for NaN).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

FORMAT = "headwidget-labels"
SUFFIXES = (".npz", ".csv", ".json")


def _suffix(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"path {str(path)!r} has extension {suffix!r}; expected one of {', '.join(SUFFIXES)}")
    return suffix


def save_labels(
    path: str | os.PathLike, array: np.ndarray, categories: Sequence[str], scores: np.ndarray | None = None
) -> None:
    """Write ``array`` (layers, heads, categories), names and optional scores; format by extension."""
    suffix = _suffix(path)
    names = list(categories)
    if suffix == ".npz":
        extra = {} if scores is None else {"scores": scores.astype(np.float32)}
        np.savez_compressed(path, labels=array, categories=np.array(names, dtype=str), format=FORMAT, **extra)
    elif suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["layer", "head", "category", "label"] + ([] if scores is None else ["score"]))
            for (layer, head, c), on in np.ndenumerate(array):
                row = [layer, head, names[c], int(on)]
                if scores is not None:
                    value = float(scores[layer, head, c])
                    row.append("" if np.isnan(value) else repr(value))
                writer.writerow(row)
    else:
        document = {
            "format": FORMAT,
            "version": 1,
            "shape": list(array.shape),
            "categories": names,
            "heads": {name: np.argwhere(array[..., c]).tolist() for c, name in enumerate(names)},
        }
        if scores is not None:
            document["scores"] = [None if np.isnan(v) else float(v) for v in scores.astype(np.float32).ravel()]
        Path(path).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def load_labels(path: str | os.PathLike) -> tuple[np.ndarray, list[str], np.ndarray | None]:
    """Read what :func:`save_labels` wrote: (bool array, names, float32 scores or None)."""
    suffix = _suffix(path)
    if suffix == ".npz":
        with np.load(path, allow_pickle=False) as data:
            for key in ("labels", "categories"):
                if key not in data:
                    raise ValueError(f"{path} has no {key!r} array; expected a file written by save_labels")
            scores = data["scores"].astype(np.float32) if "scores" in data else None
            return data["labels"].astype(bool), [str(n) for n in data["categories"]], scores
    if suffix == ".csv":
        return _load_csv(path)
    return _load_json(path)


def _load_csv(path: str | os.PathLike) -> tuple[np.ndarray, list[str], np.ndarray | None]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0][:4] != ["layer", "head", "category", "label"]:
        header = rows[0] if rows else []
        raise ValueError(f"{path} has header {header}; expected layer,head,category,label[,score]")
    has_scores = rows[0][4:] == ["score"]
    cells, names = [], []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            raise ValueError(f"{path} line {number} has {len(row)} fields; expected {len(rows[0])}")
        try:
            layer, head = int(row[0]), int(row[1])
        except ValueError:
            raise ValueError(f"{path} line {number}: layer and head must be integers; got {row[:2]}") from None
        if row[3] not in ("0", "1"):
            raise ValueError(f"{path} line {number}: label must be 0 or 1; got {row[3]!r}")
        if row[2] not in names:
            names.append(row[2])
        cells.append((layer, head, names.index(row[2]), row[3] == "1", row[4] if has_scores else ""))
    n_layers = max((c[0] for c in cells), default=-1) + 1
    n_heads = max((c[1] for c in cells), default=-1) + 1
    shape = (n_layers, n_heads, len(names))
    expected = [(la, h, c) for la in range(n_layers) for h in range(n_heads) for c in range(len(names))]
    if [c[:3] for c in cells] != expected:
        raise ValueError(f"{path} does not list every (layer, head, category) cell in order; expected {shape} cells")
    array = np.array([c[3] for c in cells], dtype=bool).reshape(shape)
    scores = None
    if has_scores:
        scores = np.array([float(c[4]) if c[4] else np.nan for c in cells], dtype=np.float32).reshape(shape)
    return array, names, scores


def _load_json(path: str | os.PathLike) -> tuple[np.ndarray, list[str], np.ndarray | None]:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") != 1:
        raise ValueError(f"{path} is not a {FORMAT} file of version 1; expected one written by save_labels")
    shape = tuple(document["shape"])
    names = list(document["categories"])
    array = np.zeros(shape, dtype=bool)
    for c, name in enumerate(names):
        for layer, head in document["heads"].get(name, []):
            if not (0 <= layer < shape[0] and 0 <= head < shape[1]):
                raise ValueError(f"{path}: heads[{name!r}] has ({layer}, {head}), outside the shape {shape}")
            array[layer, head, c] = True
    scores = None
    if "scores" in document:
        flat = [np.nan if v is None else v for v in document["scores"]]
        scores = np.array(flat, dtype=np.float32).reshape(shape)
    return array, names, scores
