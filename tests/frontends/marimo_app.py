"""The marimo notebook tests/frontends/test_marimo.py drives: a view, a cell that depends on it
(counting its runs), and ``widget.layer_slider()`` (marimo's own range slider there)."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")


@app.cell
def _():
    import marimo as mo

    from headwidget import HeadMapWidget, example_labels

    widget = HeadMapWidget(example_labels(), title="marimo test", continuous_update=False)
    view = mo.ui.anywidget(widget)
    view
    return mo, view, widget


@app.cell
def _():
    runs = []  # not reactive: the cell below appends once per run
    return (runs,)


@app.cell
def _(mo, runs, view):
    runs.append(view.layer_range)
    first, last = view.layer_range
    mo.plain_text(f"python: layers {first}-{last} | visible {','.join(view.visible)} | runs {len(runs)}")
    return


@app.cell
def _(widget):
    layers = widget.layer_slider(label="python slider")
    layers
    return


if __name__ == "__main__":
    app.run()
