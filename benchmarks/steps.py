"""Range steps measured one at a time: the two ranges a steady step alternates between,
the steady state itself, and the same steady state after a user has explored.

A step is measured on its own and net of the same step doing nothing (the baseline),
interleaved with it. "Explored" is the steady state again after many crops of both axes
were shown first: what a view kept from them (parked tick labels and readouts, each a
node in the page's property trees) is walked by every frame afterwards, so a view that
keeps too much slows down as a researcher uses it. plotly keeps nothing per crop; it is
explored the same way, so the ratio compares like with like.
"""

from __future__ import annotations

import random
from functools import partial
from typing import Any

from measure import measured, med, steady_summary

# crops of each axis shown before the explored steady state: far more than a view keeps
EXPLORED_CROPS = 100


def steady_ranges(n_layers: int) -> tuple[list[int], list[int]]:
    """The two ranges a steady-state step alternates between: the middle half, then every layer."""
    first = n_layers // 4
    return [first, first + max(n_layers // 2, 1) - 1], [0, n_layers - 1]


def alternating(n_layers: int, count: int) -> list[list[int]]:
    """``count`` steps alternating between the two :func:`steady_ranges`, the middle half last."""
    pair = steady_ranges(n_layers)
    return [pair[(count - 1 - i) % 2] for i in range(count)]


def steady_steps(page: Any, cdp: Any, js: str, values: list[Any], *extra: Any) -> dict[str, Any]:
    """Each step measured on its own, interleaved with the same step doing nothing (the baseline)."""
    samples, raw, base = [], [], []
    for value in values:
        base.append(measured(cdp, partial(page.evaluate, js, [[value], False, *extra]))[1])
        (sample,), delta = measured(cdp, partial(page.evaluate, js, [[value], True, *extra]))
        samples.append(sample)
        raw.append(delta)
    summary = steady_summary(samples, raw, base)

    # each direction on its own (a step to the middle half, a step back to every layer)
    def task_med(deltas: list[dict[str, float]], target: list[int]) -> float:
        return med([d["TaskDuration"] for d, v in zip(deltas, values, strict=True) if v == target])

    summary["task_net_median_by_target_ms"] = {
        "-".join(map(str, t)): task_med(raw, list(t)) - task_med(base, list(t)) for t in {tuple(v) for v in values}
    }
    return summary


def explore_ranges(n: int, count: int, seed: int) -> list[list[int]]:
    """``count`` seeded crops ``[first, last]`` of an axis of ``n`` values, at least two wide."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        first = rng.randrange(0, n - 1)
        out.append([first, rng.randrange(first + 1, n)])
    return out


def explored_steps(
    page: Any, cdp: Any, shape: tuple[int, int], js: tuple[str, str], warmup: int, steady: int, *extra: Any
) -> dict[str, Any]:
    """The steady state after :data:`EXPLORED_CROPS` crops of each axis (then every head again).

    ``js`` is the page's (layer step, head step) script; both take ``[ranges, apply, *extra]``.
    """
    layer_js, head_js = js
    n_layers, n_heads = shape
    page.evaluate(layer_js, [explore_ranges(n_layers, EXPLORED_CROPS, 1), True, *extra])
    page.evaluate(head_js, [[*explore_ranges(n_heads, EXPLORED_CROPS, 2), [0, n_heads - 1]], True, *extra])
    values = alternating(n_layers, warmup + steady)
    page.evaluate(layer_js, [values[:warmup], True, *extra])
    return steady_steps(page, cdp, layer_js, values[warmup:], *extra)
