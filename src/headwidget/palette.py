"""Colours of the head map: the one place they are defined.

The defaults reproduce the reference figure exactly (matplotlib's tab10 order):
categories take blue, orange, green, red; a head in 2 / 3 / 4 categories is
purple / brown / pink; unclassified heads are light grey.

Beyond four categories (documented in the README):

* categories 5 and 6 take tab10's remaining hues, olive and cyan, and
  categories 7 to 12 the light partners of the first six from tab20
  (light blue, light orange, light green, light red, light olive, light cyan);
* categories 13 and on take generated colours (:func:`generated_colors`): a greedy
  farthest-point sequence over the sRGB grid of steps of 12 (0, 12, ..., 252 per
  channel), kept to chromatic colours of middle lightness (CIELAB chroma at least
  20, lightness 25 to 80, so each stands out on white and on the light grey
  background and none looks grey), each the candidate farthest, in CIEDE2000, from
  every colour before it: the 12 above, purple / brown / pink, unclassified
  ``#e6e6e6``, white and the greys of the "k categories" ramp. The sequence is fixed
  (no randomness) and does not depend on how many categories there are: category 13
  has the same colour at 13 categories as at 60. From 13 to 60 categories every two
  category colours, and every category colour and unclassified, differ by at least
  :data:`MIN_DELTA_E` = 12 (CIEDE2000; measured 12.19, set by two documented
  colours, olive and light olive; the generated ones keep at least 12.2 from every
  other colour), and every category colour differs from every "k categories" colour
  by at least 12 too (measured 12.12);
* a head in 5 or more categories takes a grey that darkens with the count, a ramp
  that reads as "more categories": up to 12 categories the grey of k categories
  is fixed, from tab10's grey (#7f7f7f, 5 categories) to near-black (#101010, 12
  categories); beyond 12 the greys spread from #7f7f7f (5) to #101010 (all of them)
  evenly in the logarithm of k - 4 (CIELAB lightness), each at least one sRGB level
  darker than the one before (past about 40 categories the last go below #101010), so the first few counts,
  the common ones, stay clearly apart and the rare high counts share the dark end.
  Greys are never category colours (those are chromatic), nor the light
  unclassified grey.

``palette={category: colour}`` overrides any category's colour; the generated
colours fill the rest. :func:`ciede2000` is the colour difference used here
(Sharma, Wu & Dalal 2005), vectorised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from .labels import MAX_CATEGORIES as MOST_CATEGORIES

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

#: Categories with a documented colour; the ones after take :func:`generated_colors`.
MAX_CATEGORIES = len(CATEGORY_COLORS)

#: The least CIEDE2000 difference between two category colours, or a category colour and
#: unclassified or a "k categories" colour, from 13 to 60 categories (tests/python/test_palette.py).
MIN_DELTA_E = 12.0

#: Categories 13 to 60: the first 48 colours of :func:`generated_colors`' rule, written out.
GENERATED_COLORS: tuple[str, ...] = (
    "#0c00cc", "#005400", "#780c54", "#906c00", "#00786c", "#d8006c",
    "#483c00", "#484878", "#78a890", "#6c7848", "#840000", "#b4846c",
    "#ccb4d8", "#b45400", "#00a8fc", "#0c5460", "#a89c78", "#9c00b4",
    "#4854fc", "#9c6c84", "#8490b4", "#cc9000", "#00d8b4", "#e400fc",
    "#c090fc", "#603000", "#849000", "#fc603c", "#54909c", "#f0546c",
    "#90243c", "#6c4860", "#00543c", "#78c00c", "#606ca8", "#f0c03c",
    "#00783c", "#485430", "#fca8cc", "#004878", "#542478", "#606000",
    "#6084fc", "#a84890", "#84603c", "#009c6c", "#849c60", "#fc00a8",
)  # fmt: skip

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
        The reference colours (generated ones from the 13th category on), Okabe &
        Ito's colour-blind-safe set (up to 5 categories), or ``{category: "#rrggbb"}``
        overriding some or all of the reference colours.

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
    if not 1 <= n_categories <= MOST_CATEGORIES:
        raise ValueError(
            f"palette_for needs 1 to {MOST_CATEGORIES} categories (what can be displayed); got {n_categories}"
        )
    if palette == "colorblind":
        base, multi = COLORBLIND_CATEGORY_COLORS, list(COLORBLIND_MULTI_COLORS[: max(0, n_categories - 1)])
        if n_categories > len(base):
            raise ValueError(
                f"labels has {n_categories} categories; the colorblind palette has colours for at most "
                f"{len(base)}: use palette='reference' or pass palette={{name: '#rrggbb'}}"
            )
    else:
        base = (*CATEGORY_COLORS, *generated_colors(n_categories - MAX_CATEGORIES))
        multi = multi_colors(n_categories)
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
    colours = [custom.get(names[i], base[i]) if i < len(names) else base[i] for i in range(n_categories)]
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
    """Colours for heads in 2 .. ``n_categories`` categories: purple, brown, pink, then greys.

    Up to 12 categories the reference's fixed greys (#7f7f7f for 5 down to #101010
    for 12); beyond, greys from #7f7f7f (5) to about #101010 (``n_categories``), their
    CIELAB lightness even in log(k - 4), each at least one sRGB level darker than the
    one before while there are levels left (up to 132 categories).
    """
    if n_categories <= MAX_CATEGORIES:
        return list(MULTI_COLORS[: max(0, n_categories - 1)])
    top, bottom = _lightness(0x7F), _lightness(0x10)
    spread = np.log(np.arange(1, n_categories - 3)) / np.log(n_categories - 4)  # k = 5 .. n
    levels = [_grey_level(top + (bottom - top) * s) for s in spread]
    for i in range(1, len(levels)):  # strictly darker with k while sRGB has levels left
        levels[i] = max(0, min(levels[i], levels[i - 1] - 1))
    return [*MULTI_COLORS[:3], *(_grey(level) for level in levels)]


def generated_colors(n: int) -> list[str]:
    """The first ``n`` generated category colours (for categories 13, 14, ...).

    Greedy farthest-point selection in CIEDE2000 over a fixed sRGB grid (see the
    module's docstring). The first 48 (up to 60 categories) are
    :data:`GENERATED_COLORS`, written out (a test checks them against the rule);
    more are computed once, 64 at a time, and cached.
    """
    if n <= len(GENERATED_COLORS):
        return list(GENERATED_COLORS[: max(0, n)])
    return list(_generated(-(-n // 64) * 64)[:n])


@lru_cache(maxsize=8)
def _generated(n: int) -> tuple[str, ...]:
    """The first ``n`` generated colours (a prefix of every longer sequence)."""
    levels = np.arange(0, 256, 12)
    grid = np.stack(np.meshgrid(levels, levels, levels, indexing="ij"), axis=-1).reshape(-1, 3)
    lab = srgb_to_lab(grid / 255)
    chroma = np.hypot(lab[:, 1], lab[:, 2])
    keep = (chroma >= 20) & (lab[:, 0] >= 25) & (lab[:, 0] <= 80)
    grid, lab = grid[keep], lab[keep]
    fixed = [*CATEGORY_COLORS, *MULTI_COLORS[:3], UNCLASSIFIED, "#ffffff", *(_grey(v) for v in range(0, 0x80, 4))]
    nearest = ciede2000(lab[:, None, :], hex_to_lab(fixed)[None, :, :]).min(axis=1)
    picked = []
    for _ in range(min(n, len(grid))):
        i = int(np.argmax(nearest))  # the first of equals: deterministic
        picked.append("#{:02x}{:02x}{:02x}".format(*grid[i]))
        nearest = np.minimum(nearest, ciede2000(lab, lab[i]))
    return tuple(picked)


def hex_to_lab(colours: Sequence[str]) -> np.ndarray:
    """CIELAB (D65) of "#rrggbb" colours, shape (n, 3)."""
    rgb = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colours], dtype=float).reshape(-1, 3)
    return srgb_to_lab(rgb / 255)


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65 white) of sRGB values in [0, 1], the channels last."""
    rgb = np.asarray(rgb, dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = linear @ _SRGB_TO_XYZ.T / _D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


_SRGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
_D65 = np.array([0.95047, 1.0, 1.08883])


def _lightness(level: int) -> float:
    """CIELAB lightness of the grey ``#llllll``."""
    return float(srgb_to_lab(np.full(3, level / 255))[0])


def _grey_level(lightness: float) -> int:
    """The sRGB level (0-255) of the grey nearest CIELAB ``lightness``."""
    f = (lightness + 16) / 116
    y = f**3 if f > 6 / 29 else 3 * (6 / 29) ** 2 * (f - 4 / 29)
    v = 12.92 * y if y <= 0.0031308 else 1.055 * y ** (1 / 2.4) - 0.055
    return int(np.clip(round(v * 255), 0, 255))


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference (kL = kC = kH = 1) between CIELAB colours, broadcast.

    Follows Sharma, Wu & Dalal, "The CIEDE2000 color-difference formula: implementation
    notes, supplementary test data, and mathematical observations", Color Res. Appl.
    30 (2005), equations (1)-(22); checked against their test pairs.

    Parameters
    ----------
    lab1, lab2 : numpy.ndarray
        CIELAB colours, L*, a*, b* along the last axis; any shapes that broadcast.

    Returns
    -------
    numpy.ndarray
        The differences, the broadcast shape without the last axis.
    """
    (l1, a1, b1), (l2, a2, b2) = (
        np.moveaxis(np.asarray(lab1, float), -1, 0),
        np.moveaxis(np.asarray(lab2, float), -1, 0),
    )
    c7 = ((np.hypot(a1, b1) + np.hypot(a2, b2)) / 2) ** 7
    g = 0.5 * (1 - np.sqrt(c7 / (c7 + 25.0**7)))
    a1, a2 = a1 * (1 + g), a2 * (1 + g)
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1)) % 360, np.degrees(np.arctan2(b2, a2)) % 360
    chromatic = c1 * c2 != 0
    dh = h2 - h1
    dh = np.where(chromatic, np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh)), 0)
    d_l, d_c, d_h = l2 - l1, c2 - c1, 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    l_mean, c_mean, h_sum = (l1 + l2) / 2, (c1 + c2) / 2, h1 + h2
    h_mean = np.where(np.abs(h1 - h2) > 180, np.where(h_sum < 360, h_sum + 360, h_sum - 360), h_sum)
    h_mean = np.where(chromatic, h_mean / 2, h_sum)
    t = (
        1
        - 0.17 * np.cos(np.radians(h_mean - 30))
        + 0.24 * np.cos(np.radians(2 * h_mean))
        + 0.32 * np.cos(np.radians(3 * h_mean + 6))
        - 0.20 * np.cos(np.radians(4 * h_mean - 63))
    )
    rotation = 30 * np.exp(-(((h_mean - 275) / 25) ** 2))
    c_mean7 = c_mean**7
    r_t = -np.sin(np.radians(2 * rotation)) * 2 * np.sqrt(c_mean7 / (c_mean7 + 25.0**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    tl, tc, th = d_l / s_l, d_c / s_c, d_h / s_h
    return np.sqrt(tl**2 + tc**2 + th**2 + r_t * tc * th)


def check_color(colour: object, name: str) -> str:
    """A "#rgb" or "#rrggbb" colour, returned as lower-case "#rrggbb"."""
    if isinstance(colour, str) and re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour):
        hex_digits = colour[1:].lower()
        return "#" + (hex_digits if len(hex_digits) == 6 else "".join(d * 2 for d in hex_digits))
    raise ValueError(f"{name} must be a colour '#rrggbb' or '#rgb'; got {colour!r}")
