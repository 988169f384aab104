"""headwidget.datasets: the bundled, published head maps load offline with the published numbers.

The expected heads and counts below are written from the papers and the source files
(see the module docstring), not read back from the data files.
"""

from __future__ import annotations

import socket
import xml.etree.ElementTree as ET
from importlib import resources

import numpy as np
import pytest

from headwidget import HeadMapWidget, datasets
from tests.helpers.svg import SVG

NAMES = ["ioi-gpt2-small", "function-vectors-llama-2-7b", "duo-attention-llama-2-7b-32k", "llama-2-7b-fv-retrieval"]

# Wang et al. 2022, Figure 2: the 26 heads of the IOI circuit in GPT-2 small.
IOI = {
    "Name mover": {(9, 9), (9, 6), (10, 0)},
    "Backup name mover": {(9, 0), (9, 7), (10, 1), (10, 2), (10, 6), (10, 10), (11, 2), (11, 9)},
    "Negative name mover": {(10, 7), (11, 10)},
    "S-inhibition": {(7, 3), (7, 9), (8, 6), (8, 10)},
    "Induction": {(5, 5), (5, 8), (5, 9), (6, 9)},
    "Duplicate token": {(0, 1), (0, 10), (3, 0)},
    "Previous token": {(2, 2), (4, 11)},
}
# function_vectors, src/utils/extract_utils.py, the 'Llama-2-7b' list: its first ten (layer, head, AIE).
FV_TOP10 = [
    (14, 1, 0.0391),
    (11, 2, 0.0225),
    (9, 25, 0.02),
    (12, 15, 0.0196),
    (12, 28, 0.0191),
    (13, 7, 0.0171),
    (11, 18, 0.0152),
    (12, 18, 0.0113),
    (16, 10, 0.007),
    (14, 16, 0.007),
]
FV_LAST = (26, 14, 0.0004)  # the 100th entry of the same list
# duo-attention, attn_patterns/Llama-2-7B-32K-Instruct/.../full_attention_heads.tsv: a few cells (row = layer).
DUO_CELLS = {(0, 0): 4.730224609375e-03, (0, 3): 0.890625, (1, 4): 1.0, (2, 1): 1.0, (2, 22): 1.396484375e-01}
RETRIEVAL_COUNT = 446  # heads with gate >= 0.5 (the config's threshold), of 1024


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every dataset loads with the network cut off."""

    def refuse(*args, **kwargs):
        raise AssertionError("headwidget.datasets tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def as_set(mask: np.ndarray) -> set[tuple[int, int]]:
    return {(int(layer), int(head)) for layer, head in zip(*np.nonzero(mask), strict=True)}


def test_names_are_the_documented_ones():
    assert datasets.names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_dataset_is_complete_and_read_only(name):
    data = datasets.load(name)
    assert data.name == name
    assert data.labels is not None and data.labels.dtype == bool
    assert data.labels.shape == (data.n_layers, data.n_heads, len(data.categories))
    assert not data.labels.flags.writeable
    with pytest.raises(ValueError):
        data.labels.setflags(write=True)
    if data.scores is not None:
        assert data.scores.dtype == np.float32 and data.scores.shape == data.labels.shape
        assert not data.scores.flags.writeable
    for text in (data.model, data.citation, data.source, data.licence, data.notes):
        assert isinstance(text, str) and text
    assert "http" in data.citation + data.source
    with pytest.raises(AttributeError):
        data.name = "other"  # frozen


def test_ioi_circuit_is_the_published_one():
    data = datasets.ioi_gpt2_small()
    assert (data.n_layers, data.n_heads) == (12, 12)
    assert data.categories == tuple(IOI)
    assert data.scores is None
    for c, (category, heads) in enumerate(IOI.items()):
        assert as_set(data.labels[:, :, c]) == heads, category
        assert set(data.heads(category)) == heads
    assert int(data.labels.sum()) == 26 and data.labels.sum(axis=-1).max() == 1  # no head in two classes
    assert "2211.00593" in data.citation and "ea15315dd24481e9e2ac5c3ef335d82907a1dc34" in data.source


def test_function_vector_heads_and_their_aie():
    data = datasets.function_vectors_llama2_7b()
    assert (data.n_layers, data.n_heads) == (32, 32) and data.categories == ("Function vector",)
    assert as_set(data.labels[:, :, 0]) == {(layer, head) for layer, head, _ in FV_TOP10}
    scores = data.scores[:, :, 0]
    for layer, head, aie in [*FV_TOP10, FV_LAST]:
        assert scores[layer, head] == np.float32(aie), (layer, head)
    assert int(np.isfinite(scores).sum()) == 100  # the published top 100; NaN elsewhere
    assert np.nanmin(scores) == np.float32(0.0004)
    assert data.licence.startswith("MIT") and "fb9eac7b6dc707ea1475a717379916007fe448d5" in data.source
    assert data.tasks is None and data.groups is None  # no per-task effects are published


def test_duo_attention_gates_and_retrieval_heads():
    data = datasets.duo_attention_llama2_7b_32k()
    assert (data.n_layers, data.n_heads) == (32, 32) and data.categories == ("Retrieval",)
    gates = data.scores[:, :, 0]
    assert np.isfinite(gates).all() and gates.min() >= 0 and gates.max() <= 1  # clipped as load_attn_pattern does
    for (layer, head), gate in DUO_CELLS.items():
        assert gates[layer, head] == np.float32(gate), (layer, head)
    assert gates[0, 1] == 0  # -5.340576171875e-04 in the file, clipped
    assert int(data.labels.sum()) == RETRIEVAL_COUNT
    np.testing.assert_array_equal(data.labels[:, :, 0], gates >= 0.5)
    assert "fe93c314ae87306ef6629dc16713250b4718ffe7" in data.source


def test_combined_llama_2_7b_has_two_overlapping_categories():
    data = datasets.llama2_7b_fv_retrieval()
    assert data.categories == ("Function vector", "Retrieval") and data.labels.shape == (32, 32, 2)
    fv, retrieval = data.labels[:, :, 0], data.labels[:, :, 1]
    assert (int(fv.sum()), int(retrieval.sum())) == (10, RETRIEVAL_COUNT)
    assert int((fv & retrieval).sum()) == 10  # every top-10 FV head keeps full attention (gate >= 0.5)
    np.testing.assert_array_equal(data.labels[:, :, 0], datasets.function_vectors_llama2_7b().labels[:, :, 0])
    np.testing.assert_array_equal(data.scores[:, :, 1], datasets.duo_attention_llama2_7b_32k().scores[:, :, 0])
    assert data.scores[14, 1, 0] == np.float32(0.0391) and data.scores[14, 1, 1] == 1


@pytest.mark.parametrize("bad", ["nope", "IOI-GPT2-SMALL", "", None, 3])
def test_unknown_name_says_what_is_known(bad):
    with pytest.raises(ValueError) as info:
        datasets.load(bad)
    message = str(info.value)
    assert f"name={bad!r}" in message
    for name in NAMES:
        assert repr(name) in message


def test_heads_of_an_unknown_category():
    with pytest.raises(ValueError, match="category='Mover'"):
        datasets.ioi_gpt2_small().heads("Mover")


@pytest.mark.parametrize("name", NAMES)
def test_widget_shows_the_dataset_and_saves_an_svg(name, tmp_path):
    data = datasets.load(name)
    widget = data.widget()
    assert isinstance(widget, HeadMapWidget)
    np.testing.assert_array_equal(widget.labels, data.labels)
    assert widget.categories == data.categories
    if data.scores is not None:
        np.testing.assert_array_equal(widget.scores, data.scores)  # kept for the tooltip
    path = tmp_path / "x.svg"
    widget.save(path)
    texts = [(t.get("class"), t.text) for t in ET.parse(path).getroot().iter(f"{SVG}text")]
    titles = [text for cls, text in texts if cls == "panel-title"]
    assert titles[0] == "All Categories" and len(titles) == 1 + len(data.categories)
    for title, category in zip(titles[1:], data.categories, strict=True):
        # a long name on a small (12 x 12) panel is cut with "…"; the legend keeps it whole
        assert title == category or (title.endswith("\u2026") and category.startswith(title[:-1].rstrip())), title
        assert (None, category) in texts, category


def test_widget_with_a_rule_classifies_the_scores():
    widget = datasets.function_vectors_llama2_7b().widget(top_k=5)
    assert widget.top_k == 5 and int(widget.labels.sum()) == 5
    widget = datasets.duo_attention_llama2_7b_32k().widget(threshold=0.9, title="gates")
    assert widget.threshold == 0.9 and widget.title == "gates"
    assert int(widget.labels.sum()) == int((datasets.duo_attention_llama2_7b_32k().scores >= 0.9).sum())


def test_shipped_data_files_are_small():
    folder = resources.files("headwidget.datasets")
    files = [folder / name for name in datasets.DATA_FILES]
    assert all(f.is_file() for f in files)
    total = sum(len(f.read_bytes()) for f in files)
    assert total < 1_000_000, total
    assert max(len(f.read_bytes()) for f in files) <= datasets.MAX_FILE_BYTES
    # nothing else ships beside them but the module
    shipped = {p.name for p in folder.iterdir() if p.is_file()}
    assert shipped == {"__init__.py", *datasets.DATA_FILES}


def test_the_mit_notices_travel_with_the_data():
    import json

    for name, holder in (
        ("function_vectors_llama2_7b.json", "Eric Todd"),
        ("duo_attention_llama2_7b_32k.json", "MIT HAN Lab"),
    ):
        data = json.loads(resources.files("headwidget.datasets").joinpath(name).read_text())
        assert data["licence"] == "MIT"
        assert data["licence_text"].startswith("MIT License") and holder in data["licence_text"]
        assert "Permission is hereby granted" in data["licence_text"]
