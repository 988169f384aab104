"""The wheel a user installs carries the front-end bundle and works in a clean venv."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel from the sdist: what a pip install from PyPI does
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True, capture_output=True)
    (found,) = out.glob("headwidget-*.whl")
    return found


def test_wheel_contains_the_bundle(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "headwidget/static/widget.js" in names
    assert "headwidget/static/widget.css" in names
    bundle = zipfile.ZipFile(wheel).read("headwidget/static/widget.js").decode()
    assert "All Categories" in bundle and "render" in bundle


def test_wheel_imports_in_a_clean_venv(wheel, tmp_path):
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True)
    script = (
        "import headwidget, numpy as np\n"
        "w = headwidget.HeadMapWidget(headwidget.example_labels())\n"
        "assert 'All Categories' in w._esm, 'bundle not loaded'\n"
        "assert w.labels.shape == (32, 32, 4)\n"
        "print(headwidget.__file__)\n"
    )
    result = subprocess.run([python, "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path)
    assert str(env) in result.stdout  # imported from the venv, not from this checkout
