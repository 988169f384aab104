"""Trait types of :class:`~headwidget.HeadMapWidget`: each checks its own values.

Every synced trait validates whatever sets it (the constructor, Python code, a
view, saved state) against the widget's data, with one message that names the
trait, what it got and what it expects. ``None`` is refused except by the rule
traits (``threshold``, ``top_k``), where it means "not this rule".

Each synced trait is tagged with the update ``level`` it costs a view (the JS
front end keys its event list on the same names and levels; a test holds the two
equal) and ``from_view=True`` when a view may change it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

import numpy as np
import traitlets

from . import scoring
from .data import HeadData
from .labels import check_text
from .palette import check_color

#: What a change costs a view, from most to least work (js/traits.js has the same names).
LEVELS = ("data", "rule", "visible", "heads", "range", "selection", "title")


def synced(cls: type[traitlets.HasTraits]) -> dict[str, str]:
    """``{trait name: update level}`` of every headwidget trait that travels to the views."""
    return {name: trait.metadata["level"] for name, trait in cls.class_traits(sync=True, level=_any).items()}


def from_view(cls: type[traitlets.HasTraits]) -> list[str]:
    """Names of the synced traits a view may change."""
    return sorted(cls.class_traits(sync=True, from_view=True))


def _any(value: object) -> bool:
    return value is not None


def _data(obj: Any) -> HeadData:
    return obj._data


def _fail(message: str) -> traitlets.TraitError:
    return traitlets.TraitError(message)


class Data(traitlets.TraitType):
    """The widget's :class:`HeadData`; synced as ``HeadData.to_json()`` (binary buffers)."""

    info_text = "a HeadData"

    def validate(self, obj: Any, value: Any) -> HeadData:
        if isinstance(value, HeadData):
            return value
        raise _fail(f"{self.name} must be a HeadData; got {type(value).__name__}")


def data_to_json(value: HeadData, widget: Any) -> dict[str, Any]:
    """Serializer of :class:`Data` (ipywidgets' ``to_json``)."""
    return value.to_json()


def data_from_json(value: Any, widget: Any) -> HeadData:
    """Deserializer of :class:`Data`: decodes and checks everything before allocating."""
    try:
        return HeadData.from_json(value)
    except (TypeError, ValueError) as exc:
        raise _fail(str(exc)) from None


class Palette(traitlets.TraitType):
    """``{"categories": [...], "multi": [...], "unclassified": "#rrggbb"}`` for the data's categories."""

    info_text = "a palette from headwidget.palette.palette_for"

    def validate(self, obj: Any, value: Any) -> dict[str, Any]:
        n = _data(obj).shape[2]
        if not isinstance(value, dict) or set(value) != {"categories", "multi", "unclassified"}:
            raise _fail(f"_palette must be {{categories, multi, unclassified}}; got {value!r:.80}")
        own, multi = value["categories"], value["multi"]
        if not isinstance(own, (list, tuple)) or len(own) != n:
            raise _fail(f"_palette categories must be {n} colours, one per category; got {own!r:.80}")
        if not isinstance(multi, (list, tuple)) or len(multi) != max(0, n - 1):
            raise _fail(f"_palette multi must be {max(0, n - 1)} colours, for 2 .. {n} categories; got {multi!r:.80}")
        try:
            return {
                "categories": [check_color(c, "_palette categories") for c in own],
                "multi": [check_color(c, "_palette multi") for c in multi],
                "unclassified": check_color(value["unclassified"], "_palette unclassified"),
            }
        except ValueError as exc:
            raise _fail(str(exc)) from None


class IndexRange(traitlets.TraitType):
    """An inclusive (first, last) pair of indices along one axis of the data (0: layers, 1: heads)."""

    default_value = (0, 0)
    info_text = "an inclusive (first, last) pair of indices"

    def __init__(self, axis: int, **kwargs: Any) -> None:
        self.axis = axis
        super().__init__(**kwargs)

    def validate(self, obj: Any, value: Any) -> tuple[int, int]:
        n = _data(obj).shape[self.axis]
        expected = f"an inclusive (first, last) pair with 0 <= first <= last <= {n - 1}"
        if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)) or len(value) != 2:
            raise _fail(f"{self.name} must be {expected}; got {value!r}")
        pair = []
        for item in value:
            if not _is_int(item):
                raise _fail(f"{self.name} must hold integers; got {value!r} ({type(item).__name__} {item!r})")
            pair.append(int(item))
        first, last = pair
        if not 0 <= first <= last <= n - 1:
            raise _fail(f"{self.name} must be {expected}; got ({first}, {last})")
        return first, last


class CategorySubset(traitlets.TraitType):
    """Names of some of the data's categories, kept in category order."""

    default_value: list[str] = []
    info_text = "a list of category names"

    def validate(self, obj: Any, value: Any) -> list[str]:
        categories = _data(obj).categories
        if isinstance(value, str) or not isinstance(value, (Sequence, np.ndarray, set, frozenset)):
            raise _fail(f"{self.name} must be a list of category names from {list(categories)}; got {value!r}")
        names = list(value)
        for name in names:
            if name not in categories:
                raise _fail(
                    f"{self.name} contains {name!r}, which is not a category; expected names from {list(categories)}"
                )
        if len(set(names)) != len(names):
            raise _fail(f"{self.name} lists a category twice: {names!r}")
        return [name for name in categories if name in names]


class HeadPairs(traitlets.TraitType):
    """(layer, head) pairs inside the data, kept sorted and unique."""

    default_value: list[tuple[int, int]] = []
    info_text = "a list of (layer, head) pairs"

    def validate(self, obj: Any, value: Any) -> list[tuple[int, int]]:
        n_layers, n_heads, _ = _data(obj).shape
        expected = f"a list of (layer, head) pairs with 0 <= layer < {n_layers} and 0 <= head < {n_heads}"
        if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray, set, frozenset)):
            raise _fail(f"{self.name} must be {expected}; got {value!r}")
        heads = set()
        for pair in value:
            if isinstance(pair, (str, bytes)) or not isinstance(pair, (Sequence, np.ndarray)) or len(pair) != 2:
                raise _fail(f"{self.name} contains {pair!r}; expected {expected}")
            if not all(_is_int(i) for i in pair):
                raise _fail(f"{self.name} contains {tuple(pair)!r}; expected integer (layer, head) pairs")
            layer, head = int(pair[0]), int(pair[1])
            if not (0 <= layer < n_layers and 0 <= head < n_heads):
                raise _fail(f"{self.name} contains ({layer}, {head}); expected {expected}")
            heads.add((layer, head))
        return sorted(heads)


class Text(traitlets.TraitType):
    """User text shown as text (never HTML): a ``str`` that passes :func:`~headwidget.labels.check_text`."""

    default_value = ""
    info_text = "a str"

    def validate(self, obj: Any, value: Any) -> str:
        try:  # the one text rule, as for category names
            return check_text(value, self.name)
        except (TypeError, ValueError) as exc:
            raise _fail(str(exc)) from None


class Flag(traitlets.TraitType):
    """A view option that is on or off: ``True`` or ``False`` (NumPy booleans accepted)."""

    default_value = False
    info_text = "True or False"

    def validate(self, obj: Any, value: Any) -> bool:
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        raise _fail(f"{self.name} must be True or False; got {type(value).__name__} {value!r}")


class FigureId(traitlets.TraitType):
    """Names one widget's outputs: 32 lower-case hex digits, a fresh one per widget.

    The live view carries it as ``data-headwidget-figure`` and the static figure beside it
    as ``data-headwidget-static`` (:mod:`headwidget.published`), so the page hides the
    static copy wherever that view is live. Only a hex id can reach a CSS selector.
    """

    info_text = "32 lower-case hex digits"

    def make_dynamic_default(self) -> str:
        return uuid.uuid4().hex

    def validate(self, obj: Any, value: Any) -> str:
        if isinstance(value, str) and re.fullmatch("[0-9a-f]{32}", value):
            return value
        raise _fail(f"{self.name} must be 32 lower-case hex digits; got {value!r}")


class _Rule(traitlets.TraitType):
    """One rule's value, or None for "not this rule" (whether a rule remains is the
    widget's cross-validation); only a widget with scores takes a value."""

    default_value = None

    def validate(self, obj: Any, value: Any) -> Any:
        if value is None:
            return None
        if _data(obj).scores is None:
            raise _fail(
                f"{self.name} needs scores; this widget has labels only (build it with HeadMapWidget.from_scores)"
            )
        try:
            return self.check(obj, value)
        except (TypeError, ValueError) as exc:
            raise _fail(str(exc)) from None

    def check(self, obj: Any, value: Any) -> Any:
        raise NotImplementedError


class Threshold(_Rule):
    """A finite number (a head is in a category when its score is >= it), or None."""

    info_text = "a finite number or None"

    def check(self, obj: Any, value: Any) -> float:
        return scoring.check_threshold(value)


class TopK(_Rule):
    """An integer 1 <= k <= layers x heads (each category's k best heads), or None."""

    info_text = "an integer number of heads or None"

    def check(self, obj: Any, value: Any) -> int:
        n_layers, n_heads, _ = _data(obj).shape
        return scoring.check_top_k(value, n_layers, n_heads)


def _is_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
