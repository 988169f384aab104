"""Colours of the head map: the one place they are defined.

The defaults reproduce the reference figure exactly (matplotlib's tab10 order):
categories take blue, orange, green, red; a head in 2 / 3 / 4 categories is
purple / brown / pink; unclassified heads are light grey.

Beyond four categories (documented in the README):

* categories 5 and 6 take tab10's remaining hues, olive and cyan, and
  categories 7 to 12 the light partners of the first six from tab20
  (light blue, light orange, light green, light red, light olive, light cyan);
* a head in 5 or more categories takes a grey that darkens with the count,
  from tab10's grey (#7f7f7f, 5 categories) to near-black (12 categories),
  all clearly apart from the light grey of unclassified heads.

More than 12 categories need ``palette={category: colour}`` for the extra ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

#: Colour of heads in no (visible) category; also the panels' background.
UNCLASSIFIED = "#e6e6e6"

#: One colour per category, in category order.
CATEGORY_COLORS: tuple[str, ...] = (
    "#1f77b4",  # blue
    "#ff7f0e",  # orange
    "#2ca02c",  # green
    "#d62728",  # red
    "#bcbd22",  # olive
    "#17becf",  # cyan
    "#aec7e8",  # light blue
    "#ffbb78",  # light orange
    "#98df8a",  # light green
    "#ff9896",  # light red
    "#dbdb8d",  # light olive
    "#9edae5",  # light cyan
)


def _grey(level: int) -> str:
    return f"#{level:02x}{level:02x}{level:02x}"


#: Colour of a head in k categories, for k = 2, 3, ...: index k - 2.
MULTI_COLORS: tuple[str, ...] = (
    "#9467bd",  # 2 categories: purple
    "#8c564b",  # 3 categories: brown
    "#e377c2",  # 4 categories: pink
    # 5 .. 12 categories: greys darkening from tab10's #7f7f7f to #101010.
    *(_grey(0x7F - round(i * (0x7F - 0x10) / 7)) for i in range(8)),
)

MAX_CATEGORIES = len(CATEGORY_COLORS)

#: ``palette="colorblind"``: Okabe & Ito's colour-blind-safe set. Categories take
#: blue, orange, bluish green, vermillion, sky blue; heads in 2 / 3 / 4 / 5 categories
#: reddish purple / yellow / black / grey. Up to 5 categories.
COLORBLIND_CATEGORY_COLORS: tuple[str, ...] = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9")
COLORBLIND_MULTI_COLORS: tuple[str, ...] = ("#cc79a7", "#f0e442", "#000000", "#7f7f7f")


def palette_for(
    n_categories: int, categories: Sequence[str] | None = None, palette: object = None
) -> dict[str, object]:
    """The palette sent to the front end for ``n_categories`` categories.

    Linear in the number of categories and of palette entries.

    Parameters
    ----------
    n_categories : int
        Number of categories.
    categories : sequence of str, optional
        Their names, needed when ``palette`` is a mapping.
    palette : None, "reference", "colorblind" or mapping of str to str
        The reference colours, Okabe & Ito's colour-blind-safe set (up to 5
        categories), or ``{category: "#rrggbb"}`` overriding some or all of the
        reference colours (needed for every category beyond the reference's 12).

    Returns
    -------
    dict
        ``{"categories": [...], "multi": [...], "unclassified": "#e6e6e6"}``
        where ``multi[k - 2]`` colours heads in k categories.

    Raises
    ------
    TypeError
        A palette that is neither a str, None nor a mapping (a list or array of colours,
        say), or a mapping key that is not a str.
    ValueError
        An unknown palette name, category or colour; categories left without a colour;
        or a mapping that gives a category the colour of another category, of heads in
        several categories or of unclassified heads (the composite could not tell them apart).
    """
    # Check the type first: comparing an array with a str (palette == "colorblind") is
    # elementwise in numpy, and its truth value is ambiguous.
    if palette is not None and not isinstance(palette, (str, Mapping)):
        hint = (
            "; for one colour per category pass dict(zip(categories, colours))"
            if isinstance(palette, (Sequence, np.ndarray))
            else ""
        )
        raise TypeError(
            f"palette must be 'reference', 'colorblind' or a mapping {{category: colour}}; "
            f"got {type(palette).__name__} {palette!r:.80}{hint}"
        )
    if isinstance(palette, str) and palette not in ("reference", "colorblind"):
        raise ValueError(
            f"palette must be 'reference', 'colorblind' or a mapping {{category: colour}}; got {palette!r:.80}"
        )
    base, multi, kind = CATEGORY_COLORS, multi_colors(n_categories), "reference"
    if palette == "colorblind":
        base, multi, kind = (
            COLORBLIND_CATEGORY_COLORS,
            list(COLORBLIND_MULTI_COLORS[: max(0, n_categories - 1)]),
            "colorblind",
        )
        if n_categories > len(base):
            raise ValueError(
                f"labels has {n_categories} categories; the colorblind palette has colours for at most "
                f"{len(base)}: use palette='reference' or pass palette={{name: '#rrggbb'}}"
            )
    names = list(categories or [])
    custom: dict[str, str] = {}
    if isinstance(palette, Mapping):
        known = set(names)  # a set: one lookup per entry keeps this linear
        for name, colour in palette.items():
            if not isinstance(name, str):
                raise TypeError(f"palette keys must be category names (str); got {type(name).__name__} {name!r:.80}")
            if name not in known:
                shown = names if len(names) <= 20 else [*names[:20], "..."]
                raise ValueError(f"palette names {name!r}, which is not a category; expected names from {shown}")
            custom[name] = check_color(colour, f"palette[{name!r}]")
    colours = []
    for i in range(n_categories):
        name = names[i] if i < len(names) else None
        if name in custom:
            colours.append(custom[name])
        elif i < len(base):
            colours.append(base[i])
        else:
            raise ValueError(
                f"labels has {n_categories} categories; the {kind} palette has colours for at most "
                f"{len(base)}: pass palette={{name: '#rrggbb'}} for the others"
            )
    if custom:
        _check_distinct(colours, names, multi)
    return {"categories": colours, "multi": multi, "unclassified": UNCLASSIFIED}


def _check_distinct(colours: Sequence[str], names: Sequence[str], multi: Sequence[str]) -> None:
    """Refuse custom colours that make two categories, or a category and heads in several
    categories or unclassified heads, look alike: the composite and legend would merge them."""
    owner: dict[str, str] = {UNCLASSIFIED: "unclassified heads"}
    for k, colour in enumerate(multi):
        owner.setdefault(colour, f"heads in {k + 2} categories")
    categories: dict[str, str] = {}
    for i, colour in enumerate(colours):
        name = names[i] if i < len(names) else f"Category {i + 1}"
        if colour in categories:
            raise ValueError(
                f"palette leaves {categories[colour]!r} and {name!r} with the same colour {colour}; "
                "expected a colour of its own for each category"
            )
        if colour in owner:
            raise ValueError(
                f"palette gives {name!r} the colour {colour} of {owner[colour]}; "
                "expected a colour of its own for each category"
            )
        categories[colour] = name


def multi_colors(n_categories: int) -> list[str]:
    """Colours for heads in 2 .. n_categories categories (the reference's, greys beyond 12)."""
    if n_categories <= MAX_CATEGORIES:
        return list(MULTI_COLORS[: max(0, n_categories - 1)])
    steps = n_categories - 5  # 5 .. n categories: #7f7f7f down to #101010
    return [*MULTI_COLORS[:3], *(_grey(0x7F - round(i * (0x7F - 0x10) / steps)) for i in range(steps + 1))]


def check_color(colour: object, name: str) -> str:
    """A "#rgb" or "#rrggbb" colour, returned as lower-case "#rrggbb"."""
    if isinstance(colour, str) and re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour):
        hex_digits = colour[1:].lower()
        return "#" + (hex_digits if len(hex_digits) == 6 else "".join(d * 2 for d in hex_digits))
    raise ValueError(f"{name} must be a colour '#rrggbb' or '#rgb'; got {colour!r}")
