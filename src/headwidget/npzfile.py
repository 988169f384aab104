"""``.npz`` label files: read member by member, each array's header checked before its data."""

from __future__ import annotations

import math
import os
import zipfile
import zlib
from typing import IO

import numpy as np

from .fileformat import FORMAT, NOT_OURS, VERSION, Saved, refuse_overflow, task_groups
from .labels import MAX_CATEGORIES, check_shape
from .tasks import TaskGroups

_NPY_MAGIC = b"\x93NUMPY"
_MAX_TAG_BYTES = 4096  # the format and version arrays are a word and a number
_MAX_NAMES_BYTES = 2**24  # the categories array: 256 names of up to 16,384 characters
_MAX_GROUPS_BYTES = 8 * MAX_CATEGORIES  # the groups array: one int64 per task


def write(file: IO[bytes], saved: Saved) -> None:
    """The arrays, compressed, with the format's tag (to a file object: numpy would append
    ".npz" to a path ending in ".NPZ"). With tasks, ``categories`` holds the categories
    and ``tasks`` / ``groups`` the tasks and each one's category position."""
    array, names, scores, groups = saved
    extra: dict[str, np.ndarray] = {} if scores is None else {"scores": scores}
    if groups is not None:
        extra.update(tasks=np.array(names, dtype=str), groups=np.array(groups.index, dtype=np.int64))
        names = list(groups.categories)
    np.savez_compressed(
        file,
        labels=array,
        categories=np.array(names, dtype=str),
        format=np.array(FORMAT),
        version=np.array(VERSION),
        **extra,
    )


def load(path: str | os.PathLike, file: IO[bytes]) -> Saved:
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
            raise ValueError(f"{path} {NOT_OURS}: format is {tag.tolist()!r}; expected {FORMAT!r}")
        version = member("version", _MAX_TAG_BYTES)
        if version.shape != () or version.dtype.kind not in "iu" or int(version) != VERSION:
            raise ValueError(f"{path} {NOT_OURS}: version is {version.tolist()!r}; expected {VERSION}")
        labels_header = member.header("labels")
        if labels_header.dtype != bool:
            raise ValueError(f"{path}: labels has dtype {labels_header.dtype}; expected bool")
        check_shape(labels_header.shape, f"{path}: labels")
        shape = labels_header.shape
        grouped = "tasks" in members or "groups" in members
        if grouped:
            _check_task_headers(path, member, members, shape)
        names_header = member.header("categories")
        if grouped:
            if names_header.dtype.kind != "U" or len(names_header.shape) != 1:
                raise ValueError(
                    f"{path}: categories has dtype {names_header.dtype} and shape {names_header.shape}; "
                    "expected a list of unicode names, the categories of the tasks"
                )
            check_shape((*shape[:2], max(names_header.shape[0], 1)), f"{path}: categories")
        elif names_header.dtype.kind != "U" or names_header.shape != shape[2:]:
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
        names = member("categories", _MAX_NAMES_BYTES).tolist()
        groups = None
        if grouped:
            tasks = member("tasks", _MAX_NAMES_BYTES).tolist()
            index = member("groups", _MAX_GROUPS_BYTES).tolist()
            groups = task_groups(path, TaskGroups.from_index, tasks, names, index)
            names = list(groups.tasks)
        scores = None if scores_header is None else member("scores")
    if scores is not None:
        with np.errstate(over="ignore"):
            narrowed = scores.astype(np.float32)
        refuse_overflow(path, scores, narrowed)
        scores = narrowed
    return Saved(array, names, scores, groups)


def _check_task_headers(
    path: str | os.PathLike, member: _NpzMember, members: dict[str, str], shape: tuple[int, ...]
) -> None:
    """A file with tasks has both arrays, one entry per task (the labels' last axis)."""
    for key in ("tasks", "groups"):
        if key not in members:
            other = "groups" if key == "tasks" else "tasks"
            raise ValueError(f"{path} has {other} but no {key!r} array; expected both")
    tasks, groups = member.header("tasks"), member.header("groups")
    if tasks.dtype.kind != "U" or tasks.shape != shape[2:]:
        raise ValueError(
            f"{path}: tasks has dtype {tasks.dtype} and shape {tasks.shape}; "
            f"expected {shape[2]} unicode names, one per task of labels {shape}"
        )
    if groups.dtype.kind not in "iu" or groups.shape != shape[2:]:
        raise ValueError(
            f"{path}: groups has dtype {groups.dtype} and shape {groups.shape}; "
            f"expected {shape[2]} integers, each task's category position"
        )


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
