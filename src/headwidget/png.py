"""A minimal PNG writer for the display's static figure: one pixel per head, no PIL.

:func:`indexed_png` encodes a grid of colour indices as a palette-indexed PNG (colour
type 3) at the smallest bit depth that holds the palette (1, 2, 4 or 8 bits a pixel),
or as 8-bit RGB beyond 256 colours, compressed with :mod:`zlib`. The output is
deterministic: the same grid and colours give the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _rgb(colours: Sequence[str]) -> np.ndarray:
    """ "#rrggbb" colours as an (n, 3) uint8 array."""
    return np.frombuffer(bytes.fromhex("".join(str(c).lstrip("#")[:6] for c in colours)), np.uint8).reshape(-1, 3)


def indexed_png(codes: np.ndarray, colours: Sequence[str], level: int = 1) -> bytes:
    """``codes`` (rows, columns) of indices into ``colours`` ("#rrggbb") as PNG bytes.

    Parameters
    ----------
    codes : numpy.ndarray
        Non-negative integers below ``len(colours)``, one per pixel, row 0 at the top.
    colours : sequence of str
        The palette, "#rrggbb".
    level : int
        zlib's compression level: 1 is 4 to 5 times faster than 6 on random labels for 2 to 4 % more bytes.

    Returns
    -------
    bytes
        A complete PNG file.
    """
    height, width = codes.shape
    rgb = _rgb(colours)
    if len(colours) > 256:  # more colours than a palette holds: true colour
        rows, header, palette = rgb[codes].reshape(height, width * 3), (8, 2), b""
    else:
        depth = next(d for d in (1, 2, 4, 8) if len(colours) <= 1 << d)
        pixels = codes.astype(np.uint8)
        if depth < 8:  # pack 8 // depth pixels a byte, the first in the high bits
            per = 8 // depth
            pixels = np.pad(pixels, ((0, 0), (0, -width % per))).reshape(height, -1, per)
            shifts = np.arange(per - 1, -1, -1, dtype=np.uint8) * depth
            pixels = np.bitwise_or.reduce(pixels << shifts, axis=2).astype(np.uint8)
        rows, header, palette = pixels, (depth, 3), _chunk(b"PLTE", rgb.tobytes())
    filtered = np.zeros((height, rows.shape[1] + 1), np.uint8)  # filter type 0 (none) per row
    filtered[:, 1:] = rows
    ihdr = struct.pack(">IIBBBBB", width, height, header[0], header[1], 0, 0, 0)
    idat = zlib.compress(filtered.tobytes(), level)
    return SIGNATURE + _chunk(b"IHDR", ihdr) + palette + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
