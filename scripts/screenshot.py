"""Screenshot the widget on the bundled example in headless Chromium.

Usage: python scripts/screenshot.py [OUT_DIR] — writes screenshot.png (the full
map), screenshot-cropped.png (layers 18-31, Knowledge hidden) and example.svg
(written by ``widget.save``) into docs/ by default.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from headwidget import HeadMapWidget, example_labels  # noqa: E402
from tests.harness.harness import launch, open_page, show  # noqa: E402


def main(out_dir: str = "docs") -> None:
    full = HeadMapWidget(example_labels(), title="Synthetic example (not a real model)")
    cropped = HeadMapWidget(
        example_labels(),
        title="Layers 18-31, Knowledge hidden",
        layer_range=(18, 31),
        visible=["Algorithmic", "Linguistic", "Translation"],
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
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
