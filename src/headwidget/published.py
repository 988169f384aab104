"""The static figure displayed after the live view, so a published notebook is never empty.

Where a notebook is published (nbconvert, ``--to webpdf``, a Sphinx + myst-nb site, nbviewer),
the page draws a widget output only if it can load the widget scripts, from a CDN by default;
offline, or with no saved widget state, that output is empty. So in a kernel
``display(widget)`` sends two outputs: the widget view, then :func:`static_output`, the figure
as HTML: one ``<img>`` of the SVG (one PNG per panel inside), scaled down to the page's
width. A CSS rule in that HTML hides it wherever the same widget's live view is in the page: the view's root carries
``data-headwidget-figure="<id>"`` and the figure ``data-headwidget-static="<id>"`` (the
widget's ``_figure_id``). In a live JupyterLab or Notebook 7 output area the rule also hides it
as soon as a widget output precedes it, so it never shows before the view draws.

:mod:`headwidget.embed` draws the live view itself in such pages, offline (one setting).
"""

from __future__ import annotations

import html
from typing import Any

from . import export

#: The static figure's text/plain, for a front end that shows nothing richer.
PLAIN = "(static figure of the head map above)"


def hide_rule(figure_id: str) -> str:
    """The CSS that hides the static figure of ``figure_id`` where its live view is."""
    static = f'[data-headwidget-static="{figure_id}"]'
    return (
        f'<style>:root:has([data-headwidget-figure="{figure_id}"]) {static},'
        # JupyterLab / Notebook 7: right after a widget output (a Lumino Panel; other outputs are not).
        f".lm-Widget.jp-OutputArea-child:has(> .jp-OutputArea-output.lm-Panel)"
        f" + .lm-Widget.jp-OutputArea-child {static}"
        "{display:none}</style>"
    )


def static_html(body: str, figure_id: str) -> str:
    """``body`` (the figure's ``<img>``, or a notice as HTML) wrapped with its hide rule."""
    if not figure_id.isalnum():  # a FigureId is hex; nothing else may reach the CSS
        raise ValueError(f"figure_id must be alphanumeric; got {figure_id!r}")
    return f'<div class="headwidget-static" data-headwidget-static="{figure_id}">{hide_rule(figure_id)}{body}</div>'


def static_output(widget: Any) -> dict[str, str] | None:
    """The display bundle of ``widget``'s static figure, or ``None`` when it has none.

    Above ``widget.static_fallback_max_cells`` cells (checked before drawing) it is a one-line
    notice instead of the figure.
    """
    if not widget.static_fallback:
        return None
    (first, last), (first_head, last_head) = widget.layer_range, widget.head_range
    cells = (last - first + 1) * (last_head - first_head + 1) * (len(widget.visible) + 1)
    if cells > widget.static_fallback_max_cells:
        # Checked before drawing: a 2,048 x 2,048 x 12 view is 54 M cells.
        n_layers, n_heads, n_categories = widget.shape
        notice = (
            f"HeadMapWidget: {n_layers} layers x {n_heads} heads, {n_categories} categories. "
            f"No static figure in this output: the view draws {cells:,} cells, more than "
            f"{widget.static_fallback_max_cells:,}; crop layer_range / head_range or hide categories "
            "before displaying, or write the figure with widget.save('map.svg')."
        )
        return {"text/html": static_html(f"<p>{html.escape(notice)}</p>", widget._figure_id), "text/plain": notice}
    from .figure import Layout
    from .snapshot import Snapshot
    from .svg import draw_svg

    snapshot = Snapshot.of(widget, counts=export.resolve_counts(widget, None))
    svg = draw_svg(Layout.of(snapshot), raster=True)  # cells as PNG: cheap to build and to carry
    return {"text/html": static_html(svg_img(svg, alt_text(widget)), widget._figure_id), "text/plain": PLAIN}


def svg_img(svg: str, alt: str) -> str:
    """The SVG as one ``<img>``: a page parses one element, not the figure's hundreds (in
    JupyterLab, where it stays hidden, that is most of its cost). The ``data:`` URL is
    percent-encoded only where a URL or a double-quoted attribute needs it, so it is hardly
    bigger than the SVG."""
    url = svg.replace("%", "%25").replace("#", "%23").replace('"', "%22").replace("\n", "%0A")
    return (
        f'<img alt="{html.escape(alt, quote=True)}" style="max-width: 100%; height: auto" '
        f'src="data:image/svg+xml,{url.replace("&", "&amp;")}">'
    )


def alt_text(widget: Any) -> str:
    """What the figure shows, in words, for a reader that shows no images."""
    n_layers, n_heads, _ = widget.shape
    (first, last), (first_head, last_head) = widget.layer_range, widget.head_range
    title = f"{widget.title}: " if widget.title else ""
    return (
        f"{title}head map, layers {first}-{last} of {n_layers}, heads {first_head}-{last_head} of {n_heads}; "
        f"panels: All Categories, {', '.join(widget.visible)}"
    )
