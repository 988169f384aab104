"""Real, published per-head maps, shipped with the package and read offline.

Each dataset is a few kilobytes of JSON beside this module, read through
:mod:`importlib.resources` (size-bounded, regular files only), and comes back as a
:class:`Dataset`: the published labels (and scores where the source has them) with
the citation, source, licence and every transformation made. No network is used.

========================================  ==========================  ==========================================
name                                      model                       categories (heads)
========================================  ==========================  ==========================================
``ioi-gpt2-small``                        GPT-2 small, 12 x 12        7 IOI-circuit classes (26 heads)
``function-vectors-llama-2-7b``           Llama-2-7b, 32 x 32         Function vector (top 10 by AIE)
``duo-attention-llama-2-7b-32k``          Llama-2-7B-32K-Instruct     Retrieval (gate >= 0.5: 446 heads)
``llama-2-7b-fv-retrieval``               Llama-2-7B, 32 x 32         Function vector (10), Retrieval (446)
========================================  ==========================  ==========================================

Sources and licences
--------------------
* **IOI circuit** -- K. Wang, A. Variengien, A. Conmy, B. Shlegeris, J. Steinhardt,
  "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2
  small", ICLR 2023, https://arxiv.org/abs/2211.00593 (Figure 2, Section 3). Head indices
  transcribed from the paper (facts, not copyrightable), cross-checked against
  ``easy_transformer/ioi_circuit_extraction.py`` (``CIRCUIT``) of
  https://github.com/redwoodresearch/Easy-Transformer (MIT) at commit
  ``ea15315dd24481e9e2ac5c3ef335d82907a1dc34``, whose "name mover" list is the 3 name
  movers followed by the 8 backup name movers. Labels only, as published.
* **Function vectors** -- E. Todd, M. L. Li, A. S. Sharma, A. Mueller, B. C. Wallace,
  D. Bau, "Function Vectors in Large Language Models", ICLR 2024,
  https://arxiv.org/abs/2310.15213. Values from ``src/utils/extract_utils.py``
  (``compute_universal_function_vector``, the ``'Llama-2-7b'`` list) of
  https://github.com/ericwtodd/function_vectors (MIT, Copyright (c) 2023 Eric Todd) at
  commit ``fb9eac7b6dc707ea1475a717379916007fe448d5``: the 100 "universal" heads, highest
  average indirect effect (AIE) over the abstractive tasks the model beats baseline on
  (paper, Appendix G; the author in the repository's issue #13), AIE rounded to 4
  decimals as printed there. The repository publishes neither the AIE of the other 924 heads nor
  per-task effects; those heads' scores are NaN. The label is the top 10, the
  repository's default ``n_top_heads=10``.
* **DuoAttention retrieval heads** -- G. Xiao, J. Tang, J. Zuo, J. Guo, S. Yang, H. Tang,
  Y. Fu, S. Han, "DuoAttention: Efficient Long-Context LLM Inference with Retrieval and
  Streaming Heads", arXiv 2024, https://arxiv.org/abs/2410.10819. The 32 x 32 gate values
  of ``attn_patterns/Llama-2-7B-32K-Instruct/lr=0.02-reg=0.05-ctx=1000_32000-multi_passkey10/
  full_attention_heads.tsv`` (rows = layers, columns = heads) of
  https://github.com/mit-han-lab/duo-attention (MIT, Copyright (c) 2024 MIT HAN Lab) at
  commit ``fe93c314ae87306ef6629dc16713250b4718ffe7``, clipped to [0, 1] as their
  ``load_attn_pattern`` does (exact in float32). The label is gate >= 0.5, the
  ``"threshold": 0.5`` of the same directory's ``config.json``.

The MIT notices of both repositories travel inside their data files
(``licence_text``). The combined Llama-2-7B dataset puts two different checkpoints on
one grid: ``meta-llama/Llama-2-7b-hf`` (function vectors) and
``togethercomputer/Llama-2-7B-32K-Instruct`` (a long-context fine-tune of Llama-2-7B
with the same 32 layers x 32 heads); read its overlap with that in mind.

Examples
--------
>>> from headwidget import datasets
>>> datasets.names()  # doctest: +NORMALIZE_WHITESPACE
['ioi-gpt2-small', 'function-vectors-llama-2-7b', 'duo-attention-llama-2-7b-32k', 'llama-2-7b-fv-retrieval']
>>> ioi = datasets.load("ioi-gpt2-small")
>>> ioi.heads("Name mover")
[(9, 6), (9, 9), (10, 0)]
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ..labels import read_only

if TYPE_CHECKING:
    from ..widget import HeadMapWidget

__all__ = [
    "Dataset",
    "duo_attention_llama2_7b_32k",
    "function_vectors_llama2_7b",
    "ioi_gpt2_small",
    "llama2_7b_fv_retrieval",
    "load",
    "names",
]

#: No bundled data file may be larger than this; checked before it is read.
MAX_FILE_BYTES = 256 * 1024

_IOI_FILE = "ioi_gpt2_small.json"
_FV_FILE = "function_vectors_llama2_7b.json"
_DUO_FILE = "duo_attention_llama2_7b_32k.json"
#: The data files this module reads, all beside it in the package.
DATA_FILES = (_IOI_FILE, _FV_FILE, _DUO_FILE)

#: How many of the highest-AIE heads are labelled "Function vector".
FV_TOP = 10

IOI_CITATION = (
    "Kevin Wang, Alexandre Variengien, Arthur Conmy, Buck Shlegeris, Jacob Steinhardt. "
    "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small. "
    "ICLR 2023. arXiv:2211.00593. https://arxiv.org/abs/2211.00593"
)
FV_CITATION = (
    "Eric Todd, Millicent L. Li, Arnab Sen Sharma, Aaron Mueller, Byron C. Wallace, David Bau. "
    "Function Vectors in Large Language Models. ICLR 2024. arXiv:2310.15213. "
    "https://openreview.net/forum?id=AwyxtyMwaG"
)
DUO_CITATION = (
    "Guangxuan Xiao, Jiaming Tang, Jingwei Zuo, Junxian Guo, Shang Yang, Haotian Tang, Yao Fu, Song Han. "
    "DuoAttention: Efficient Long-Context LLM Inference with Retrieval and Streaming Heads. "
    "arXiv 2024. arXiv:2410.10819. https://arxiv.org/abs/2410.10819"
)


@dataclass(frozen=True, eq=False)
class Dataset:
    """One published head map: labels and/or scores with where they come from.

    Attributes
    ----------
    name : str
        The name :func:`load` takes.
    model : str
        The model (checkpoint) the heads belong to.
    n_layers, n_heads : int
        The model's shape.
    categories : tuple of str
        One name per category, in panel order.
    labels : numpy.ndarray or None
        Read-only bool (n_layers, n_heads, len(categories)): the published classification.
    scores : numpy.ndarray or None
        Read-only float32 of the same shape, NaN where the source publishes no value.
    citation, source, licence, notes : str
        Who to cite; the URL, commit and file the values were taken from; the licence
        under which they are redistributed; every transformation made to them.
    tasks : tuple of str or None
        Per-task datasets only: the tasks, when the categories are tasks.
    groups : mapping of str to str or None
        Per-task datasets only: task -> family (e.g. "Translation"). None here: no bundled
        source publishes per-task head effects.
    """

    name: str
    model: str
    n_layers: int
    n_heads: int
    categories: tuple[str, ...]
    labels: np.ndarray | None
    scores: np.ndarray | None
    citation: str
    source: str
    licence: str
    notes: str
    tasks: tuple[str, ...] | None = None
    groups: Mapping[str, str] | None = field(default=None)

    def heads(self, category: str) -> list[tuple[int, int]]:
        """The (layer, head) pairs labelled ``category``, sorted.

        Parameters
        ----------
        category : str
            One of :attr:`categories`.
        """
        if category not in self.categories:
            raise ValueError(f"category={category!r} is not in dataset {self.name!r}; categories: {self.categories}")
        if self.labels is None:
            raise ValueError(f"dataset {self.name!r} has scores only; classify them with a threshold")
        layers, heads = np.nonzero(self.labels[:, :, self.categories.index(category)])
        return [(int(layer), int(head)) for layer, head in zip(layers, heads, strict=True)]

    def widget(self, **options: Any) -> HeadMapWidget:
        """A :class:`~headwidget.HeadMapWidget` of this dataset.

        The published labels are drawn, with the scores (when there are any) kept for the
        tooltip. With ``threshold=`` or ``top_k=`` the scores are classified by that rule
        instead, with the live control of :meth:`HeadMapWidget.from_scores`.

        Parameters
        ----------
        **options
            Passed to the constructor (``title``, ``palette``, ``layer_range``, ...);
            the title defaults to the dataset's model and name.
        """
        from ..data import HeadData
        from ..widget import HeadMapWidget

        options.setdefault("title", f"{self.model} \u2014 {self.name}")
        names = list(self.categories)
        if self.scores is not None and (options.get("threshold") is not None or options.get("top_k") is not None):
            return HeadMapWidget.from_scores(self.scores, names, **options)
        if self.labels is None:
            raise ValueError(f"dataset {self.name!r} has scores only: pass threshold= or top_k= to classify them")
        if self.scores is not None:
            return HeadMapWidget(HeadData.from_scores(self.scores, names).with_labels(self.labels), **options)
        return HeadMapWidget(self.labels, names, **options)


# ---------------------------------------------------------------------------- reading


@cache
def _read(filename: str) -> dict[str, Any]:
    """A bundled JSON file, bounded in size before it is read."""
    resource = resources.files(__name__).joinpath(filename)
    if not resource.is_file():
        raise FileNotFoundError(f"bundled dataset file {filename!r} is missing from the installed package")
    with resource.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"bundled dataset file {filename!r} is over {MAX_FILE_BYTES} bytes; refusing to parse it")
    data = json.loads(raw.decode("utf-8"))
    if data.get("format") != "headwidget-dataset/1":
        raise ValueError(f"bundled dataset file {filename!r} has format {data.get('format')!r}")
    return data


def _labels_from_heads(shape: tuple[int, int], per_category: list[list[list[int]]]) -> np.ndarray:
    array = np.zeros((*shape, len(per_category)), dtype=bool)
    for c, heads in enumerate(per_category):
        for layer, head in heads:
            if array[layer, head, c]:
                raise ValueError(f"head ({layer}, {head}) listed twice")
            array[layer, head, c] = True
    return array


def _fv_scores() -> tuple[np.ndarray, str]:
    """(32, 32) float32 AIE, NaN outside the published top 100, and the source line."""
    data = _read(_FV_FILE)
    scores = np.full((data["n_layers"], data["n_heads"]), np.nan, dtype=np.float32)
    for layer, head, value in data["heads"]:
        if not (math.isfinite(value) and math.isnan(scores[layer, head])):
            raise ValueError(f"bad or repeated head ({layer}, {head}) in {_FV_FILE}")
        scores[layer, head] = value
    src = data["source"]
    return scores, f"{src['repository']} @ {src['commit']}: {src['path']} ({src['object']})"


def _fv_labels(scores: np.ndarray) -> np.ndarray:
    """The FV_TOP highest-AIE heads (the list is published in descending order)."""
    data = _read(_FV_FILE)
    top = np.zeros(scores.shape, dtype=bool)
    for layer, head, _ in data["heads"][:FV_TOP]:
        top[layer, head] = True
    return top


def _duo_gates() -> tuple[np.ndarray, float, str]:
    """(32, 32) float32 gates clipped to [0, 1], the config's threshold and the source line."""
    data = _read(_DUO_FILE)
    gates = np.clip(np.asarray(data["gates"], dtype=np.float32), 0.0, 1.0)
    if gates.shape != (data["n_layers"], data["n_heads"]) or not np.isfinite(gates).all():
        raise ValueError(f"{_DUO_FILE} holds gates of shape {gates.shape}, or non-finite ones")
    src = data["source"]
    return gates, float(data["threshold"]), f"{src['repository']} @ {src['commit']}: {src['path']}"


def _dataset(
    name: str, model: str, categories: tuple[str, ...], labels: np.ndarray, scores: np.ndarray | None, **text: str
) -> Dataset:
    n_layers, n_heads, n_categories = labels.shape
    if n_categories != len(categories) or (scores is not None and scores.shape != labels.shape):
        raise ValueError(f"dataset {name!r}: labels {labels.shape}, scores and {len(categories)} categories disagree")
    return Dataset(
        name=name,
        model=model,
        n_layers=int(n_layers),
        n_heads=int(n_heads),
        categories=categories,
        labels=read_only(labels),
        scores=None if scores is None else read_only(scores.astype(np.float32)),
        citation=text["citation"],
        source=text["source"],
        licence=text["licence"],
        notes=text["notes"],
    )


# ---------------------------------------------------------------------------- datasets


def ioi_gpt2_small() -> Dataset:
    """The IOI circuit in GPT-2 small (Wang et al. 2022): 12 x 12 heads, 7 classes, 26 heads, labels only."""
    data = _read(_IOI_FILE)
    checked = data["source"]["cross_checked_against"]
    categories = tuple(data["categories"])
    labels = _labels_from_heads((data["n_layers"], data["n_heads"]), list(data["categories"].values()))
    return _dataset(
        "ioi-gpt2-small",
        data["model"],
        categories,
        labels,
        None,
        citation=IOI_CITATION,
        source=f"arXiv:2211.00593, Figure 2 and Section 3; cross-checked against {checked}",
        licence=data["licence"],
        notes="Head lists as published, one category per class (no head is in two). Labels only: "
        "the paper's per-head effects are figures, not published values.",
    )


def function_vectors_llama2_7b() -> Dataset:
    """Function-vector heads of Llama-2-7b (Todd et al. 2024): AIE of the published top 100, top 10 labelled."""
    scores, source = _fv_scores()
    return _dataset(
        "function-vectors-llama-2-7b",
        _read(_FV_FILE)["model"],
        ("Function vector",),
        _fv_labels(scores)[:, :, None],
        scores[:, :, None],
        citation=FV_CITATION,
        source=source,
        licence="MIT (Copyright (c) 2023 Eric Todd); notice in function_vectors_llama2_7b.json",
        notes=f"Scores: the average indirect effect (AIE) of the 100 heads the repository lists for Llama-2-7b, "
        f"rounded to 4 decimals as printed there; NaN for the other 924 heads (not published; none above "
        f"the 100th listed value, 0.0004). Labels: the top {FV_TOP} by AIE (the code's default n_top_heads=10). "
        "No per-task effects are published, so there are no tasks or groups.",
    )


def duo_attention_llama2_7b_32k() -> Dataset:
    """DuoAttention retrieval-head gates of Llama-2-7B-32K-Instruct (Xiao et al. 2024), gate >= 0.5 labelled."""
    gates, threshold, source = _duo_gates()
    return _dataset(
        "duo-attention-llama-2-7b-32k",
        _read(_DUO_FILE)["model"],
        ("Retrieval",),
        (gates >= threshold)[:, :, None],
        gates[:, :, None],
        citation=DUO_CITATION,
        source=source,
        licence="MIT (Copyright (c) 2024 MIT HAN Lab); notice in duo_attention_llama2_7b_32k.json",
        notes=f"Scores: the trained gate of each head (rows of the TSV = layers), clipped to [0, 1] as "
        f"duo_attn.utils.load_attn_pattern does; exact in float32. Labels: gate >= {threshold} (the "
        "'threshold' of the pattern's config.json); a head so labelled keeps full attention (a retrieval head).",
    )


def llama2_7b_fv_retrieval() -> Dataset:
    """Function-vector and retrieval heads on one 32 x 32 grid: two real, overlapping categories."""
    fv, fv_source = _fv_scores()
    gates, threshold, duo_source = _duo_gates()
    labels = np.stack([_fv_labels(fv), gates >= threshold], axis=-1)
    return _dataset(
        "llama-2-7b-fv-retrieval",
        "Llama-2-7B (FV: meta-llama/Llama-2-7b-hf; retrieval: togethercomputer/Llama-2-7B-32K-Instruct)",
        ("Function vector", "Retrieval"),
        labels,
        np.stack([fv, gates], axis=-1),
        citation=f"{FV_CITATION} | {DUO_CITATION}",
        source=f"{fv_source} | {duo_source}",
        licence="MIT (function_vectors, Copyright (c) 2023 Eric Todd) and MIT (duo-attention, "
        "Copyright (c) 2024 MIT HAN Lab); notices in the two data files",
        notes=f"'Function vector' = function-vectors-llama-2-7b (top {FV_TOP} by AIE; scores: AIE, NaN outside the "
        f"published top 100); 'Retrieval' = duo-attention-llama-2-7b-32k (gate >= {threshold}; scores: gate). "
        "Two checkpoints with one 32 x 32 head layout: the base model and its 32K-context fine-tune. "
        "The scores are on different scales, one per category.",
    )


_LOADERS: dict[str, Callable[[], Dataset]] = {
    "ioi-gpt2-small": ioi_gpt2_small,
    "function-vectors-llama-2-7b": function_vectors_llama2_7b,
    "duo-attention-llama-2-7b-32k": duo_attention_llama2_7b_32k,
    "llama-2-7b-fv-retrieval": llama2_7b_fv_retrieval,
}


def names() -> list[str]:
    """The names :func:`load` takes, in the order of the module's table."""
    return list(_LOADERS)


def load(name: str) -> Dataset:
    """A bundled dataset by name.

    Parameters
    ----------
    name : str
        One of :func:`names`.

    Returns
    -------
    Dataset
        Read-only labels and scores with citation, source, licence and notes.

    Raises
    ------
    ValueError
        When ``name`` is not a bundled dataset (the message lists the known names).
    """
    loader = _LOADERS.get(name) if isinstance(name, str) else None
    if loader is None:
        known = ", ".join(repr(n) for n in _LOADERS)
        raise ValueError(f"name={name!r} is not a bundled dataset; known names: {known}")
    return loader()
