"""Other shapes researchers hold head labels in, turned into a (layers, heads, categories) array.

* per-category lists of top heads: ``{"Translation": [(27, 18), (30, 21)]}``;
* a long table (pandas or polars DataFrame) with one row per (layer, head, category);
* and back out to such a table.

Each function validates completely and raises errors that name the argument,
what was received and what was expected.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .labels import check_names, check_shape
from .tasks import TaskGroups


def check_count(value: object, name: str) -> int:
    """A positive integer such as ``n_layers``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a positive integer; got {type(value).__name__} {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1; got {value}")
    return int(value)


def heads_to_array(heads: object, n_layers: object, n_heads: object) -> tuple[np.ndarray, list[str]]:
    """``{category: [(layer, head), ...]}`` to a bool array (layers, heads, categories) and names."""
    if not isinstance(heads, Mapping):
        raise TypeError(f"heads must be a mapping {{category: [(layer, head), ...]}}; got {type(heads).__name__}")
    n_layers = check_count(n_layers, "n_layers")
    n_heads = check_count(n_heads, "n_heads")
    names = check_names(list(heads.keys()), "heads keys")
    check_shape((n_layers, n_heads, len(names)), "the grid n_layers x n_heads")  # before allocating it
    array = np.zeros((n_layers, n_heads, len(names)), dtype=bool)
    for c, name in enumerate(names):
        pairs = heads[name]
        if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
            raise TypeError(f"heads[{name!r}] must be a list of (layer, head) pairs; got {pairs!r}")
        for pair in pairs:
            layer, head = _pair(pair, name)
            if not (0 <= layer < n_layers and 0 <= head < n_heads):
                raise ValueError(
                    f"heads[{name!r}] contains ({layer}, {head}); expected 0 <= layer < {n_layers} "
                    f"and 0 <= head < {n_heads}"
                )
            array[layer, head, c] = True
    return array, names


def _pair(pair: object, name: str) -> tuple[int, int]:
    if isinstance(pair, (str, bytes)) or not isinstance(pair, (Sequence, np.ndarray)) or len(pair) != 2:
        raise ValueError(f"heads[{name!r}] contains {pair!r}; expected a (layer, head) pair of integers")
    for index in pair:
        if isinstance(index, (bool, np.bool_)) or not isinstance(index, (int, np.integer)):
            raise TypeError(
                f"heads[{name!r}] contains {tuple(pair)!r}; expected integer layer and head indices, "
                f"got {type(index).__name__} {index!r}"
            )
    return int(pair[0]), int(pair[1])


@dataclass(frozen=True)
class FrameData:
    """What a long table holds: labels and/or scores, the names, and a rule it recorded.

    Attributes
    ----------
    array : numpy.ndarray or None
        Bool labels (layers, heads, categories); None for scores without a label column.
    categories : list of str
        The category names, in order.
    scores : numpy.ndarray or None
        Float32 scores of the same shape (NaN for a cell the table does not list), or None.
    threshold, top_k : float, int or None
        The rule :func:`array_to_frame` recorded in ``frame.attrs``, if any.
    groups : TaskGroups or None
        With a task column (:mod:`headwidget.taskframe`): the tasks, which ``categories``
        then names along the last axis, and their categories.
    """

    array: np.ndarray | None
    categories: list[str]
    scores: np.ndarray | None = None
    threshold: float | None = None
    top_k: int | None = None
    groups: TaskGroups | None = None


def frame_to_array(
    frame: Any,
    layer: str,
    head: str,
    category: str,
    *,
    n_layers: int | None = None,
    n_heads: int | None = None,
    categories: Sequence[str] | None = None,
) -> tuple[np.ndarray, list[str]]:
    """A long table, one row per (layer, head, category) membership, to an array and names.

    See :func:`frame_to_data`, which also reads a score column.
    """
    data = frame_to_data(frame, layer, head, category, n_layers=n_layers, n_heads=n_heads, categories=categories)
    assert data.array is not None  # without a score column every row is a membership
    return data.array, data.categories


def frame_to_data(
    frame: Any,
    layer: str,
    head: str,
    category: str,
    *,
    score: str | None = None,
    label: str | None = None,
    n_layers: int | None = None,
    n_heads: int | None = None,
    categories: Sequence[str] | None = None,
) -> FrameData:
    """A long table to labels and/or scores.

    Works on anything with ``.columns`` and ``frame[column]`` convertible by
    ``numpy.asarray`` (pandas and polars DataFrames). Without ``score`` each row is a
    membership: the head is in the category. With ``score`` (a column of numbers) each
    row is a cell with its score, listed at most once; cells the table does not list
    get NaN (never classified); ``label`` names a column of booleans (or 0/1) with the
    cells' labels, else the labels are left to a rule. ``score``, ``label``, the shape
    and the categories default to what :func:`array_to_frame` recorded in
    ``frame.attrs``, so ``frame_to_data(array_to_frame(...))`` is exact; else the shape
    to the largest index + 1, the categories to a categorical column's categories or
    their order of first appearance.
    """
    columns = getattr(frame, "columns", None)
    if columns is None:
        raise TypeError(f"frame must be a pandas or polars DataFrame; got {type(frame).__name__}")
    columns = [str(c) for c in columns]
    recorded = getattr(frame, "attrs", {}).get("headwidget", {})
    if not isinstance(recorded, Mapping):
        recorded = {}
    if score is None and recorded.get("score") in columns:
        score = recorded["score"]
        if label is None and recorded.get("label") in columns:
            label = recorded["label"]
    named = [("layer", layer), ("head", head), ("category", category), ("score", score), ("label", label)]
    for argument, column in named:
        if column is not None and column not in columns:
            raise ValueError(f"frame has no column {column!r} (given as {argument}=); its columns are {columns}")
    if label is not None and score is None:
        raise ValueError(f"label={label!r} is only read with score=: without scores every row is a membership")
    layers = _index_column(frame[layer], layer, "layer")
    heads = _index_column(frame[head], head, "head")
    values = frame[category]
    if categories is None:
        known = getattr(getattr(values, "cat", None), "categories", None)
        if known is not None:
            categories = [str(c) for c in known]
        elif "categories" in recorded:
            categories = list(recorded["categories"])
    labels = [_category_value(v, category) for v in np.asarray(values, dtype=object)]
    if categories is None:
        categories = list(dict.fromkeys(labels))
    names = check_names(list(categories), "categories")
    unknown = sorted(set(labels) - set(names))
    if unknown:
        raise ValueError(f"frame[{category!r}] has values {unknown} that are not among the categories {names}")
    n_layers = check_count(n_layers if n_layers is not None else recorded.get("n_layers", _size(layers)), "n_layers")
    n_heads = check_count(n_heads if n_heads is not None else recorded.get("n_heads", _size(heads)), "n_heads")
    for argument, column, indices, n in (("layer", layer, layers, n_layers), ("head", head, heads, n_heads)):
        if indices.size and indices.max() >= n:
            bad = indices[indices >= n][0]
            raise ValueError(f"frame[{column!r}] contains {bad}; expected 0 <= {argument} < {n}")
    shape = (n_layers, n_heads, len(names))
    check_shape(shape, f"the grid of frame (n_layers {n_layers}, n_heads {n_heads})")  # before allocating it
    position = {name: i for i, name in enumerate(names)}
    cats = np.array([position[v] for v in labels], dtype=np.int64)
    if score is None:
        array = np.zeros(shape, dtype=bool)
        array[layers, heads, cats] = True
        return FrameData(array, names)
    flat = (layers * n_heads + heads) * len(names) + cats
    _refuse_repeated_cells(flat, shape, names, layer)
    values_in = _score_column(frame[score], score)
    scores = np.full(math.prod(shape), np.nan, dtype=np.float32)
    scores[flat] = values_in
    array = None
    if label is not None:
        array = np.zeros(math.prod(shape), dtype=bool)
        array[flat] = _label_column(frame[label], label)
        array = array.reshape(shape)
    threshold, top_k = recorded.get("threshold"), recorded.get("top_k")
    return FrameData(array, names, scores.reshape(shape), threshold, top_k)


def _index_column(series: Any, column: str, argument: str) -> np.ndarray:
    """Integer indices >= 0; a missing value, a fraction or a negative index named as such."""
    values = np.asarray(series)
    if values.dtype.kind in "fO":
        missing = _missing(values)
        if missing.any():
            row = int(np.flatnonzero(missing)[0])
            raise ValueError(
                f"frame[{column!r}] has a missing value (row {row}); expected a {argument} index in every row"
            )
    if values.dtype.kind == "f":
        whole = np.isfinite(values) & (values == np.round(values))
        if not whole.all():  # quote a value that is wrong, not the first one
            sample = values[~whole].ravel()[0].item()
            raise TypeError(f"frame[{column!r}] must hold integer indices; got dtype {values.dtype} (e.g. {sample!r})")
        values = values.astype(np.int64)  # integers stored as floats (a column that once held NaN)
    elif values.dtype.kind == "O" and all(
        isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) for v in values.ravel()
    ):
        values = values.astype(np.int64)
    if values.dtype.kind not in "iu":
        sample = next((v for v in values.ravel() if not isinstance(v, (int, np.integer))), values.ravel()[:1])
        raise TypeError(f"frame[{column!r}] must hold integer indices; got dtype {values.dtype} (e.g. {sample!r})")
    values = values.astype(np.int64)
    if values.size and values.min() < 0:
        bad = int(values[values < 0][0])
        raise ValueError(f"frame[{column!r}] contains the negative {argument} {bad}; expected {argument} indices >= 0")
    return values


def _missing(values: np.ndarray) -> np.ndarray:
    """Where a float or object column holds NaN, None or pandas' NA / NaT."""
    if values.dtype.kind == "f":
        return np.isnan(values)
    return np.array(
        [v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ in ("NAType", "NaTType")
         for v in values.ravel()],
        dtype=bool,
    )  # fmt: skip


def _score_column(series: Any, column: str) -> np.ndarray:
    values = np.asarray(series)
    if values.dtype.kind == "O" and _missing(values).any():  # nullable Float64 with NA: NaN, as in the files
        values = np.where(_missing(values), np.nan, values)
    try:
        values = values.astype(np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"frame[{column!r}] must hold numeric scores; got dtype {values.dtype}") from None
    if values.dtype.kind != "f":
        raise TypeError(f"frame[{column!r}] must hold numeric scores; got dtype {values.dtype}")
    with np.errstate(over="ignore"):
        narrowed = values.astype(np.float32)
    if (np.isinf(narrowed) & np.isfinite(values)).any():
        bad = values[np.isinf(narrowed) & np.isfinite(values)][0].item()
        raise ValueError(f"frame[{column!r}] contains {bad!r}, too large for float32; expected at most 3.4e38")
    return narrowed


def _label_column(series: Any, column: str) -> np.ndarray:
    values = np.asarray(series)
    if values.dtype == bool:
        return values
    if values.dtype.kind in "iu" and np.isin(values, (0, 1)).all():
        return values != 0
    raise TypeError(f"frame[{column!r}] must hold labels, booleans or 0/1; got dtype {values.dtype}")


def _refuse_repeated_cells(flat: np.ndarray, shape: tuple[int, int, int], names: list[str], column: str) -> None:
    """With scores a row is a cell, so a cell listed twice would be two scores for one head."""
    order = np.argsort(flat, kind="stable")
    repeated = np.flatnonzero(flat[order][1:] == flat[order][:-1])
    if repeated.size:
        row = int(order[repeated[0] + 1])
        la, h, c = np.unravel_index(int(flat[row]), shape)
        raise ValueError(
            f"frame lists the cell (layer {la}, head {h}, category {names[c]!r}) twice (row {row}); "
            "with scores each (layer, head, category) cell is one row"
        )


def _category_value(value: object, column: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"frame[{column!r}] must hold category names (str); got {type(value).__name__} {value!r}")
    return value


def _size(indices: np.ndarray) -> int:
    return int(indices.max()) + 1 if indices.size else 0


def array_to_frame(
    array: np.ndarray,
    categories: Sequence[str],
    scores: np.ndarray | None = None,
    rule: tuple[float | None, int | None] = (None, None),
) -> Any:
    """The long table: without scores one row per membership (layer, head, category);
    with scores one row per cell (layer, head, category, score, label), in C order.

    ``category`` is an ordered categorical. The shape, the category names, the score
    and label columns and the rule (``threshold``, ``top_k``) are kept in
    ``frame.attrs["headwidget"]`` so that :func:`frame_to_data` gives back exactly the
    same labels, scores and rule.
    """
    import pandas as pd  # optional: only this export needs it

    n_layers, n_heads, n_categories = array.shape
    record: dict[str, Any] = {"n_layers": int(n_layers), "n_heads": int(n_heads), "categories": list(categories)}
    if scores is None:
        layers, heads, cats = np.nonzero(array)
        frame = pd.DataFrame(
            {
                "layer": layers.astype(np.int64),
                "head": heads.astype(np.int64),
                "category": pd.Categorical.from_codes(cats, categories=list(categories), ordered=True),
            }
        )
    else:
        # every cell: a score below the threshold is data too, and the round trip keeps it
        layers, heads, cats = (axis.ravel() for axis in np.indices(array.shape))
        frame = pd.DataFrame(
            {
                "layer": layers.astype(np.int64),
                "head": heads.astype(np.int64),
                "category": pd.Categorical.from_codes(cats, categories=list(categories), ordered=True),
                "score": np.asarray(scores, dtype=np.float32).ravel(),
                "label": np.asarray(array, dtype=bool).ravel(),
            }
        )
        threshold, top_k = rule
        record.update(score="score", label="label", threshold=threshold, top_k=top_k)
    frame.attrs["headwidget"] = record
    return frame


def selection_to_frame(
    array: np.ndarray,
    categories: Sequence[str],
    selected: Sequence[tuple[int, int]],
    task_labels: np.ndarray | None = None,
    tasks: Sequence[str] | None = None,
) -> Any:
    """Selected heads as a table: layer, head, categories (comma-separated), with tasks the
    tasks each head passes (comma-separated), then one bool column per category."""
    import pandas as pd  # optional, as for array_to_frame

    rows = []
    for layer, head in selected:
        member = array[layer, head].tolist()
        row: dict[str, Any] = {"layer": layer, "head": head}
        row["categories"] = ", ".join(name for name, on in zip(categories, member, strict=True) if on)
        if task_labels is not None and tasks is not None:
            row["tasks"] = ", ".join(t for t, on in zip(tasks, task_labels[layer, head].tolist(), strict=True) if on)
        rows.append({**row, **dict(zip(categories, member, strict=True))})
    named = ["tasks"] if tasks is not None else []
    return pd.DataFrame(rows, columns=["layer", "head", "categories", *named, *categories])
