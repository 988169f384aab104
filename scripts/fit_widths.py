"""Print how the live view fits containers of several widths (panels per row, cell size).

Usage: python scripts/fit_widths.py [WIDTH ...] — renders the bundled example (32 x 32 x 4)
and a random 126 x 128 x 8 model in headless Chromium (the test harness) at device pixel
ratios 1 and 2, and prints the rows of panels and the cell size in CSS px.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from headwidget import HeadMapWidget, example_labels  # noqa: E402
from tests.harness.harness import launch, open_page, show  # noqa: E402
from tests.helpers.views import cells, panel_rows  # noqa: E402


def main(widths: list[int]) -> None:
    models = {
        "32x32x4": (HeadMapWidget(example_labels()), (32, 32)),
        "126x128x8": (HeadMapWidget(np.random.default_rng(7).random((126, 128, 8)) < 0.05), (126, 128)),
    }
    print("| model | container px | dpr | panels per row | cell CSS px |")
    print("|---|---:|---:|---|---:|")
    with sync_playwright() as p:
        browser = launch(p)
        for name, (widget, shown) in models.items():
            for dpr in (1, 2):
                for width in widths:
                    page = open_page(browser, width=width + 40, height=1400, dpr=dpr)
                    show(page, widget, width=width)
                    page.evaluate("hw.frame()")
                    view = page.locator(".view")
                    rows = " + ".join(str(n) for n in panel_rows(view))
                    print(f"| {name} | {width} | {dpr} | {rows} | {cells(view, shown)[0][0]:g} |")
                    page.context.close()
        browser.close()


if __name__ == "__main__":
    main([int(w) for w in sys.argv[1:]] or [600, 1000, 1300, 1600])
