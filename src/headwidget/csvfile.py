"""``.csv`` label files: one row per (layer, head, category) cell, or per (layer, head,
task) cell with the task's category beside it, read as a stream and checked against
the limits row by row; formula-like names escaped (see :mod:`headwidget.storage`)."""

from __future__ import annotations

import array as _array
import csv
import io
import itertools
import math
import os
from typing import IO, Any

import numpy as np

from .fileformat import COLUMNS, TASK_COLUMNS, Saved, task_groups
from .labels import MAX_CATEGORIES, MAX_HEADS, check_shape
from .tasks import TaskGroups

# A cell a spreadsheet would take for a formula starts with one of these; "'" is the
# escape itself, so it is escaped too and the rule stays one-to-one (see module doc).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_NOT_A_GRID = "does not list every (layer, head, category) cell once, in C order"
_MAX_INDEX_DIGITS = 9  # any larger index is beyond MAX_HEADS anyway
# Doubles from here up round to infinity in float32 (the midpoint above its largest value).
_FLOAT32_OVERFLOW = 2.0**128 - 2.0**103


def csv_escape(text: str) -> str:
    """A text cell as written to CSV: a ``'`` in front when it starts like a formula (or with ``'``)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_unescape(text: str) -> str:
    """Undo :func:`csv_escape`: one leading ``'`` removed."""
    return text[1:] if text.startswith("'") else text


def write(file: IO[bytes], saved: Saved) -> None:
    array, names, scores, groups = saved
    cells: list[Any] = [csv_escape(name) for name in names]
    header, first = list(COLUMNS), []
    if groups is not None:  # the task, then its category
        header = list(TASK_COLUMNS)
        cells = [[cell, csv_escape(groups.categories[c])] for cell, c in zip(cells, groups.index, strict=True)]
        if list(dict.fromkeys(groups.index)) != list(range(len(groups.categories))):
            # the order is not the first appearance: declare it before the cells
            blank = [""] * (scores is not None)
            first = [["", "", "", csv_escape(name), "", *blank] for name in groups.categories]
    else:
        cells = [[cell] for cell in cells]
    labels = array.ravel().astype(np.uint8).tolist()
    grid = itertools.product(range(array.shape[0]), range(array.shape[1]), cells)
    rows: Any = ([layer, head, *cell, label] for (layer, head, cell), label in zip(grid, labels, strict=True))
    if scores is not None:
        header.append("score")
        values = ["" if math.isnan(v) else repr(v) for v in scores.ravel().tolist()]
        rows = (row + [value] for row, value in zip(rows, values, strict=True))
    text = io.TextIOWrapper(file, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(first)
    writer.writerows(rows)
    text.flush()
    text.detach()  # write_atomic flushes, syncs and closes the file itself


class _Grid:
    """Follows a CSV's rows through the (layer, head, category) grid in C order.

    The number of categories is known once the first head's rows end, the number of
    heads once the second layer starts; every row must be the cell expected at its
    position, and the shape so far is checked against the limits before a row is kept,
    so memory grows with the rows a valid file has, never with a number it claims.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = path
        self.names: list[str] = []
        self.position: dict[str, int] = {}
        self.n_categories: int | None = None
        self.n_heads: int | None = None
        self.rows = 0

    def expected(self) -> tuple[int, int, str | None]:
        """The cell the next row must be (category None while the first head's names are still coming)."""
        if self.n_categories is None:
            return 0, 0, None
        c = self.rows % self.n_categories
        cell = self.rows // self.n_categories
        if self.n_heads is None:
            return 0, cell, self.names[c]
        return cell // self.n_heads, cell % self.n_heads, self.names[c]

    def add(self, layer: int, head: int, name: str, line: int) -> None:
        limit = f"{self.path} line {line}, the cell (layer {layer}, head {head}), needs a grid that"
        check_shape((layer + 1, head + 1, max(1, len(self.names))), limit)
        if self.n_categories is None:
            if (layer, head) == (0, 0) and name not in self.position:
                if len(self.names) == MAX_CATEGORIES:
                    check_shape((1, 1, MAX_CATEGORIES + 1), f"{self.path} line {line}")
                self.position[name] = len(self.names)
                self.names.append(name)
                self.rows += 1
                return
            if not self.names:
                self._wrong(layer, head, name, line, "starts at (layer 0, head 0)")
            self.n_categories = len(self.names)
        want_layer, want_head, want_name = self.expected()
        if self.n_heads is None and (layer, head, name) == (1, 0, self.names[0]) and want_name == self.names[0]:
            self.n_heads = want_head  # the second layer starts: the first one had this many heads
            want_layer, want_head = 1, 0
        if (layer, head, name) != (want_layer, want_head, want_name):
            self._wrong(layer, head, name, line, f"has (layer {want_layer}, head {want_head}, category {want_name!r})")
        if head == 0 and name == self.names[0] and self.n_heads is not None:
            check_shape((layer + 1, self.n_heads, self.n_categories), f"{self.path} line {line}: the grid")
        self.rows += 1

    def shape(self) -> tuple[int, int, int]:
        """The grid's shape once every row is in; refused when the last layer is incomplete."""
        if not self.rows:
            raise ValueError(f"{self.path} has a header but no rows; expected one row per (layer, head, category)")
        n_categories = self.n_categories or len(self.names)
        cells = -(-self.rows // n_categories)
        n_heads = self.n_heads or cells
        shape = (-(-cells // n_heads), n_heads, n_categories)
        if math.prod(shape) != self.rows:
            raise ValueError(
                f"{self.path} {_NOT_A_GRID}: it has {self.rows} rows but its layers, heads and categories "
                f"span the shape {shape}, i.e. {math.prod(shape)} cells"
            )
        return shape

    def _wrong(self, layer: int, head: int, name: str, line: int, where: str) -> None:
        raise ValueError(
            f"{self.path} {_NOT_A_GRID}: line {line} is the cell (layer {layer}, head {head}, category {name!r}) "
            f"where the grid in C order {where}"
        )


def load(path: str | os.PathLike, file: IO[bytes]) -> Saved:
    grid = _Grid(path)
    tasks = _Tasks(path)
    labels = bytearray()
    values = _array.array("d")
    try:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        reader = csv.reader(text)
        has_tasks, has_scores = _csv_header(next(reader, None), path)
        width = 4 + has_tasks + has_scores
        for row in reader:
            if not row:
                continue  # a blank line
            line = reader.line_num
            if len(row) != width:
                raise ValueError(f"{path} line {line} has {len(row)} fields; expected {width}")
            if has_tasks and row[0] == row[1] == row[2] == "":
                tasks.declare(row, grid.rows, line)
                continue
            indices = [
                _csv_index(field, column, path, line) for column, field in zip(("layer", "head"), row[:2], strict=True)
            ]
            label = row[3 + has_tasks]
            if label not in ("0", "1"):
                raise ValueError(f"{path} line {line}: label must be 0 or 1; got {label!r}")
            name = csv_unescape(row[2])
            grid.add(indices[0], indices[1], name, line)
            if has_tasks:
                tasks.add(name, csv_unescape(row[3]), line)
            labels.append(label == "1")
            if has_scores:
                values.append(_csv_score(row[-1], path, line))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path} is not readable UTF-8 CSV ({exc})") from None
    shape = grid.shape()
    array = np.frombuffer(bytes(labels), dtype=np.uint8).astype(bool).reshape(shape)
    scores = np.frombuffer(values, dtype=np.float64).astype(np.float32).reshape(shape) if has_scores else None
    groups = tasks.groups(grid.names) if has_tasks else None
    return Saved(array, grid.names, scores, groups)


class _Tasks:
    """Each task's category as the rows give it (the same on every row of a task), and
    the categories' order declared before the cells, if any."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = path
        self.category: dict[str, tuple[str, int]] = {}  # task -> (category, first line)
        self.declared: list[str] = []

    def declare(self, row: list[str], cells: int, line: int) -> None:
        if cells or any(row[4:]) or not row[3]:
            raise ValueError(
                f"{self.path} line {line} has no layer, head or task; expected a cell, or before the cells "
                "a row with only a category (the categories' order)"
            )
        if len(self.declared) == MAX_CATEGORIES:
            check_shape((1, 1, MAX_CATEGORIES + 1), f"{self.path} line {line}: the declared categories")
        self.declared.append(csv_unescape(row[3]))

    def add(self, task: str, category: str, line: int) -> None:
        first, first_line = self.category.setdefault(task, (category, line))
        if first != category:
            raise ValueError(
                f"{self.path} line {line}: the task {task!r} has the category {category!r}; expected {first!r} "
                f"as on line {first_line} (one category per task)"
            )

    def groups(self, tasks: list[str]) -> TaskGroups:
        mapping = {task: self.category[task][0] for task in tasks}
        return task_groups(self.path, TaskGroups.build, tasks, mapping, self.declared or None)


def _csv_header(header: list[str] | None, path: str | os.PathLike) -> tuple[bool, bool]:
    """Check the header row; return whether it has the task and the score column."""
    expected = "layer,head,category,label[,score] or layer,head,task,category,label[,score]"
    if header is None:
        raise ValueError(f"{path} is empty; expected the header {expected}")
    if header not in (COLUMNS, [*COLUMNS, "score"], TASK_COLUMNS, [*TASK_COLUMNS, "score"]):
        missing = [column for column in COLUMNS if column not in header]
        problem = f"no {missing[0]!r} column" if missing else "columns out of order or extra"
        raise ValueError(f"{path} has header {header[:6]}; expected {expected} ({problem})")
    return "task" in header, header[-1] == "score"


def _csv_index(text: str, column: str, path: str | os.PathLike, line: int) -> int:
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"{path} line {line}: layer and head must be integers >= 0; got {column} {text[:40]!r}")
    if len(text) > _MAX_INDEX_DIGITS:
        raise ValueError(
            f"{path} line {line}: {column} {text[:40]} is beyond any grid the widget can display "
            f"(at most {MAX_HEADS} heads)"
        )
    return int(text)


def _csv_score(text: str, path: str | os.PathLike, line: int) -> float:
    if not text:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{path} line {line}: score is {text[:40]!r}; expected a number, or nothing for NaN") from None
    spelled_infinite = text.strip().lstrip("+-").lower() in ("inf", "infinity")
    if (math.isfinite(value) and abs(value) >= _FLOAT32_OVERFLOW) or (math.isinf(value) and not spelled_infinite):
        raise ValueError(f"{path} line {line}: score {text[:40]} is too large for float32; expected at most 3.4e38")
    return value
