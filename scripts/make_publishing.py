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
        "from IPython.display import SVG\n"
        'SVG(filename=str(out / "view.svg"))'
    ),
    new_markdown_cell('**PNG** and **PDF** through matplotlib (`pip install "headwidget[export]"`):'),
    new_code_cell(
        'widget.save(out / "view.png", dpi=200)\n'
        'widget.save(out / "view.pdf", scale=1.5)\n'
        "from IPython.display import Image\n"
        'Image(filename=str(out / "view.png"))'
    ),
    new_markdown_cell(
        "**HTML**: one self-contained, interactive page (slider, toggles) that opens from disk "
        "with no kernel and no network:"
    ),
    new_code_cell('widget.save(out / "map.html")\n(out / "map.html").stat().st_size'),
    new_markdown_cell("**matplotlib**, to restyle the figure for a paper:"),
    new_code_cell('fig = widget.to_matplotlib()\nfig.suptitle("Head specialisation (synthetic)", fontsize=14)\nfig'),
    new_markdown_cell(
        "Saved notebooks carry a static SVG beside the live view, so this page shows the figure on "
        "GitHub, nbviewer and in `jupyter nbconvert --to html` even without a kernel."
    ),
]


def main() -> None:
    write_notebook(CELLS, "publishing.ipynb")


if __name__ == "__main__":
    main()
