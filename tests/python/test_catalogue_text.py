"""The catalogue of bad inputs, continued: text, palettes, export flags, private copies, big maps.

Each bad input gets a specific error naming the argument, showing the value and saying
what is expected, and a live widget is left exactly as it was: its whole synced state
(what the views hold), its palette option, labels and scores.
"""

from __future__ import annotations

import html
import json

import numpy as np
import pandas as pd
import pytest
import traitlets

from headwidget import HeadMapWidget, example_labels
from headwidget.data import HeadData
from headwidget.export import standalone_html, widget_state
from headwidget.labels import MAX_TEXT, check_text
from headwidget.palette import palette_for
from headwidget.storage import save_labels
from tests.helpers.display import displayed, static_svg

NAMES = ["A", "B"]
OK = np.zeros((4, 3, 2), bool)
SCORES = np.linspace(0, 1, 24, dtype=np.float32).reshape(4, 3, 2)
RULE = r"expected text without control characters, line breaks, bidirectional overrides"


def state(widget: HeadMapWidget) -> dict:
    """Everything a failed call must leave as it was."""
    return {
        "synced": widget.get_state(),  # every synced trait, as the views hold it (data as bytes)
        "palette": widget.palette,
        "labels": widget.labels.copy(),
        "scores": None if widget.scores is None else widget.scores.copy(),
        "categories": widget.categories,
    }


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], np.ndarray) or isinstance(b[key], np.ndarray):
            np.testing.assert_array_equal(a[key], b[key])
        else:
            assert a[key] == b[key], key


@pytest.fixture
def live():
    return {
        "plain": HeadMapWidget(
            example_labels(),
            title="t",
            layer_range=(18, 31),
            head_range=(4, 11),
            visible=["Linguistic"],
            palette={"Knowledge": "#123456"},
        ),
        "scored": HeadMapWidget.from_scores(SCORES, NAMES, threshold=0.4, layer_range=(1, 2), head_range=(1, 2)),
    }


def setattr_(name, value):
    return lambda w, tmp: setattr(w, name, value)


def save(name, **options):
    return lambda w, tmp: w.save(tmp / name, **options)


class Sneaky(str):
    """A str whose str() is other text: the rule must check what it keeps."""

    def __str__(self) -> str:
        return "\x00"


# (id, which widget, call(widget, tmp_path), exception, message regex)
LIVE = [
    # ---- text: one rule (labels.check_text) for names and titles, every way in
    ("title-nul", "plain", setattr_("title", "a\x00"), traitlets.TraitError, r"title contains 'a\\x00' with a NUL"),
    (
        "title-bell",
        "plain",
        setattr_("title", "ding\x07"),
        traitlets.TraitError,
        r"control character U\+0007 at index 4",
    ),
    (
        "title-tab",
        "plain",
        setattr_("title", "a\tb"),
        traitlets.TraitError,
        r"'a\\tb' with the control character U\+0009",
    ),
    ("title-newline", "plain", setattr_("title", "two\nlines"), traitlets.TraitError, r"U\+000A at index 3; " + RULE),
    ("title-c1", "plain", setattr_("title", "x\x85"), traitlets.TraitError, r"control character U\+0085"),
    ("title-del", "plain", setattr_("title", "\x7f"), traitlets.TraitError, r"control character U\+007F"),
    (
        "title-surrogate",
        "plain",
        setattr_("title", "x\ud83d"),
        traitlets.TraitError,
        r"not valid Unicode; expected UTF-8",
    ),
    ("title-line-sep", "plain", setattr_("title", "a\u2028b"), traitlets.TraitError, r"line separator U\+2028"),
    ("title-para-sep", "plain", setattr_("title", "a\u2029"), traitlets.TraitError, r"line separator U\+2029"),
    (
        "title-rlo",
        "plain",
        setattr_("title", "safe\u202egpj.exe"),
        traitlets.TraitError,
        r"bidirectional control U\+202E",
    ),
    ("title-isolate", "plain", setattr_("title", "\u2067x"), traitlets.TraitError, r"bidirectional control U\+2067"),
    ("title-nonchar", "plain", setattr_("title", "a\uffff"), traitlets.TraitError, r"noncharacter U\+FFFF"),
    ("title-nonchar-fdd0", "plain", setattr_("title", "\ufdd0"), traitlets.TraitError, r"noncharacter U\+FDD0"),
    ("title-too-long", "plain", setattr_("title", "x" * (MAX_TEXT + 1)), traitlets.TraitError, r"1001 characters"),
    ("title-bytes", "plain", setattr_("title", b"t"), traitlets.TraitError, r"title must be a str; got bytes b't'"),
    ("title-none", "plain", setattr_("title", None), traitlets.TraitError, r"title must be a str; got NoneType"),
    (
        "replace-name-tab",
        "plain",
        lambda w, tmp: w.set_labels(OK, ["A\t", "B"]),
        ValueError,
        r"categories contains 'A\\t' with the control character U\+0009 at index 1",
    ),
    (
        "replace-mapping-key-del",
        "plain",
        lambda w, tmp: w.set_labels({"A\x7f": OK[..., 0]}),
        ValueError,
        r"labels keys contains 'A\\x7f' with the control character U\+007F",
    ),
    (
        "replace-name-too-long",
        "plain",
        lambda w, tmp: w.set_labels(OK, ["A", "b" * 5000]),
        ValueError,
        r"categories contains a text of 5000 characters \('bbbb.*'\.\.\.\); expected at most 1000",
    ),
    (
        "replace-name-sneaky-str",
        "plain",
        lambda w, tmp: w.set_labels(OK, ["A", Sneaky("B\u202e")]),
        ValueError,
        r"'B\\u202e' with the bidirectional control U\+202E",
    ),
    (
        "rescore-name-surrogate",
        "scored",
        lambda w, tmp: w.set_scores(SCORES, ["A", "\ud800x"], threshold=0.5),
        ValueError,
        r"categories contains '\\ud800x', which is not valid Unicode; expected UTF-8 text \(it has a lone surrogate",
    ),
    # ---- palettes: wrong types, unknown or non-str keys, colours that merge categories
    (
        "palette-ndarray",
        "plain",
        setattr_("palette", np.array(["#000000", "#ffffff", "#ff0000", "#00ff00"])),
        TypeError,
        r"palette must be 'reference', 'colorblind' or a mapping \{category: colour\}; got ndarray array\(\[",
    ),
    (
        "palette-list",
        "plain",
        setattr_("palette", ["#000000"] * 4),
        TypeError,
        r"got list \['#000000'.*pass dict\(zip\(categories, colours\)\)",
    ),
    ("palette-int", "plain", setattr_("palette", 3), TypeError, r"palette must be .*; got int 3$"),
    ("palette-bytes", "plain", setattr_("palette", b"colorblind"), TypeError, r"got bytes b'colorblind'"),
    (
        "palette-int-key",
        "plain",
        setattr_("palette", {0: "#000000"}),
        TypeError,
        r"palette keys must be category names \(str\); got int 0",
    ),
    (
        "palette-colour-int",
        "plain",
        setattr_("palette", {"Knowledge": 0x123456}),
        ValueError,
        r"palette\['Knowledge'\] must be a colour '#rrggbb' or '#rgb'; got 1193046",
    ),
    (
        "palette-duplicate-colour",
        "plain",
        setattr_("palette", {"Knowledge": "#1F77B4"}),  # Algorithmic's reference blue
        ValueError,
        r"palette leaves 'Algorithmic' and 'Knowledge' with the same colour #1f77b4; expected a colour of its own",
    ),
    (
        "palette-two-alike",
        "plain",
        setattr_("palette", {"Linguistic": "#abc", "Translation": "#aabbcc"}),
        ValueError,
        r"leaves 'Linguistic' and 'Translation' with the same colour #aabbcc",
    ),
    (
        "palette-unclassified-grey",
        "plain",
        setattr_("palette", {"Translation": "#e6e6e6"}),
        ValueError,
        r"palette gives 'Translation' the colour #e6e6e6 of unclassified heads",
    ),
    (
        "palette-multi-purple",
        "scored",
        setattr_("palette", {"A": "#9467bd"}),
        ValueError,
        r"palette gives 'A' the colour #9467bd of heads in 2 categories",
    ),
    # ---- export flags: only True / False
    ("save-full-str", "plain", save("x.svg", full="no"), TypeError, r"full must be True .* or False .*; got str 'no'"),
    ("save-full-int", "plain", save("x.svg", full=1), TypeError, r"full must be True .*; got int 1"),
    ("save-full-none-html", "plain", save("x.html", full=None), TypeError, r"full must be True .*; got NoneType None"),
    ("save-counts-str", "plain", save("x.svg", counts="yes"), TypeError, r"counts must be True, False or None"),
    # ---- axis labels follow the text rule too (drawn as one line in every static face)
    (
        "save-xlabel-nul",
        "plain",
        save("x.svg", xlabel="layer\x00"),
        ValueError,
        r"xlabel contains 'layer\\x00' with a NUL",
    ),
    ("save-ylabel-surrogate", "plain", save("x.png", ylabel="\udfff"), ValueError, r"ylabel contains '\\udfff'"),
    ("state-full-list", "plain", lambda w, tmp: widget_state(w, full=[1]), TypeError, r"full must be .*; got list"),
]


@pytest.mark.parametrize(("which", "call", "error", "message"), [c[1:] for c in LIVE], ids=[c[0] for c in LIVE])
def test_bad_input_changes_nothing(live, tmp_path, which, call, error, message):
    widget = live[which]
    before = state(widget)
    with pytest.raises(error, match=message):
        call(widget, tmp_path)
    assert_same(state(widget), before)
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file


# ---------------------------------------------------------------- every way in, one rule

BAD_NAME = "Know\x0bledge"  # a vertical tab
BAD_MESSAGE = r"contains 'Know\\x0bledge' with the control character U\+000B at index 4"


def _json_file_with_bad_name(tmp_path):
    path = tmp_path / "labels.json"
    save_labels(path, OK, ["A", "Knowledge"])
    path.write_text(path.read_text().replace('"Knowledge"', '"Know\\u000bledge"'))
    return path


WAYS_IN = [
    ("constructor", lambda tmp: HeadMapWidget(OK, ["A", BAD_NAME])),
    ("mapping", lambda tmp: HeadMapWidget({"A": OK[..., 0], BAD_NAME: OK[..., 1]})),
    ("from_heads", lambda tmp: HeadMapWidget.from_heads({BAD_NAME: [(0, 0)]}, n_layers=2, n_heads=2)),
    (
        "from_frame",
        lambda tmp: HeadMapWidget.from_frame(pd.DataFrame({"layer": [0], "head": [0], "category": [BAD_NAME]})),
    ),
    ("from_scores", lambda tmp: HeadMapWidget.from_scores(SCORES, ["A", BAD_NAME], threshold=0.5)),
    ("load", lambda tmp: HeadMapWidget.load(_json_file_with_bad_name(tmp))),
    ("title", lambda tmp: HeadMapWidget(OK, title=BAD_NAME)),
    ("title-from_scores", lambda tmp: HeadMapWidget.from_scores(SCORES, threshold=0.5, title=BAD_NAME)),
]


@pytest.mark.parametrize("call", [c[1] for c in WAYS_IN], ids=[c[0] for c in WAYS_IN])
def test_every_way_in_refuses_the_same_text(tmp_path, call):
    with pytest.raises((ValueError, traitlets.TraitError), match=BAD_MESSAGE):
        call(tmp_path)


def test_text_rule_accepts_ordinary_text_of_every_script():
    # Accents, CJK, right-to-left (with a mark), emoji with joiners, private use, spaces.
    for text in [
        "é",
        "名前",
        "שלום\u200f",
        "مرحبا",
        "👩\u200d🔬",
        "\ue000",
        "a  b",
        "x" * MAX_TEXT,
        "=1+1",
        "</script>",
    ]:
        assert check_text(text, "name") == text
        w = HeadMapWidget(OK[..., :1], [text], title=text)
        assert w.categories == (text,) and w.title == text


def test_a_str_subclass_is_kept_as_plain_str():
    w = HeadMapWidget(OK, ["A", Sneaky("B")], title=Sneaky("t"))
    assert type(w.categories[1]) is str and w.categories[1] == "B"
    assert type(w.title) is str and w.title == "t"


# ---------------------------------------------------------------- private, read-only copies


def _assert_private(got: np.ndarray, given: np.ndarray) -> None:
    assert got is not given
    assert not np.shares_memory(got, given)
    assert got.flags.writeable is False
    with pytest.raises(ValueError, match="WRITEABLE"):
        got.setflags(write=True)  # a view of a read-only copy: numpy refuses
    with pytest.raises(ValueError, match="read-only"):
        got[(0,) * got.ndim] = not got[(0,) * got.ndim]


def test_from_scores_keeps_a_private_copy():
    s = SCORES.copy()
    w = HeadMapWidget.from_scores(s, NAMES, threshold=0.5)
    _assert_private(w.scores, s)
    _assert_private(w.labels, s)
    before = w.get_state()
    s[:] = 1.0
    np.testing.assert_array_equal(w.scores, SCORES)
    assert w.get_state() == before


def test_labels_array_and_mapping_inputs_are_copied():
    given = np.zeros((4, 3, 2), bool)
    w = HeadMapWidget(given, NAMES)
    _assert_private(w.labels, given)
    given[:] = True
    assert not w.labels.any()
    a, b = np.zeros((4, 3), bool), np.zeros((4, 3), np.int64)
    mapping = {"A": a, "B": b}
    w = HeadMapWidget(mapping)
    a[:], b[:] = True, 1
    mapping["C"] = a
    assert not w.labels.any() and w.categories == ("A", "B")


def test_set_labels_set_scores_and_from_heads_are_copied(live):
    w = live["plain"]
    given = np.ones((4, 3, 2), np.uint8)
    names = ["A", "B"]
    w.set_labels(given, names)
    _assert_private(w.labels, given)
    given[:] = 0
    names[0] = "Z"
    assert w.labels.all() and w.categories == ("A", "B")
    s = live["scored"]
    new = SCORES[::-1].copy()
    s.set_scores(new, threshold=0.5)
    _assert_private(s.scores, new)
    new[:] = np.nan
    assert not np.isnan(s.scores).any()
    heads = {"A": [(0, 1)]}
    h = HeadMapWidget.from_heads(heads, n_layers=2, n_heads=2)
    heads["A"].append((1, 1))
    assert h.labels.sum() == 1


def test_data_decoded_from_a_view_or_saved_state_are_read_only():
    sent = {**HeadMapWidget.from_scores(SCORES, NAMES, threshold=0.5).get_state()["_data"], "bits": b"\xff\xff\xff"}
    data = HeadData.from_json(sent)
    for array in (data.labels, data.scores):
        assert array.flags.writeable is False
        with pytest.raises(ValueError, match="WRITEABLE"):
            array.setflags(write=True)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["A", "Know\x00ledge"], r"categories contains 'Know\\x00ledge' with a NUL"),
        (["A", "\udc80"], r"categories contains '\\udc80', which is not valid Unicode"),
        (["A", "B\u2028"], r"categories contains 'B\\u2028' with the line separator U\+2028"),
    ],
)
def test_names_in_data_from_a_view_follow_the_same_rule(names, message):
    sent = {**HeadMapWidget(OK, NAMES).get_state()["_data"], "categories": names}
    with pytest.raises(ValueError, match=message):
        HeadData.from_json(sent)


def test_palette_mapping_is_copied_in_and_out():
    mapping = {"A": "#123456"}
    w = HeadMapWidget(OK, NAMES, palette=mapping)
    mapping["A"] = "#654321"
    mapping["gone"] = "#000000"
    assert w.palette == {"A": "#123456"}
    w.palette["A"] = "#000000"  # a copy: the widget's option is unchanged
    assert w.palette == {"A": "#123456"}
    given = {"B": "#abcdef"}
    w.palette = given
    given["B"] = "#fedcba"
    assert w.palette == {"B": "#abcdef"} and w._palette["categories"][1] == "#abcdef"


# ---------------------------------------------------------------- replacing the data, new names


def test_new_names_drop_the_palette_entries_of_categories_that_are_gone(live):
    w = live["plain"]  # palette={"Knowledge": "#123456"}
    w.set_labels(OK, ["Syntax", "Knowledge"])  # used to fail: "palette names 'Algorithmic'..." / gone names
    assert w.categories == ("Syntax", "Knowledge")
    assert w.palette == {"Knowledge": "#123456"}  # a category that stays keeps its colour
    assert w._palette["categories"] == ["#1f77b4", "#123456"]
    w.set_labels(OK, ["X", "Y"])  # no entry left: the reference palette
    assert w.palette == "reference"
    assert w._palette == palette_for(2)


def test_new_names_with_every_old_palette_entry_gone():
    w = HeadMapWidget(OK, NAMES, palette={"A": "#010203", "B": "#040506"})
    w.set_scores(SCORES, ["P", "Q"], threshold=0.5)
    assert (w.palette, w.categories) == ("reference", ("P", "Q"))


def test_a_failed_replace_keeps_the_palette_option():
    w = HeadMapWidget(example_labels(), palette="colorblind")
    before = state(w)
    with pytest.raises(ValueError, match="at most 5"):
        w.set_labels(np.zeros((2, 2, 6), bool))  # the palette cannot colour 6
    assert_same(state(w), before)


# ---------------------------------------------------------------- big maps stay cheap to display


def test_a_big_map_displays_a_notice_not_a_huge_svg():
    labels = np.zeros((1024, 1024, 12), bool)
    labels[::7, ::5] = True
    w = HeadMapWidget(labels)
    live, static = displayed(w)
    assert "application/vnd.jupyter.widget-view+json" in live  # the live view still shows
    notice = static["text/plain"]
    assert "13,631,488 cells, more than 4,194,304" in notice and "widget.save(" in notice
    assert "<svg" not in static["text/html"] and html.escape(notice) in static["text/html"]
    assert sum(len(str(v)) for v in static.values()) < 3_000
    # A crop brings the figure back: the limit is on what the view draws.
    w.layer_range, w.head_range = (0, 511), (0, 511)
    w.visible = list(w.categories[:4])
    assert static_svg(w).startswith("<svg")


def test_512_by_512_by_12_keeps_its_fallback():
    w = HeadMapWidget(np.ones((512, 512, 12), bool))
    assert static_svg(w).startswith("<svg")


def test_the_largest_published_model_keeps_its_fallback():
    w = HeadMapWidget(np.ones((126, 128, 12), bool))
    assert static_svg(w).startswith("<svg")


def test_standalone_html_full_takes_numpy_booleans():
    w = HeadMapWidget(OK, NAMES, layer_range=(1, 2))
    page = standalone_html(w, full=np.True_)
    start = page.index('id="headwidget-state">') + len('id="headwidget-state">')
    state_json = json.loads(page[start : page.index("</script>", start)])
    assert state_json["layer_range"] == [0, 3]
