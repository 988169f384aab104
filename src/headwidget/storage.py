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

**Tasks grouped into categories** (:mod:`headwidget.tasks`): the labels and scores
are per task (last axis T) and each format adds the tasks and their categories:

* ``.npz``: ``tasks`` (unicode, T) and ``groups`` (int64, T: each task's position
  in ``categories``, which then lists the C categories in panel order);
* ``.csv``: the header ``layer,head,task,category,label`` (plus ``,score``), one row
  per (layer, head, task) cell in C order, ``category`` the task's category on every
  row of it. The categories are in their order of first appearance; a file whose
  order differs starts (before any cell) with one row per category, in order, with
  only the ``category`` field filled;
* ``.json``: ``"shape": [L, H, T]``, ``"tasks": [...]``, ``"groups": {task:
  category}``, ``"categories"`` the C categories in order, ``"heads"`` keyed by task.

A file without tasks is read as before. Reading checks the tasks as names (unique),
every task's category, and that every category has a task.

**CSV cells that a spreadsheet would run.** A category (or task) name that starts with ``=``,
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

import contextlib
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import numpy as np

from . import csvfile, jsonfile, npzfile
from .atomic import write_atomic, write_text
from .fileformat import Saved
from .labels import check_names, check_shape
from .tasks import TaskGroups

EXTENSIONS = (".npz", ".csv", ".json")

#: Largest file :func:`load_labels` reads, in bytes. A file at the limits of
#: :func:`~headwidget.labels.check_shape` with scores fits in a compressed .npz.
MAX_FILE_BYTES = 2**30


def save_labels(
    path: str | os.PathLike,
    array: np.ndarray,
    categories: Sequence[str],
    scores: np.ndarray | None = None,
    *,
    groups: TaskGroups | None = None,
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
        One unique, non-empty name per category (with ``groups``: per task).
    scores : numpy.ndarray, optional
        Float scores of the same shape as ``array`` (NaN allowed), stored as float32.
    groups : TaskGroups, optional
        With tasks along the last axis: their categories. Its tasks must be ``categories``.

    Raises
    ------
    ValueError, TypeError
        For an unknown extension or invalid arguments, before anything is written.
    OSError
        From the file system; an existing file is then left as it was.
    """
    extension = _extension(path)
    saved = _check_arguments(array, categories, scores, groups)
    if extension == ".json":
        write_text(path, jsonfile.text(saved))
    else:
        write = npzfile.write if extension == ".npz" else csvfile.write
        write_atomic(path, lambda file: write(file, saved))


def load_labels(path: str | os.PathLike) -> tuple[np.ndarray, list[str], np.ndarray | None]:
    """Read a file written by :func:`save_labels`: ``(array, names, scores)``.

    For a file with tasks these are per task (``names`` the tasks); :func:`load_file`
    gives their groups too.

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
    saved = load_file(path)
    return saved.array, saved.names, saved.scores


def load_file(path: str | os.PathLike) -> Saved:
    """Read a file written by :func:`save_labels`, tasks and groups included.

    Returns
    -------
    Saved
        ``(array, names, scores, groups)``: ``groups`` is None for a file without tasks.

    Raises
    ------
    ValueError
        As :func:`load_labels`.
    """
    extension = _extension(path)
    with _open_regular(path) as file:
        if extension == ".json":
            saved = jsonfile.load(path, _read_all(path, file))
        else:
            saved = (npzfile.load if extension == ".npz" else csvfile.load)(path, file)
    check_names(saved.names, f"{path}: {'categories' if saved.groups is None else 'tasks'}")
    return saved


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


def _check_arguments(array: object, categories: object, scores: object, groups: object) -> Saved:
    """Validate :func:`save_labels`' arguments; return a bool array, names, float32 scores and groups."""
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
    if groups is not None:
        if not isinstance(groups, TaskGroups):
            raise TypeError(f"groups must be a TaskGroups; got {type(groups).__name__}")
        if tuple(names) != groups.tasks:
            raise ValueError(f"categories must be the tasks of groups, {list(groups.tasks)}, in order; got {names}")
    return Saved(array, names, scores, groups)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
