"""The standalone HTML page and the notebook display bundle as Python writes them: both
follow the view's head range. (The page opened in Chromium: ``tests/browser/test_standalone.py``.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from headwidget import HeadMapWidget, example_labels
from tests.helpers.display import static_svg
from tests.helpers.svg import image_panels


def test_widget_state_and_standalone_html_carry_head_range():
    from headwidget.export import standalone_html, widget_state

    widget = HeadMapWidget(example_labels(), layer_range=(18, 31), head_range=(4, 11))
    assert widget.get_state()["head_range"] == (4, 11)
    state = widget_state(widget)
    assert (state["layer_range"], state["head_range"]) == ([18, 31], [4, 11])
    full = widget_state(widget, full=True)
    assert (full["layer_range"], full["head_range"]) == ([0, 31], [0, 31])
    page = standalone_html(widget)
    assert '"head_range": [4, 11]' in page


def test_display_fallback_follows_head_range():
    widget = HeadMapWidget(example_labels(), head_range=(4, 11))
    root = ET.fromstring(static_svg(widget))
    panels = image_panels(root)
    assert len(panels) == 5 and all(grid.shape == (8, 32) for _, grid, _ in panels)  # heads 4..11, every layer
