"""The browser tests' page: the harness in a fresh context of the session's Chromium."""

from __future__ import annotations

import pytest

from tests.harness.harness import open_page


@pytest.fixture
def page(browser):
    page = open_page(browser)
    yield page
    page.context.close()
