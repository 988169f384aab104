"""Other shapes researchers hold head labels in, turned into a (layers, heads, categories) array.

* per-category lists of top heads: ``{"Translation": [(27, 18), (30, 21)]}``;
* a long table (pandas or polars DataFrame) with one row per (layer, head, category);
* and back out to such a table.

Each function validates completely and raises errors that name the argument,
what was received and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .labels import check_names


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

    Works on anything with ``.columns`` and ``frame[column]`` convertible by
    ``numpy.asarray`` (pandas and polars DataFrames). The shape defaults to the
    one a :meth:`HeadMapWidget.to_frame` table records, else to the largest
    index + 1; the categories to a categorical column's categories, else to the
    order of first appearance.
    """
    columns = getattr(frame, "columns", None)
    if columns is None:
        raise TypeError(f"frame must be a pandas or polars DataFrame; got {type(frame).__name__}")
    columns = [str(c) for c in columns]
    for argument, column in (("layer", layer), ("head", head), ("category", category)):
        if column not in columns:
            raise ValueError(f"frame has no column {column!r} (given as {argument}=); its columns are {columns}")
    layers = _index_column(frame[layer], layer)
    heads = _index_column(frame[head], head)
    values = frame[category]
    recorded = getattr(frame, "attrs", {}).get("headwidget", {})
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
        if indices.size and (indices.min() < 0 or indices.max() >= n):
            bad = indices[(indices < 0) | (indices >= n)][0]
            raise ValueError(f"frame[{column!r}] contains {bad}; expected 0 <= {argument} < {n}")
    array = np.zeros((n_layers, n_heads, len(names)), dtype=bool)
    position = {name: i for i, name in enumerate(names)}
    array[layers, heads, [position[v] for v in labels]] = True
    return array, names


def _index_column(series: Any, column: str) -> np.ndarray:
    values = np.asarray(series)
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    if values.dtype.kind == "f" and np.all(np.isfinite(values)) and np.all(values == np.round(values)):
        return values.astype(np.int64)  # integers stored as floats (a column that once held NaN)
    sample = next((v for v in values.ravel() if not isinstance(v, (int, np.integer))), values.ravel()[:1])
    raise TypeError(f"frame[{column!r}] must hold integer indices; got dtype {values.dtype} (e.g. {sample!r})")


def _category_value(value: object, column: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"frame[{column!r}] must hold category names (str); got {type(value).__name__} {value!r}")
    return value


def _size(indices: np.ndarray) -> int:
    return int(indices.max()) + 1 if indices.size else 0


def array_to_frame(array: np.ndarray, categories: Sequence[str], scores: np.ndarray | None = None) -> Any:
    """The long table of memberships: columns layer, head, category (ordered categorical), and score.

    The shape and category names are kept in ``frame.attrs["headwidget"]`` so that
    :func:`frame_to_array` gives back exactly the same array.
    """
    import pandas as pd  # optional: only this export needs it

    layers, heads, cats = np.nonzero(array)
    frame = pd.DataFrame(
        {
            "layer": layers.astype(np.int64),
            "head": heads.astype(np.int64),
            "category": pd.Categorical.from_codes(cats, categories=list(categories), ordered=True),
        }
    )
    if scores is not None:
        frame["score"] = scores[layers, heads, cats]
    n_layers, n_heads, _ = array.shape
    frame.attrs["headwidget"] = {"n_layers": int(n_layers), "n_heads": int(n_heads), "categories": list(categories)}
    return frame


def selection_to_frame(array: np.ndarray, categories: Sequence[str], selected: Sequence[tuple[int, int]]) -> Any:
    """Selected heads as a table: layer, head, categories (comma-separated), one bool column per category."""
    import pandas as pd  # optional, as for array_to_frame

    rows = []
    for layer, head in selected:
        member = array[layer, head].tolist()
        names = ", ".join(name for name, on in zip(categories, member, strict=True) if on)
        rows.append({"layer": layer, "head": head, "categories": names, **dict(zip(categories, member, strict=True))})
    return pd.DataFrame(rows, columns=["layer", "head", "categories", *categories])
