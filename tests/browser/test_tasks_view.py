"""Which task put a head there, in the live view: a category panel opens into a panel per
task, the tooltip lists the tasks, selection and the keyboard work on task panels, and the
threshold re-classifies tasks, then categories, in the browser."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.data import HeadData
from tests.harness.harness import show
from tests.helpers.labels import NAMES, staircase
from tests.helpers.views import cell_color, hover, overflowing, overlapping_text, panel_titles, ring_colour, ticks

TASKS = ["en_fr", "fr_en", "capital"]
GROUPS = {"en_fr": "Translation", "fr_en": "Translation", "capital": "Knowledge"}
LAYERS = (0, 5)


def scores() -> np.ndarray:
    """6 layers x 5 heads x 3 tasks, 0.1 everywhere but:

    en_fr (1, 0) 0.9 and (2, 1) 0.6; fr_en (2, 1) 0.9 and (3, 2) 0.55; capital (4, 3) 0.95 and
    (2, 1) 0.4. At threshold 0.5 Translation holds (1, 0), (2, 1), (3, 2) and Knowledge (4, 3);
    above 0.6, (3, 2) leaves Translation and (2, 1) leaves en_fr (fr_en keeps it there)."""
    s = np.full((6, 5, 3), 0.1, dtype=np.float32)
    s[1, 0, 0], s[2, 1, 0] = 0.9, 0.6
    s[2, 1, 1], s[3, 2, 1] = 0.9, 0.55
    s[4, 3, 2], s[2, 1, 2] = 0.95, 0.4
    return s


def tasks_widget(**traits) -> HeadMapWidget:
    return HeadMapWidget(HeadData.from_scores(scores(), TASKS, groups=GROUPS), threshold=0.5, **traits)


def colours(widget: HeadMapWidget) -> tuple[str, str, str]:
    """Translation's colour (the first category's), Knowledge's, and the grey of unclassified heads."""
    palette = widget._palette
    return palette["categories"][0], palette["categories"][1], palette["unclassified"]


def colour(page, panel: int, layer: int, head: int) -> str:
    return cell_color(page.locator(".view").first, panel, layer, head, layers=LAYERS, heads=5)


def toggle(page, category: str):
    """The "▸ N tasks" button on a category panel's title line."""
    return page.locator(".hw-panel", has=page.locator(".hw-panel-title", has_text=category)).locator(".hw-tasks-toggle")


def task_titles(page) -> list[str]:
    return page.locator(".hw-task-panel .hw-panel-title").all_inner_texts()


def test_a_category_opens_into_a_panel_per_task_and_closes(page):
    widget = tasks_widget()
    trans, know, grey = colours(widget)
    show(page, widget)
    assert panel_titles(page.locator(".view")) == ["All Categories", "Translation", "Knowledge"]
    # a button on each category panel, none on the composite; nothing open yet
    assert page.locator(".hw-panel").first.locator(".hw-tasks-toggle").count() == 0
    assert toggle(page, "Translation").inner_text() == "\u25b8 2 tasks"
    assert toggle(page, "Knowledge").inner_text() == "\u25b8 1 task"
    assert toggle(page, "Translation").get_attribute("aria-expanded") == "false"
    assert page.locator(".hw-task-panel").count() == 0

    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    assert toggle(page, "Translation").get_attribute("aria-expanded") == "true"
    assert toggle(page, "Translation").inner_text() == "\u25be 2 tasks"
    assert task_titles(page) == ["en_fr", "fr_en"]
    # panels 3 and 4: each task's own heads in Translation's colour, every other head grey
    en_fr = {(1, 0): trans, (2, 1): trans, (3, 2): grey, (4, 3): grey, (0, 4): grey}
    fr_en = {(1, 0): grey, (2, 1): trans, (3, 2): trans, (4, 3): grey, (0, 4): grey}
    for (layer, head), want in en_fr.items():
        assert colour(page, 3, layer, head) == want, ("en_fr", layer, head)
    for (layer, head), want in fr_en.items():
        assert colour(page, 4, layer, head) == want, ("fr_en", layer, head)
    # the category panel is the union of its tasks
    for layer, head in [(1, 0), (2, 1), (3, 2)]:
        assert colour(page, 1, layer, head) == trans
    # a task panel's cells are no larger than the category panels', and square
    main = page.locator(".hw-panel").nth(1).locator(".hw-clip").bounding_box()
    task = page.locator(".hw-task-panel .hw-clip").first.bounding_box()
    assert task["width"] / 6 <= main["width"] / 6 and task["width"] / 6 == task["height"] / 5

    # several rows may be open, in category order; each closes on its own
    toggle(page, "Knowledge").click()
    page.evaluate("hw.frame()")
    assert task_titles(page) == ["en_fr", "fr_en", "capital"]
    assert page.locator(".hw-taskrow-name").all_inner_texts() == ["Translation", "Knowledge"]
    assert colour(page, 5, 4, 3) == know and colour(page, 5, 2, 1) == grey  # capital: 0.4 at (2, 1)
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    assert task_titles(page) == ["capital"]
    assert toggle(page, "Translation").get_attribute("aria-expanded") == "false"
    page.get_by_role("button", name="hide the tasks of Knowledge").click()  # the row's own close button
    page.evaluate("hw.frame()")
    assert page.locator(".hw-task-panel").count() == 0
    assert page.locator(".hw-taskrows").is_hidden()
    assert toggle(page, "Knowledge").get_attribute("aria-expanded") == "false"
    # opening and closing is the view's own: nothing was sent to Python
    assert page.evaluate("hw.models[0].saved.length") == 0


def test_tooltip_lists_the_tasks_that_put_a_head_in_each_category(page):
    show(page, tasks_widget())
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    tooltip = page.locator(".hw-tooltip")
    expected = [
        "layer 2, head 1",
        "Translation",
        "Translation: fr_en 0.900, en_fr 0.600",  # best first
        "Knowledge: none (best capital 0.400)",
    ]
    hover(page, 0, 2, 1)  # the composite
    assert tooltip.inner_text().splitlines() == expected
    hover(page, 3, 2, 1)  # a task panel: the same head, the same text
    assert tooltip.inner_text().splitlines() == expected
    hover(page, 4, 4, 3)
    assert tooltip.inner_text().splitlines() == [
        "layer 4, head 3",
        "Knowledge",
        "Translation: none (best en_fr 0.100)",
        "Knowledge: capital 0.950",
    ]
    # the hovered head is outlined in the task panels too
    assert ring_colour(page, 3, 4, 3) == "#000000"
    assert ring_colour(page, 4, 4, 3) == "#000000"

    # the keyboard cursor on a task panel says the same to a screen reader
    page.mouse.move(2, 2)  # the pointer leaves: no cursor
    page.locator(".hw-task-panel .hw-clip").nth(1).focus()  # fr_en; the cursor starts at (0, 0)
    for key in ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown"]:
        page.keyboard.press(key)
    live = page.locator(".hw-live").inner_text()
    assert live.startswith("layer 3, head 2; Translation; Translation: fr_en 0.550; Knowledge: none")
    assert tooltip.inner_text().splitlines()[:3] == ["layer 3, head 2", "Translation", "Translation: fr_en 0.550"]


def test_a_long_task_list_is_cut_with_a_count(page):
    s = np.full((2, 5, 6), 0.1, dtype=np.float32)
    s[1, 2] = [0.6, 0.7, 0.8, 0.9, 0.95, 0.3]  # five of the six tasks pass at (1, 2)
    names = ["a", "b", "c", "d", "e", "<b>f</b>"]
    widget = HeadMapWidget(HeadData.from_scores(s, names, groups=dict.fromkeys(names, "Many")), threshold=0.5)
    show(page, widget)
    clip = page.locator(".hw-clip").first
    box = clip.bounding_box()
    cell = box["height"] / 5
    page.mouse.move(box["x"] + 1.5 * cell, box["y"] + 2.5 * cell)
    assert page.locator(".hw-tooltip").inner_text().splitlines() == [
        "layer 1, head 2",
        "Many",
        "Many: e 0.950, d 0.900, c 0.800, +2 more",
    ]
    # task names are text: on the button's tooltip and in the panels, never markup
    toggle(page, "Many").click()
    page.evaluate("hw.frame()")
    assert task_titles(page)[-1] == "<b>f</b>"
    assert "<b>f</b>" in toggle(page, "Many").get_attribute("title")
    assert page.locator(".headwidget b").count() == 0


def test_selecting_in_a_task_panel_sets_selected_in_the_model(page):
    show(page, tasks_widget())
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    hover(page, 4, 3, 2)  # fr_en
    page.mouse.down()
    page.mouse.up()
    page.evaluate("hw.frame()")
    assert page.evaluate("hw.models[0].json().selected") == [[3, 2]]
    # outlined in the task panels and in the category panels
    for panel in (1, 3, 4):
        assert ring_colour(page, panel, 3, 2) == "#000000", panel
    # shift-click another task panel adds a head
    hover(page, 3, 1, 0)  # en_fr
    page.keyboard.down("Shift")
    page.mouse.down()
    page.mouse.up()
    page.keyboard.up("Shift")
    assert page.evaluate("hw.models[0].json().selected") == [[1, 0], [3, 2]]
    # a rectangle dragged in a task panel
    hover(page, 4, 0, 0)
    page.mouse.down()
    box = page.locator(".hw-clip").nth(4).bounding_box()
    cell = box["height"] / 5
    page.mouse.move(box["x"] + 1.5 * cell, box["y"] + 1.5 * cell, steps=5)
    page.mouse.up()
    assert page.evaluate("hw.models[0].json().selected") == [[0, 0], [0, 1], [1, 0], [1, 1]]
    # the keyboard on a task panel: Enter toggles the head under the cursor
    page.mouse.move(2, 2)
    page.locator(".hw-task-panel .hw-clip").first.focus()
    page.keyboard.press("End")  # last layer shown, head 0
    page.keyboard.press("Enter")
    assert page.evaluate("hw.models[0].json().selected") == [[0, 0], [0, 1], [1, 0], [1, 1], [5, 0]]


def test_threshold_reclassifies_tasks_then_categories_in_the_browser(page):
    widget = tasks_widget()
    trans, know, grey = colours(widget)
    show(page, widget)
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    assert colour(page, 1, 3, 2) == trans and colour(page, 4, 3, 2) == trans and colour(page, 3, 2, 1) == trans

    # the user moves the threshold to about 0.8 of the scores' range (0.1 .. 0.95)
    box = page.locator(".hw-rule input").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    page.evaluate("hw.frame()")
    threshold = page.evaluate("hw.models[0].json().threshold")
    assert 0.65 < threshold < 0.9
    # fr_en's 0.55 at (3, 2) fails: gone from the task panel and, its only task, from Translation
    assert colour(page, 4, 3, 2) == grey
    assert colour(page, 1, 3, 2) == grey
    assert colour(page, 0, 3, 2) == grey
    # en_fr's 0.6 at (2, 1) fails, fr_en's 0.9 keeps the head in Translation
    assert colour(page, 3, 2, 1) == grey
    assert colour(page, 4, 2, 1) == trans and colour(page, 1, 2, 1) == trans
    assert colour(page, 2, 4, 3) == know
    hover(page, 1, 2, 1)
    assert page.locator(".hw-tooltip").inner_text().splitlines()[2] == "Translation: fr_en 0.900"

    # the rule reached the model; Python re-classifies the same way
    widget.set_state({"threshold": threshold})
    translation = widget.labels[..., 0]
    assert not translation[3, 2] and translation[2, 1] and translation[1, 0]


def test_hiding_a_category_hides_its_open_row_until_shown_again(page):
    show(page, tasks_widget())
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    page.locator(".hw-toggle", has_text="Translation").click()  # hide the category
    page.evaluate("hw.frame()")
    assert page.locator(".hw-task-panel").count() == 0
    page.locator(".hw-toggle", has_text="Translation").click()
    page.evaluate("hw.frame()")
    assert task_titles(page) == ["en_fr", "fr_en"]


@pytest.mark.parametrize("width", [700, 900, 1000, 1600])
def test_task_row_fits_the_view_width(page, width):
    """Twenty tasks in four categories, 32 x 32: the eight Linguistic panels fit the view."""
    rng = np.random.default_rng(1)
    counts = {"Translation": 2, "Knowledge": 5, "Algorithmic": 5, "Linguistic": 8}
    groups = {f"{c.lower()}_{i}": c for c, n in counts.items() for i in range(n)}
    data = HeadData.from_scores(rng.random((32, 32, 20), dtype=np.float32), list(groups), groups=groups)
    show(page, HeadMapWidget(data, threshold=0.9), width=width)
    page.evaluate("hw.frame()")
    container = page.locator(".view")
    before = [c.bounding_box() for c in container.locator(".hw-grid .hw-clip").all()]
    toggle(page, "Linguistic").click()
    page.evaluate("hw.frame()")
    assert page.locator(".hw-task-panel").count() == 8
    # the view's panels did not move or change size
    assert [c.bounding_box() for c in container.locator(".hw-grid .hw-clip").all()] == before
    main = before[0]["width"] / 32
    boxes = [c.bounding_box() for c in container.locator(".hw-task-panel .hw-clip").all()]
    assert all(b["width"] == b["height"] and b["width"] / 32 <= main for b in boxes)
    assert boxes[0]["width"] / 32 >= 1
    assert overflowing(container) == []
    assert overlapping_text(container) == []
    # the buttons leave the category titles whole (a narrow panel's says "▸ 8", not "▸ 8 tasks")
    cut = container.locator(".hw-grid .hw-panel-title").evaluate_all(
        "(titles) => titles.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent)"
    )
    assert cut == []
    # the pointer maps to heads at the task panels' own (smaller) cell size
    box = boxes[-1]
    cell = box["width"] / 32
    page.mouse.click(box["x"] + 30.5 * cell, box["y"] + 20.5 * cell)
    assert page.locator(".hw-tooltip").inner_text().splitlines()[0] == "layer 30, head 20"
    assert page.evaluate("hw.models[0].json().selected") == [[30, 20]]


def test_a_widget_without_tasks_has_no_task_controls(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    assert page.locator(".hw-tasks-toggle").count() == 0
    assert page.locator(".hw-taskrows").is_hidden()
    hover(page, 0, 3, 3)
    assert page.locator(".hw-tooltip").inner_text().splitlines() == [
        "layer 3, head 3",
        "Algorithmic, Knowledge, Linguistic",
    ]


def test_a_chosen_combination_veils_the_task_panels_at_their_own_cell_size(page):
    """The legend's veil reaches the task panels, scaled to their smaller cells: a head of the
    chosen combination keeps its colour in its task's panel, another head of that task is veiled."""
    rng = np.random.default_rng(1)
    counts = {"Translation": 2, "Knowledge": 5, "Algorithmic": 5, "Linguistic": 8}
    groups = {f"{c.lower()}_{i}": c for c, n in counts.items() for i in range(n)}
    scores = rng.random((32, 32, 20), dtype=np.float32)
    widget = HeadMapWidget(HeadData.from_scores(scores, list(groups), groups=groups), threshold=0.9)
    labels = widget.labels  # categories: Translation, Knowledge, Algorithmic, Linguistic
    passes = scores >= np.float32(0.9)
    linguistic = [t for t, name in enumerate(groups) if groups[name] == "Linguistic"]
    # a late head in exactly Knowledge + Linguistic, and the first Linguistic task it passes
    layer, head = next(
        (int(la), int(h))
        for la, h in np.argwhere(labels.sum(axis=-1) == 2)
        if labels[la, h, 1] and labels[la, h, 3] and la >= 20
    )
    task = next(t for t in linguistic if passes[layer, head, t])
    panel = linguistic.index(task)
    # another head that passes the same task but is not in that combination
    other = next(
        (int(la), int(h))
        for la, h in np.argwhere(passes[..., task])
        if not (labels[la, h].sum() == 2 and labels[la, h, 1])
    )
    green = widget._palette["categories"][3]
    show(page, widget, width=1600)
    toggle(page, "Linguistic").click()
    page.evaluate("hw.frame()")
    view = page.locator(".view")
    at = (5 + panel, layer, head)  # task panels follow the composite and four category panels
    assert cell_color(view, *at, layers=(0, 31), heads=32) == green
    assert cell_color(view, 5 + panel, *other, layers=(0, 31), heads=32) == green
    page.get_by_role("button", name="2 categories").click()
    page.evaluate("hw.frame()")
    page.locator('[data-key="combo-1,3"]').click()
    page.evaluate("hw.frame()")
    task_cell = page.locator(".hw-task-panel .hw-clip").first.bounding_box()["width"] / 32
    main_cell = page.locator(".hw-grid .hw-clip").first.bounding_box()["width"] / 32
    assert task_cell < main_cell  # the veil's path was made at the main cell: it must be scaled
    assert cell_color(view, *at, layers=(0, 31), heads=32) == green
    assert cell_color(view, 5 + panel, *other, layers=(0, 31), heads=32) != green


# Counts the canvas work from now on: new pixels (putImageData), blits (drawImage) and which
# panels they went into. Calling it again starts the count again.
COUNT_CANVAS_WORK = """() => {
    window.work = {put: 0, blit: 0, into: new Set()};
    const ctx = CanvasRenderingContext2D.prototype;
    window.original ??= {put: ctx.putImageData, draw: ctx.drawImage};
    const {put, draw} = window.original;
    const into = (canvas) => window.work.into.add(canvas.closest('.hw-task-panel') ? 'task' : 'view');
    ctx.putImageData = function (...a) { window.work.put++; into(this.canvas); return put.apply(this, a); };
    ctx.drawImage = function (...a) { window.work.blit++; into(this.canvas); return draw.apply(this, a); };
}"""
WORK = "() => ({put: window.work.put, blit: window.work.blit, into: [...window.work.into].sort()})"


def test_opening_a_row_draws_that_row_alone_and_a_selection_paints_nothing(page):
    show(page, tasks_widget())
    page.evaluate("hw.frame()")
    page.evaluate(COUNT_CANVAS_WORK)
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    # two task panels: each one's pixels put into its canvas, and nothing in the view's panels
    assert page.evaluate(WORK) == {"put": 2, "blit": 0, "into": ["task"]}
    page.evaluate(COUNT_CANVAS_WORK)
    hover(page, 3, 1, 0)
    page.mouse.down()
    page.mouse.up()
    page.evaluate("hw.frame()")
    assert page.evaluate("hw.models[0].json().selected") == [[1, 0]]
    assert page.evaluate(WORK) == {"put": 0, "blit": 0, "into": []}
    assert ring_colour(page, 4, 1, 0) == "#000000"  # outlined in the other task panel too
    # a threshold step makes new pixels once: each of the three view panels' and of the two
    # task panels', nothing blitted
    page.locator(".hw-rule input").focus()
    page.keyboard.press("ArrowRight")
    page.evaluate("hw.frame()")
    assert page.evaluate(WORK) == {"put": 3 + 2, "blit": 0, "into": ["task", "view"]}


def test_task_panels_follow_the_layer_and_head_ranges(page):
    widget = tasks_widget(layer_range=(2, 5))
    trans, _, grey = colours(widget)
    show(page, widget)
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    view = page.locator(".view")
    # fr_en's (3, 2) is the second layer shown; en_fr's (1, 0) is cropped away
    assert cell_color(view, 4, 3, 2, layers=(2, 5), heads=5) == trans
    assert cell_color(view, 3, 3, 2, layers=(2, 5), heads=5) == grey
    assert cell_color(view, 3, 2, 1, layers=(2, 5), heads=5) == trans
    assert ticks(view, "x", panel=3) == ticks(view, "x", panel=1) == [2, 3, 4, 5]
    # a range set from Python (every view follows) crops the task panels too
    page.evaluate("() => { const m = hw.models[0]; m.set('head_range', [1, 2]); m.save_changes(); }")
    page.evaluate("hw.frame()")
    assert ticks(view, "y", panel=4) == ticks(view, "y", panel=1) == [1, 2]
    clip = view.locator(".hw-task-panel .hw-clip").nth(1).bounding_box()
    # the box is the whole model's (6 layers x 5 heads, square cells) and 4 x 2 heads fill it
    assert clip["width"] / 6 == clip["height"] / 5
    cell_x, cell_y = clip["width"] / 4, clip["height"] / 2
    page.mouse.move(clip["x"] + 1.5 * cell_x, clip["y"] + 1.5 * cell_y)  # layers 2.., heads 1..: (3, 2)
    assert page.locator(".hw-tooltip").inner_text().splitlines()[0] == "layer 3, head 2"


def test_fixed_task_labels_list_the_tasks_without_scores(page):
    labels = scores() >= 0.5  # the same heads, as fixed labels: no scores, no rule
    widget = HeadMapWidget(HeadData.from_labels(labels, TASKS, groups=GROUPS))
    trans, _, grey = colours(widget)
    show(page, widget)
    assert page.locator(".hw-rule").is_hidden()
    hover(page, 0, 2, 1)
    assert page.locator(".hw-tooltip").inner_text().splitlines() == [
        "layer 2, head 1",
        "Translation",
        "Translation: en_fr, fr_en",
    ]
    toggle(page, "Translation").click()
    page.evaluate("hw.frame()")
    assert colour(page, 3, 3, 2) == grey and colour(page, 4, 3, 2) == trans
