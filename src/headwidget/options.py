"""Checks for the view options a user sets: layer and head ranges, visible categories, title.

Shared by the constructor and the trait validators, so a value from Python and a
value from the browser get the same clear message.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import traitlets


def check_title(title: object) -> str:
    if title is None:
        return ""
    if not isinstance(title, str):
        raise traitlets.TraitError(f"title must be a str; got {type(title).__name__} {title!r}")
    return title


def check_index_range(name: str, value: object, n: int) -> tuple[int, int]:
    """An inclusive (first, last) pair of indices into an axis of length ``n``; ``name``
    (e.g. "layer_range") names the argument in the message."""
    expected = f"an inclusive (first, last) pair with 0 <= first <= last <= {n - 1}"
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)) or len(value) != 2:
        raise traitlets.TraitError(f"{name} must be {expected}; got {value!r}")
    pair = []
    for item in value:
        if isinstance(item, (bool, np.bool_)) or not isinstance(item, (int, np.integer)):
            raise traitlets.TraitError(f"{name} must hold integers; got {value!r} ({type(item).__name__} {item!r})")
        pair.append(int(item))
    first, last = pair
    if not 0 <= first <= last <= n - 1:
        raise traitlets.TraitError(f"{name} must be {expected}; got ({first}, {last})")
    return first, last


def check_layer_range(value: object, n_layers: int) -> tuple[int, int]:
    """An inclusive (first, last) pair of layer indices within the model."""
    return check_index_range("layer_range", value, n_layers)


def check_head_range(value: object, n_heads: int) -> tuple[int, int]:
    """An inclusive (first, last) pair of head indices within the model."""
    return check_index_range("head_range", value, n_heads)


def check_visible(value: object, categories: Sequence[str]) -> list[str]:
    """Names of shown categories, returned in category order."""
    if isinstance(value, str) or not isinstance(value, (Sequence, np.ndarray, set, frozenset)):
        raise traitlets.TraitError(f"visible must be a list of category names from {list(categories)}; got {value!r}")
    names = list(value)
    for name in names:
        if name not in categories:
            raise traitlets.TraitError(
                f"visible contains {name!r}, which is not a category; expected names from {list(categories)}"
            )
    if len(set(names)) != len(names):
        raise traitlets.TraitError(f"visible lists a category twice: {names!r}")
    return [name for name in categories if name in names]


def check_selected(value: object, n_layers: int, n_heads: int) -> list[tuple[int, int]]:
    """Selected heads: (layer, head) integer pairs inside the model, returned sorted and unique."""
    expected = f"a list of (layer, head) pairs with 0 <= layer < {n_layers} and 0 <= head < {n_heads}"
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray, set, frozenset)):
        raise traitlets.TraitError(f"selected must be {expected}; got {value!r}")
    heads = set()
    for pair in value:
        if isinstance(pair, (str, bytes)) or not isinstance(pair, (Sequence, np.ndarray)) or len(pair) != 2:
            raise traitlets.TraitError(f"selected contains {pair!r}; expected {expected}")
        if any(isinstance(i, (bool, np.bool_)) or not isinstance(i, (int, np.integer)) for i in pair):
            raise traitlets.TraitError(f"selected contains {tuple(pair)!r}; expected integer (layer, head) pairs")
        layer, head = int(pair[0]), int(pair[1])
        if not (0 <= layer < n_layers and 0 <= head < n_heads):
            raise traitlets.TraitError(f"selected contains ({layer}, {head}); expected {expected}")
        heads.add((layer, head))
    return sorted(heads)
