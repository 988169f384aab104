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


def test_cli_size_options(tmp_path):
    out = tmp_path / "map.svg"
    result = run(
        "render", "--example", "-o", str(out), "--width", "3.25in", "--font-size", "7", "--ncols", "3",
        "--legend", "bottom", "--panels", "All Categories,Translation", "--xlabel", "Layer", "--ylabel", "Head",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(out.read_text())
    assert root.get("width") == "3.25in"
    assert float(root.get("font-size")) == pytest.approx(7 * 96 / 72, abs=0.01)
    titles = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "panel-title"]
    assert titles == ["All Categories", "Translation"]
    assert {t.text for t in root.iter(f"{SVG}text") if t.get("class") in ("x-label", "y-label")} == {"Layer", "Head"}
    legend_x = {float(r.find(f"{SVG}rect").get("x")) for r in root.iter(f"{SVG}g") if r.get("class") == "legend-row"}
    assert len(legend_x) > 1  # flowed into columns below the panels
    none = tmp_path / "none.svg"
    assert run("render", "--example", "-o", str(none), "--legend", "none", "--xlabel", "").returncode == 0
    assert "legend-row" not in none.read_text() and 'class="x-label"' not in none.read_text()


def test_cli_png_width_and_dpi(tmp_path):
    pytest.importorskip("matplotlib")
    from PIL import Image

    out = tmp_path / "map.png"
    assert run("render", "--example", "-o", str(out), "--width", "3.25in", "--dpi", "300").returncode == 0
    with Image.open(out) as image:
        assert image.width == 975


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--width", "3furlongs"], "width must be a positive number of px"),
        (["--font-size", "big"], "--font-size must be a number, e.g. 7; got 'big'"),
        (["--ncols", "0"], "ncols must be at least 1"),
        (["--ncols", "two"], "--ncols must be a whole number, e.g. 3; got 'two'"),
        (["--legend", "middle"], "legend must be one of 'left', 'right', 'top', 'bottom' or None"),
        (["--panels", "Maths"], "panels: 'Maths' is not a panel"),
        (["--width", "1in"], "is too narrow for 5 panels"),
    ],
)
def test_cli_bad_size_options_write_nothing(tmp_path, args, message):
    out = tmp_path / "map.svg"
    out.write_text("old")
    result = run("render", "--example", "-o", str(out), *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert out.read_text() == "old"
