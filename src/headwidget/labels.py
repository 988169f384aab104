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
        return cls(read_only(array, copy=False), tuple(names))  # _as_bool made it ours


def read_only(array: np.ndarray, *, copy: bool = True) -> np.ndarray:
    """A read-only, C-contiguous view of a private copy of ``array``.

    The view's base is a read-only array that owns its data, so neither the caller (who
    keeps no reference to the copy) nor ``view.setflags(write=True)`` (numpy refuses it
    for a view of a read-only array) can change what the widget holds.

    Parameters
    ----------
    array : numpy.ndarray
        The data.
    copy : bool
        False when ``array`` is already private (made here, referenced nowhere else):
        it is then only copied if it does not own C-contiguous data.
    """
    if copy or not (array.flags.owndata and array.flags.c_contiguous):
        array = np.array(array, order="C", copy=True)
    array.setflags(write=False)
    return array.view()


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


def check_shape(shape: tuple[int, ...], name: str, last: str = "categories") -> None:
    """A (layers, heads, categories) shape the widget can draw: each at least 1, at most
    :data:`MAX_HEADS` heads, :data:`MAX_CATEGORIES` categories and :data:`MAX_CELLS`
    cells. Checked before any array of that shape is allocated. ``last`` names the last
    axis in messages ("tasks" when it holds tasks, which have the categories' limits)."""
    if len(shape) != 3:
        raise ValueError(f"{name} has shape {shape}; expected (layers, heads, {last})")
    if min(shape) < 1:
        raise ValueError(
            f"{name} has shape {shape}; expected at least one layer, one head and one {last[:-1]} (each at least 1)"
        )
    n_layers, n_heads, n_categories = shape
    if n_layers * n_heads > MAX_HEADS:
        raise ValueError(
            f"{name} has {n_layers} x {n_heads} = {n_layers * n_heads} heads; at most {MAX_HEADS} can be displayed"
        )
    if n_categories > MAX_CATEGORIES:
        raise ValueError(f"{name} has {n_categories} {last}; at most {MAX_CATEGORIES} can be displayed")
    if n_layers * n_heads * n_categories > MAX_CELLS:
        raise ValueError(
            f"{name} has {n_layers} x {n_heads} x {n_categories} = {n_layers * n_heads * n_categories} cells "
            f"(layers x heads x {last}); at most {MAX_CELLS} can be displayed"
        )


#: Longest name or title, in characters: a label is a word or a phrase, and every display's
#: static fallback, file and export carries it.
MAX_TEXT = 1000

#: Bidirectional embedding, override and isolate controls. They reorder the text that
#: follows them (a legend row, the rest of a title), so a name could show as other text
#: ("Trojan Source"); right-to-left names need none of them, and the marks (U+200E,
#: U+200F, U+061C) stay allowed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: What every name and title must be, for the messages.
TEXT_RULE = "text without control characters, line breaks, bidirectional overrides, noncharacters or lone surrogates"


def _bad_character(text: str) -> tuple[int, str] | None:
    """The index and a description of the first character a name or title may not hold."""
    for index, char in enumerate(text):
        code = ord(char)
        # Fast path: printable ASCII and most of the BMP are fine.
        if 0x20 <= code < 0x7F:
            continue
        if code == 0:
            return index, "a NUL character (U+0000)"
        if code < 0x20 or 0x7F <= code <= 0x9F:
            # C0 (tab, line feed and carriage return too: every face draws one line
            # of text, and a CSV or terminal would break it), DEL and C1.
            return index, f"the control character U+{code:04X}"
        if 0xD800 <= code <= 0xDFFF:
            return index, f"a lone surrogate, U+{code:04X},"
        if code in (0x2028, 0x2029):
            return index, f"the line separator U+{code:04X}"
        if char in _BIDI_CONTROLS:
            return index, f"the bidirectional control U+{code:04X}"
        if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            # XML (so SVG) cannot hold U+FFFE / U+FFFF; none is for text interchange.
            return index, f"the noncharacter U+{code:04X}"
    return None


def check_text(value: object, name: str, *, empty: bool = True) -> str:
    """A name or title every face and file can hold: the one text rule.

    Used by :func:`check_names` (category names, from every constructor, file and view)
    and by the ``title`` trait, so a name and a title are checked alike.

    Parameters
    ----------
    value : object
        The text to check.
    name : str
        How the message names it (e.g. ``"title"``, ``"categories"``).
    empty : bool
        Whether "" (and only whitespace) is allowed.

    Returns
    -------
    str
        ``value`` as a plain ``str`` (a subclass is copied, so its methods cannot change it later).

    Raises
    ------
    TypeError
        Not a ``str``.
    ValueError
        Empty when ``empty`` is false, longer than :data:`MAX_TEXT` characters, or holding a
        lone surrogate (not UTF-8), a control character (C0 including tab and newlines,
        DEL, C1), U+2028 / U+2029, a bidirectional embedding / override / isolate, or a
        noncharacter (U+FFFE, U+FFFF, ...).
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str; got {type(value).__name__} {value!r:.80}")
    text = str.__str__(value)  # a plain str: a subclass's __str__ cannot swap in unchecked text
    if not empty and not text.strip():
        raise ValueError(f"{name} contains the empty name {text!r}; expected non-empty names")
    if len(text) > MAX_TEXT:
        raise ValueError(
            f"{name} contains a text of {len(text)} characters ({text[:40]!r}...); expected at most {MAX_TEXT}"
        )
    bad = _bad_character(text)
    if bad is not None:
        index, what = bad
        if what.startswith("a lone surrogate"):
            raise ValueError(
                f"{name} contains {text!r}, which is not valid Unicode; expected UTF-8 text "
                f"(it has {what} at index {index})"
            )
        raise ValueError(f"{name} contains {text!r} with {what} at index {index}; expected {TEXT_RULE}")
    return text


def check_names(names: object, name: str) -> list[str]:
    """Category names, the one check for every way in and out (constructors, files, the view).

    Names are unique, non-empty (not only whitespace) ``str`` that pass :func:`check_text`
    (no control characters, line breaks, bidirectional overrides, noncharacters or lone
    surrogates; at most :data:`MAX_TEXT` characters), so every export and file format can
    hold them and show them as one line.
    """
    if isinstance(names, (str, bytes)) or not isinstance(names, (Sequence, np.ndarray)):
        raise TypeError(f"{name} must be a list of category names; got {type(names).__name__} {names!r:.80}")
    items = list(names)
    if not items:
        raise ValueError(f"{name} is empty; expected at least one category name")
    checked = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} contains {item!r:.80} ({type(item).__name__}); expected str")
        checked.append(check_text(item, name, empty=False))
    seen: set[str] = set()
    for item in checked:
        if item in seen:
            raise ValueError(f"{name} contains {item!r} twice; expected unique names")
        seen.add(item)
    return checked


def short(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: a message quotes what it refused, never all of it."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
