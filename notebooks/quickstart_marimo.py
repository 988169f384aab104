"""headwidget quickstart for marimo: `marimo edit notebooks/quickstart_marimo.py` (or `marimo run`)."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")


@app.cell
def _():
    import marimo as mo

    return (mo,)


@app.cell(hide_code=True)
def _(mo):
    mo.md(
        """
        # headwidget quickstart (marimo)

        A live map of which attention heads (layer × head) belong to which functional category.
        In marimo, wrap the widget in `mo.ui.anywidget(...)`: a cell that refers to the wrapped
        view runs again whenever the view changes a trait (a slider, a category toggle, a click).

        ## A real model: Llama-2-7B

        Two published per-head maps of Llama-2-7B's 32 layers × 32 heads, on one grid: the 10
        **function-vector** heads of Todd et al. (ICLR 2024) and the 446 **retrieval** heads
        DuoAttention (Xiao et al. 2024) found in the model's 32K-context fine-tune. All ten
        function-vector heads are retrieval heads too: they are the "2 categories" cells.
        """
    )
    return


@app.cell
def _(mo):
    from headwidget import datasets

    llama = datasets.load("llama-2-7b-fv-retrieval")
    real = mo.ui.anywidget(llama.widget(title="Llama-2-7B: function-vector heads and retrieval heads"))
    real
    return (llama,)


@app.cell
def _(llama, mo):
    mo.md(f"{llama.citation}\n\nLicence: {llama.licence}")
    return


@app.cell(hide_code=True)
def _(mo):
    mo.md(
        """
        ## The reference figure's look (synthetic)

        The labels below are **synthetic**: `example_labels()` draws them from a seeded random
        generator shaped like published results. They describe no real model.

        `continuous_update=False` makes the view's own sliders send the range once, when you
        let go, so the cell below runs once per drag instead of once per step.
        """
    )
    return


@app.cell
def _(mo):
    from headwidget import HeadMapWidget, example_labels

    widget = HeadMapWidget(example_labels(), title="Synthetic example: 32 layers x 32 heads", continuous_update=False)
    view = mo.ui.anywidget(widget)
    view
    return (view, widget)


@app.cell
def _(mo, view):
    # Refers to `view`: runs again whenever the view changes a trait.
    mo.md(f"layer_range = `{view.layer_range}`, visible = `{view.visible}`, selected = `{view.selected}`")
    return


@app.cell(hide_code=True)
def _(mo):
    mo.md(
        """
        In marimo, `widget.layer_slider()` returns marimo's own `mo.ui.range_slider`, wired to
        `widget.layer_range` (in Jupyter it is an `ipywidgets.IntRangeSlider`). Moving it
        sets the trait and every view follows; the link is one way (the slider does not
        follow the view). Bind it to a name, as every marimo UI element must be.
        """
    )
    return


@app.cell
def _(widget):
    layers = widget.layer_slider()
    layers
    return


@app.cell
def _(mo):
    hide = mo.ui.multiselect(options=["Algorithmic", "Knowledge", "Linguistic", "Translation"], label="hide categories")
    hide
    return (hide,)


@app.cell
def _(hide, widget):
    # Setting a trait from Python redraws every view.
    widget.visible = [c for c in widget.categories if c not in hide.value]
    return


if __name__ == "__main__":
    app.run()
