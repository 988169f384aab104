"""The SVG export at paper sizes, as Chromium lays it out: every ``<text>``'s box against
every other, against each panel's cells, the count bars and the legend's swatches, and against the figure's
bounds; the figure's physical size; the text-width estimate against the real width.
All figures go into one page, measured in one call."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from headwidget.layout import text_width
from headwidget.size import parse_width
from tests.helpers.figures import cases, overlaps

MEASURE = """() => [...document.querySelectorAll("svg")].map((svg) => {
  const origin = svg.getBoundingClientRect();
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
  };
  return {
    id: svg.parentElement.id,
    size: [origin.width, origin.height],
    texts: [...svg.querySelectorAll("text")].map((t) => ({
      text: t.textContent,
      box: box(t),
      length: t.getComputedTextLength(),
      size: parseFloat(getComputedStyle(t).fontSize),
      bold: getComputedStyle(t).fontWeight === "700",
      family: getComputedStyle(t).fontFamily,
    })),
    solids: [...svg.querySelectorAll("g.cells > rect, g.counts, g.legend-row > rect")]
      .map((el) => [el.getAttribute("class") || el.parentElement.getAttribute("class"), ...box(el)]),
  };
})"""


@pytest.fixture(scope="module")
def measured(browser, tmp_path_factory):
    """Every case's SVG, written by ``widget.save``, then measured in one Chromium page."""
    folder = tmp_path_factory.mktemp("svg-layout")
    figures, parts = {}, []
    for name, widget, options in cases():
        path = folder / f"{name}.svg"
        widget.save(path, **options)
        text = path.read_text()
        figures[name] = (ET.fromstring(text), options)
        parts.append(f'<div id="{name}" style="margin: 0 0 8px 0; line-height: 0">{text}</div>')
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_content("<!doctype html><html><body style='margin: 0'>" + "".join(parts) + "</body></html>")
    results = {entry["id"]: entry for entry in page.evaluate(MEASURE)}
    page.close()
    return figures, results


NAMES = [name for name, _, _ in cases()]


@pytest.mark.parametrize("name", NAMES)
def test_svg_texts_do_not_overlap_in_chromium(measured, name):
    figures, results = measured
    root, options = figures[name]
    entry = results[name]
    width, height = entry["size"]
    # The root's physical width is the one asked for: 96 CSS px per inch.
    assert root.get("width").endswith("in") and width == pytest.approx(parse_width(options["width"]), abs=0.01)
    assert float(root.get("height")[:-2]) * 96 == pytest.approx(height, abs=0.05)  # 4 decimals of an inch
    texts = [(t["text"], *t["box"]) for t in entry["texts"]]
    assert len(texts) > 10
    solids = [(kind, *box) for kind, *box in entry["solids"]]
    problems = overlaps(texts, solids, (width, height))
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("name", NAMES)
def test_svg_text_sizes_and_width_estimate(measured, name):
    """Every text is the font size asked for (points at the stated width), the title 1.2 times
    it, bold; DejaVu Sans is the font named first; text_width over-estimates each line's real width."""
    figures, results = measured
    _, options = figures[name]
    px = options["font_size"] * 96 / 72
    for t in results[name]["texts"]:
        if t["bold"]:
            assert t["size"] == pytest.approx(1.2 * px, abs=0.01), t["text"]
        else:
            assert t["size"] == pytest.approx(px, abs=0.01), t["text"]
        assert t["family"].strip("\"'").startswith("DejaVu Sans")
        assert t["length"] <= text_width(t["text"], t["size"], bold=t["bold"]), t["text"]
    assert sum(t["bold"] for t in results[name]["texts"]) == 1  # the figure title alone
