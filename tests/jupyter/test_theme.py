"""JupyterLab's dark theme: the widget's text and axes follow the theme and stay readable."""

from __future__ import annotations

from .cells import SETUP
from .notebook import Notebook

# Computed colours of the widget's text, its tick marks, and the first opaque
# background behind the widget (walking up from the view).
COLOURS = """() => {
    const view = document.querySelector('.headwidget');
    let bg = 'rgba(0, 0, 0, 0)';
    for (let el = view; el && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg); el = el.parentElement) {
        bg = getComputedStyle(el).backgroundColor;
    }
    const style = (sel, pseudo) => getComputedStyle(view.querySelector(sel), pseudo);
    return {
        title: style('.hw-panel-title').color,
        tick: style('.hw-tick-x').color,
        tickMark: style('.hw-tick-x', '::before').backgroundColor,
        legend: style('.hw-legend-row').color,
        toggle: style('.hw-toggle').color,
        comboNames: style('.hw-combo-names').color,
        themeFont: getComputedStyle(view).getPropertyValue('--jp-ui-font-color1').trim(),
        background: bg,
        light: document.body.dataset.jpThemeLight,
    };
}"""


def rgb(css: str, over: str | None = None) -> tuple[int, int, int]:
    """The colour's channels; a translucent colour is blended over ``over`` (opaque)."""
    values = [float(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")]
    alpha = values[3] if len(values) == 4 else 1.0
    base = rgb(over) if over and alpha < 1 else (0, 0, 0)
    return tuple(round(alpha * v + (1 - alpha) * b) for v, b in zip(values[:3], base, strict=True))


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS colours."""

    def luminance(c: str) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(v) for v in rgb(c, over=b))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    hi, lo = sorted([luminance(a), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dark_theme_text_and_axes_follow_and_stay_readable(page, jupyter):
    nb = Notebook(page, jupyter, "theme.ipynb", [SETUP + "\nwidget"])
    nb.run_all()
    nb.view().get_by_role("button", name="2 categories").click()  # the muted names of its combinations
    nb.view().locator(".hw-combo-names").first.wait_for()
    light = page.evaluate(COLOURS)
    assert light["light"] == "true"
    for part in ("title", "comboNames"):
        assert contrast(light[part], light["background"]) >= 4.5, (part, light)
    try:
        nb.menu("Settings", "Theme", "JupyterLab Dark")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
        page.wait_for_timeout(300)  # the theme's stylesheet applies after the attribute flips
        dark = page.evaluate(COLOURS)
        # text takes the theme's own colour, which is light on a dark background
        assert dark["title"] != light["title"]
        assert dark["background"] != light["background"]
        for part in ("title", "tick", "legend", "toggle", "comboNames"):
            assert contrast(dark[part], dark["background"]) >= 4.5, (part, dark)
        assert contrast(dark["tickMark"], dark["background"]) >= 3, dark
        assert sum(rgb(dark["title"])) > sum(rgb(dark["background"]))
    finally:
        nb.menu("Settings", "Theme", "JupyterLab Light")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'")
