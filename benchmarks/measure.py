"""Measuring in Chromium: CDP duration counters around an action, and their summaries."""

from __future__ import annotations

import math
import statistics
from typing import Any

import numpy as np


def metrics(cdp: Any) -> dict[str, float]:
    """Chromium's cumulative ``Performance.getMetrics`` counters (durations in seconds)."""
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


DURATIONS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")


def delta_ms(before: dict[str, float], after: dict[str, float], per: int = 1) -> dict[str, float]:
    """Per-iteration deltas of the duration counters, in milliseconds."""
    return {k: (after[k] - before[k]) * 1000 / per for k in DURATIONS}


def measured(cdp: Any, action: Any, per: int = 1) -> tuple[Any, dict[str, float]]:
    """Run ``action()`` between two metric snapshots; return its result and the deltas."""
    before = metrics(cdp)
    result = action()
    return result, delta_ms(before, metrics(cdp), per)


def net(raw: dict[str, float], baseline: dict[str, float]) -> dict[str, float]:
    """Deltas minus the cost of the same harness loop doing nothing."""
    return {k: raw[k] - baseline[k] for k in DURATIONS}


def med(values: list[float]) -> float:
    """Median, or NaN for no values."""
    return statistics.median(values) if values else math.nan


def median_deltas(samples: list[dict[str, float]]) -> dict[str, float]:
    """Median of each duration counter over samples."""
    return {k: med([s[k] for s in samples]) for k in DURATIONS}


def render_summary(times: list[float], cdp_samples: list[dict], base_samples: list[dict]) -> dict:
    """First-render timings: the warm median (first run left out), the cold run, and CDP deltas."""
    return {
        "script_ms": times,
        "script_median_ms": med(times[1:] or times),
        "cold_ms": times[0],
        "cdp_raw_median_ms": median_deltas(cdp_samples),
        "cdp_baseline_median_ms": median_deltas(base_samples),
        "cdp_net_median_ms": net(median_deltas(cdp_samples), median_deltas(base_samples)),
    }


def update_summary(samples: list[dict[str, Any]], raw: dict[str, float], base: dict[str, float]) -> dict:
    """Script-time statistics of an update loop and its net CDP cost per update."""
    script = [s["sync"] + s["raf"] for s in samples]
    return {
        "script_ms": script,
        "script_median_ms": med(script),
        "script_p90_ms": float(np.percentile(script, 90)),
        "sync_median_ms": med([s["sync"] for s in samples]),
        "raf_median_ms": med([s["raf"] for s in samples]),
        "raf_callbacks": [s["callbacks"] for s in samples],
        "cdp_raw_per_update_ms": raw,
        "cdp_baseline_per_update_ms": base,
        "cdp_net_per_update_ms": net(raw, base),
    }


def net_median(raw: list[dict[str, float]], baseline: list[dict[str, float]]) -> dict[str, float]:
    """Median of each counter over the samples, less the median of the idle baseline's."""
    return net(median_deltas(raw), median_deltas(baseline))


def steady_summary(samples: list[dict[str, Any]], raw: list[dict], base: list[dict]) -> dict:
    """A step measured one at a time: script medians and the net median CDP cost per step.

    ``samples`` are the page's own timings (``bench.steps``), ``raw`` the CDP deltas of each
    step and ``base`` those of the same step with nothing updated, interleaved with them.
    """
    script = [s["sync"] + s["raf"] for s in samples]
    return {
        "steps": len(samples),
        "script_ms": script,
        "script_median_ms": med(script),
        "script_p90_ms": float(np.percentile(script, 90)) if script else math.nan,
        "raf_callbacks": [s["callbacks"] for s in samples],
        "cdp_task_ms": [r["TaskDuration"] for r in raw],
        "cdp_baseline_task_ms": [b["TaskDuration"] for b in base],
        "cdp_raw_median_ms": median_deltas(raw),
        "cdp_baseline_median_ms": median_deltas(base),
        "cdp_net_median_ms": net_median(raw, base),
    }
