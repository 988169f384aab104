"""Sphinx + myst-nb: HeadMapWidget outputs drawn live in the built site, offline.

In ``conf.py``::

    extensions = ["myst_nb", "headwidget.sphinx"]

myst-nb adds the scripts of ``nb_ipywidgets_js`` to every page whose notebook saved widget
state; by default require.js and ``@jupyter-widgets/html-manager`` from CDNs. This extension
puts ``_static/headwidget-embed.js`` (:mod:`headwidget.embed`) in their place: the page draws
its head maps from the saved state and asks nothing of any other site. Entries of
``nb_ipywidgets_js`` that differ from myst-nb's defaults are the user's and stay, after
ours (add html-manager back there to draw other widgets from a CDN as well).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import __version__
from .embed import copy_script

#: The file name under the site's ``_static``.
SCRIPT_NAME = "headwidget-embed.js"


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: load myst-nb, swap its widget scripts, copy ours into the site."""
    app.setup_extension("myst_nb")  # idempotent: the order in `extensions` does not matter
    app.connect("config-inited", use_embed_script)
    app.connect("builder-inited", copy_embed_script)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def widget_scripts(configured: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """``nb_ipywidgets_js`` with myst-nb's default entries replaced by headwidget's script."""
    from myst_nb.core.config import ipywidgets_js_factory

    defaults = ipywidgets_js_factory()
    kept = {url: attrs for url, attrs in configured.items() if url != SCRIPT_NAME and defaults.get(url) != attrs}
    return {SCRIPT_NAME: {}, **kept}  # a relative name: Sphinx serves it from _static/


def use_embed_script(app: Any, config: Any) -> None:
    config.nb_ipywidgets_js = widget_scripts(dict(config.nb_ipywidgets_js))


def copy_embed_script(app: Any) -> None:
    # Before the pages are written, so Sphinx stamps the script tag with the file's checksum.
    if getattr(app.builder, "format", None) == "html":
        copy_script(Path(app.builder.outdir) / "_static" / SCRIPT_NAME)
