"""``.json`` label files: heads listed per category (or per task, with the tasks'
groups), scores flat in C order; depth, numbers, sizes and repeated keys checked
before anything of that size is made."""

from __future__ import annotations

import json
import math
import os

import numpy as np

from .fileformat import FORMAT, NOT_OURS, VERSION, Saved, is_int, refuse_overflow, task_groups
from .labels import check_names, check_shape, short
from .tasks import TaskGroups

_INFINITIES = {"Infinity": math.inf, "-Infinity": -math.inf}


def _json_score(value: float) -> float | str | None:
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def text(saved: Saved) -> str:
    """The document: heads listed per category (or task), scores flat in C order."""
    array, names, scores, groups = saved
    document: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "shape": list(array.shape),
        "categories": names if groups is None else list(groups.categories),
    }
    if groups is not None:
        document.update(tasks=names, groups=groups.mapping)
    document["heads"] = {name: np.argwhere(array[:, :, c]).tolist() for c, name in enumerate(names)}
    if scores is not None:
        document["scores"] = [_json_score(v) for v in scores.ravel().tolist()]
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def load(path: str | os.PathLike, data: bytes) -> Saved:
    """The labels, names, scores and task groups of the JSON ``data`` read from ``path``."""
    try:
        document = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
    except _RepeatedKey as exc:
        raise ValueError(f"{path}: {exc}; expected each key once") from None
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, or an integer of over 4,300 digits
        raise ValueError(f"{path} is not UTF-8 JSON ({exc}); expected a file written by save_labels") from None
    except RecursionError:
        raise ValueError(
            f"{path} is JSON nested too deeply to read; expected a file written by save_labels (it nests 4 levels)"
        ) from None
    if not isinstance(document, dict):
        raise ValueError(f"{path} holds a JSON {type(document).__name__}; expected an object")
    if document.get("format") != FORMAT:
        raise ValueError(f"{path} {NOT_OURS}: format is {short(document.get('format'))}; expected {FORMAT!r}")
    version = document.get("version")
    if not is_int(version) or version != VERSION:
        raise ValueError(f"{path} {NOT_OURS}: version is {short(version)}; expected {VERSION}")
    for key in ("shape", "categories", "heads"):
        if key not in document:
            raise ValueError(f"{path} has no {key!r} key; expected format, version, shape, categories, heads")
    shape = document["shape"]
    if not isinstance(shape, list) or not all(is_int(n) for n in shape):
        raise ValueError(f"{path} has shape {short(shape)}; expected [layers, heads, categories]")
    shape = tuple(shape)
    check_shape(shape, path)  # before the array of that shape exists
    names = document["categories"]
    groups = _groups(path, document, shape)
    if groups is not None:
        names = list(groups.tasks)
    elif not isinstance(names, list) or len(names) != shape[2] or not all(isinstance(n, str) for n in names):
        raise ValueError(
            f"{path} has categories {short(names)}; expected a list of {shape[2]} names (shape {list(shape)})"
        )
    check_names(names, f"{path}: {'categories' if groups is None else 'tasks'}")
    heads = document["heads"]
    if not isinstance(heads, dict):
        raise ValueError(f"{path} has heads {short(heads)}; expected an object {{name: [[layer, head], ...]}}")
    array = np.zeros(shape, dtype=bool)
    position = {name: c for c, name in enumerate(names)}
    for name, pairs in heads.items():
        if name not in position:
            what = "category" if groups is None else "task"
            raise ValueError(f"{path}: heads has the unknown {what} {short(name)}; expected one of the {what}s")
        c = position[name]
        for pair in pairs if isinstance(pairs, list) else [pairs]:
            if not (isinstance(pair, list) and len(pair) == 2 and all(is_int(i) for i in pair)):
                raise ValueError(
                    f"{path}: heads[{name!r}] contains {short(pair)}; expected [layer, head] integer pairs"
                )
            if not (0 <= pair[0] < shape[0] and 0 <= pair[1] < shape[1]):
                raise ValueError(
                    f"{path}: heads[{name!r}] has ({pair[0]}, {pair[1]}), outside the shape {shape}; "
                    f"expected 0 <= layer < {shape[0]} and 0 <= head < {shape[1]}"
                )
            array[pair[0], pair[1], c] = True
    scores = None
    if "scores" in document:
        scores = _json_scores(path, document["scores"], shape)
    return Saved(array, names, scores, groups)


class _RepeatedKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refused when it names a key twice (json.loads would keep the last)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(f"an object names the key {short(key)} twice")
            seen.add(key)
    return document


def _groups(path: str | os.PathLike, document: dict, shape: tuple[int, ...]) -> TaskGroups | None:
    """The tasks and their categories, when the file has them (both keys, or neither)."""
    if "tasks" not in document and "groups" not in document:
        return None
    for key in ("tasks", "groups"):
        if key not in document:
            raise ValueError(f"{path} has {'groups' if key == 'tasks' else 'tasks'} but no {key!r} key; expected both")
    tasks, categories = document["tasks"], document["categories"]
    if not isinstance(tasks, list) or len(tasks) != shape[2]:
        raise ValueError(f"{path} has tasks {short(tasks)}; expected a list of {shape[2]} names (shape {list(shape)})")
    if not isinstance(categories, list):
        raise ValueError(f"{path} has categories {short(categories)}; expected a list of the tasks' categories")
    check_shape((*shape[:2], max(len(categories), 1)), f"{path}: categories")
    return task_groups(path, TaskGroups.build, tasks, document["groups"], categories)


def _json_scores(path: str | os.PathLike, flat: object, shape: tuple[int, ...]) -> np.ndarray:
    size = math.prod(shape)
    if not isinstance(flat, list) or len(flat) != size:
        length = len(flat) if isinstance(flat, list) else type(flat).__name__
        raise ValueError(f"{path}: scores is {length}; expected a list of {size} numbers for shape {list(shape)}")
    values = np.empty(size, dtype=np.float64)
    for i, value in enumerate(flat):
        if value is None:
            value = math.nan
        elif isinstance(value, str) and value in _INFINITIES:
            value = _INFINITIES[value]
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{path}: scores contains {short(value)}; expected numbers, null for NaN, or ±Infinity")
        elif isinstance(value, float) and math.isinf(value):  # a literal such as 1e400
            raise ValueError(
                f"{path}: scores contains a number too large for float32 at index {i}; "
                "expected at most 3.4e38 in magnitude (infinities are written as Infinity)"
            )
        try:
            values[i] = value
        except OverflowError:  # an integer such as 10**400
            raise ValueError(
                f"{path}: scores contains an integer too large for float32 at index {i}; "
                "expected at most 3.4e38 in magnitude"
            ) from None
    with np.errstate(over="ignore"):
        narrowed = values.astype(np.float32)
    refuse_overflow(path, values, narrowed)
    return narrowed.reshape(shape)
