"""The bundled notebooks run top to bottom in a real kernel, and a saved notebook shows the
figure without any widget manager (the static figure displayed after the live view)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest

from tests.helpers import ROOT

NOTEBOOKS = ROOT / "notebooks"


def execute(name: str, tmp_path: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    shutil.copy(NOTEBOOKS / name, tmp_path / name)
    nb = nbformat.read(tmp_path / name, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def outputs_with(nb: nbformat.NotebookNode, mime: str) -> list:
    return [o for cell in nb.cells for o in cell.get("outputs", []) if mime in o.get("data", {})]


def test_quickstart_runs(tmp_path):
    nb = execute("quickstart.ipynb", tmp_path)
    assert outputs_with(nb, "application/vnd.jupyter.widget-view+json")


def test_real_models_runs_each_dataset_and_the_grouped_tasks(tmp_path):
    nb = execute("real-models.ipynb", tmp_path)
    titles = [o["data"]["text/plain"] for o in outputs_with(nb, "application/vnd.jupyter.widget-view+json")]
    assert len(titles) == 5  # IOI, function vectors, retrieval, both, the 20 grouped tasks
    listing = "".join(o.get("text", "") for cell in nb.cells for o in cell.get("outputs", []))
    assert "ioi-gpt2-small: 12 x 12" in listing and "llama-2-7b-fv-retrieval: 32 x 32" in listing
    counts = [
        o["data"]["text/plain"] for o in outputs_with(nb, "text/plain") if "'Translation'" in o["data"]["text/plain"]
    ]
    assert counts and "'english_to_french'" in counts[-1]  # heads per task, then per category


def test_publishing_runs_and_writes_every_format(tmp_path):
    pytest.importorskip("matplotlib")
    nb = execute("publishing.ipynb", tmp_path)
    assert outputs_with(nb, "image/png")  # the PNG shown inline
    exports = tmp_path / "exports"
    for name in ("view.svg", "full.svg", "view.png", "view.pdf", "map.html"):
        assert (exports / name).stat().st_size > 1000, name
    assert (exports / "view.pdf").read_bytes().startswith(b"%PDF")
    assert (exports / "view.png").read_bytes().startswith(b"\x89PNG")


def test_saved_notebook_shows_the_figure_without_widgets(tmp_path):
    """What GitHub and nbviewer show: no widget state, so each widget output's static figure,
    the output right after it, must be there."""
    from nbconvert import HTMLExporter

    nb = execute("quickstart.ipynb", tmp_path)
    outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
    live = [  # the widget displayed itself (a VBox of it and a slider is one ipywidgets output)
        i
        for i, o in enumerate(outputs)
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
        and o["data"]["text/plain"].startswith("<headwidget.widget.HeadMapWidget")
    ]
    assert live and all('data-headwidget-static="' in outputs[i + 1]["data"]["text/html"] for i in live)
    nb.metadata.pop("widgets", None)  # a viewer with no widget manager
    body, _ = HTMLExporter().from_notebook_node(nb)
    urls = re.findall(r'<div class="headwidget-static".*?<img [^>]*src="data:image/svg\+xml,([^"]*)"', body, re.S)
    assert len(urls) == len(live)
    real, synthetic = (unquote(html.unescape(url)) for url in urls[:2])
    for title in ("All Categories", "Function vector", "Retrieval", "2 categories", "Unclassified"):
        assert f">{title}<" in real  # the notebook opens on a real model
    for title in ("All Categories", "Algorithmic", "Knowledge", "Linguistic", "Translation", "Unclassified"):
        assert f">{title}<" in synthetic
