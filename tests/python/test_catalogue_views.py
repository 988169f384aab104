"""The catalogue of bad inputs, from a view: each message goes through the widget's real comm
handler, is refused with the message Python gives (naming the trait, the value and what is
expected), and leaves Python's state and every view's state exactly as they were."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.data import HeadData
from headwidget.messages import ViewUpdateRefused
from tests.helpers.comm import Views

NAMES = ["A", "B"]
SCORES = np.linspace(0, 1, 24, dtype=np.float32).reshape(4, 3, 2)
PALETTE = {"categories": ["#111111", "#222222"], "multi": ["#333333"], "unclassified": "#eeeeee"}


def plain() -> HeadMapWidget:
    widget = HeadMapWidget(np.eye(4, 3, dtype=bool)[..., None].repeat(2, axis=2), NAMES, title="t")
    widget.layer_range, widget.visible, widget.selected = (1, 3), ["B"], [(1, 1)]
    return widget


def scored() -> HeadMapWidget:
    return HeadMapWidget.from_scores(SCORES, NAMES, threshold=0.4, layer_range=(1, 2))


WIDGETS = {"plain": plain, "scored": scored}

# (id, which widget, the view's message, warning regex)
VIEW = [
    ("range-reversed", "plain", {"layer_range": [3, 1]}, r"layer_range must be .* <= 3; got \(3, 1\)"),
    ("range-outside", "plain", {"layer_range": [0, 99]}, r"<= 3; got \(0, 99\)"),
    ("range-huge-int", "plain", {"head_range": [0, 10**30]}, r"head_range must be .*; got \(0, 10{30}\)"),
    ("range-negative", "scored", {"head_range": [-1, 1]}, r"head_range must be .* <= 2; got \(-1, 1\)"),
    ("range-bool-for-int", "plain", {"layer_range": [True, 3]}, r"layer_range must hold integers; .*\(bool True\)"),
    ("range-string-for-list", "plain", {"layer_range": "0-3"}, r"layer_range must be an inclusive .*; got '0-3'"),
    ("range-nested", "plain", {"head_range": [[0], [2]]}, r"head_range must hold integers; got \[\[0\], \[2\]\]"),
    ("range-nan", "plain", {"layer_range": [float("nan"), 2]}, r"layer_range must hold integers; .*\(float nan\)"),
    ("range-one-number", "plain", {"layer_range": 2}, r"layer_range must be an inclusive .*; got 2$"),
    ("range-dict", "plain", {"layer_range": {"first": 0}}, r"layer_range must be .*; got \{'first': 0\}"),
    ("visible-unknown", "plain", {"visible": ["C"]}, r"visible contains 'C', which is not a category"),
    ("visible-duplicate", "plain", {"visible": ["A", "A"]}, r"visible lists a category twice: \['A', 'A'\]"),
    ("visible-string", "plain", {"visible": "A"}, r"visible must be a list of category names from .*; got 'A'"),
    ("visible-nested", "plain", {"visible": [["A"]]}, r"visible contains \['A'\], which is not a category"),
    ("visible-number", "plain", {"visible": [0]}, r"visible contains 0, which is not a category"),
    ("selected-outside", "plain", {"selected": [[4, 0]]}, r"selected contains \(4, 0\); expected .* < 4"),
    ("selected-negative", "plain", {"selected": [[0, -1]]}, r"selected contains \(0, -1\)"),
    ("selected-triple", "plain", {"selected": [[1, 2, 0]]}, r"selected contains \[1, 2, 0\]; expected"),
    ("selected-string", "plain", {"selected": "0,0"}, r"selected must be a list of \(layer, head\) pairs.*; got '0,0'"),
    ("selected-bool", "plain", {"selected": [[True, 0]]}, r"selected contains \(True, 0\); expected integer"),
    ("selected-float", "plain", {"selected": [[1.0, 0]]}, r"selected contains \(1\.0, 0\); expected integer"),
    ("selected-huge", "plain", {"selected": [[2**63, 0]]}, r"selected contains \(9223372036854775808, 0\)"),
    ("selected-dict", "plain", {"selected": {"0": 0}}, r"selected must be a list of .*; got \{'0': 0\}"),
    ("counts-int", "plain", {"show_counts": 1}, r"show_counts must be True or False; got int 1"),
    ("counts-string", "plain", {"show_counts": "true"}, r"show_counts must be True or False; got str 'true'"),
    ("threshold-nan", "scored", {"threshold": float("nan")}, r"threshold must be finite; got nan"),
    ("threshold-inf", "scored", {"threshold": float("-inf")}, r"threshold must be finite; got -inf"),
    ("threshold-huge-int", "scored", {"threshold": 10**400}, r"threshold must be finite; got 1000"),
    ("threshold-beyond-float32", "scored", {"threshold": -1e300}, r"within float32's range \(\+-3\.403e\+38\)"),
    ("threshold-string", "scored", {"threshold": "0.5"}, r"threshold must be a number; got str '0\.5'"),
    ("threshold-bool", "scored", {"threshold": True}, r"threshold must be a number; got bool True"),
    ("threshold-list", "scored", {"threshold": [0.5]}, r"threshold must be a number; got list"),
    ("threshold-no-scores", "plain", {"threshold": 0.5}, r"threshold needs scores; this widget has labels only"),
    ("top-k-zero", "scored", {"top_k": 0}, r"top_k must be between 1 and the number of heads \(4 x 3 = 12\); got 0"),
    ("top-k-huge", "scored", {"top_k": 10**30}, r"\(4 x 3 = 12\); got 10{30}"),
    ("top-k-float", "scored", {"top_k": 2.0}, r"top_k must be an integer; got float 2\.0"),
    ("top-k-bool", "scored", {"top_k": True}, r"top_k must be an integer; got bool True"),
    ("both-rules", "scored", {"threshold": 0.3, "top_k": 2}, r"threshold and top_k in one change: give exactly one"),
    ("both-rules-one-bad", "scored", {"threshold": 0.3, "top_k": 0}, r"threshold and top_k in one change"),
    ("no-rule", "scored", {"threshold": None}, r"threshold cannot be None: these scores need a rule"),
    ("no-rule-pair", "scored", {"threshold": None, "top_k": None}, r"cannot be None: these scores need a rule"),
    ("none-range", "plain", {"layer_range": None}, r"layer_range must be an inclusive .*; got None"),
    ("none-selected", "plain", {"selected": None}, r"selected must be a list of .*; got None"),
    ("none-counts", "plain", {"show_counts": None}, r"show_counts must be True or False; got NoneType None"),
    (
        "data-read-only",
        "plain",
        {"_data": HeadData.from_labels(np.ones((2, 2, 1), bool)).to_json()},
        r"_data is read-only from a view \(set it from Python\)",
    ),
    ("data-junk", "scored", {"_data": [[[]]]}, r"_data is read-only from a view"),
    ("palette-read-only", "plain", {"_palette": PALETTE}, r"_palette is read-only from a view"),
    (
        "palette-url",
        "plain",
        {"_palette": dict(PALETTE, unclassified="url(https://example.com/x)")},
        r"_palette is read-only from a view",
    ),
    (
        "title-read-only",
        "plain",
        {"title": "<img src=x>"},
        r"title is read-only from a view \(set it from Python\); got '<img src=x>'",
    ),
    ("title-surrogate", "plain", {"title": "\ud800"}, r"title is read-only from a view"),
    ("esm-read-only", "plain", {"_esm": "export default {render() { fetch('//x') }}"}, r"_esm is read-only"),
    ("css-read-only", "plain", {"_css": "* { background: url(//x) }"}, r"_css is read-only from a view"),
    ("layout-read-only", "plain", {"layout": "IPY_MODEL_x"}, r"layout is read-only from a view"),
    ("dom-classes-read-only", "plain", {"_dom_classes": ["x"]}, r"_dom_classes is read-only from a view"),
    (
        "several-all-bad",
        "plain",
        {"layer_range": [2, 1], "visible": ["Z"], "_palette": PALETTE},
        r"change to layer_range, visible, _palette was refused",
    ),
]


@pytest.mark.parametrize(("which", "message", "warning"), [c[1:] for c in VIEW], ids=[c[0] for c in VIEW])
def test_bad_view_message_is_refused_and_changes_nothing(which, message, warning):
    views = Views(WIDGETS[which]())
    before = views.python()
    with pytest.warns(ViewUpdateRefused, match=warning):
        back = views.send(message)
    assert views.python() == before
    assert views.sender == before and views.other == before  # the sender corrected, the other never misled
    assert back and all(m["method"] in ("echo_update", "update") for m in back)
