"""The view's own controls by keyboard in JupyterLab: the arrow keys reach the layer
slider and the threshold control (JupyterLab must not take them), and the kernel follows."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from .notebook import Notebook, errors_of_ours

SCORED = (
    "import json, numpy as np\n"
    "from headwidget import HeadMapWidget\n"
    "scores = np.linspace(0, 1, 32 * 32 * 2, dtype=np.float32).reshape(32, 32, 2)\n"
    "widget = HeadMapWidget.from_scores(scores, ['Up', 'Down'], threshold=0.5)\n"
    "widget"
)
ACTIVE = re.compile(r"\bjp-mod-active\b")
PROBE = (
    "print(json.dumps({'layer_range': list(widget.layer_range), 'threshold': widget.threshold,"
    " 'visible': widget.visible}))"
)


def test_arrow_keys_move_the_sliders_and_the_threshold(page, jupyter):
    nb = Notebook(page, jupyter, "controls_keys.ipynb", [SCORED, PROBE])
    nb.run_all()
    view = nb.view()
    last = view.locator(".hw-layers .hw-range-hi")
    last.focus()
    expect(nb.cell(0)).to_have_class(ACTIVE)
    # ArrowDown is also the notebook's "select the cell below" in command mode
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowLeft")
    assert last.get_attribute("aria-valuenow") == "29"
    assert last.evaluate("e => e === document.activeElement")
    expect(nb.cell(0)).to_have_class(ACTIVE)  # the notebook's cell selection stayed put
    rule = view.locator(".hw-rule input")
    rule.focus()
    page.keyboard.press("ArrowRight")
    moved = float(rule.input_value())
    assert moved > 0.5
    toggle = view.get_by_role("button", name="Down")
    toggle.focus()
    page.keyboard.press("Enter")  # a toggle by keyboard, not the notebook's "enter edit mode"
    expect(toggle).to_have_attribute("aria-pressed", "false")  # redrawn on the next frame
    page.wait_for_timeout(300)  # the comm messages reach the kernel
    state = json.loads(nb.execute(1))
    assert state["layer_range"] == [0, 29]
    assert abs(state["threshold"] - moved) < 1e-9
    assert state["visible"] == ["Up"]
    assert errors_of_ours(page.errors) == []
