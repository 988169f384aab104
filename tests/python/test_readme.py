"""Every ```python block in the README runs as written."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT

README = (ROOT / "README.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_block_runs(code, tmp_path, monkeypatch):
    if "save(" in code and ".png" in code:
        pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)  # a block that writes files writes them here, not into the checkout
    exec(compile(code, "README.md", "exec"), {})


def test_readme_shows_every_way_in():
    for name in ("from_heads", "from_frame", "from_scores", "to_frame", "save_labels", "HeadMapWidget.load"):
        assert name in "".join(BLOCKS), name
