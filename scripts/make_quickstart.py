"""Write notebooks/quickstart.ipynb (kept as code so the notebook stays reviewable)."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell
from notebook_writer import write_notebook

CELLS = [
    new_markdown_cell(
        "# headwidget quickstart\n\n"
        "A live map of which attention heads (layer × head) belong to which functional category.\n\n"
        "## A real model: Llama-2-7B\n\n"
        "Two published per-head maps of Llama-2-7B's 32 layers × 32 heads, on one grid: the 10 "
        "**function-vector** heads of Todd et al. (ICLR 2024; the heads with the highest average indirect "
        "effect) and the 446 **retrieval** heads DuoAttention (Xiao et al. 2024) found in the model's "
        "32K-context fine-tune. All ten function-vector heads are retrieval heads too: they are the "
        '"2 categories" cells. Hover a head for its scores. `headwidget.datasets` ships this and other '
        "published maps offline, each with its citation, source and licence (`real-models.ipynb` walks "
        "through them)."
    ),
    new_code_cell(
        "from headwidget import datasets\n\n"
        'llama = datasets.load("llama-2-7b-fv-retrieval")\n'
        'real = llama.widget(title="Llama-2-7B: function-vector heads and retrieval heads")\n'
        "real"
    ),
    new_code_cell('print(llama.citation)\nprint(llama.licence)\nllama.heads("Function vector")  # (layer, head) pairs'),
    new_markdown_cell(
        "## The reference figure's look (synthetic)\n\n"
        "The labels below are **synthetic**: `example_labels()` draws them from a seeded random generator "
        "shaped like published results (specialisation in the last third of the layers, Linguistic "
        "densest, Translation sparsest), in the reference figure's four categories. They describe no real model."
    ),
    new_code_cell(
        "from headwidget import HeadMapWidget, example_labels\n\n"
        "labels = example_labels()  # {category: (32 layers, 32 heads) bool array}, synthetic\n"
        'widget = HeadMapWidget(labels, title="Synthetic example: 32 layers x 32 heads")\n'
        "widget"
    ),
    new_markdown_cell(
        "Drag the **layers** slider or click a category to hide it; the traits follow in Python, "
        "and setting them from Python updates every view:"
    ),
    new_code_cell("widget.layer_range = (18, 31)\nwidget.visible = ['Algorithmic', 'Linguistic', 'Translation']"),
    new_code_cell("widget.layer_range, widget.visible"),
    new_markdown_cell("An `ipywidgets.IntRangeSlider` linked in the browser (keeps working in saved notebooks):"),
    new_code_cell("import ipywidgets\n\nipywidgets.VBox([widget.layer_slider(), widget])"),
    new_markdown_cell(
        "## Pick heads for the next experiment\n\n"
        "Click a cell to select that head, shift-click to add or remove one, drag a rectangle; or Tab to a "
        "panel and use the arrow keys, Enter/Space to select, Escape to clear. The legend's "
        "**2 categories** row opens into *which* combinations are there: choose one to highlight its heads "
        "in every panel, then *select* them. The selection is `widget.selected`, synced both ways:"
    ),
    new_code_cell(
        "picked = []\n"
        'widget.observe(lambda change: picked.append(change["new"]), names="selected")  # fires on clicks too\n'
        "widget.selected = [(27, 18), (30, 21)]  # or pick them in the view above\n"
        "heads_to_ablate = list(widget.selected)  # (layer, head) pairs for your ablation or steering code\n"
        "heads_to_ablate"
    ),
    new_markdown_cell("The labels come back as a read-only numpy array (layers, heads, categories):"),
    new_code_cell("dict(zip(widget.categories, widget.labels.sum(axis=(0, 1)).tolist()))"),
]


def main() -> None:
    write_notebook(CELLS, "quickstart.ipynb")


if __name__ == "__main__":
    main()
