"""Write a generated notebook with stable cell ids (regenerating it changes nothing)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def write_notebook(cells: list, name: str) -> None:
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i}"
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    target = NOTEBOOKS / name
    partial = target.with_name(f".{name}.tmp")  # never a half-written notebook
    nbformat.write(nb, partial)
    partial.replace(target)
    print(f"wrote {NOTEBOOKS / name}")
