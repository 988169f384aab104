"""Screenshot the widget on the bundled example in headless Chromium.

Usage: python scripts/screenshot.py [OUT_DIR] — writes screenshot.png (the full
map), screenshot-cropped.png (layers 18-31 and heads 0-15 at the same width: the panels
keep their size and the crop fills them), screenshot-explore.png
(a combination chosen in the legend, heads selected, the keyboard cursor's tooltip),
screenshot-40-categories.png (40 synthetic tasks in a 1,000-px view: generated colours,
the legend in columns, the toggles wrapped) and example.svg (written by ``widget.save``)
into docs/ by default.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from headwidget import HeadMapWidget, example_labels  # noqa: E402
from tests.harness.harness import launch, open_page, show  # noqa: E402


def main(out_dir: str = "docs") -> None:
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    full = HeadMapWidget(example_labels(), title="Synthetic example (not a real model)")
    # the same view cropped: every panel keeps its box and the crop fills it
    cropped = HeadMapWidget(
        example_labels(),
        title="Layers 18-31, heads 0-15 (the crop fills each panel)",
        layer_range=(18, 31),
        head_range=(0, 15),
    )
    full.save(f"{out_dir}/example.svg")  # the README's SVG, made by the project's own writer
    print(f"wrote {out_dir}/example.svg")
    with sync_playwright() as p:
        browser = launch(p)
        for widget, name in [(full, "screenshot.png"), (cropped, "screenshot-cropped.png")]:
            page = open_page(browser, width=1560, height=520)
            show(page, widget)
            page.evaluate("hw.frame()")
            page.locator(".view").first.screenshot(path=f"{out_dir}/{name}")
            print(f"wrote {out_dir}/{name}")
            page.context.close()
        explore(browser, f"{out_dir}/screenshot-explore.png")
        print(f"wrote {out_dir}/screenshot-explore.png")
        many_categories(browser, f"{out_dir}/screenshot-40-categories.png")
        print(f"wrote {out_dir}/screenshot-40-categories.png")
        browser.close()


def explore(browser, path: str) -> None:
    """Layers 16-31: "2 categories" opened, its top combination chosen and selected,
    the keyboard cursor in the composite with its tooltip."""
    widget = HeadMapWidget(example_labels(), title="Exploring: which heads are Algorithmic + Linguistic?")
    widget.layer_range = (16, 31)
    page = open_page(browser, width=1560, height=560)
    show(page, widget)
    page.evaluate("hw.frame()")
    page.get_by_role("button", name="2 categories").click()
    page.evaluate("hw.frame()")
    page.locator(".hw-combo").first.click()
    page.evaluate("hw.frame()")
    page.locator(".hw-combo-select").click()
    page.evaluate("hw.frame()")
    page.locator(".hw-clip").first.focus()
    for key in ["End", "ArrowLeft", "ArrowLeft", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown"]:
        page.keyboard.press(key)
    page.evaluate("hw.frame()")
    page.locator(".view").first.screenshot(path=path)
    page.context.close()


def many_categories(browser, path: str) -> None:
    """40 synthetic tasks, each a sparse band of layers, in a 1,000-px view."""
    import numpy as np

    rng = np.random.default_rng(0)
    labels = np.zeros((32, 32, 40), bool)
    for c in range(40):
        first = int(rng.integers(8, 28))
        labels[first : first + 4, :, c] = rng.random((min(4, 32 - first), 32)) < 0.12
    widget = HeadMapWidget(labels, [f"Task {i}" for i in range(40)], title="40 tasks (synthetic)")
    page = open_page(browser, width=1040, height=900)
    show(page, widget, width=1000)
    page.evaluate("hw.frame()")
    page.locator(".view").first.screenshot(path=path)
    page.context.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
