"""Write notebooks/publishing.ipynb: every export of the widget, one cell each."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell
from notebook_writer import write_notebook

CELLS = [
    new_markdown_cell(
        "# Publishing a head map\n\n"
        "The same figure goes into a paper, a slide or a published notebook, with no re-plotting. "
        "The labels are the **synthetic** bundled example."
    ),
    new_code_cell(
        "from pathlib import Path\n"
        "from headwidget import HeadMapWidget, example_labels\n\n"
        'widget = HeadMapWidget(example_labels(), title="Synthetic example", layer_range=(18, 31))\n'
        'out = Path("exports")\n'
        "out.mkdir(exist_ok=True)\n"
        "widget"
    ),
    new_markdown_cell(
        "**SVG**, pure Python, deterministic; by default the current view (layers 18–31), `full=True` for everything:"
    ),
    new_code_cell(
        'widget.save(out / "view.svg")\n'
        'widget.save(out / "full.svg", full=True)\n'
        "from IPython.display import HTML\n"
        "# inline, so it shrinks to the page's width\n"
        'HTML((out / "view.svg").read_text())'
    ),
    new_markdown_cell('**PNG** and **PDF** through matplotlib (`pip install "headwidget[export]"`):'),
    new_code_cell(
        'widget.save(out / "view.png", dpi=200)\n'
        'widget.save(out / "view.pdf")\n'
        "from IPython.display import Image\n"
        'Image(filename=str(out / "view.png"))'
    ),
    new_markdown_cell(
        "## Sized for your paper\n\n"
        "Give the figure the width it will have on the page and the font size you want there; "
        "everything else (cell size, panels per row, ticks, legend columns) follows. "
        "The default is 7 in at 8 pt, a double-column figure. "
        "`width` takes a number of px (96 per inch) or a string with a unit: `in`, `cm`, `mm`, `pt`, `px`."
    ),
    new_code_cell(
        "# One column of a two-column paper: 3.25 in wide, 7 pt text, the legend below.\n"
        'widget.save(out / "single.png", width="3.25in", font_size=7, legend="bottom", dpi=300)\n'
        'widget.save(out / "single.pdf", width="3.25in", font_size=7, legend="bottom")\n'
        'Image(filename=str(out / "single.png"), width=390)'
    ),
    new_code_cell(
        "# The whole model, two panels per row, only the composite and one category, axis labels renamed.\n"
        "widget.save(\n"
        '    out / "two.svg", full=True, width="17cm", font_size=8, ncols=2,\n'
        '    panels=["All Categories", "Translation"], legend="right", xlabel="layer", ylabel="attention head",\n'
        ")\n"
        'HTML((out / "two.svg").read_text())'
    ),
    new_markdown_cell("A bad option says what it expected and writes nothing, so an existing figure survives:"),
    new_code_cell(
        'try:\n    widget.save(out / "single.png", width="3furlongs")\nexcept ValueError as error:\n    print(error)'
    ),
    new_markdown_cell(
        "**HTML**: one self-contained, interactive page (slider, toggles) that opens from disk "
        "with no kernel and no network:"
    ),
    new_code_cell('widget.save(out / "map.html")\n(out / "map.html").stat().st_size'),
    new_markdown_cell(
        "**matplotlib**, to restyle the figure for a paper. Size it with `width` and `font_size` "
        "(not `fig.set_size_inches`, which stretches the panels and keeps the old text size):"
    ),
    new_code_cell(
        'fig = widget.to_matplotlib(width="7in", font_size=8)\n'
        'fig.axes[0].set_title("All heads", fontsize=8, fontweight="bold")\n'
        "fig"
    ),
    new_markdown_cell(
        "Each display of the widget (the first cell's) sends the live view and, after it, a static "
        "figure that the page hides wherever the live view draws. So a page with no widget "
        "scripts (GitHub, nbviewer, `jupyter nbconvert --to html` or `--to webpdf`, a Sphinx + "
        "myst-nb site, offline) shows the figure, never an empty output. For the live view in "
        'such a page, offline: `extensions = ["myst_nb", "headwidget.sphinx"]` in a Sphinx '
        "`conf.py`, or `jupyter nbconvert --to headwidget`."
    ),
]


def main() -> None:
    write_notebook(CELLS, "publishing.ipynb")


if __name__ == "__main__":
    main()
