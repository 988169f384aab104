"""The size options of the static faces (``save``, ``to_matplotlib``, the CLI): widths with
units, the font size in points at that width, panels per row, which panels, the legend's
side, the axis labels; what each face makes of them (SVG inches and px, PNG pixels, PDF
page and fonts); bad values refused before anything is written; the ticks of a cropped
view in every face."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET

import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.figure import Layout
from headwidget.size import FigureSpec, parse_width
from headwidget.snapshot import Snapshot
from tests.helpers import FIXTURES
from tests.helpers.labels import NAMES
from tests.helpers.svg import SVG, texts, tick_labels

FACE_TICKS = json.loads((FIXTURES / "layout.json").read_text())["face_ticks"]


def example(**options) -> HeadMapWidget:
    return HeadMapWidget(example_labels(), title="Synthetic example", **options)


@pytest.mark.parametrize(
    ("width", "px"),
    [
        ("3.25in", 312),
        ("17cm", 17 / 2.54 * 96),
        ("120mm", 120 / 25.4 * 96),
        ("504pt", 672),
        ("900px", 900),
        (" 7 in ", 672),
        ("900", 900),
        (900, 900),
        (450.5, 450.5),
        ("1e2px", 100),
    ],
)
def test_width_units(width, px):
    assert parse_width(width) == pytest.approx(px)


def test_defaults_are_a_seven_inch_page_at_8pt():
    spec = FigureSpec.parse()
    assert (spec.width_in, spec.font_size, spec.ncols, spec.panels, spec.legend) == (7, 8, None, None, "left")
    assert (spec.xlabel, spec.ylabel) == ("layer", "head")
    assert spec.font_px == pytest.approx(8 * 96 / 72)


def test_svg_is_the_physical_size_with_text_at_the_point_size(tmp_path):
    path = tmp_path / "fig.svg"
    example().save(path, width="3.25in", font_size=7)
    root = ET.fromstring(path.read_text())
    assert root.get("width") == "3.25in"
    height = float(root.get("height").removesuffix("in"))
    assert root.get("viewBox") == f"0 0 312 {round(height * 96)}"
    assert float(root.get("font-size")) == pytest.approx(7 * 96 / 72, abs=0.01)  # px of the viewBox = 7 pt
    sizes = {t.get("font-size") for t in root.iter(f"{SVG}text")}
    title = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "title")
    assert sizes == {None, title.get("font-size")}  # every text inherits 7 pt but the title
    assert float(title.get("font-size")) == pytest.approx(1.2 * 7 * 96 / 72, abs=0.01)
    assert title.get("font-weight") == "bold"
    assert all(t.text for t in root.iter(f"{SVG}text"))  # text stays <text>


@pytest.mark.parametrize(("width", "dpi", "pixels"), [("3.25in", 300, 975), ("7in", 300, 2100), ("17cm", 100, 669)])
def test_png_pixels_are_width_times_dpi(tmp_path, width, dpi, pixels):
    pytest.importorskip("matplotlib")
    from PIL import Image

    path = tmp_path / "fig.png"
    example().save(path, width=width, dpi=dpi, font_size=7)
    with Image.open(path) as image:
        assert image.width == pixels
        assert image.info.get("dpi", (dpi,))[0] == pytest.approx(dpi, abs=0.01)


@pytest.mark.parametrize(("width", "points"), [("3.25in", 234), ("7in", 504), ("120mm", 120 / 25.4 * 72)])
def test_pdf_page_is_the_width_with_truetype_fonts(tmp_path, width, points):
    pytest.importorskip("matplotlib")
    import matplotlib

    before = matplotlib.rcParams["pdf.fonttype"]
    path = tmp_path / "fig.pdf"
    example().save(path, width=width, font_size=7, legend="bottom")
    data = path.read_bytes()
    box = [float(v) for v in re.search(rb"/MediaBox \[ ([\d. ]+) \]", data).group(1).split()]
    assert box[:3] == [0, 0, pytest.approx(points, abs=0.01)]
    assert b"/FontFile2" in data and b"/CIDFontType2" in data  # embedded TrueType (fonttype 42)
    assert b"/Type3" not in data and b"/Subtype /Type3" not in data
    assert matplotlib.rcParams["pdf.fonttype"] == before  # set for the save only


def test_to_matplotlib_takes_the_size_and_says_not_to_set_size_inches():
    pytest.importorskip("matplotlib")
    fig = example().to_matplotlib(width="3.25in", font_size=7, legend="top")
    assert fig.get_size_inches()[0] == pytest.approx(3.25)
    sizes = {round(t.get_fontsize(), 3) for ax in fig.axes for t in ax.get_xticklabels() + [ax.title, ax.xaxis.label]}
    assert sizes == {7.0}
    doc = HeadMapWidget.to_matplotlib.__doc__
    assert "width" in doc and "font_size" in doc and "set_size_inches" in doc


def test_every_face_takes_the_same_options():
    import inspect

    from headwidget import cli

    names = ["width", "font_size", "ncols", "panels", "legend", "xlabel", "ylabel", "counts"]
    for method in (HeadMapWidget.save, HeadMapWidget.to_matplotlib):
        assert set(names) <= set(inspect.signature(method).parameters), method
    help_text = cli._parser()._subparsers._group_actions[0].choices["render"].format_help()
    for option in ("--width", "--font-size", "--ncols", "--panels", "--legend", "--xlabel", "--ylabel", "--counts"):
        assert option in help_text


# ------------------------------------------------------------------ what the options do


def test_ncols_panels_legend_and_labels(tmp_path):
    path = tmp_path / "fig.svg"
    widget = example()
    widget.save(path, ncols=2, panels=["Translation", "All Categories"], legend="right", xlabel="L", ylabel="")
    root = ET.fromstring(path.read_text())
    assert texts(root, "panel-title") == ["Translation", "All Categories"]
    assert texts(root, "x-label") == ["L", "L"] and texts(root, "y-label") == []
    layout = Layout.of(
        Snapshot.of(widget),
        FigureSpec.parse(ncols=2, panels=["Translation", "All Categories"], legend="right", xlabel="L", ylabel=""),
    )
    assert layout.ncols == 2
    right_of_panels = max(p.plot.right for p in layout.panels)
    assert min(row.swatch.x for row in layout.legend) > right_of_panels


@pytest.mark.parametrize("legend", ["left", "right", "top", "bottom", None])
def test_legend_sides(legend):
    layout = Layout.of(Snapshot.of(example()), FigureSpec.parse("7in", 8, legend=legend))
    panels = layout.panels
    if legend is None:
        assert layout.legend == ()
        return
    assert [row.label for row in layout.legend][-1] == "Unclassified"
    xs = [row.swatch.x for row in layout.legend]
    ys = [row.text.y for row in layout.legend]
    if legend == "left":
        assert max(row.text.x for row in layout.legend) < min(p.plot.x for p in panels)
    elif legend == "right":
        assert min(xs) > max(p.plot.right for p in panels)
    elif legend == "top":
        assert max(ys) < min(p.title.y for p in panels)
        assert len(set(xs)) > 1  # flowed into columns across the width
    else:
        assert min(ys) > max(p.x_label.y for p in panels)
        assert len(set(xs)) > 1


def test_default_ncols_fits_a_row_or_the_fewest_even_rows():
    snapshot = Snapshot.of(example())
    assert Layout.of(snapshot).ncols == 5  # 7 in: one row, as the reference figure
    single = Layout.of(snapshot, FigureSpec.parse("3.25in", 7, legend="bottom"))
    assert single.ncols == 3  # 3 + 2, not 4 + 1
    assert len({p.plot.y for p in single.panels}) == 2


def test_explicit_ncols_cuts_long_titles_with_an_ellipsis():
    names = ["Longer category", "Another category", "Short"]
    widget = HeadMapWidget(example().labels[..., :3], names)
    layout = Layout.of(Snapshot.of(widget), FigureSpec.parse("3.25in", 7, ncols=4, legend="bottom"))
    titles = [p.title.text for p in layout.panels]
    assert titles[3] == "Short"
    assert titles[1].endswith("\u2026") and names[0].startswith(titles[1][:-1].rstrip())
    auto = Layout.of(Snapshot.of(widget), FigureSpec.parse("3.25in", 7, legend="bottom"))
    assert auto.ncols < 4
    assert [p.title.text for p in auto.panels] == ["All Categories", *names]  # auto columns keep them whole


def test_auto_columns_cut_only_titles_longer_than_8_em():
    """A very long name is cut rather than stacking every panel in one column; the legend keeps it."""
    names = ["Induction and copying heads", "Knowledge", "Linguistic", "Translation"]
    widget = HeadMapWidget(example().labels, names)
    layout = Layout.of(Snapshot.of(widget), FigureSpec.parse("3.25in", 7, legend="bottom"))
    assert layout.ncols == 3
    titles = [p.title.text for p in layout.panels]
    assert titles[0] == "All Categories" and titles[2:] == names[1:]
    assert titles[1].endswith("\u2026") and names[0].startswith(titles[1][:-1])
    assert names[0] in [row.label for row in layout.legend]


def test_a_tall_side_legend_takes_more_columns():
    names = [f"Category {i}" for i in range(12)]
    # 8 heads: short panels (a head crop no longer shortens them, its box is the whole model's)
    widget = HeadMapWidget(example().labels[:, :8][..., [i % 4 for i in range(12)]], names)
    layout = Layout.of(Snapshot.of(widget), FigureSpec.parse("7in", 8, legend="left"))
    columns = sorted({row.swatch.x for row in layout.legend})
    assert len(columns) >= 2
    assert max(row.text.y for row in layout.legend) <= max(p.x_label.y for p in layout.panels) + 1


def test_ticks_thin_with_the_width_never_shift():
    snapshot = Snapshot.of(example())
    wide = Layout.of(snapshot, FigureSpec.parse("17.25in", 11)).panels[0]
    narrow = Layout.of(snapshot, FigureSpec.parse("3.25in", 7)).panels[0]
    assert [t.value for t in wide.x_ticks] == [0, 6, 12, 18, 24, 30]
    assert set(t.value for t in narrow.x_ticks) <= {0, 6, 12, 18, 24, 30}


# ------------------------------------------------------------------ the same ticks in every face


@pytest.mark.parametrize("case", FACE_TICKS, ids=lambda c: f"{c['shape'][0]}-{c['width']}-{c['heads'][0]}")
def test_cropped_view_ticks_in_every_face(tmp_path, case):
    """The fixture's ticks for a cropped view are the SVG's and the matplotlib figure's
    (which the PNG and PDF are), in every panel."""
    import numpy as np

    shape = tuple(case["shape"])
    labels = np.zeros(shape, dtype=bool)
    labels[::5, ::3] = True
    widget = HeadMapWidget(labels, NAMES, layer_range=tuple(case["layers"]), head_range=tuple(case["heads"]))
    options = {"width": case["width"], "font_size": case["font_size"]}
    want = ([str(v) for v in case["x"]], [str(v) for v in case["y"]])
    path = tmp_path / "fig.svg"
    widget.save(path, **options)
    assert tick_labels(ET.fromstring(path.read_text())) == [want] * 5
    pytest.importorskip("matplotlib")
    fig = widget.to_matplotlib(**options)
    got = [
        ([t.get_text() for t in ax.get_xticklabels()], [t.get_text() for t in ax.get_yticklabels()]) for ax in fig.axes
    ]
    assert got == [want] * 5
    assert [list(ax.get_xticks()) for ax in fig.axes] == [case["x"]] * 5


# ------------------------------------------------------------------ refused, and nothing written

BAD = [
    ({"width": -3}, ValueError, "width must be a positive number"),
    ({"width": 0}, ValueError, "got 0"),
    ({"width": math.nan}, ValueError, "got nan"),
    ({"width": math.inf}, ValueError, "got inf"),
    ({"width": "3furlongs"}, ValueError, "got '3furlongs'"),
    ({"width": "in"}, ValueError, "units: in, cm, mm, pt, px"),
    ({"width": [3]}, TypeError, "width must be"),
    ({"width": True}, TypeError, "got bool True"),
    ({"width": "500in"}, ValueError, "width must be at most 200in"),
    ({"font_size": "7pt"}, TypeError, "font_size must be a number of points, e.g. 7 or 8; got str '7pt'"),
    ({"font_size": 0}, ValueError, "font_size must be a number of points from 2 to 72; got 0"),
    ({"font_size": math.nan}, ValueError, "font_size must be a number of points from 2 to 72; got nan"),
    ({"ncols": 0}, ValueError, "ncols must be at least 1 panel per row, or None for as many as fit; got 0"),
    ({"ncols": 2.5}, TypeError, "ncols must be a whole number of panels per row, or None; got float 2.5"),
    ({"panels": ["Maths"]}, ValueError, "panels: 'Maths' is not a panel; expected names among 'All Categories', "),
    ({"panels": "Translation"}, TypeError, "panels must be a list of panel names"),
    ({"panels": []}, ValueError, "at least one"),
    ({"panels": ["Translation", "Translation"]}, ValueError, "'Translation' more than once"),
    ({"legend": "middle"}, ValueError,
     r"legend must be one of 'left', 'right', 'top', 'bottom' or None \(no legend\); got 'middle'"),
    ({"legend": "none"}, ValueError, "got 'none'"),
    ({"xlabel": 3}, TypeError, "xlabel must be a string"),
    ({"dpi": 0}, ValueError, "dpi must be a number of pixels per inch above 0"),
    ({"dpi": "300"}, TypeError, "dpi must be a number of pixels per inch, e.g. 300; got str '300'"),
    ({"counts": "yes"}, TypeError, "counts must be True, False or None"),
    ({"width": "1in"}, ValueError,
     r"width 1in \(96px\) is too narrow for 5 panels 1 per row and the legend left at font_size 8pt; expected at"),
    ({"width": "3.25in", "ncols": 5}, ValueError, "is too narrow for 5 panels 5 per row"),
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
@pytest.mark.parametrize(("options", "error", "message"), BAD, ids=[f"{i}" for i in range(len(BAD))])
def test_bad_options_are_refused_and_an_existing_file_survives(tmp_path, suffix, options, error, message):
    if suffix != ".svg":
        pytest.importorskip("matplotlib")
    path = tmp_path / f"fig{suffix}"
    path.write_bytes(b"the figure from last week")
    with pytest.raises(error, match=message):
        example().save(path, **options)
    assert path.read_bytes() == b"the figure from last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left


def test_a_hidden_category_is_named_as_hidden():
    widget = example(visible=["Linguistic"])
    with pytest.raises(ValueError, match="'Translation' is hidden in this view .* full=True"):
        widget.save("never.svg", panels=["Translation"])
    assert Layout.of(Snapshot.of(widget, full=True), FigureSpec.parse(panels=["Translation"])).panels


def test_the_minimum_width_in_the_message_works():
    snapshot = Snapshot.of(example())
    with pytest.raises(ValueError, match="expected at least") as error:
        Layout.of(snapshot, FigureSpec.parse("1in", 8, ncols=2))
    least = re.search(r"at least ([\d.]+)in", str(error.value)).group(1)
    layout = Layout.of(snapshot, FigureSpec.parse(f"{least}in", 8, ncols=2))
    assert layout.ncols == 2


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch, suffix):
    """The file is written beside the target and renamed only when complete."""
    if suffix == ".png":
        pytest.importorskip("matplotlib")
    import errno
    import io

    from headwidget import atomic

    path = tmp_path / f"fig{suffix}"
    example().save(path)
    before = path.read_bytes()

    class Full(io.FileIO):
        """A disk that fills up after a few bytes: the write starts, then fails."""

        def write(self, data):
            super().write(bytes(data)[: max(0, 4 - self.tell())])
            raise OSError(errno.ENOSPC, "disk full")

    monkeypatch.setattr(atomic, "_open", lambda fd: Full(fd, "wb"))
    with pytest.raises(OSError, match="disk full"):
        example().save(path, width="3.25in")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_saved_file_keeps_the_usual_permissions(tmp_path):
    import os

    path = tmp_path / "fig.svg"
    example().save(path)
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
