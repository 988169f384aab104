"""What a big widget costs the kernel and the notebook, beside plotly for the same figure.

For each shape (layers x heads x categories, random labels at a given density) this
times, best of ``--repeat`` runs:

* headwidget: constructing the widget, then the whole display: the synced state as the
  comm sends it (``get_state``, binary buffers split off, JSON) and the two outputs
  ``display(widget)`` sends in a kernel (the widget view, then the static figure as HTML),
  as JSON;
* plotly: building the same figure (``benchmarks/pages.py``: ``make_subplots`` with one
  ``go.Heatmap`` per panel) and serialising it (``fig.to_json()``);

and prints their bytes, with headwidget / plotly ratios (the target: at most 1/4 of
plotly's time and 1/2 of its bytes at 126 x 128 x 12). Shapes whose view draws more
than ``static_fallback_max_cells`` carry a one-line notice instead of the fallback.
Then it compares the fallback's forms for the first shape (vector paths, as
``save("x.svg")`` writes, PNG cells, as the display does, and a ``<rect>`` per run),
and times the palette check with many categories.

Usage: ``.venv/bin/python benchmarks/display.py [--density 0.1] [--repeat 5] [--no-plotly]``.
The README's "published notebooks" section states the fallback's numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from headwidget import HeadMapWidget
from headwidget.palette import palette_for

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.helpers.display import displayed  # noqa: E402

SHAPES = [(126, 128, 12), (512, 512, 12), (2048, 2048, 12)]
PLOTLY_SHAPES = SHAPES[:2]  # plotly at 2,048 x 2,048 x 12 is minutes and hundreds of MB


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs of ``run`` in seconds, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - t0)
    return best, result


def display_message(labels: np.ndarray) -> tuple[int, str]:
    """Construct a widget and make its display message; its bytes and the fallback's kind."""
    from ipywidgets.widgets.widget import _remove_buffers

    widget = HeadMapWidget(labels)
    state, _, buffers = _remove_buffers(widget.get_state())
    outputs = displayed(widget)  # what a kernel sends: the widget view, then the static figure
    size = len(json.dumps(state)) + sum(len(memoryview(b).cast("B")) for b in buffers) + len(json.dumps(outputs))
    return size, "svg" if "<svg" in outputs[-1].get("text/html", "") else "notice"


def plotly_message(labels: np.ndarray) -> int:
    """Build the same figure in plotly and serialise it; its bytes."""
    from pages import plotly_figure

    categories = [f"category {c}" for c in range(labels.shape[2])]
    return len(plotly_figure(labels, categories).to_json())


def compare(args: argparse.Namespace, rng: np.random.Generator) -> None:
    print("Display: headwidget (construct + state + bundle) vs plotly (build + to_json)")
    print(
        f"{'shape':>16} {'hw ms':>8} {'hw KB':>8} {'fallback':>8} {'plotly ms':>10} {'plotly KB':>10}"
        f" {'time ratio':>10} {'bytes ratio':>11}"
    )
    for shape in SHAPES:
        labels = rng.random(shape, dtype=np.float32) < args.density
        seconds, (size, kind) = best_of(args.repeat, lambda labels=labels: display_message(labels))
        name = " x ".join(map(str, shape))
        row = f"{name:>16} {seconds * 1e3:8.1f} {size / 1e3:8.1f} {kind:>8}"
        if args.plotly and shape in PLOTLY_SHAPES:
            p_seconds, p_size = best_of(args.repeat, lambda labels=labels: plotly_message(labels))
            row += f" {p_seconds * 1e3:10.1f} {p_size / 1e3:10.1f} {seconds / p_seconds:10.3f} {size / p_size:11.3f}"
        print(row, flush=True)


def fallback_forms(args: argparse.Namespace, rng: np.random.Generator) -> None:
    from headwidget.figure import Layout
    from headwidget.snapshot import Snapshot
    from headwidget.svg import draw_svg

    shape = SHAPES[0]
    layout = Layout.of(Snapshot.of(HeadMapWidget(rng.random(shape, dtype=np.float32) < args.density)))
    print(f"\nThe fallback's forms at {' x '.join(map(str, shape))} (the layout built once)")
    for form, raster in (("vector paths (save)", False), ("PNG cells (display)", True)):
        seconds, svg = best_of(args.repeat, lambda raster=raster: draw_svg(layout, raster=raster))
        print(f"{form:>22} {seconds * 1e3:8.1f} ms {len(svg) / 1e3:8.1f} KB")
    seconds, rects = best_of(args.repeat, lambda: rect_runs(layout))
    print(f"{'a <rect> per run':>22} {seconds * 1e3:8.1f} ms {len(rects) / 1e3:8.1f} KB  (the cells alone)")


def rect_runs(layout: Any) -> str:
    """The third form measured: one ``<rect>`` per run of equal cells in a head row (cells only)."""
    from itertools import groupby

    out = []
    for panel in layout.panels:
        for y, row in enumerate(panel.codes.tolist()):
            col = 0
            for code, run in groupby(row):
                n = sum(1 for _ in run)
                if code:
                    out.append(f'<rect x="{col}" y="{y}" width="{n}" height="1" fill="{panel.lookup[code]}"/>')
                col += n
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--density", type=float, default=0.1, help="share of heads in each category")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the fastest counts")
    parser.add_argument("--no-plotly", dest="plotly", action="store_false", help="headwidget only")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))  # pages.py, for the plotly figure
    compare(args, np.random.default_rng(0))
    fallback_forms(args, np.random.default_rng(0))
    for n in (256,):  # the most categories a widget displays (labels.MAX_CATEGORIES)
        names = [f"task {i}" for i in range(n)]
        mapping = {name: f"#{i:04x}ff" for i, name in enumerate(names)}  # distinct, not grey
        t0 = time.perf_counter()
        try:
            palette_for(n, names, mapping)
        except Exception as exc:  # reported, so the display numbers above still stand
            print(f"palette_for with {n} categories failed: {type(exc).__name__}: {exc}")
            continue
        print(f"palette_for with {n} categories, each coloured: {time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
