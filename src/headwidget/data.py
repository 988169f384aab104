"""What a widget shows: category names with head labels, scores, or both, validated once.

:class:`HeadData` is the one copy of the data in Python. It travels to the browser
through one synced trait (``HeadMapWidget._data``) that encodes it as

``{"shape": [L, H, C], "categories": [...], "bits": bytes | None, "scores": bytes | None}``

* ``bits``: the fixed labels packed one bit per cell (``numpy.packbits``, C order over
  layer, head, category, most significant bit first); ``None`` when the labels follow
  from the scores and the rule (threshold / top-k), which both sides apply themselves;
* ``scores``: little-endian float32 in the same order, or ``None``.

ipywidgets sends the two byte strings as binary buffers (a ``DataView`` each in the
browser); :meth:`HeadData.from_json` checks everything a view or a saved state could
send before it allocates anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import scoring
from .labels import HeadLabels, check_names, check_shape, read_only, short

Rule = tuple[float | None, int | None]


@dataclass(frozen=True, eq=False)
class HeadData:
    """Category names and the heads' labels and/or scores.

    Attributes
    ----------
    categories : tuple of str
        One name per category, in panel order.
    labels : numpy.ndarray or None
        Fixed labels, read-only bool (layers, heads, categories); None when they are
        the scores classified by the widget's rule.
    scores : numpy.ndarray or None
        Read-only float32 scores of the same shape, or None.
    """

    categories: tuple[str, ...]
    labels: np.ndarray | None
    scores: np.ndarray | None
    _classified: dict[Rule, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def from_labels(cls, labels: object, categories: Sequence[str] | None = None) -> HeadData:
        """Validated labels (any form :meth:`HeadLabels.build` takes)."""
        head_labels = HeadLabels.build(labels, categories)
        return cls(head_labels.categories, head_labels.array, None)

    @classmethod
    def from_scores(cls, scores: object, categories: Sequence[str] | None = None) -> HeadData:
        """Validated scores (layers, heads, categories), to be classified by a rule."""
        values = scoring.check_scores(scores)
        check_shape(values.shape, "scores")
        names = _names(categories, values.shape)
        # ours: the caller's array may change later (check_scores may return it as is)
        return cls(tuple(names), None, read_only(values))

    def with_labels(self, labels: np.ndarray) -> HeadData:
        """The same scores with fixed labels (read from a file that holds both)."""
        fixed = HeadLabels.build(labels, list(self.categories)).array
        if fixed.shape != self.shape:
            raise ValueError(f"labels has shape {fixed.shape}; expected the scores' {self.shape}")
        return HeadData(self.categories, fixed, self.scores)

    @property
    def shape(self) -> tuple[int, int, int]:
        """(layers, heads, categories)."""
        array = self.labels if self.labels is not None else self.scores
        n_layers, n_heads, n_categories = array.shape  # type: ignore[union-attr]
        return int(n_layers), int(n_heads), int(n_categories)

    def labels_for(self, threshold: float | None, top_k: int | None) -> np.ndarray:
        """The labels under a rule: the scores classified, or the fixed labels when there is no rule."""
        if threshold is None and top_k is None:
            if self.labels is None:
                raise ValueError("these scores need a rule: threshold= or top_k=")
            return self.labels
        if self.scores is None:
            raise ValueError("a rule needs scores; these data have labels only")
        rule = (threshold, top_k)
        if rule not in self._classified:
            self._classified.clear()  # one rule at a time is all a widget shows
            self._classified[rule] = read_only(scoring.classify(self.scores, threshold, top_k), copy=False)
        return self._classified[rule]

    # ------------------------------------------------------------ encoding for the view

    def to_json(self) -> dict[str, Any]:
        """The synced form (see module doc); bytes become binary buffers."""
        return {
            "shape": list(self.shape),
            "categories": list(self.categories),
            "bits": None if self.labels is None else np.packbits(self.labels, axis=None).tobytes(),
            # copy=False: already little-endian float32 on most machines, so one copy (to bytes), not two
            "scores": None if self.scores is None else self.scores.astype("<f4", copy=False).tobytes(),
        }

    @classmethod
    def from_json(cls, value: object) -> HeadData:
        """Decode and check the synced form, as sent by a view or read from saved state.

        Raises
        ------
        ValueError, TypeError
            For anything but the form :meth:`to_json` writes, before allocating arrays.
        """
        if not isinstance(value, dict) or set(value) != {"shape", "categories", "bits", "scores"}:
            raise ValueError(f"data must be {{shape, categories, bits, scores}}; got {short(value)}")
        shape = value["shape"]
        if not (isinstance(shape, (list, tuple)) and len(shape) == 3 and all(_is_int(n) for n in shape)):
            raise ValueError(f"data shape must be [layers, heads, categories]; got {short(shape)}")
        shape = tuple(int(n) for n in shape)
        check_shape(shape, "data")
        names = _names(value["categories"], shape)
        n = math.prod(shape)
        bits, scores = value["bits"], value["scores"]
        if bits is None and scores is None:
            raise ValueError("data has neither bits nor scores; expected labels, scores or both")
        labels = None
        if bits is not None:
            raw = _bytes(bits, "data bits", -(-n // 8))
            labels = read_only(np.unpackbits(np.frombuffer(raw, np.uint8), count=n).reshape(shape).astype(bool))
        values = None
        if scores is not None:
            raw = _bytes(scores, "data scores", 4 * n)
            values = read_only(np.frombuffer(raw, "<f4").astype(np.float32).reshape(shape), copy=False)
        return cls(tuple(names), labels, values)


def _names(categories: object, shape: tuple[int, ...]) -> list[str]:
    if categories is None:
        return [f"Category {i + 1}" for i in range(shape[2])]
    names = check_names(categories, "categories")
    if len(names) != shape[2]:
        raise ValueError(
            f"categories has {len(names)} names but the data have shape {tuple(shape)}, i.e. {shape[2]} "
            "categories; expected one name per category"
        )
    return names


def _bytes(value: object, name: str, size: int) -> bytes:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be binary; got {type(value).__name__}")
    raw = bytes(value)
    if len(raw) != size:
        raise ValueError(f"{name} has {len(raw)} bytes; expected {size} for the shape")
    return raw


def _is_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
