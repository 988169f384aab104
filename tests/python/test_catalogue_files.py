"""A catalogue of bad files, limits, special files, failed writes and CLI errors.

Each case checks the error a user sees (it names the file and what is wrong) and that
nothing changed: an existing file is byte-identical, no temporary file is left in the
folder, and a live widget keeps its state.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
import threading
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from headwidget import HeadMapWidget, atomic, csvfile, storage
from headwidget.cli import main
from headwidget.storage import load_labels

SCORES = np.random.default_rng(12).normal(size=(4, 3, 2)).astype(np.float32)


def scored() -> HeadMapWidget:
    return HeadMapWidget.from_scores(SCORES, ["A", "B"], threshold=0.5)


def folder(path: Path) -> dict[str, bytes]:
    """Every entry of a folder with its bytes: the "nothing changed" check."""
    return {p.name: p.read_bytes() if p.is_file() and not p.is_fifo() else b"<special>" for p in path.iterdir()}


def state(widget: HeadMapWidget) -> dict:
    """A widget's synced state, labels and scores, for comparing before and after."""
    copy = {key: bytes(v) if isinstance(v, memoryview) else v for key, v in widget.get_state().items()}
    return {
        **copy,
        "labels": widget.labels.tobytes(),
        "scores": None if widget.scores is None else widget.scores.tobytes(),
    }


def no_temporary_files(path: Path) -> None:
    assert not [p.name for p in path.iterdir() if p.name.endswith(".part")], "a temporary file was left behind"


# ------------------------------------------------------------------ every writer, every failure

WRITERS: dict[str, Callable[[HeadMapWidget, Path], None]] = {
    ".svg": lambda w, p: w.save(p),
    ".html": lambda w, p: w.save(p),
    ".png": lambda w, p: w.save(p, dpi=50),
    ".pdf": lambda w, p: w.save(p),
    ".npz": lambda w, p: w.save_labels(p),
    ".csv": lambda w, p: w.save_labels(p),
    ".json": lambda w, p: w.save_labels(p),
}


class FullDisk(io.FileIO):
    """A disk that fills up after a few bytes: the first write starts, then ENOSPC."""

    def write(self, data):
        super().write(bytes(data)[: max(0, 4 - self.tell())])
        raise OSError(errno.ENOSPC, "No space left on device")


class FullOnFlush(io.BufferedWriter):
    """Writes are buffered; the flush that would put them on disk fails with ENOSPC."""

    def flush(self):
        raise OSError(errno.ENOSPC, "No space left on device")


class BrokenEncoder(io.FileIO):
    """The encoder fails half way (any exception from inside the writer)."""

    def write(self, data):
        super().write(bytes(data)[:2])
        raise RuntimeError("encoding failed half way")


def fail(monkeypatch: pytest.MonkeyPatch, how: str) -> type[BaseException]:
    """Make the next atomic write fail ``how``; return the exception it will raise."""
    if how == "write":
        monkeypatch.setattr(atomic, "_open", lambda fd: FullDisk(fd, "wb"))
    elif how == "flush":
        monkeypatch.setattr(atomic, "_open", lambda fd: FullOnFlush(io.FileIO(fd, "wb"), buffer_size=1 << 20))
    elif how == "fsync":

        def fsync(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "fsync", fsync)
    else:
        monkeypatch.setattr(atomic, "_open", lambda fd: BrokenEncoder(fd, "wb"))
        return RuntimeError
    return OSError


@pytest.mark.parametrize("how", ["write", "flush", "fsync", "encode"])
@pytest.mark.parametrize("suffix", list(WRITERS))
def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, suffix, how):
    if suffix in (".png", ".pdf"):
        pytest.importorskip("matplotlib")
    path = tmp_path / f"out{suffix}"
    old = HeadMapWidget(np.eye(4, 3, dtype=bool)[:, :, None], ["old"])
    WRITERS[suffix](old, path)
    before = folder(tmp_path)
    widget = scored()
    kept = state(widget)
    error = fail(monkeypatch, how)
    with pytest.raises(error, match="No space left|encoding failed"):
        WRITERS[suffix](widget, path)
    assert folder(tmp_path) == before
    no_temporary_files(tmp_path)
    assert state(widget) == kept


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_a_failed_first_write_creates_nothing(tmp_path, monkeypatch, suffix):
    if suffix in (".png", ".pdf"):
        pytest.importorskip("matplotlib")
    fail(monkeypatch, "write")
    with pytest.raises(OSError, match="No space left"):
        WRITERS[suffix](scored(), tmp_path / f"new{suffix}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_writes_keep_the_mode_of_an_existing_file_and_follow_the_umask_for_a_new_one(tmp_path, suffix):
    if suffix in (".png", ".pdf"):
        pytest.importorskip("matplotlib")
    new, existing = tmp_path / f"new{suffix}", tmp_path / f"existing{suffix}"
    existing.write_bytes(b"old")
    existing.chmod(0o600)  # not what the umask would give a new file
    mask = os.umask(0o027)
    try:
        WRITERS[suffix](scored(), new)
        WRITERS[suffix](scored(), existing)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640  # 0o666 less the umask 0o027
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
    assert existing.read_bytes() != b"old"
    no_temporary_files(tmp_path)


def test_a_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    scored().save_labels(link)
    assert link.is_symlink() and load_labels(real)[1] == ["A", "B"]


@pytest.mark.parametrize("suffix", [".svg", ".json"])
def test_a_target_that_is_a_directory_is_refused_before_writing(tmp_path, suffix):
    target = tmp_path / f"dir{suffix}"
    target.mkdir()
    widget = scored()
    with pytest.raises(ValueError, match=r"dir\.(svg|json) exists and is not a regular file"):
        WRITERS[suffix](widget, target)
    assert target.is_dir() and list(target.iterdir()) == []
    no_temporary_files(tmp_path)


def test_save_labels_checks_arguments_before_the_file_is_touched(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("keep me")
    with pytest.raises(ValueError, match="categories contains 'a' twice"):
        storage.save_labels(path, np.ones((2, 2, 2), bool), ["a", "a"])
    assert path.read_text() == "keep me"
    no_temporary_files(tmp_path)


# ------------------------------------------------------------------ the catalogue of bad files


def write(path: Path, content: bytes | str) -> Path:
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def good(suffix: str, tmp_path: Path, name: str = "good") -> Path:
    path = tmp_path / f"{name}{suffix}"
    HeadMapWidget.from_scores(np.random.default_rng(1).random((32, 32, 4), np.float32), threshold=0.5).save_labels(path)
    return path


def huge_header_npz(path: Path) -> Path:
    """An .npz whose labels header claims 4096 x 1024 x 256 cells with no data behind it."""
    with zipfile.ZipFile(path, "w") as archive:
        for key, value in {"format": np.array("headwidget-labels"), "version": np.array(1)}.items():
            buffer = io.BytesIO()
            np.save(buffer, value)
            archive.writestr(f"{key}.npy", buffer.getvalue())
        for key, header in {
            "labels": {"descr": "|b1", "fortran_order": False, "shape": (4096, 1024, 256)},
            "categories": {"descr": "<U4", "fortran_order": False, "shape": (256,)},
        }.items():
            buffer = io.BytesIO()
            np.lib.format.write_array_header_1_0(buffer, header)
            archive.writestr(f"{key}.npy", buffer.getvalue())
    return path


def corrupted_npz(tmp_path: Path) -> Path:
    """A good .npz with bytes flipped inside the compressed scores (the last, largest member)."""
    path = good(".npz", tmp_path, "bad")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("scores.npy")
    data = bytearray(path.read_bytes())
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 16] = bytes(16)
    return write(path, bytes(data))


def truncated(suffix: str, tmp_path: Path) -> Path:
    data = good(suffix, tmp_path, "bad").read_bytes()
    return write(tmp_path / f"bad{suffix}", data[: len(data) // 2])


DOCUMENT = {"format": "headwidget-labels", "version": 1, "shape": [2, 2, 1], "categories": ["a"], "heads": {}}


def document(**changes) -> str:
    return json.dumps({**DOCUMENT, **changes})


CSV_HEADER = "layer,head,category,label\n"
DEEP = "[" * 100_000 + "]" * 100_000
NAMES_256 = [f"c{i}" for i in range(256)]


def link(path: Path, target: str) -> Path:
    path.symlink_to(target)
    return path


# A file with tasks grouped into categories: tasks t0, t1 in X, t2 in Y.
TASK_DOCUMENT = {
    **DOCUMENT,
    "shape": [2, 2, 3],
    "categories": ["X", "Y"],
    "tasks": ["t0", "t1", "t2"],
    "groups": {"t0": "X", "t1": "X", "t2": "Y"},
    "heads": {"t0": [[0, 0]]},
}
TASK_ARRAYS = {
    "format": np.array("headwidget-labels"),
    "version": np.array(1),
    "labels": np.zeros((2, 2, 3), bool),
    "categories": np.array(["X", "Y"]),
    "tasks": np.array(["t0", "t1", "t2"]),
    "groups": np.array([0, 0, 1]),
}
TASK_CSV = "layer,head,task,category,label\n"


def task_document(**changes) -> str:
    return json.dumps({key: value for key, value in {**TASK_DOCUMENT, **changes}.items() if value is not KeyError})


def task_npz(path: Path, **changes) -> Path:
    arrays = {key: value for key, value in {**TASK_ARRAYS, **changes}.items() if value is not KeyError}
    np.savez(path, **arrays)
    return path


def task_csv(cells: list[tuple[str, str]], before: str = "") -> str:
    """Every (layer, head) of a 1 x 2 grid with the given (task, category) per cell."""
    rows = "".join(f"0,{head},{task},{category},0\n" for head in range(2) for task, category in cells)
    return TASK_CSV + before + rows


# (id, make the file in tmp_path, message regex)
BAD_FILES = [
    # tasks grouped into categories: each new field checked like the rest
    ("npz-task-twice", lambda t: task_npz(t / "bad.npz", tasks=np.array(["t0", "t0", "t2"])),
     r"bad\.npz: tasks contains 't0' twice"),
    ("npz-group-nowhere", lambda t: task_npz(t / "bad.npz", groups=np.array([0, 5, 1])),
     r"bad\.npz: groups holds 5; expected a category position 0\.\.1"),
    ("npz-category-without-tasks", lambda t: task_npz(t / "bad.npz", groups=np.array([0, 0, 0])),
     r"bad\.npz: categories \['Y'\] have no task"),
    ("npz-tasks-without-groups", lambda t: task_npz(t / "bad.npz", groups=KeyError),
     r"bad\.npz has tasks but no 'groups' array; expected both"),
    ("npz-groups-floats", lambda t: task_npz(t / "bad.npz", groups=np.array([0.0, 0.0, 1.0])),
     r"bad\.npz: groups has dtype float64 .* expected 3 integers"),
    ("npz-tasks-count", lambda t: task_npz(t / "bad.npz", tasks=np.array(["t0", "t1"])),
     r"bad\.npz: tasks has dtype <U2 and shape \(2,\); expected 3 unicode names"),
    ("npz-categories-2d", lambda t: task_npz(t / "bad.npz", categories=np.array([["X", "Y"]])),
     r"bad\.npz: categories has dtype <U1 and shape \(1, 2\); expected a list"),
    ("npz-too-many-categories", lambda t: task_npz(t / "bad.npz", categories=np.array(NAMES_256 + ["x"])),
     r"bad\.npz: categories has 257 categories; at most 256"),
    ("csv-task-two-categories",
     lambda t: write(t / "bad.csv", "X".join(task_csv([("t0", "X"), ("t1", "Y")]).rsplit("Y", 1))),
     r"bad\.csv line 5: the task 't1' has the category 'X'; expected 'Y' as on line 3"),
    ("csv-declared-after-cells", lambda t: write(t / "bad.csv", task_csv([("t0", "X")]) + ",,,X,\n"),
     r"bad\.csv line 4 has no layer, head or task; expected a cell"),
    ("csv-declared-category-without-tasks",
     lambda t: write(t / "bad.csv", task_csv([("t0", "X")], before=",,,Z,\n,,,X,\n")),
     r"bad\.csv: categories must list exactly the categories of groups; it adds \['Z'\]"),
    ("csv-declared-one-missing", lambda t: write(t / "bad.csv", task_csv([("t0", "X"), ("t1", "Y")], before=",,,Y,\n")),
     r"bad\.csv: categories must list exactly the categories of groups; it leaves out \['X'\]"),
    ("csv-declared-with-label", lambda t: write(t / "bad.csv", TASK_CSV + ",,,X,1\n"),
     r"bad\.csv line 2 has no layer, head or task"),
    ("csv-task-empty-category", lambda t: write(t / "bad.csv", task_csv([("t0", "")])),
     r"bad\.csv: groups\['t0'\] contains the empty name"),
    ("json-task-twice", lambda t: write(t / "bad.json", task_document(tasks=["t0", "t0", "t2"])),
     r"bad\.json: tasks contains 't0' twice"),
    ("json-group-key-twice", lambda t: write(t / "bad.json", task_document().replace('"Y"}', '"Y", "t0": "Y"}')),
     r"bad\.json: an object names the key 't0' twice; expected each key once"),
    ("json-group-nowhere", lambda t: write(t / "bad.json", task_document(groups={"t0": "X", "t1": "X", "t2": "Z"})),
     r"bad\.json: categories must list exactly the categories of groups; it adds \['Y'\] and it leaves out \['Z'\]"),
    ("json-category-without-tasks", lambda t: write(t / "bad.json", task_document(categories=["X", "Y", "W"])),
     r"bad\.json: categories must list exactly the categories of groups; it adds \['W'\]"),
    ("json-task-without-group", lambda t: write(t / "bad.json", task_document(groups={"t0": "X", "t1": "X"})),
     r"bad\.json: groups has no category for the tasks \['t2'\]"),
    ("json-tasks-without-groups", lambda t: write(t / "bad.json", task_document(groups=KeyError)),
     r"bad\.json has tasks but no 'groups' key; expected both"),
    ("json-groups-a-list", lambda t: write(t / "bad.json", task_document(groups=["X", "X", "Y"])),
     r"bad\.json: groups must be a mapping \{task: category\}; got list"),
    ("json-tasks-count", lambda t: write(t / "bad.json", task_document(tasks=["t0", "t1"])),
     r"bad\.json has tasks \['t0', 't1'\]; expected a list of 3 names"),
    ("json-heads-unknown-task", lambda t: write(t / "bad.json", task_document(heads={"X": [[0, 0]]})),
     r"bad\.json: heads has the unknown task 'X'; expected one of the tasks"),
    ("csv-huge-index", lambda t: write(t / "bad.csv", CSV_HEADER + "6000,6000,A,1\n"),
     r"bad\.csv line 2, the cell \(layer 6000, head 6000\), needs a grid that has 6001 x 6001 = 36012001 heads; "
     r"at most 4194304 can be displayed"),
    ("csv-index-digits", lambda t: write(t / "bad.csv", CSV_HEADER + "0,99999999999999999999,A,1\n"),
     r"bad\.csv line 2: head 99999999999999999999 is beyond any grid"),
    ("csv-too-many-categories",
     lambda t: write(t / "bad.csv", CSV_HEADER + "".join(f"0,0,c{i},0\n" for i in range(257))),
     r"bad\.csv line 258: has 1 x 1 x 257|257 categories; at most 256"),
    ("csv-score-overflow", lambda t: write(t / "bad.csv", CSV_HEADER[:-1] + ",score\n0,0,A,1,1e400\n"),
     r"bad\.csv line 2: score 1e400 is too large for float32"),
    ("csv-not-utf8", lambda t: write(t / "bad.csv", CSV_HEADER.encode() + b"0,0,\xff\xfe,1\n"),
     r"bad\.csv is not readable UTF-8 CSV"),
    ("csv-binary-junk", lambda t: write(t / "bad.csv", bytes(range(1, 200))),
     r"bad\.csv (is not readable UTF-8|has header)"),
    ("csv-truncated", lambda t: truncated(".csv", t), r"bad\.csv (line \d+ has \d fields|line \d+: label must be|"
     r"does not list every)"),
    ("csv-huge-field", lambda t: write(t / "bad.csv", CSV_HEADER + "0,0," + "x" * 200_000 + ",1\n"),
     r"bad\.csv is not readable UTF-8 CSV \(field larger than field limit"),
    ("json-deep", lambda t: write(t / "bad.json", DEEP), r"bad\.json is JSON nested too deeply"),
    ("json-int-overflow", lambda t: write(t / "bad.json", document(shape=[1, 1, 1], scores=[10**400])),
     r"bad\.json: scores contains an integer too large for float32"),
    ("json-float-overflow", lambda t: write(t / "bad.json", document(shape=[1, 1, 1])[:-1] + ',"scores":[1e400]}'),
     r"bad\.json: scores contains a number too large for float32"),
    ("json-float32-overflow", lambda t: write(t / "bad.json", document(shape=[1, 1, 1], scores=[1e39])),
     r"bad\.json: scores contains 1e\+39, too large for float32"),
    ("json-huge-grid", lambda t: write(t / "bad.json", document(shape=[4096, 1024, 256], categories=NAMES_256)),
     r"bad\.json has 4096 x 1024 x 256 = 1073741824 cells .* at most 67108864 can be displayed"),
    ("json-huge-heads", lambda t: write(t / "bad.json", document(shape=[100_000, 100_000, 1])),
     r"bad\.json has 100000 x 100000 = 10000000000 heads; at most 4194304"),
    ("json-not-utf8", lambda t: write(t / "bad.json", b'{"format": "\xff"}'), r"bad\.json is not UTF-8 JSON"),
    ("json-truncated", lambda t: truncated(".json", t), r"bad\.json is not UTF-8 JSON"),
    ("json-shape-a-string", lambda t: write(t / "bad.json", document(shape="2x2x1")),
     r"bad\.json has shape '2x2x1'; expected \[layers, heads, categories\]"),
    ("json-pair-of-strings", lambda t: write(t / "bad.json", document(heads={"a": [["0", 1]]})),
     r"bad\.json: heads\['a'\] contains \['0', 1\]; expected \[layer, head\] integer pairs"),
    ("json-huge-integer-text", lambda t: write(t / "bad.json", document()[:-1] + ', "n": 1' + "0" * 5000 + "}"),
     r"bad\.json is not UTF-8 JSON \(Exceeds the limit"),
    ("npz-huge-header", lambda t: huge_header_npz(t / "bad.npz"),
     r"bad\.npz: labels has 4096 x 1024 x 256 = 1073741824 cells"),
    ("npz-corrupted-member", corrupted_npz, r"bad\.npz: the scores array is corrupted"),
    ("npz-truncated", lambda t: truncated(".npz", t), r"bad\.npz is not an \.npz archive"),
    ("npz-empty", lambda t: write(t / "bad.npz", b""), r"bad\.npz is not an \.npz archive"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "match"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_bad_file(tmp_path, make, match):
    path = make(tmp_path)
    live = scored()
    kept, before = state(live), folder(tmp_path)
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=match) as info:
            HeadMapWidget.load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(path) in str(info.value)
    assert peak < 64 * 2**20, f"refusing {path.name} allocated {peak} bytes"  # never the grid it claims
    assert folder(tmp_path) == before and state(live) == kept
    no_temporary_files(tmp_path)


# ------------------------------------------------------------------ special files: refused at once


def load_in_thread(path: Path) -> BaseException | None:
    """Load in a daemon thread: a FIFO that blocked would fail the test, not hang it."""
    outcome: list[BaseException | None] = []

    def run():
        try:
            load_labels(path)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    assert outcome, f"loading {path} blocked"
    return outcome[0]


SPECIAL = [
    ("fifo", lambda t: (os.mkfifo(t / "x.csv"), t / "x.csv")[1], r"x\.csv is a FIFO \(named pipe\)"),
    ("dev-zero-link", lambda t: link(t / "x.npz", "/dev/zero"), r"x\.npz is a character device"),
    ("dev-null-link", lambda t: link(t / "x.json", "/dev/null"), r"x\.json is a character device"),
    ("directory", lambda t: ((t / "x.json").mkdir(), t / "x.json")[1], r"x\.json is a directory"),
    ("link-to-directory", lambda t: ((t / "d").mkdir(), (t / "x.csv").symlink_to(t / "d"), t / "x.csv")[2],
     r"x\.csv is a directory"),
]  # fmt: skip


@pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks as on POSIX")
@pytest.mark.parametrize(("make", "match"), [case[1:] for case in SPECIAL], ids=[case[0] for case in SPECIAL])
def test_special_files_are_refused_at_once(tmp_path, make, match):
    path = make(tmp_path)
    before = folder(tmp_path)
    error = load_in_thread(path)
    assert isinstance(error, ValueError), repr(error)
    assert re.search(match, str(error)), str(error)
    assert "expected a regular file written by save_labels" in str(error)
    assert folder(tmp_path) == before


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = good(".json", tmp_path)
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ValueError, match=rf"good\.json has {path.stat().st_size} bytes; expected at most 1000"):
        load_labels(path)


# ------------------------------------------------------------------ CSV formula injection

# Names that a spreadsheet would run. Tab and CR starts are escaped too, but the one text
# rule refuses them in names (labels.check_text), so only csv_escape meets them.
FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "'quoted",
    "''two",
]


@pytest.mark.parametrize("suffix", [".csv", ".npz", ".json"])
def test_names_that_look_like_formulas_round_trip_exactly(tmp_path, suffix):
    names = [*FORMULAS, "plain", "it's"]
    scores = np.random.default_rng(3).normal(size=(2, 2, len(names))).astype(np.float32)
    widget = HeadMapWidget.from_scores(scores, names, threshold=0.0)
    path = tmp_path / f"names{suffix}"
    widget.save_labels(path)
    back = HeadMapWidget.load(path)
    assert back.categories == tuple(names)
    np.testing.assert_array_equal(back.labels, widget.labels)
    np.testing.assert_array_equal(back.scores, widget.scores)


def test_csv_cells_never_start_like_a_formula(tmp_path):
    path = tmp_path / "names.csv"
    HeadMapWidget(np.ones((1, 1, len(FORMULAS)), bool), FORMULAS).save_labels(path)
    with open(path, newline="", encoding="utf-8") as file:
        cells = [row[2] for row in csv.reader(file)][1:]
    assert cells == ["'" + name for name in FORMULAS]  # each neutralised by one leading quote
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_csv_escape_is_one_to_one():
    names = [*FORMULAS, "\tTab", "\rCR", "plain", "", "'", "''", "=", "a'b"]
    written = [csvfile.csv_escape(name) for name in names]
    assert len(set(written)) == len(names)
    assert [csvfile.csv_unescape(cell) for cell in written] == names


# ------------------------------------------------------------------ to_frame and from_frame keep scores


@pytest.mark.parametrize("rule", [{"threshold": 0.25}, {"top_k": 3}])
def test_to_frame_from_frame_keeps_scores_and_rule(rule):
    widget = HeadMapWidget.from_scores(SCORES, ["A", "B"], **rule)
    frame = widget.to_frame()
    assert list(frame.columns) == ["layer", "head", "category", "score", "label"] and len(frame) == SCORES.size
    back = HeadMapWidget.from_frame(frame)
    np.testing.assert_array_equal(back.scores, widget.scores)
    np.testing.assert_array_equal(back.labels, widget.labels)
    assert (back.threshold, back.top_k) == (widget.threshold, widget.top_k)
    assert back.categories == widget.categories


def test_to_frame_from_frame_keeps_fixed_labels_with_scores(tmp_path):
    path = tmp_path / "both.npz"
    scored().save_labels(path)
    widget = HeadMapWidget.load(path)  # saved labels, with their scores for the tooltip
    back = HeadMapWidget.from_frame(widget.to_frame())
    np.testing.assert_array_equal(back.labels, widget.labels)
    np.testing.assert_array_equal(back.scores, widget.scores)
    assert (back.threshold, back.top_k) == (None, None)


def test_from_frame_reads_a_score_column_by_name_and_nan_survives():
    scores = SCORES.copy()
    scores[0, 0, 0] = np.nan
    frame = HeadMapWidget.from_scores(scores, ["A", "B"], threshold=0.5).to_frame()
    frame.attrs.clear()  # as after most pandas operations
    back = HeadMapWidget.from_frame(frame, score="score", label="label", n_layers=4, n_heads=3)
    np.testing.assert_array_equal(back.scores, scores)
    again = HeadMapWidget.from_frame(frame, score="score", threshold=0.5)
    np.testing.assert_array_equal(again.labels, back.labels)


# ------------------------------------------------------------------ messages that mislead

LIVE_MESSAGES = [
    ("frame-negative-layer",
     lambda: HeadMapWidget.from_frame(pd.DataFrame({"layer": [-1], "head": [0], "category": ["A"]})),
     ValueError, r"frame\['layer'\] contains the negative layer -1; expected layer indices >= 0"),
    ("frame-nullable-missing",
     lambda: HeadMapWidget.from_frame(
         pd.DataFrame({"layer": pd.array([1, None], dtype="Int64"), "head": [0, 1], "category": ["A", "A"]})),
     ValueError, r"frame\['layer'\] has a missing value \(row 1\); expected a layer index in every row"),
    ("frame-fraction-quoted",
     lambda: HeadMapWidget.from_frame(pd.DataFrame({"layer": [1.0, 2.5], "head": [0, 1], "category": ["A", "A"]})),
     TypeError, r"frame\['layer'\] must hold integer indices; got dtype float64 \(e\.g\. 2\.5\)"),
    ("frame-huge-index",
     lambda: HeadMapWidget.from_frame(pd.DataFrame({"layer": [10**7], "head": [10**7], "category": ["A"]})),
     ValueError, r"the grid of frame .* heads; at most 4194304 can be displayed"),
    ("frame-scores-without-labels",
     lambda: HeadMapWidget.from_frame(pd.DataFrame({"layer": [0], "head": [0], "category": ["A"], "s": [0.5]}),
                                      score="s"),
     ValueError, r"frame has scores \(column 's'\) but no labels: pass threshold= or top_k="),
    ("frame-cell-twice",
     lambda: HeadMapWidget.from_frame(pd.DataFrame({"layer": [0, 0], "head": [0, 0], "category": ["A", "A"],
                                                    "s": [0.5, 0.6]}), score="s", threshold=0.5),
     ValueError, r"frame lists the cell \(layer 0, head 0, category 'A'\) twice \(row 1\)"),
    ("heads-huge-grid",
     lambda: HeadMapWidget.from_heads({"A": []}, n_layers=10**6, n_heads=10**6),
     ValueError, r"n_layers x n_heads has 1000000 x 1000000 = 1000000000000 heads; at most 4194304"),
    ("save-full-not-bool", lambda: scored().save("never.svg", full="no"), TypeError,
     r"full must be True \(every layer, head and category\) or False \(the current view\); got str 'no'"),
    ("save-dpi-inf", lambda: scored().save("never.png", dpi=float("inf")), ValueError,
     r"dpi must be a number of pixels per inch above 0 and at most 2400; got inf"),
    ("save-dpi-huge-int", lambda: scored().save("never.png", dpi=10**400), ValueError,
     r"dpi must be a number of pixels per inch above 0 and at most 2400"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "match"), [case[1:] for case in LIVE_MESSAGES], ids=[case[0] for case in LIVE_MESSAGES]
)
def test_message(tmp_path, monkeypatch, call, error, match):
    monkeypatch.chdir(tmp_path)
    live = scored()
    kept = state(live)
    tracemalloc.start()
    try:
        with pytest.raises(error, match=match):
            call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20
    assert state(live) == kept and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("rule", [{"threshold": 0.5}, {"top_k": 2}])
def test_a_rule_for_a_file_without_scores_is_refused(tmp_path, rule):
    path = tmp_path / "labels.json"
    HeadMapWidget(np.ones((2, 2, 1), bool)).save_labels(path)
    before = folder(tmp_path)
    given = next(iter(rule))
    with pytest.raises(ValueError, match=rf"{given}= was given but .*labels\.json has no scores"):
        HeadMapWidget.load(path, **rule)
    assert folder(tmp_path) == before


# ------------------------------------------------------------------ the command line


def cli(capsys, *args: str) -> tuple[int, list[str]]:
    """Run the command line in-process: its exit status and its stderr lines."""
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    return code, capsys.readouterr().err.strip().splitlines()


CLI_ERRORS = [
    ("deep-json", lambda t: [str(write(t / "in.json", DEEP))], r"in\.json is JSON nested"),
    ("huge-csv", lambda t: [str(write(t / "in.csv", CSV_HEADER + "6000,6000,A,1\n"))], r"at most 4194304 can be"),
    ("corrupted-npz", lambda t: [str(corrupted_npz(t))], r"the scores array is corrupted"),
    ("fifo-input", lambda t: [(os.mkfifo(t / "in.csv"), str(t / "in.csv"))[1]], r"in\.csv is a FIFO"),
    ("dpi-too-high", lambda t: ["--example", "--dpi", "20000"], r"dpi must be .* at most 2400; got 20000\.0"),
    ("dpi-inf", lambda t: ["--example", "--dpi", "inf"], r"at most 2400; got inf"),
    ("dpi-not-a-number", lambda t: ["--example", "--dpi", "lots"], r"--dpi must be a number, e\.g\. 300; got 'lots'"),
    ("unknown-option", lambda t: ["--example", "--colour", "red"], r"unrecognized arguments: --colour"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "match"), [case[1:] for case in CLI_ERRORS], ids=[case[0] for case in CLI_ERRORS])
def test_cli_error_is_one_line_exit_2_and_the_output_is_kept(tmp_path, capsys, make, match):
    out = tmp_path / "out.png"
    out.write_bytes(b"an earlier render")
    args = make(tmp_path)
    before = folder(tmp_path)
    code, lines = cli(capsys, "render", *args, "-o", str(out))
    assert code == 2
    assert len(lines) == 1 and lines[0].startswith("headwidget: error: "), lines
    assert re.search(match, lines[0]), lines[0]
    assert folder(tmp_path) == before
    no_temporary_files(tmp_path)


def test_cli_output_that_fails_half_way_keeps_the_old_file(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.svg"
    out.write_bytes(b"an earlier render")
    fail(monkeypatch, "write")
    code, lines = cli(capsys, "render", "--example", "-o", str(out))
    assert code == 2 and len(lines) == 1 and "No space left on device" in lines[0]
    assert out.read_bytes() == b"an earlier render"
    no_temporary_files(tmp_path)


def test_cli_output_into_a_directory_is_refused(tmp_path, capsys):
    out = tmp_path / "out.svg"
    out.mkdir()
    code, lines = cli(capsys, "render", "--example", "-o", str(out))
    assert code == 2 and len(lines) == 1 and "exists and is not a regular file" in lines[0]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("suffix", [".html", ".svg"])
def test_text_that_cannot_be_encoded_leaves_the_old_file(tmp_path, monkeypatch, suffix):
    """The issue's case: a lone surrogate reaching the writer once truncated the old file to 0 bytes."""
    from headwidget import export, svg

    path = tmp_path / f"out{suffix}"
    scored().save(path)
    before = folder(tmp_path)
    monkeypatch.setattr(export, "standalone_html", lambda widget, full=False: "<html>\ud800")
    monkeypatch.setattr(svg, "draw_svg", lambda layout: "<svg>\ud800")
    with pytest.raises(UnicodeEncodeError):
        scored().save(path)
    assert folder(tmp_path) == before
    no_temporary_files(tmp_path)
