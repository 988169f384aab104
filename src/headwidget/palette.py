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

More than 12 categories are refused with a clear error.
"""

from __future__ import annotations

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


def palette_for(n_categories: int) -> dict[str, object]:
    """The palette sent to the front end for ``n_categories`` categories.

    Returns
    -------
    dict
        ``{"categories": [...], "multi": [...], "unclassified": "#e6e6e6"}``
        where ``multi[k - 2]`` colours heads in k categories.

    Raises
    ------
    ValueError
        When there are more categories than the palette has colours.
    """
    if n_categories > MAX_CATEGORIES:
        raise ValueError(
            f"labels has {n_categories} categories; the default palette has colours for at most {MAX_CATEGORIES}"
        )
    return {
        "categories": list(CATEGORY_COLORS[:n_categories]),
        "multi": list(MULTI_COLORS[: max(0, n_categories - 1)]),
        "unclassified": UNCLASSIFIED,
    }
