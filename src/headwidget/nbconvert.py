"""nbconvert exporters whose pages draw HeadMapWidget views live, offline.

``jupyter nbconvert --to headwidget --execute nb.ipynb`` writes one self-contained HTML page;
``--to headwidget_webpdf`` prints that page to PDF through Chromium, live views drawn. Both
are JupyterLab's template with :mod:`headwidget.embed`'s script inlined in place of
``@jupyter-widgets/html-manager`` from a CDN (set ``widget_renderer_url`` to load that too,
for other widgets), and require.js and MathJax loaded only when the notebook seems to use
them (set ``require_js`` / ``mathjax`` to True or False to decide). Registered as the
``nbconvert.exporters`` entry points ``headwidget`` and ``headwidget_webpdf``; this module
is the only one that imports nbconvert, and only headwidget's own nbconvert commands import it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from nbconvert.exporters import html as _html
from nbconvert.exporters import webpdf as _webpdf
from traitlets import Enum, default, validate
from traitlets.config import Configurable

from .embed import inline_script

TEMPLATES = Path(__file__).parent / "templates"
# Output code that calls require.js (plotly's and bokeh's notebook modes, old extensions).
_REQUIRE = re.compile(r"(?<![.\w$])(?:require|requirejs|define)\s*(?:\(|\.config\b|\.undef\b)")
# TeX delimiters MathJax would typeset in Markdown cells and text outputs.
_TEX = re.compile(r"\$|\\\(|\\\[|\\begin\{")


class _Live(Configurable):
    """What both exporters add to nbconvert's: the template, and resources it reads."""

    require_js = Enum(
        ["auto", True, False],
        "auto",
        help="Load require.js: 'auto' when an output's code calls require() or widget_renderer_url is set",
    ).tag(config=True)
    mathjax = Enum(["auto", True, False], "auto", help="Load MathJax: 'auto' when the notebook has TeX").tag(
        config=True
    )

    @default("template_name")
    def _template_name_default(self) -> str:
        return "headwidget"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [os.getcwd(), str(TEMPLATES)]  # nbconvert's default (the working folder), then ours

    @validate("extra_template_basedirs")
    def _keep_ours(self, proposal: Any) -> list[str]:
        # Folders the user configures come first; the "headwidget" template is found all the same.
        folders = list(proposal["value"])
        return folders if str(TEMPLATES) in folders else [*folders, str(TEMPLATES)]

    def from_notebook_node(self, nb: Any, resources: dict | None = None, **kw: Any) -> Any:
        resources = dict(resources or {})
        resources["headwidget_embed_js"] = inline_script()
        # html-manager, when asked for (widget_renderer_url), is an AMD module: it needs require.js.
        needs_require = lambda: bool(self.widget_renderer_url) or uses_require(nb)  # noqa: E731
        resources["headwidget_require_js"] = _decide(self.require_js, needs_require)
        resources["headwidget_mathjax"] = _decide(self.mathjax, lambda: has_tex(nb))
        return super().from_notebook_node(nb, resources=resources, **kw)  # type: ignore[misc]


class HTMLExporter(_Live, _html.HTMLExporter):
    """nbconvert's HTML exporter; HeadMapWidget views draw live offline (``--to headwidget``)."""

    export_from_notebook = "HTML, head maps live offline"


class WebPDFExporter(_Live, _webpdf.WebPDFExporter):
    """nbconvert's web PDF exporter; live HeadMapWidget views printed (``--to headwidget_webpdf``)."""

    export_from_notebook = "PDF via HTML, head maps live"


def _decide(setting: Any, auto: Any) -> bool:
    return bool(auto()) if setting == "auto" else bool(setting)


def _outputs(nb: Any, mimetypes: tuple[str, ...]):
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            for mimetype in mimetypes:
                value = output.get("data", {}).get(mimetype)
                if value:
                    yield value if isinstance(value, str) else "".join(value)


def uses_require(nb: Any) -> bool:
    """Whether an HTML or JavaScript output seems to call require.js."""
    return any(_REQUIRE.search(text) for text in _outputs(nb, ("text/html", "application/javascript")))


def has_tex(nb: Any) -> bool:
    """Whether a Markdown cell or a Markdown / LaTeX output holds a TeX delimiter."""
    markdown = (cell.get("source", "") for cell in nb.get("cells", []) if cell.get("cell_type") == "markdown")
    texts = [*markdown, *_outputs(nb, ("text/markdown", "text/latex"))]
    return any(_TEX.search(text if isinstance(text, str) else "".join(text)) for text in texts)
