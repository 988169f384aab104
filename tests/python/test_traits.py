"""The synced traits: each checks itself, the data travel as one encoded trait, the list is
written once (Python's tags; the front end and the standalone page are checked against it),
and a rule change sends the rule alone."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest
import traitlets

from headwidget import HeadMapWidget, example_labels
from headwidget.export import widget_state
from headwidget.messages import ViewUpdateRefused
from headwidget.traits import LEVELS, data_from_json, from_view, synced
from tests.helpers import ROOT

NODE = shutil.which("node")


class Sent:
    """What the widget sends to its views through its comm (recorded, not sent)."""

    def __init__(self, widget: HeadMapWidget) -> None:
        self.messages: list[dict] = []
        widget.comm.send = lambda data=None, buffers=None, **_: self.messages.append(data)

    def updates(self) -> list[set[str]]:
        """The trait names of each state update sent, in order."""
        return [set(m["state"]) for m in self.messages if m.get("method") in ("update", "echo_update")]


def scored() -> HeadMapWidget:
    scores = np.linspace(0, 1, 4 * 3 * 2, dtype=np.float32).reshape(4, 3, 2)
    return HeadMapWidget.from_scores(scores, ["A", "B"], threshold=0.5)


def test_every_synced_trait_has_a_level_help_and_refuses_none():
    traits = HeadMapWidget.class_traits(sync=True)
    levels = synced(HeadMapWidget)
    assert set(levels) == {
        "_data",
        "_palette",
        "threshold",
        "top_k",
        "visible",
        "head_range",
        "layer_range",
        "selected",
        "title",
        "show_counts",
        "continuous_update",
        "_figure_id",
    }
    assert set(levels.values()) == set(LEVELS)
    widget = HeadMapWidget(example_labels())
    for name in levels:
        assert traits[name].help, f"{name} has no help text"
        if name in ("threshold", "top_k"):
            continue  # None means "not this rule"
        with pytest.raises(traitlets.TraitError):
            setattr(widget, name, None)
    assert from_view(HeadMapWidget) == [
        "head_range",
        "layer_range",
        "selected",
        "show_counts",
        "threshold",
        "top_k",
        "visible",
    ]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_front_end_lists_the_same_traits_and_levels():
    script = "import('./js/traits.js').then(m => console.log(JSON.stringify({traits: m.TRAITS, levels: m.LEVELS})))"
    out = subprocess.run([NODE, "-e", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    front = json.loads(out)
    assert front["traits"] == synced(HeadMapWidget)
    assert front["levels"] == list(LEVELS)


def test_standalone_state_holds_every_synced_trait():
    state = widget_state(HeadMapWidget(example_labels()))
    assert set(state) == set(synced(HeadMapWidget))
    assert set(state["_data"]) == {"shape", "categories", "tasks", "groups", "bits", "scores"}
    assert set(state["_data"]["bits"]) == {"$bytes"} and state["_data"]["scores"] is None


def test_scored_data_travel_as_scores_and_the_labels_follow_the_rule():
    widget = scored()
    data = widget.get_state()["_data"]
    assert data["bits"] is None  # both sides classify the scores by the rule
    assert len(data["scores"]) == 4 * 3 * 2 * 4
    assert widget.labels.sum() == (widget.scores >= 0.5).sum()
    widget.threshold = 0.9
    assert widget.labels.sum() == (widget.scores >= np.float32(0.9)).sum()


def test_a_rule_change_from_the_view_sends_nothing_back_but_the_rule():
    widget = scored()
    comm = Sent(widget)
    widget.set_state({"threshold": 0.25})  # what the view's threshold control sends
    assert widget.threshold == 0.25
    assert widget.labels.sum() == (widget.scores >= 0.25).sum()
    assert all(names <= {"threshold"} for names in comm.updates()), comm.updates()


def test_a_rule_set_in_python_is_one_message():
    widget = scored()
    comm = Sent(widget)
    widget.threshold = 0.75
    assert comm.updates() == [{"threshold"}]
    widget.top_k = 3  # switching rules drops the threshold in the same message
    assert comm.updates()[1:] == [{"top_k", "threshold"}]
    assert (widget.threshold, widget.top_k) == (None, 3)
    assert (widget.labels.sum(axis=(0, 1)) == 3).all()


def test_a_scored_widget_always_has_a_rule():
    widget = scored()
    with pytest.raises(traitlets.TraitError, match="threshold cannot be None: these scores need a rule"):
        widget.threshold = None
    assert widget.threshold == 0.5


def test_data_from_a_view_are_refused_and_the_decode_checks_everything():
    widget = HeadMapWidget(example_labels())
    before = widget.get_state()
    bad = dict(before["_data"], bits=b"\x00")  # too few bytes for 32 x 32 x 4
    with pytest.warns(ViewUpdateRefused, match=r"_data is read-only from a view"):
        widget.set_state({"_data": bad})
    assert widget.get_state() == before
    # saved state is decoded by the same checks, before anything is allocated
    with pytest.raises(traitlets.TraitError, match=r"data bits has 1 bytes; expected 512"):
        data_from_json(bad, widget)
    huge = dict(before["_data"], shape=[10**6, 10**6, 4])
    with pytest.raises(traitlets.TraitError, match="heads; at most"):
        data_from_json(huge, widget)


def test_show_counts_is_off_by_default_and_takes_booleans_only():
    widget = HeadMapWidget(example_labels())
    assert widget.show_counts is False
    assert HeadMapWidget(example_labels(), show_counts=True).show_counts is True
    widget.show_counts = np.bool_(True)
    assert widget.show_counts is True
    for bad in (1, "yes", None):
        with pytest.raises(traitlets.TraitError, match="show_counts must be True or False"):
            widget.show_counts = bad
    assert widget.show_counts is True  # a refused value changes nothing


def test_continuous_update_is_on_by_default_takes_booleans_and_is_not_set_by_a_view():
    widget = HeadMapWidget(example_labels())
    assert widget.continuous_update is True
    assert HeadMapWidget(example_labels(), continuous_update=False).continuous_update is False
    with pytest.raises(traitlets.TraitError, match="continuous_update must be True or False"):
        widget.continuous_update = 0
    assert widget.continuous_update is True
    assert "continuous_update" not in from_view(HeadMapWidget)  # the view has no control for it


def test_figure_id_is_fresh_per_widget_and_only_hex():
    """It reaches a CSS selector in the static figure's HTML (published.py): nothing but hex passes."""
    one, two = HeadMapWidget(example_labels()), HeadMapWidget(example_labels())
    assert len(one._figure_id) == 32 and one._figure_id != two._figure_id
    for bad in ('x"]{}*{display:none}', "ABCDEF0123456789ABCDEF0123456789", "", None, 7):
        with pytest.raises(traitlets.TraitError, match="_figure_id must be 32 lower-case hex digits"):
            one._figure_id = bad
    assert one._figure_id != two._figure_id
