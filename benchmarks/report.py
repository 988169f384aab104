"""The benchmark's report: table rows, markdown and the target verdicts."""

from __future__ import annotations

from typing import Any


def rows_for(hw: dict, pl: dict) -> list[tuple[str, float, float, str]]:
    """Table rows (label, headwidget, plotly, format) for one shape."""
    return [
        ("payload bytes", hw["payload"]["payload"], pl["payload"]["payload"], "{:,.0f}"),
        (
            "first render script ms (performance.now, median)",
            hw["first_render"]["script_median_ms"],
            pl["first_render"]["script_median_ms"],
            "{:.2f}",
        ),
        (
            "first render script ms (cold: first render on the page)",
            hw["first_render"]["cold_ms"],
            pl["first_render"]["cold_ms"],
            "{:.2f}",
        ),
        (
            "first render script ms (CDP ScriptDuration, median, net)",
            hw["first_render"]["cdp_net_median_ms"]["ScriptDuration"],
            pl["first_render"]["cdp_net_median_ms"]["ScriptDuration"],
            "{:.2f}",
        ),
        (
            "first render main-thread ms (CDP TaskDuration, median, net)",
            hw["first_render"]["cdp_net_median_ms"]["TaskDuration"],
            pl["first_render"]["cdp_net_median_ms"]["TaskDuration"],
            "{:.2f}",
        ),
        (
            "range update script ms (median)",
            hw["update"]["script_median_ms"],
            pl["update"]["script_median_ms"],
            "{:.3f}",
        ),
        (
            "range update script ms (CDP ScriptDuration, mean/update, net)",
            hw["update"]["cdp_net_per_update_ms"]["ScriptDuration"],
            pl["update"]["cdp_net_per_update_ms"]["ScriptDuration"],
            "{:.3f}",
        ),
        (
            "range update total main-thread ms (CDP TaskDuration, mean/update, net)",
            hw["update"]["cdp_net_per_update_ms"]["TaskDuration"],
            pl["update"]["cdp_net_per_update_ms"]["TaskDuration"],
            "{:.3f}",
        ),
        (
            "threshold step script ms (median)",
            hw["rule"]["script_median_ms"],
            pl["rule"]["script_median_ms"],
            "{:.3f}",
        ),
        (
            "threshold step total main-thread ms (CDP TaskDuration, mean/step, net)",
            hw["rule"]["cdp_net_per_update_ms"]["TaskDuration"],
            pl["rule"]["cdp_net_per_update_ms"]["TaskDuration"],
            "{:.3f}",
        ),
    ]


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
        packed = shape["headwidget"]["payload"]["packed_bits"]
        lines += [
            "",
            f"packed bits: {packed:,} bytes; sanity checks: headwidget "
            f"{'ok' if shape['headwidget']['check']['ok'] else 'FAILED'}, plotly "
            f"{'ok' if shape['plotly']['check']['ok'] else 'FAILED'}",
            "",
        ]
    lines += ["### Targets at 126x128x8", ""]
    for target in results["targets"]:
        lines.append(f"- [{'x' if target['met'] else ' '}] {target['name']}: {target['detail']}")
    return "\n".join(lines) + "\n"


def targets(shape: dict) -> list[dict[str, Any]]:
    """The targets, evaluated on one shape's results."""
    hw, pl = shape["headwidget"], shape["plotly"]
    payload, packed = hw["payload"]["payload"], hw["payload"]["packed_bits"]
    update = hw["update"]["script_median_ms"]
    first = hw["first_render"]["script_median_ms"]
    hw_total = hw["update"]["cdp_net_per_update_ms"]["TaskDuration"]
    pl_total = pl["update"]["cdp_net_per_update_ms"]["TaskDuration"]
    step = hw["rule"]["script_median_ms"]
    step_total = hw["rule"]["cdp_net_per_update_ms"]["TaskDuration"]
    return [
        {
            "name": "payload <= packed bits + 64 bytes",
            "met": payload <= packed + 64,
            "detail": f"{payload:,} <= {packed + 64:,}",
        },
        {"name": "layer-range update script median <= 2 ms", "met": update <= 2.0, "detail": f"{update:.3f} ms"},
        {"name": "first render script <= 20 ms", "met": first <= 20.0, "detail": f"{first:.2f} ms"},
        {
            "name": "update main-thread cost <= 1/4 of plotly's",
            "met": hw_total <= pl_total / 4,
            "detail": f"{hw_total:.3f} ms vs plotly {pl_total:.3f} ms (ratio {ratio(hw_total, pl_total)})",
        },
        {"name": "threshold step script median <= 4 ms", "met": step <= 4.0, "detail": f"{step:.3f} ms"},
        {
            "name": "threshold step main-thread cost <= 2x a layer-range step's",
            "met": step_total <= 2 * hw_total,
            "detail": f"{step_total:.3f} ms vs {hw_total:.3f} ms (ratio {ratio(step_total, hw_total)})",
        },
    ]
