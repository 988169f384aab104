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

**CSV cells that a spreadsheet would run.** A category name that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is written with a ``'`` in front
(OWASP's rule against formula injection), and so is a name that really starts with
``'``; reading removes one leading ``'``. Writing is therefore one-to-one and reading
undoes it exactly: ``=SUM(A1)`` is stored as ``'=SUM(A1)``, ``'quoted`` as
``''quoted``. The other cells are numbers the package writes itself.

**Writing** goes through :func:`headwidget.atomic.write_atomic`: the arguments are
checked first, the file is written beside the target and renamed over it when
complete, so a failure (a full disk included) leaves an existing file as it was.

**Reading** is bounded and refuses what it cannot read whole: only a regular file
(a FIFO, device or directory, or a symlink to one, is refused before it is read), at
most :data:`MAX_FILE_BYTES`; the shape a file declares, and in a CSV the largest
index seen so far, is checked against the widget's limits
(:func:`~headwidget.labels.check_shape`) before anything of that size is allocated;
an .npz member's header is checked before its data is read. Every malformed file
gives a ``ValueError`` that names the file and what is wrong.
"""

from __future__ import annotations

import array as _array
import contextlib
import csv
import io
import itertools
import json
import math
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np

from .atomic import write_atomic, write_text
from .labels import MAX_CATEGORIES, MAX_HEADS, check_names, check_shape

FORMAT = "headwidget-labels"
VERSION = 1
EXTENSIONS = (".npz", ".csv", ".json")
COLUMNS = ["layer", "head", "category", "label"]
_NOT_OURS = f"is not a {FORMAT} file of version {VERSION}"

#: Largest file :func:`load_labels` reads, in bytes. A file at the limits of
#: :func:`~headwidget.labels.check_shape` with scores fits in a compressed .npz.
MAX_FILE_BYTES = 2**30

Loaded = tuple[np.ndarray, list[str], np.ndarray | None]


def save_labels(
    path: str | os.PathLike, array: np.ndarray, categories: Sequence[str], scores: np.ndarray | None = None
) -> None:
    """Write head labels, category names and optional scores to ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        Where to write; the extension (``.npz``, ``.csv`` or ``.json``, any case) picks the format.
        Written beside the target and renamed over it when complete.
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
    OSError
        From the file system; an existing file is then left as it was.
    """
    extension = _extension(path)
    array, names, scores = _check_arguments(array, categories, scores)
    if extension == ".npz":
        extra = {} if scores is None else {"scores": scores}
        # a file object: numpy would append ".npz" to a path ending in ".NPZ"
        write_atomic(
            path,
            lambda file: np.savez_compressed(
                file,
                labels=array,
                categories=np.array(names, dtype=str),
                format=np.array(FORMAT),
                version=np.array(VERSION),
                **extra,
            ),
        )
    elif extension == ".csv":
        write_atomic(path, lambda file: _write_csv(file, array, names, scores))
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
        write_text(path, json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")))


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
        For an unknown extension, a file that is not a regular file or is too large, or
        a malformed file, naming the file and the problem.
    FileNotFoundError
        When ``path`` does not exist.
    """
    extension = _extension(path)
    loader = {".npz": _load_npz, ".csv": _load_csv, ".json": _load_json}[extension]
    with _open_regular(path) as file:
        array, names, scores = loader(path, file)
    check_names(names, f"{path}: categories")
    return array, names, scores


@contextlib.contextmanager
def _open_regular(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """``path`` opened for binary reading, if it is a regular file of at most :data:`MAX_FILE_BYTES`.

    ``os.stat`` follows symlinks, so a link to ``/dev/zero`` is judged by what it points
    at. The open is non-blocking, so a FIFO swapped in after the check cannot hang it, and
    the opened file is checked again (``fstat``) before a byte is read.
    """
    _check_regular(path, os.stat(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        _check_regular(path, os.fstat(fd))
        file = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with file:
        yield file


_KINDS = {
    stat.S_ISDIR: "a directory",
    stat.S_ISFIFO: "a FIFO (named pipe)",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
    stat.S_ISSOCK: "a socket",
}


def _check_regular(path: str | os.PathLike, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((kind for test, kind in _KINDS.items() if test(info.st_mode)), "not a regular file")
        raise ValueError(f"{path} is {kind}; expected a regular file written by save_labels")
    if info.st_size > MAX_FILE_BYTES:
        raise ValueError(
            f"{path} has {info.st_size} bytes; expected at most {MAX_FILE_BYTES} "
            "(no file of a map the widget can display needs more; save large maps as .npz)"
        )


def _read_all(path: str | os.PathLike, file: IO[bytes]) -> bytes:
    """The whole file, never more than :data:`MAX_FILE_BYTES` (it may grow after the check)."""
    # read(n) would reserve n bytes up front: read the size fstat gave, then check for more
    data = file.read(os.fstat(file.fileno()).st_size)
    more = file.read(1 << 16)
    while more:
        data += more
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"{path} has more than {MAX_FILE_BYTES} bytes; expected at most {MAX_FILE_BYTES}")
        more = file.read(1 << 16)
    return data


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

_NPY_MAGIC = b"\x93NUMPY"
_MAX_TAG_BYTES = 4096  # the format and version arrays are a word and a number
_MAX_NAMES_BYTES = 2**24  # the categories array: 256 names of up to 16,384 characters


def _load_npz(path: str | os.PathLike, file: IO[bytes]) -> Loaded:
    if file.read(len(_NPY_MAGIC)) == _NPY_MAGIC:
        raise ValueError(f"{path} holds a single .npy array; expected an .npz archive written by save_labels")
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ValueError(f"{path} is not an .npz archive ({exc}); expected a file written by save_labels") from None
    with archive:
        members = {name[: -len(".npy")]: name for name in archive.namelist() if name.endswith(".npy")}
        for key in ("format", "version", "labels", "categories"):
            if key not in members:
                raise ValueError(
                    f"{path} has no {key!r} array; expected format, version, labels, categories (and scores)"
                )
        member = _NpzMember(path, archive, members)
        # Every header is checked before the data it describes is read (numpy would
        # allocate whatever a header declares; other members are never read at all).
        tag = member("format", _MAX_TAG_BYTES)
        if tag.shape != () or tag.dtype.kind != "U" or str(tag) != FORMAT:
            raise ValueError(f"{path} {_NOT_OURS}: format is {tag.tolist()!r}; expected {FORMAT!r}")
        version = member("version", _MAX_TAG_BYTES)
        if version.shape != () or version.dtype.kind not in "iu" or int(version) != VERSION:
            raise ValueError(f"{path} {_NOT_OURS}: version is {version.tolist()!r}; expected {VERSION}")
        labels_header = member.header("labels")
        if labels_header.dtype != bool:
            raise ValueError(f"{path}: labels has dtype {labels_header.dtype}; expected bool")
        check_shape(labels_header.shape, f"{path}: labels")
        shape = labels_header.shape
        names_header = member.header("categories")
        if names_header.dtype.kind != "U" or names_header.shape != shape[2:]:
            raise ValueError(
                f"{path}: categories has dtype {names_header.dtype} and shape {names_header.shape}; "
                f"expected {shape[2]} unicode names, one per category of labels {shape}"
            )
        scores_header = member.header("scores") if "scores" in members else None
        if scores_header is not None and (scores_header.dtype.kind != "f" or scores_header.shape != shape):
            raise ValueError(
                f"{path}: scores has dtype {scores_header.dtype} and shape {scores_header.shape}; "
                f"expected float32 of the shape of labels, {shape}"
            )
        array = member("labels")
        names = member("categories", _MAX_NAMES_BYTES)
        scores = None if scores_header is None else member("scores")
    if scores is not None:
        with np.errstate(over="ignore"):
            narrowed = scores.astype(np.float32)
        _refuse_overflow(path, scores, narrowed)
        scores = narrowed
    return array, names.tolist(), scores


class _Header:
    """An .npy header: what the data that follows it will be."""

    def __init__(self, shape: tuple[int, ...], fortran: bool, dtype: np.dtype) -> None:
        self.shape, self.fortran, self.dtype = shape, fortran, dtype

    @property
    def nbytes(self) -> int:
        return math.prod(self.shape) * self.dtype.itemsize


class _NpzMember:
    """Reads one member of an .npz archive: its header alone, or its header and then its data."""

    def __init__(self, path: str | os.PathLike, archive: zipfile.ZipFile, members: dict[str, str]) -> None:
        self.path, self.archive, self.members = path, archive, members

    def header(self, key: str) -> _Header:
        with self._open(key) as stream:
            return self._header(key, stream)

    def __call__(self, key: str, max_bytes: int | None = None) -> np.ndarray:
        """The member's array; refused unread when its header declares more than ``max_bytes``."""
        with self._open(key) as stream:
            header = self._header(key, stream)
            if max_bytes is not None and header.nbytes > max_bytes:
                raise ValueError(
                    f"{self.path}: {key} is declared as {header.dtype} of shape {header.shape}, "
                    f"{header.nbytes} bytes; expected at most {max_bytes}"
                )
            try:
                data = stream.read(header.nbytes)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
                raise ValueError(
                    f"{self.path}: the {key} array is corrupted ({exc}); expected a readable .npz"
                ) from None
        if len(data) != header.nbytes:
            raise ValueError(
                f"{self.path}: the {key} array is truncated ({len(data)} of {header.nbytes} bytes); "
                "expected a complete .npz"
            )
        if not header.nbytes:  # frombuffer refuses an empty buffer or a zero itemsize
            return np.zeros(header.shape, dtype=header.dtype)
        values = np.frombuffer(data, dtype=header.dtype).reshape(header.shape, order="F" if header.fortran else "C")
        return np.array(values, order="C")  # a writable copy, not a view of the bytes read

    def _open(self, key: str) -> IO[bytes]:
        try:
            return self.archive.open(self.members[key])
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise ValueError(f"{self.path}: the {key} array is unreadable ({exc}); expected a readable .npz") from None

    def _header(self, key: str, stream: IO[bytes]) -> _Header:
        fmt = np.lib.format
        try:
            version = fmt.read_magic(stream)
            if version == (1, 0):
                shape, fortran, dtype = fmt.read_array_header_1_0(stream)
            elif version == (2, 0):
                shape, fortran, dtype = fmt.read_array_header_2_0(stream)
            else:
                raise ValueError(f"unsupported .npy format version {version}")
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, SyntaxError, TypeError) as exc:
            raise ValueError(f"{self.path}: the {key} array has an unreadable header ({exc})") from None
        if dtype.hasobject:  # pickled Python objects: never loaded
            raise ValueError(
                f"{self.path} has an unreadable array {key!r} (it holds Python objects, which are not loaded); "
                "expected plain numpy arrays"
            )
        return _Header(tuple(int(n) for n in shape), bool(fortran), dtype)


# ------------------------------------------------------------------ .csv

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


def _write_csv(file: IO[bytes], array: np.ndarray, names: list[str], scores: np.ndarray | None) -> None:
    cells = [csv_escape(name) for name in names]
    labels = array.ravel().astype(np.uint8).tolist()
    grid = itertools.product(range(array.shape[0]), range(array.shape[1]), cells)
    rows: Any = ([layer, head, cell, label] for (layer, head, cell), label in zip(grid, labels, strict=True))
    header = list(COLUMNS)
    if scores is not None:
        header.append("score")
        values = ["" if math.isnan(v) else repr(v) for v in scores.ravel().tolist()]
        rows = (row + [value] for row, value in zip(rows, values, strict=True))
    text = io.TextIOWrapper(file, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(header)
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


def _load_csv(path: str | os.PathLike, file: IO[bytes]) -> Loaded:
    grid = _Grid(path)
    labels = bytearray()
    values = _array.array("d")
    try:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        reader = csv.reader(text)
        has_scores = _csv_header(next(reader, None), path)
        for row in reader:
            if not row:
                continue  # a blank line
            line = reader.line_num
            if len(row) != 4 + has_scores:
                raise ValueError(f"{path} line {line} has {len(row)} fields; expected {4 + has_scores}")
            indices = [
                _csv_index(field, column, path, line) for column, field in zip(("layer", "head"), row[:2], strict=True)
            ]
            if row[3] not in ("0", "1"):
                raise ValueError(f"{path} line {line}: label must be 0 or 1; got {row[3]!r}")
            grid.add(indices[0], indices[1], csv_unescape(row[2]), line)
            labels.append(row[3] == "1")
            if has_scores:
                values.append(_csv_score(row[4], path, line))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path} is not readable UTF-8 CSV ({exc})") from None
    shape = grid.shape()
    array = np.frombuffer(bytes(labels), dtype=np.uint8).astype(bool).reshape(shape)
    scores = np.frombuffer(values, dtype=np.float64).astype(np.float32).reshape(shape) if has_scores else None
    return array, grid.names, scores


def _csv_header(header: list[str] | None, path: str | os.PathLike) -> bool:
    """Check the header row; return whether it has the score column."""
    expected = "layer,head,category,label[,score]"
    if header is None:
        raise ValueError(f"{path} is empty; expected the header {expected}")
    if header not in (COLUMNS, [*COLUMNS, "score"]):
        missing = [column for column in COLUMNS if column not in header]
        problem = f"no {missing[0]!r} column" if missing else "columns out of order or extra"
        raise ValueError(f"{path} has header {header[:6]}; expected {expected} ({problem})")
    return len(header) == 5


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


# ------------------------------------------------------------------ .json

_INFINITIES = {"Infinity": math.inf, "-Infinity": -math.inf}


def _json_score(value: float) -> float | str | None:
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _refuse_overflow(path: str | os.PathLike, wide: np.ndarray, narrowed: np.ndarray) -> None:
    """Refuse finite scores that float32 cannot hold (they would silently become infinite)."""
    lost = np.isinf(narrowed) & np.isfinite(wide)
    if lost.any():
        value = wide[lost].ravel()[0].item()
        raise ValueError(
            f"{path}: scores contains {value!r}, too large for float32; expected at most 3.4e38 in magnitude "
            "(infinities are written as Infinity)"
        )


def _load_json(path: str | os.PathLike, file: IO[bytes]) -> Loaded:
    data = _read_all(path, file)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, or an integer of over 4,300 digits
        raise ValueError(f"{path} is not UTF-8 JSON ({exc}); expected a file written by save_labels") from None
    except RecursionError:
        raise ValueError(
            f"{path} is JSON nested too deeply to read; expected a file written by save_labels (it nests 4 levels)"
        ) from None
    if not isinstance(document, dict):
        raise ValueError(f"{path} holds a JSON {type(document).__name__}; expected an object")
    if document.get("format") != FORMAT:
        raise ValueError(f"{path} {_NOT_OURS}: format is {_short(document.get('format'))}; expected {FORMAT!r}")
    version = document.get("version")
    if not _is_int(version) or version != VERSION:
        raise ValueError(f"{path} {_NOT_OURS}: version is {_short(version)}; expected {VERSION}")
    for key in ("shape", "categories", "heads"):
        if key not in document:
            raise ValueError(f"{path} has no {key!r} key; expected format, version, shape, categories, heads")
    shape = document["shape"]
    if not isinstance(shape, list) or not all(_is_int(n) for n in shape):
        raise ValueError(f"{path} has shape {_short(shape)}; expected [layers, heads, categories]")
    shape = tuple(shape)
    check_shape(shape, path)  # before the array of that shape exists
    names = document["categories"]
    if not isinstance(names, list) or len(names) != shape[2] or not all(isinstance(n, str) for n in names):
        raise ValueError(
            f"{path} has categories {_short(names)}; expected a list of {shape[2]} names (shape {list(shape)})"
        )
    check_names(names, f"{path}: categories")
    heads = document["heads"]
    if not isinstance(heads, dict):
        raise ValueError(f"{path} has heads {_short(heads)}; expected an object {{name: [[layer, head], ...]}}")
    array = np.zeros(shape, dtype=bool)
    position = {name: c for c, name in enumerate(names)}
    for name, pairs in heads.items():
        if name not in position:
            raise ValueError(f"{path}: heads has the unknown category {_short(name)}; expected one of categories")
        c = position[name]
        for pair in pairs if isinstance(pairs, list) else [pairs]:
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(i) for i in pair)):
                raise ValueError(
                    f"{path}: heads[{name!r}] contains {_short(pair)}; expected [layer, head] integer pairs"
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
    return array, names, scores


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
            raise ValueError(f"{path}: scores contains {_short(value)}; expected numbers, null for NaN, or ±Infinity")
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
    _refuse_overflow(path, values, narrowed)
    return narrowed.reshape(shape)


def _short(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: a message quotes a file, never all of it."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
