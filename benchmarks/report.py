"""The benchmark's report: table rows, markdown and the target verdicts."""

from __future__ import annotations

from typing import Any


def _get(d: dict, *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


# (label, path into a library's results, format); a row shows where both libraries have it.
ROWS: list[tuple[str, tuple[str, ...], str]] = [
    ("payload bytes", ("payload", "payload"), "{:,.0f}"),
    ("range step steady, main-thread ms (CDP TaskDuration, median, net)",
     ("steady", "cdp_net_median_ms", "TaskDuration"), "{:.2f}"),
    ("range step steady, script ms (CDP ScriptDuration, median, net)",
     ("steady", "cdp_net_median_ms", "ScriptDuration"), "{:.2f}"),
    ("range step steady, script ms (performance.now, median)", ("steady", "script_median_ms"), "{:.2f}"),
    ("range step steady after exploring 100 crops of each axis, main-thread ms (median, net)",
     ("explored", "cdp_net_median_ms", "TaskDuration"), "{:.2f}"),
    ("first range step after display, main-thread ms (cold pages, median, net)",
     ("cold", "first_step", "cdp_net_median_ms", "TaskDuration"), "{:.2f}"),
    ("first range step after display, script ms (cold pages, CDP ScriptDuration, median, net)",
     ("cold", "first_step", "cdp_net_median_ms", "ScriptDuration"), "{:.2f}"),
    ("first render cold, main-thread ms (fresh page each, CDP TaskDuration, median, net)",
     ("cold", "render", "cdp_net_median_ms", "TaskDuration"), "{:.1f}"),
    ("first render cold, script ms (fresh page each, CDP ScriptDuration, median, net)",
     ("cold", "render", "cdp_net_median_ms", "ScriptDuration"), "{:.1f}"),
    ("first render cold, script ms (performance.now, median)", ("cold", "render", "script_median_ms"), "{:.1f}"),
    ("first render warm, script ms (performance.now, median)", ("first_render", "script_median_ms"), "{:.2f}"),
    ("first render warm, main-thread ms (CDP TaskDuration, median, net)",
     ("first_render", "cdp_net_median_ms", "TaskDuration"), "{:.2f}"),
    ("threshold step, script ms (median)", ("rule", "script_median_ms"), "{:.3f}"),
    ("threshold step, main-thread ms (CDP TaskDuration, mean/step, net)",
     ("rule", "cdp_net_per_update_ms", "TaskDuration"), "{:.3f}"),
]  # fmt: skip


def rows_for(hw: dict, pl: dict) -> list[tuple[str, float, float, str]]:
    """Table rows (label, headwidget, plotly, format) for one shape: those both libraries have."""
    rows = []
    for label, path, fmt in ROWS:
        a, b = _get(hw, *path), _get(pl, *path)
        if a is not None and b is not None:
            rows.append((label, a, b, fmt))
    return rows


def ratio(a: float, b: float) -> str:
    """a / b as text, or n/a when b is not positive."""
    return f"{a / b:.3f}" if b > 0 else "n/a"


def markdown(results: dict) -> str:
    """The comparison table, one section per shape, plus the target verdicts."""
    lines = []
    for key, shape in results["shapes"].items():
        lines += [
            f"### {key} (layers x heads x categories)",
            "",
            "| measure | headwidget | plotly | ratio (headwidget/plotly) |",
            "|---|---:|---:|---:|",
        ]
        for label, hw, pl, fmt in rows_for(shape["headwidget"], shape["plotly"]):
            lines.append(f"| {label} | {fmt.format(hw)} | {fmt.format(pl)} | {ratio(hw, pl)} |")
        checks = [
            f"{lib} {'ok' if shape[lib]['check']['ok'] else 'FAILED'}"
            for lib in ("headwidget", "plotly")
            if "check" in shape[lib]
        ]
        packed = _get(shape, "headwidget", "payload", "packed_bits")
        notes = ([f"packed bits: {packed:,} bytes"] if packed else []) + (
            [f"sanity checks: {', '.join(checks)}"] if checks else []
        )
        rule = _get(shape, "headwidget", "check", "box_rule")
        if rule:
            notes.append(f"panel boxes sized for the {rule}")
        lines += ["", "; ".join(notes), ""] if notes else [""]
    lines += ["### Targets", ""]
    for target in results["targets"]:
        lines.append(f"- [{'x' if target['met'] else ' '}] {target['name']}: {target['detail']}")
    return "\n".join(lines) + "\n"


def _ratio_target(name: str, hw: float | None, pl: float | None, limit: float) -> dict[str, Any]:
    if hw is None or pl is None:
        return {"name": name, "met": False, "detail": "not measured"}
    return {
        "name": name,
        "met": pl > 0 and hw <= pl * limit,
        "detail": f"{hw:.2f} ms vs plotly {pl:.2f} ms (ratio {ratio(hw, pl)})",
    }


def targets(
    shapes: dict[str, dict], main: str, step_shapes: tuple[str, ...], cold_shapes: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The targets: issue 16's ratios at their shapes, and the older ones at ``main`` (126x128x8)."""
    out = []
    task = ("cdp_net_median_ms", "TaskDuration")
    for key in step_shapes:
        hw, pl = shapes.get(key, {}).get("headwidget", {}), shapes.get(key, {}).get("plotly", {})
        out.append(_ratio_target(f"{key}: range step steady main-thread <= 1/10 of plotly's",
                                 _get(hw, "steady", *task), _get(pl, "steady", *task), 1 / 10))  # fmt: skip
        # a view must not slow down as a researcher uses it (steps.py)
        fresh, explored = _get(hw, "steady", *task), _get(hw, "explored", *task)
        if fresh is not None and explored is not None:
            out.append({
                "name": f"{key}: range step after exploring <= 1.5x the fresh one",
                "met": explored <= 1.5 * fresh,
                "detail": f"{explored:.2f} ms vs {fresh:.2f} ms (ratio {ratio(explored, fresh)})",
            })  # fmt: skip
    for key in cold_shapes:
        hw, pl = shapes.get(key, {}).get("headwidget", {}), shapes.get(key, {}).get("plotly", {})
        hw_cold, pl_cold = _get(hw, "cold", "render", *task), _get(pl, "cold", "render", *task)
        out.append(_ratio_target(f"{key}: first render cold main-thread <= 1/6 of plotly's", hw_cold, pl_cold, 1 / 6))
    hw, pl = shapes[main]["headwidget"], shapes[main]["plotly"]
    payload, packed = hw["payload"]["payload"], hw["payload"]["packed_bits"]
    update = hw["steady"]["script_median_ms"]
    first = hw["first_render"]["script_median_ms"]
    hw_total = hw["steady"]["cdp_net_median_ms"]["TaskDuration"]
    step = hw["rule"]["script_median_ms"]
    step_total = hw["rule"]["cdp_net_per_update_ms"]["TaskDuration"]
    return out + [
        {
            "name": f"{main}: payload <= packed bits + 64 bytes",
            "met": payload <= packed + 64,
            "detail": f"{payload:,} <= {packed + 64:,}",
        },
        {"name": f"{main}: range step script median <= 2 ms", "met": update <= 2.0, "detail": f"{update:.3f} ms"},
        {"name": f"{main}: first render (warm) script <= 20 ms", "met": first <= 20.0, "detail": f"{first:.2f} ms"},
        {"name": f"{main}: threshold step script median <= 4 ms", "met": step <= 4.0, "detail": f"{step:.3f} ms"},
        {
            "name": f"{main}: threshold step main-thread cost <= 2x a range step's",
            "met": step_total <= 2 * hw_total,
            "detail": f"{step_total:.3f} ms vs {hw_total:.3f} ms (ratio {ratio(step_total, hw_total)})",
        },
    ]
