"""Paragraphs sent before, matched the way samples are: the same forms, the same index.

A stored text is cut into paragraphs and read by the sample detector's reader
(:class:`standout.samples.forms.SampleReader`): canonical words, with names,
numbers and dates made class words, so "I would love to join Acme" sent last
week and "I would love to join Globex" today are one paragraph. Each distinct
paragraph form becomes one entry of a :class:`standout.samples.index.SampleIndex`
(keys, word weights and sentence alignment as for samples), and remembers the
applications it was sent in. A paragraph pasted into forty letters is one entry,
not forty, so it is found in one lookup however often it was sent.

A new paragraph reuses an entry when, after pairing sentences:

- at least ``min_share`` of its words are in sentences paired with the entry and
  at least ``min_retained`` of the entry's words are still there (light edits,
  a sentence added or dropped);
- the pairs carry weight: each at least ``min_pair_evidence``, all together at
  least ``min_evidence``. Word weights are the bundled sample corpus's, so a
  stock sentence ("I look forward to hearing from you") weighs little;
- both have ``min_words`` words: a greeting or a sign-off line is never compared.

The forms are kept in the store (``paragraph_forms``) with a fingerprint of the
reader, so a server start reads JSON instead of re-reading a thousand letters,
and a newer engine whose forms differ rebuilds them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .. import __version__
from ..paragraphs import paragraphs
from ..samples.corpus import Sample
from ..samples.forms import Sentence
from ..samples.index import IndexSettings, SampleIndex

Words = tuple[tuple[str, ...], ...]  # one paragraph: each sentence's canonical words
Reader = Callable[[str], tuple[Sentence, ...]]

# Read once to tell one reader's forms from another's (lemmas, spellings, classes).
PROBE = ("I'm extremely keen to organise the Globex team's 12 projects in May 2024, "
         "having worked at Initech.\n\nColour, favourite; analysed, travelled.")
INDEX_DEFAULTS = {"max_candidates": 64, "max_postings": 400}


@dataclass(frozen=True, slots=True)
class ReuseSettings:
    min_words: int = 15
    min_share: float = 0.6
    min_retained: float = 0.5
    min_pair_evidence: float = 2.0
    min_evidence: float = 5.0

    @classmethod
    def from_params(cls, params: Mapping) -> ReuseSettings:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})


def index_settings(params: Mapping) -> IndexSettings:
    return IndexSettings.from_params({**INDEX_DEFAULTS, **params})


def reader_fingerprint(reader: Reader) -> str:
    probe = [s.words for s in reader(PROBE)]
    digest = hashlib.sha256(json.dumps([__version__, probe]).encode("utf-8"))
    return digest.hexdigest()[:16]


def read_paragraphs(reader: Reader, text: str) -> list[Words]:
    """Each paragraph of ``text``, read into its sentences' canonical words."""
    return [tuple(s.words for s in reader(paragraph)) for _, paragraph in paragraphs(text)]


def dump_forms(forms: Sequence[Words]) -> str:
    return json.dumps(forms, ensure_ascii=False, separators=(",", ":"))


def load_forms(data: str) -> list[Words]:
    value = json.loads(data)
    return [tuple(tuple(words) for words in paragraph) for paragraph in value]


def word_total(words: Words) -> int:
    return sum(len(sentence) for sentence in words)


class ParagraphIndex:
    """Distinct stored paragraphs and the applications each was sent in. Immutable."""

    def __init__(
        self,
        paragraphs: Iterable[tuple[int, Words]],
        function_words: Iterable[str],
        weights: Mapping[str, float],
        reuse: ReuseSettings | None = None,
        settings: IndexSettings | None = None,
    ) -> None:
        """``paragraphs``: ``(application id, words)`` for every stored paragraph."""
        self.reuse = reuse or ReuseSettings()
        sent_in: dict[Words, set[int]] = {}
        for application, words in paragraphs:
            if word_total(words) >= self.reuse.min_words:
                sent_in.setdefault(words, set()).add(application)
        forms = list(sent_in)
        self.applications = tuple(frozenset(sent_in[f]) for f in forms)
        entries = [Sample(f"history-{n}", "", "", "history", "", "history")
                   for n in range(len(forms))]
        self.index = SampleIndex(entries, forms, function_words,
                                 settings or index_settings({}), weights)
        self.paragraphs = sum(len(a) for a in self.applications)

    def __len__(self) -> int:
        return len(self.applications)

    def sent_in(self, sentences: Sequence[Sentence]) -> frozenset[int]:
        """The applications holding a paragraph this one (``sentences``) reuses."""
        if sum(len(s.words) for s in sentences) < self.reuse.min_words or not len(self):
            return frozenset()
        index, reuse = self.index, self.reuse
        lookup = index.lookup(sentences)
        total = sum(len(s.words) for s in sentences)
        found: set[int] = set()
        for entry in lookup.own:
            pairs = [p for p in index.pairs(lookup, entry)
                     if p.evidence >= reuse.min_pair_evidence]
            if not pairs or sum(p.evidence for p in pairs) < reuse.min_evidence:
                continue
            share = sum(len(sentences[p.text_sentence].words) for p in pairs) / total
            retained = sum(p.shared for p in pairs) / max(index.sizes[entry], 1)
            if share >= reuse.min_share and retained >= reuse.min_retained:
                found.update(self.applications[entry])
        return frozenset(found)
