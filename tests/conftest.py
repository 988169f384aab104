"""Shared fixtures: one headless Chromium per test session."""

from __future__ import annotations

import os
from pathlib import Path

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


ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test whose page records what the browser said (``page.errors``, and for
    marimo / Voila ``page.outside``) leaves a screenshot and that log in test-artifacts/."""
    report = yield
    page = item.funcargs.get("page") if report.when == "call" and report.failed else None
    if page is not None and hasattr(page, "errors"):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{item.name}.png", full_page=True)
        (ARTIFACTS / f"{item.name}.log").write_text("\n".join([*page.errors, *getattr(page, "outside", [])]))
    return report
