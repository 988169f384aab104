"""Nothing written half: the one way the package writes a file.

:func:`write_atomic` hands the caller a binary file that is a new temporary file in
the target's folder, then flushes it, ``fsync``\\ s it and renames it over the target
(``os.replace``, atomic on POSIX and Windows within one file system). Whatever goes
wrong before the rename — an exception while encoding, a full disk (``ENOSPC`` from
a write, the flush or the ``fsync``), an interrupt — removes the temporary file and
leaves an existing target byte-identical.

Permissions follow a normal create: a new file gets ``0o666`` less the umask (the
kernel applies it, as for ``open(path, "w")``); an existing file keeps its mode. A
symlink is written through (the file it points to is replaced, the link stays), as
``open`` would. A target that exists but is not a regular file (a directory, a FIFO,
a device) is refused before anything is created.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

__all__ = ["write_atomic", "write_bytes", "write_text"]


def write_atomic(path: str | os.PathLike, write: Callable[[IO[bytes]], Any]) -> None:
    """Call ``write`` with a binary file beside ``path``; rename it over ``path`` when complete.

    Parameters
    ----------
    path : str or os.PathLike
        The file to create or replace.
    write : callable
        Writes the whole content to the binary file it is given (it must not close it).

    Raises
    ------
    ValueError
        When ``path`` exists and is not a regular file, before anything is written.
    OSError
        From the file system (no such folder, no permission, no space); the target is
        then unchanged and no temporary file is left.
    """
    target = Path(os.path.realpath(path))  # write through a symlink, as open() does
    mode = None
    try:
        info = os.stat(target)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{os.fspath(path)} exists and is not a regular file; expected a path to a file")
        mode = stat.S_IMODE(info.st_mode)
    fd, tmp = _create_beside(target)
    try:
        try:
            file = _open(fd)
        except BaseException:
            os.close(fd)
            raise
        with file:
            write(file)
            file.flush()
            os.fsync(file.fileno())  # the bytes are on disk before the name points at them
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`write_atomic`."""
    write_atomic(path, lambda file: file.write(data))


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through :func:`write_atomic`.

    The text is encoded before any file is created, so text that cannot be encoded
    (a lone surrogate) raises with nothing written.
    """
    write_bytes(path, text.encode("utf-8"))


def _create_beside(target: Path) -> tuple[int, str]:
    """A new, empty temporary file in ``target``'s folder: ``.NAME.RANDOM.part``.

    ``os.open`` with mode 0o666 lets the kernel apply the umask (``tempfile.mkstemp``
    would create 0o600, and reading the umask means setting it, which races threads).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(target.parent, f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:  # name the folder, not the temporary file the user never asked for
            raise FileNotFoundError(
                errno.ENOENT, "No such file or directory (the folder to write in)", str(target.parent)
            ) from None
    raise FileExistsError(f"could not create a temporary file beside {target}")


def _open(fd: int) -> IO[bytes]:
    """The binary file over ``fd`` (a seam: tests replace it to simulate a full disk)."""
    return os.fdopen(fd, "wb")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (POSIX); best effort."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
