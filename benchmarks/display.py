"""What a big widget costs the kernel and the notebook: construction, state, display.

For each shape (layers x heads x categories, random labels at a given density) this
times building the widget, serializing its state (what the comm sends when it opens)
and ``_repr_mimebundle_`` (what every display puts in the notebook), and reports the
bundle's bytes. Then it times the palette check with many categories.

Usage: ``.venv/bin/python benchmarks/display.py [--density 0.1]``. Prints a table;
the README's "published notebooks" section states the static fallback's limit.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from headwidget import HeadMapWidget
from headwidget.palette import palette_for

SHAPES = [(126, 128, 12), (512, 512, 12), (2048, 2048, 12)]


def bundle_bytes(bundle: object) -> int:
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    return sum(len(value.encode()) if isinstance(value, str) else len(repr(value)) for value in data.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--density", type=float, default=0.1, help="share of heads in each category")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    print(f"{'shape':>16} {'build s':>8} {'state s':>8} {'display s':>9} {'bundle KB':>10}  fallback")
    for shape in SHAPES:
        labels = rng.random(shape, dtype=np.float32) < args.density
        t0 = time.perf_counter()
        widget = HeadMapWidget(labels)
        t1 = time.perf_counter()
        widget.get_state()
        t2 = time.perf_counter()
        bundle = widget._repr_mimebundle_()
        t3 = time.perf_counter()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        kind = "svg" if "image/svg+xml" in data else "notice"
        name = " x ".join(map(str, shape))
        print(f"{name:>16} {t1 - t0:8.3f} {t2 - t1:8.3f} {t3 - t2:9.3f} {bundle_bytes(bundle) / 1e3:10.1f}  {kind}")
    for n in (1000, 10000):
        names = [f"task {i}" for i in range(n)]
        mapping = {name: f"#{i:04x}ff" for i, name in enumerate(names)}  # distinct, not grey
        t0 = time.perf_counter()
        palette_for(n, names, mapping)
        print(f"palette_for with {n} categories, each coloured: {time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
