"""Write notebooks/real-models.ipynb: each bundled published head map, and tasks grouped into categories."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell
from notebook_writer import write_notebook

CELLS = [
    new_markdown_cell(
        "# Real head maps\n\n"
        "`headwidget.datasets` ships published per-head classifications and scores in the package "
        "(a few kB, read offline). Each carries its citation, source file and commit, licence, and what was "
        "done to the values (`notes`)."
    ),
    new_code_cell(
        "from headwidget import HeadMapWidget, datasets\n\n"
        "for name in datasets.names():\n"
        "    d = datasets.load(name)\n"
        "    counts = dict(zip(d.categories, d.labels.sum(axis=(0, 1)).tolist()))\n"
        '    print(f"{name}: {d.n_layers} x {d.n_heads}, {counts}")'
    ),
    new_markdown_cell(
        "## The IOI circuit in GPT-2 small\n\n"
        "Wang et al. (2022), *Interpretability in the Wild*: the heads of the indirect-object-identification "
        "circuit, seven classes. Labels only, as published; no head is in two classes."
    ),
    new_code_cell('ioi = datasets.load("ioi-gpt2-small")\nioi.widget(title="IOI circuit, GPT-2 small")'),
    new_code_cell('print(ioi.citation)\nioi.heads("Name mover")'),
    new_markdown_cell(
        "## Function-vector heads in Llama-2-7B\n\n"
        "Todd et al. (ICLR 2024): the heads with the highest average indirect effect (AIE) across their "
        "in-context-learning tasks. The repository publishes the top 100 with their AIE (NaN elsewhere); "
        "the paper uses the top 10. Re-classify live with `top_k=`: the view gets a slider."
    ),
    new_code_cell(
        'fv = datasets.load("function-vectors-llama-2-7b")\nfv.widget(top_k=10, title="Function-vector heads")'
    ),
    new_markdown_cell(
        "## Retrieval heads (DuoAttention)\n\n"
        "Xiao et al. (2024): a learned gate per head of Llama-2-7B-32K-Instruct, a 32K-context fine-tune "
        "with Llama-2-7B's 32 × 32 heads; a head with gate ≥ 0.5 keeps full attention (a retrieval head). "
        "Move the threshold in the view, or set it here."
    ),
    new_code_cell(
        'duo = datasets.load("duo-attention-llama-2-7b-32k")\n'
        'retrieval = duo.widget(threshold=0.5, title="Retrieval heads (gate >= threshold)")\n'
        "retrieval"
    ),
    new_code_cell("retrieval.threshold = 0.8\nint(retrieval.labels.sum())  # retrieval heads at gate >= 0.8"),
    new_markdown_cell(
        "## Both on one grid\n\n"
        "The two maps of the same 32 × 32 layout: every one of the ten function-vector heads is also a "
        'retrieval head (the "2 categories" cells). The scores stay on their own scales, one per category, '
        "in the tooltip."
    ),
    new_code_cell('both = datasets.load("llama-2-7b-fv-retrieval")\nboth.widget(title="Llama-2-7B")'),
    new_markdown_cell(
        "## Tasks grouped into categories\n\n"
        "Papers score every head on tasks and group the tasks into categories; a head is in a category "
        "when it passes on any of the category's tasks. None of the bundled sources publishes per-task "
        "scores for every head (the function-vector repository ships the average only), so this part uses "
        "the synthetic 20-task example shaped like the reference figure: 2 Translation, 5 Knowledge, "
        "5 Algorithmic and 8 Linguistic tasks. One call; hover a head for the tasks that put it in each "
        "category, and open a category into its tasks."
    ),
    new_code_cell(
        "from headwidget import example_task_scores\n\n"
        "scores, tasks, groups = example_task_scores()  # (32, 32, 20) scores, 20 task names, {task: category}\n"
        "grouped = HeadMapWidget.from_scores(\n"
        '    scores, tasks, groups=groups, threshold=0.5, title="20 tasks, 4 categories"\n'
        ")\n"
        "grouped"
    ),
    new_code_cell(
        "# heads per task under the current rule, and per category\n"
        "dict(zip(grouped.tasks, grouped.task_labels.sum(axis=(0, 1)).tolist())), "
        "dict(zip(grouped.categories, grouped.labels.sum(axis=(0, 1)).tolist()))"
    ),
]


def main() -> None:
    write_notebook(CELLS, "real-models.ipynb")


if __name__ == "__main__":
    main()
