"""Screenshot the widget on the bundled example in headless Chromium.

Usage: python scripts/screenshot.py [OUT.png] — writes docs/screenshot.png by default.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from headwidget import HeadMapWidget, example_labels  # noqa: E402
from tests.harness.harness import launch, open_page, show  # noqa: E402


def main(out: str = "docs/screenshot.png") -> None:
    widget = HeadMapWidget(example_labels(), title="Synthetic example (not a real model)")
    with sync_playwright() as p:
        browser = launch(p)
        page = open_page(browser, width=1560, height=520)
        show(page, widget)
        page.evaluate("hw.frame()")
        page.locator(".view").first.screenshot(path=out)
        browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
