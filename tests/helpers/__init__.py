"""Helpers shared by the test files, one module per kind; test files import from here, never
from one another.

- ``labels``: label sets whose heads have known colours, the views the export tests draw,
  a head of the example in given categories, and the colours each panel should show.
- ``colours``: ``#rrggbb`` <-> RGB and a tolerant pixel comparison.
- ``svg``: reading an SVG export (cell runs per panel, texts, ticks, count bars).
- ``views``: reading and driving a live view in Chromium (titles, legend, ticks, a head's
  colour on screen, hover, outlines, count bars, the range sliders).

Paths below are absolute, so a test file can move without its paths changing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"


def need(module: str) -> None:
    """Skip locally, fail in CI, when an optional package the test drives is not installed."""
    try:
        __import__(module)
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{module} is not installed: pip install -e '.[dev]'")
