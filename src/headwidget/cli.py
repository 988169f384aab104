"""``headwidget render INPUT -o OUT``: snapshots from scripts and CI pipelines.

INPUT is a file written by ``save_labels`` (.npz, .csv, .json) or ``--example``;
OUT is .svg, .png, .pdf or .html, written whole or not at all (an existing OUT is
kept when anything fails). Every error — bad options, a malformed or special input
file, a failed write — is one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import traitlets


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors as one line and exit status 2 like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"headwidget: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="headwidget", description="Draw attention-head category maps.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    render = commands.add_parser("render", help="write a snapshot (.svg, .png, .pdf or .html)")
    render.add_argument("input", nargs="?", help="labels written by save_labels: .npz, .csv or .json")
    render.add_argument("--example", action="store_true", help="use the bundled synthetic example instead")
    render.add_argument("-o", "--output", required=True, help="output file: .svg, .png, .pdf or .html")
    render.add_argument("--layers", help="inclusive layer range FIRST:LAST, e.g. 18:31")
    render.add_argument("--heads", help="inclusive head range FIRST:LAST, e.g. 0:15")
    render.add_argument("--categories", help="comma-separated categories to show, e.g. Linguistic,Translation")
    render.add_argument("--title", help="title above the panels")
    render.add_argument("--dpi", default="150", help="PNG resolution, pixels per inch, 1 to 2400 (default 150)")
    render.add_argument("--counts", action="store_true", help="add the per-layer count bars under the composite")
    size = render.add_argument_group("figure size (SVG, PNG, PDF)")
    size.add_argument("--width", help="figure width: 3.25in, 17cm, 120mm, 504pt or 900px (default 7in)")
    size.add_argument("--font-size", help="text size in points at that width (default 8)")
    size.add_argument("--ncols", help="panels per row (default: as many as fit)")
    size.add_argument("--panels", help='panels in order, comma-separated, e.g. "All Categories,Translation"')
    size.add_argument("--legend", default="left", help="left (default), right, top, bottom or none")
    size.add_argument("--xlabel", default="layer", help='x axis label (default "layer"; "" for none)')
    size.add_argument("--ylabel", default="head", help='y axis label (default "head"; "" for none)')
    return parser


def _range(option: str, text: str, example: str) -> tuple[int, int]:
    try:
        first, last = (int(part) for part in text.split(":"))
    except ValueError:
        raise ValueError(f"{option} must be FIRST:LAST with integers, e.g. {example}; got {text!r}") from None
    return first, last


def run(args: argparse.Namespace) -> None:
    from . import HeadMapWidget, example_labels

    if args.example == bool(args.input):
        raise ValueError("give either INPUT or --example")
    options = {}
    if args.layers:
        options["layer_range"] = _range("--layers", args.layers, "18:31")
    if args.heads:
        options["head_range"] = _range("--heads", args.heads, "0:15")
    if args.categories:
        options["visible"] = [name.strip() for name in args.categories.split(",") if name.strip()]
    if args.title is not None:
        options["title"] = args.title
    widget = HeadMapWidget(example_labels(), **options) if args.example else HeadMapWidget.load(args.input, **options)
    dpi = _number("--dpi", args.dpi, float, "300")
    widget.save(args.output, dpi=dpi, counts=args.counts, **size_options(args))


def size_options(args: argparse.Namespace) -> dict[str, Any]:
    """The figure-size options as ``save`` takes them (it checks them)."""
    return {
        "width": args.width,
        "font_size": _number("--font-size", args.font_size, float, "7"),
        "ncols": _number("--ncols", args.ncols, int, "3"),
        "panels": None if args.panels is None else [name.strip() for name in args.panels.split(",") if name.strip()],
        "legend": None if args.legend.strip().lower() == "none" else args.legend.strip().lower(),
        "xlabel": args.xlabel,
        "ylabel": args.ylabel,
    }


def _number(option: str, text: str | None, kind: type, example: str) -> Any:
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{option} must be {what}, e.g. {example}; got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        run(args)
    except (ValueError, TypeError, OSError, traitlets.TraitError, ImportError) as exc:
        _fail(str(exc) or type(exc).__name__)
        return 2
    except (MemoryError, RecursionError) as exc:  # the loaders refuse what would cause these; a last guard
        _fail(f"{type(exc).__name__} while rendering {args.input or 'the example'}: {exc}")
        return 2
    except KeyboardInterrupt:
        _fail("interrupted; nothing was written")
        return 130
    print(args.output)
    return 0


def _fail(message: str) -> None:
    """One line on stderr: the first line of ``message``."""
    lines = message.splitlines()
    print(f"headwidget: error: {lines[0] if lines else message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
