"""The command line: snapshots from scripts, one-line errors and non-zero exits."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from headwidget import HeadMapWidget, example_labels
from tests.helpers.svg import SVG


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "headwidget", *args], capture_output=True, text=True, cwd=cwd)


def test_render_example_to_html(tmp_path):
    out = tmp_path / "map.html"
    result = run("render", "--example", "-o", str(out), "--layers", "18:31", "--categories", "Linguistic,Translation")
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert '"layer_range": [18, 31]' in text
    assert '"visible": ["Linguistic", "Translation"]' in text
    assert '"head_range": [0, 31]' in text


def test_render_head_range(tmp_path):
    out = tmp_path / "map.html"
    result = run("render", "--example", "-o", str(out), "--heads", "4:11")
    assert result.returncode == 0, result.stderr
    assert '"head_range": [4, 11]' in out.read_text()
    svg = tmp_path / "map.svg"
    assert run("render", "--example", "-o", str(svg), "--heads", "4:11", "--layers", "18:31").returncode == 0
    root = ET.fromstring(svg.read_text())
    cells = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "cells")
    background = cells.find(f"{SVG}rect")
    assert (int(background.get("width")), int(background.get("height"))) == (14, 8)  # in cells


def test_render_saved_labels(tmp_path):
    saved = tmp_path / "labels.npz"
    HeadMapWidget(example_labels()).save_labels(saved)
    out = tmp_path / "map.svg"
    pytest.importorskip("headwidget.svg")
    result = run("render", str(saved), "-o", str(out), "--title", "From a file")
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("<svg") or out.read_text().startswith("<?xml")
    assert "From a file" in out.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "--example", "-o", "x.gif"], "has extension '.gif'; expected one of .svg, .png, .pdf, .html"),
        (["render", "missing.npz", "-o", "x.html"], "No such file or directory"),
        (["render", "--example", "-o", "x.html", "--layers", "18-31"], "--layers must be FIRST:LAST"),
        (["render", "--example", "-o", "x.html", "--layers", "20:40"], "layer_range must be an inclusive"),
        (["render", "--example", "-o", "x.html", "--heads", "4"], "--heads must be FIRST:LAST with integers"),
        (["render", "--example", "-o", "x.html", "--heads", "4:40"], "head_range must be an inclusive"),
        (["render", "--example", "-o", "x.html", "--categories", "Maths"], "'Maths', which is not a category"),
        (["render", "-o", "x.html"], "give either INPUT or --example"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("headwidget: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_bad_file_contents(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nope"}')
    result = run("render", str(bad), "-o", str(tmp_path / "x.html"))
    assert result.returncode == 2 and "is not a headwidget-labels file" in result.stderr


def test_installed_console_script(tmp_path):
    exe = Path(sys.executable).with_name("headwidget")  # installed by pip next to this interpreter
    result = subprocess.run([str(exe), "render", "--example", "-o", str(tmp_path / "m.html")], capture_output=True)
    assert result.returncode == 0
    assert (tmp_path / "m.html").stat().st_size > 10_000


def test_cli_counts(tmp_path):
    out = tmp_path / "map.svg"
    assert run("render", "--example", "-o", str(out), "--counts").returncode == 0
    assert 'class="counts"' in out.read_text()
