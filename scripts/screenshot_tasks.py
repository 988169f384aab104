"""Screenshot a tasks widget in headless Chromium: 20 tasks in four categories, 32 x 32 heads,
a threshold, Linguistic opened into its task panels, a head's tooltip showing.

Usage: python scripts/screenshot_tasks.py [OUT] — writes docs/screenshot-tasks.png by default.
Synthetic scores (not a real model).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from headwidget import EXAMPLE_TASKS, HeadMapWidget, example_task_scores  # noqa: E402
from tests.harness.harness import launch, open_page, show  # noqa: E402


def tooltip_head(scores: np.ndarray, tasks: list[str], groups: dict[str, str]) -> tuple[int, int, str]:
    """A head in layers 22-27, heads 4-20, that two Linguistic tasks and two categories put there:
    (layer, head, its first Linguistic task)."""
    passes = scores >= 0.5
    linguistic = [tasks.index(t) for t in EXAMPLE_TASKS["Linguistic"]]
    for layer in range(22, 28):
        for head in range(4, 21):
            cats = {groups[tasks[t]] for t in np.flatnonzero(passes[layer, head])}
            own = [t for t in linguistic if passes[layer, head, t]]
            if len(own) >= 2 and len(cats) >= 2:
                return layer, head, tasks[own[0]]
    raise ValueError("no such head")


def main(out: str = "docs/screenshot-tasks.png") -> None:
    scores, tasks, groups = example_task_scores()  # grouped at 0.5: the reference-like example
    widget = HeadMapWidget.from_scores(
        scores, tasks, groups=groups, threshold=0.5, title="20 tasks in four categories (synthetic, not a real model)"
    )
    with sync_playwright() as p:
        browser = launch(p)
        page = open_page(browser, width=1560, height=760)
        show(page, widget)
        page.evaluate("hw.frame()")
        page.get_by_role("button", name="Linguistic: show its 8 tasks").click()
        page.evaluate("hw.frame()")
        layer, head, task = tooltip_head(scores, tasks, groups)
        clip = page.locator(".hw-task-panel .hw-clip").nth(EXAMPLE_TASKS["Linguistic"].index(task))
        box = clip.bounding_box()
        cell = box["width"] / 32
        page.mouse.move(box["x"] + (layer + 0.5) * cell, box["y"] + (head + 0.5) * cell)
        page.evaluate("hw.frame()")
        page.locator(".view").first.screenshot(path=out)
        print(f"wrote {out}")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
