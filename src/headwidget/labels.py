"""Head labels: a validated, immutable layer x head x category boolean array.

Everything a user passes in is checked here, completely, before any widget
trait is touched, so that a bad input raises a clear error and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: Largest number of heads (layers x heads) a widget will draw. Beyond it the
#: browser would stall on one canvas per category; refuse it with a clear error.
MAX_HEADS = 2**22
#: Largest number of categories: one panel each, so more would not be a figure.
MAX_CATEGORIES = 256
#: Largest number of cells (layers x heads x categories): bounds what a small file or
#: call can make the kernel allocate (one byte per cell, four more with scores).
MAX_CELLS = 2**26


@dataclass(frozen=True)
class HeadLabels:
    """Which heads belong to which category.

    Attributes
    ----------
    array : numpy.ndarray
        Read-only boolean array of shape (layers, heads, categories).
    categories : tuple of str
        One unique, non-empty name per category, in panel order.
    """

    array: np.ndarray
    categories: tuple[str, ...]

    @property
    def shape(self) -> tuple[int, int, int]:
        """(layers, heads, categories)."""
        n_layers, n_heads, n_categories = self.array.shape
        return int(n_layers), int(n_heads), int(n_categories)

    def pack(self) -> bytes:
        """Pack to one bit per cell, C order over (layer, head, category).

        Big-endian bit order within each byte (numpy's default); the last
        byte is zero-padded when layers*heads*categories is not a multiple of 8.
        """
        return np.packbits(self.array, axis=None).tobytes()

    @classmethod
    def build(cls, labels: object, categories: Sequence[str] | None = None) -> HeadLabels:
        """Validate user input and return :class:`HeadLabels`.

        Parameters
        ----------
        labels : array-like of shape (layers, heads, categories), or mapping
            Booleans (or 0/1 integers), or ``{category name: (layers, heads) array}``.
        categories : sequence of str, optional
            Category names for an array input; defaults to "Category 1", ...

        Raises
        ------
        ValueError, TypeError
            With the argument named, what was received and what was expected.
        """
        if isinstance(labels, Mapping):
            if categories is not None:
                raise TypeError(
                    "categories must not be given when labels is a mapping; the mapping's keys are the category names"
                )
            names = check_names(list(labels.keys()), "labels keys")
            arrays = [_as_bool(labels[name], f"labels[{name!r}]", ndim=2) for name in names]
            shapes = {a.shape for a in arrays}
            if len(shapes) > 1:
                got = ", ".join(f"{n!r}: {a.shape}" for n, a in zip(names, arrays, strict=True))
                raise ValueError(f"labels arrays must all have the same (layers, heads) shape; got {got}")
            array = np.stack(arrays, axis=-1)
        else:
            array = _as_bool(labels, "labels", ndim=3)
            n_categories = array.shape[2]
            if categories is None:
                names = [f"Category {i + 1}" for i in range(n_categories)]
            else:
                names = check_names(categories, "categories")
                if len(names) != n_categories:
                    raise ValueError(
                        f"categories has {len(names)} names but labels has shape "
                        f"{array.shape}, i.e. {n_categories} categories; "
                        "expected one name per category"
                    )
        check_shape(array.shape, "labels")
        array = np.ascontiguousarray(array)
        array.setflags(write=False)
        return cls(array, tuple(names))


def _as_bool(value: object, name: str, *, ndim: int) -> np.ndarray:
    """Return ``value`` as a fresh bool array, accepting only booleans or 0/1."""
    expected = "(layers, heads, categories)" if ndim == 3 else "(layers, heads)"
    try:
        array = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged nested lists
        raise ValueError(f"{name} is not a rectangular array ({exc}); expected {expected}") from None
    if array.dtype == bool:
        result = array
    elif array.dtype.kind in "iu" or array.dtype.kind == "f":
        finite = np.isfinite(array) if array.dtype.kind == "f" else True
        if not np.all(finite):
            raise ValueError(f"{name} contains NaN or infinite values; expected booleans or 0/1")
        bad = (array != 0) & (array != 1)
        if np.any(bad):
            sample = array[bad].ravel()[0].item()
            raise ValueError(
                f"{name} contains the value {sample!r}; expected booleans or 0/1 (threshold continuous scores first)"
            )
        result = array != 0
    else:
        raise TypeError(f"{name} has dtype {array.dtype}; expected booleans or 0/1 integers")
    if result.ndim != ndim:
        hint = " — pass categories=... or a dict of (layers, heads) arrays" if ndim == 3 else ""
        raise ValueError(f"{name} has shape {result.shape}; expected {expected}{hint}")
    return np.array(result, dtype=bool, copy=True)


def check_shape(shape: tuple[int, ...], name: str) -> None:
    """A (layers, heads, categories) shape the widget can draw: each at least 1, at most
    :data:`MAX_HEADS` heads, :data:`MAX_CATEGORIES` categories and :data:`MAX_CELLS`
    cells. Checked before any array of that shape is allocated."""
    if len(shape) != 3:
        raise ValueError(f"{name} has shape {shape}; expected (layers, heads, categories)")
    if min(shape) < 1:
        raise ValueError(
            f"{name} has shape {shape}; expected at least one layer, one head and one category (each at least 1)"
        )
    n_layers, n_heads, n_categories = shape
    if n_layers * n_heads > MAX_HEADS:
        raise ValueError(
            f"{name} has {n_layers} x {n_heads} = {n_layers * n_heads} heads; at most {MAX_HEADS} can be displayed"
        )
    if n_categories > MAX_CATEGORIES:
        raise ValueError(f"{name} has {n_categories} categories; at most {MAX_CATEGORIES} can be displayed")
    if n_layers * n_heads * n_categories > MAX_CELLS:
        raise ValueError(
            f"{name} has {n_layers} x {n_heads} x {n_categories} = {n_layers * n_heads * n_categories} cells "
            f"(layers x heads x categories); at most {MAX_CELLS} can be displayed"
        )


def check_names(names: object, name: str) -> list[str]:
    """Category names, the one check for every way in and out (constructors, files, the view).

    Names are unique, non-empty (not only whitespace) ``str`` without NUL and encodable
    as UTF-8 (no lone surrogates), so every export and file format can hold them.
    """
    if isinstance(names, (str, bytes)) or not isinstance(names, (Sequence, np.ndarray)):
        raise TypeError(f"{name} must be a list of category names; got {type(names).__name__} {names!r}")
    names = list(names)
    if not names:
        raise ValueError(f"{name} is empty; expected at least one category name")
    for item in names:
        if not isinstance(item, str):
            raise TypeError(f"{name} contains {item!r} ({type(item).__name__}); expected str")
        if not item.strip():
            raise ValueError(f"{name} contains the empty name {item!r}; expected non-empty names")
        if "\x00" in item:
            raise ValueError(f"{name} contains {item!r} with a NUL character; expected names without NUL")
        try:
            item.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{name} contains {item!r}, which is not valid Unicode; expected UTF-8 text") from None
    seen: set[str] = set()
    for item in names:
        if item in seen:
            raise ValueError(f"{name} contains {item!r} twice; expected unique names")
        seen.add(item)
    return [str(item) for item in names]
