"""Colours as the tests compare them: ``#rrggbb`` strings and RGB tuples of pixels."""

from __future__ import annotations


def hex_of(rgb: tuple[int, ...]) -> str:
    """``#rrggbb`` of a pixel's (r, g, b[, a])."""
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


def rgb_of(colour: str) -> tuple[int, int, int]:
    """(r, g, b) of a ``#rrggbb`` colour."""
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def close(a, b, tol: int = 4) -> bool:
    """Two pixels within ``tol`` per channel (antialiased PNGs are not exact)."""
    return all(abs(int(p) - int(q)) <= tol for p, q in zip(a, b, strict=True))
