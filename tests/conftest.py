"""Shared fixtures: one headless Chromium per test session."""

from __future__ import annotations

import os

import pytest

from tests.harness.harness import CHROMIUM, chromium_available, launch


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium via Playwright; skipped locally when absent, an error in CI."""
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests but {CHROMIUM} is missing")
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed: pip install -e '.[dev]'")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
