"""What a kernel sends for ``display(widget)``: the outputs, in order, as their data dicts."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace
from typing import Any
from unittest import mock
from urllib.parse import unquote

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def displayed(widget: Any, *, kernel: bool = True) -> list[dict[str, Any]]:
    """The data of each output ``display(widget)`` sends, in a kernel (or a terminal with ``kernel=False``)."""
    sent: list[dict[str, Any]] = []
    shell = SimpleNamespace(kernel=object() if kernel else None)
    with (
        mock.patch("IPython.get_ipython", return_value=shell),
        mock.patch("IPython.display.display", side_effect=lambda data, **kw: sent.append(data)),
    ):
        widget._ipython_display_()
    return sent


def static_figure(widget: Any) -> dict[str, Any]:
    """The static figure's output (the second one), checked to follow the live view."""
    outputs = displayed(widget)
    assert len(outputs) == 2 and WIDGET_VIEW in outputs[0] and WIDGET_VIEW not in outputs[1], outputs
    return outputs[1]


def static_svg(widget: Any) -> str:
    """The SVG document the static figure's ``<img>`` shows (its ``data:`` URL decoded)."""
    page = static_figure(widget)["text/html"]
    found = re.findall(r'<img [^>]*src="data:image/svg\+xml,([^"]*)"', page)
    assert len(found) == 1, page[:300]
    return unquote(html.unescape(found[0]))
