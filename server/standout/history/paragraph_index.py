"""Paragraphs sent before, matched the way samples are: the same forms, the same index.

A stored text is cut into paragraphs and read by the sample detector's reader
(:class:`standout.samples.forms.SampleReader`): canonical words, with names,
numbers and dates made class words, so "I would love to join Acme" sent last
week and "I would love to join Globex" today are one sentence. Each distinct
sentence is one entry of a :class:`standout.samples.index.SampleIndex` (its keys,
word weights and sentence similarity, exactly as for samples) and remembers the
stored paragraphs it appears in. A sentence pasted into two hundred letters is
one entry, not two hundred, so a lookup costs the same however often the writer
reused it, and a lightly edited copy is still found: the pairing tolerates a
changed word, and the sentences left untouched are identical.

A new paragraph reuses a stored one when, with each of its sentences paired
with the most similar sentence of the stored paragraph:

- at least ``min_share`` of its words are in paired sentences, and at least
  ``min_retained`` of the stored paragraph's words are still there (light
  edits, a sentence added or dropped);
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
from ..paragraph_breaks import split_paragraphs
from ..samples.corpus import Sample
from ..samples.forms import Sentence
from ..samples.index import IndexSettings, SampleIndex

Words = tuple[tuple[str, ...], ...]  # one paragraph: each sentence's canonical words
Reader = Callable[[str], tuple[Sentence, ...]]

# Read once to tell one reader's forms from another's (lemmas, spellings, classes).
PROBE = ("I'm extremely keen to organise the Globex team's 12 projects in May 2024, "
         "having worked at Initech.\n\nColour, favourite; analysed, travelled.")


@dataclass(frozen=True, slots=True)
class ReuseSettings:
    min_words: int = 15
    min_share: float = 0.6
    min_retained: float = 0.5
    min_pair_evidence: float = 2.5
    min_evidence: float = 9.0

    @classmethod
    def from_params(cls, params: Mapping) -> ReuseSettings:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})


def index_settings(params: Mapping) -> IndexSettings:
    return IndexSettings.from_params(params)


def reader_fingerprint(reader: Reader) -> str:
    probe = [s.words for s in reader(PROBE)]
    digest = hashlib.sha256(json.dumps([__version__, probe]).encode("utf-8"))
    return digest.hexdigest()[:16]


def read_paragraphs(reader: Reader, text: str) -> list[Words]:
    """Each paragraph of ``text``, read into its sentences' canonical words."""
    return [tuple(s.words for s in reader(paragraph)) for _, paragraph in split_paragraphs(text)]


def dump_forms(forms: Sequence[Words]) -> str:
    return json.dumps(forms, ensure_ascii=False, separators=(",", ":"))


def load_forms(data: str) -> list[Words]:
    value = json.loads(data)
    return [tuple(tuple(words) for words in paragraph) for paragraph in value]


def word_total(words: Words) -> int:
    return sum(len(sentence) for sentence in words)


class ParagraphIndex:
    """Distinct stored sentences, the distinct paragraphs they are in, and who got those."""

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
        settings = settings or index_settings({})
        self._min_sentence = settings.min_sentence_words
        # Distinct paragraph forms (a paragraph pasted forty times is one), and who got each.
        forms: dict[Words, set[int]] = {}
        for application, words in paragraphs:
            if word_total(words) >= self.reuse.min_words:
                forms.setdefault(words, set()).add(application)
        self.sent_by = tuple(frozenset(apps) for apps in forms.values())
        self._sizes = [sum(len(set(sentence)) for sentence in words) for words in forms]
        entries: dict[tuple[str, ...], int] = {}
        self._found_in: list[list[int]] = []  # sentence entry -> paragraph forms holding it
        for number, words in enumerate(forms):
            for sentence in words:
                if len(sentence) < self._min_sentence:
                    continue
                entry = entries.setdefault(sentence, len(entries))
                if entry == len(self._found_in):
                    self._found_in.append([])
                if not self._found_in[entry] or self._found_in[entry][-1] != number:
                    self._found_in[entry].append(number)
        names = [Sample(f"history-{n}", "", "", "history", "", "history")
                 for n in range(len(entries))]
        self.index = SampleIndex(names, [(sentence,) for sentence in entries], function_words,
                                 settings, weights)
        self.paragraphs = sum(len(apps) for apps in self.sent_by)

    def __len__(self) -> int:
        """How many distinct stored paragraphs are compared."""
        return len(self.sent_by)

    def sent_in(self, sentences: Sequence[Sentence]) -> frozenset[int]:
        """The applications holding a paragraph this one (``sentences``) reuses."""
        total_words = sum(len(s.words) for s in sentences)
        if total_words < self.reuse.min_words or not self.sent_by:
            return frozenset()
        index, reuse, found_in = self.index, self.reuse, self._found_in
        # paragraph form -> [evidence, words of this paragraph paired, shared words]
        totals: dict[int, list[float]] = {}
        for sentence in sentences:
            if len(sentence.words) < self._min_sentence:
                continue
            lookup = index.lookup((sentence,))
            matched = []
            for entry in lookup.own:
                pairs = index.pairs(lookup, entry)
                if pairs and pairs[0].evidence >= reuse.min_pair_evidence:
                    matched.append((pairs[0], found_in[entry]))
            if not matched:
                continue
            words = len(sentence.words)
            if len(matched) == 1:  # the usual case: one stored sentence (and its copies)
                pair, holders = matched[0]
                chosen = dict.fromkeys(holders, (pair.similarity, pair.shared, pair.evidence))
            else:  # each paragraph form pairs this sentence with its most similar sentence
                chosen = {}
                for pair, holders in matched:
                    scored = (pair.similarity, pair.shared, pair.evidence)
                    for paragraph in holders:
                        if paragraph not in chosen or scored > chosen[paragraph]:
                            chosen[paragraph] = scored
            for paragraph, (_, shared, evidence) in chosen.items():
                total = totals.get(paragraph)
                if total is None:
                    totals[paragraph] = [evidence, words, shared]
                else:
                    total[0] += evidence
                    total[1] += words
                    total[2] += shared
        found: set[int] = set()
        sizes, sent_by = self._sizes, self.sent_by
        min_words = reuse.min_share * total_words
        for paragraph, (evidence, words, shared) in totals.items():
            if (evidence >= reuse.min_evidence and words >= min_words
                    and shared >= reuse.min_retained * sizes[paragraph]):
                found.update(sent_by[paragraph])
        return frozenset(found)
