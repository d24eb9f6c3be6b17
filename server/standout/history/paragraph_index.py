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
- both have ``min_words`` words: a greeting or a sign-off line is never compared;
- only stored sentences that share ``min_key_share`` of a new sentence's keys
  (pairs of neighbouring content words) are aligned with it: a light edit keeps
  most of them, a sentence that merely shares a turn of phrase does not.

The forms are kept in the store (``paragraph_forms``) with a fingerprint of the
reader, so a server start reads JSON instead of re-reading a thousand letters,
and a newer engine whose forms differ rebuilds them.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy

from .. import __version__
from ..paragraph_breaks import split_paragraphs
from ..rule_params import FromParams
from ..samples.corpus import Sample
from ..samples.forms import Sentence
from ..samples.index import IndexSettings, Lookup, Pair, SampleIndex


def _frozen(ids: Sequence[int]) -> numpy.ndarray:
    array = numpy.array(ids, dtype=numpy.intp)
    array.flags.writeable = False  # answers are shared (kept, memoised): never changed
    return array


NONE = _frozen([])  # no application
MEMO = 4096  # paragraph forms whose answer is kept (the index is rebuilt on any change)
Words = tuple[tuple[str, ...], ...]  # one paragraph: each sentence's canonical words
Reader = Callable[[str], tuple[Sentence, ...]]

# Read once to tell one reader's forms from another's (lemmas, spellings, classes).
PROBE = ("I'm extremely keen to organise the Globex team's 12 projects in May 2024, "
         "having worked at Initech.\n\nColour, favourite; analysed, travelled.")


@dataclass(frozen=True, slots=True)
class ReuseSettings(FromParams):
    min_words: int = 15
    min_share: float = 0.6
    min_retained: float = 0.5
    min_pair_evidence: float = 2.5
    min_evidence: float = 9.0
    min_key_share: float = 0.5  # of a sentence's keys a stored one must share to be compared


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
        self._max_candidates = settings.max_candidates
        # Distinct paragraph forms (a paragraph pasted forty times is one), and who got each.
        forms: dict[Words, set[int]] = {}
        for application, words in paragraphs:
            if word_total(words) >= self.reuse.min_words:
                forms.setdefault(words, set()).add(application)
        # paragraph form -> the applications it was sent in (ids, sorted)
        self.sent_by = [_frozen(sorted(apps)) for apps in forms.values()]
        # What a paragraph form must keep of itself: min_retained of its distinct words.
        self._retain = numpy.array(
            [sum(len(set(sentence)) for sentence in words) for words in forms], dtype=float
        ) * self.reuse.min_retained
        entries: dict[tuple[str, ...], int] = {}
        holders: list[list[int]] = []  # sentence entry -> paragraph forms holding it
        for number, words in enumerate(forms):
            for sentence in words:
                if len(sentence) < self._min_sentence:
                    continue
                entry = entries.setdefault(sentence, len(entries))
                if entry == len(holders):
                    holders.append([])
                if not holders[entry] or holders[entry][-1] != number:
                    holders[entry].append(number)
        self._found_in = [numpy.array(h, dtype=numpy.intp) for h in holders]
        names = [Sample(f"history-{n}", "", "", "history", "", "history")
                 for n in range(len(entries))]
        self.index = SampleIndex(names, [(sentence,) for sentence in entries], function_words,
                                 settings, weights)
        self._memo: dict[Words, numpy.ndarray] = {}
        self._memo_lock = threading.Lock()
        self.paragraphs = sum(len(apps) for apps in self.sent_by)

    def __len__(self) -> int:
        """How many distinct stored paragraphs are compared."""
        return len(self.sent_by)

    def sent_in(self, sentences: Sequence[Sentence]) -> numpy.ndarray:
        """The applications (ids, sorted) holding a paragraph this one reuses.

        Kept by the paragraph's form: the same paragraph for another company (its
        names are class words) is answered from memory.
        """
        total_words = sum(len(s.words) for s in sentences)
        if total_words < self.reuse.min_words or not self.sent_by:
            return NONE
        key = tuple(s.words for s in sentences)
        found = self._memo.get(key)
        if found is None:
            found = self._sent_in(sentences, total_words)
            with self._memo_lock:
                if len(self._memo) >= MEMO:
                    self._memo.clear()
                self._memo[key] = found
        return found

    def forget_answers(self) -> None:
        with self._memo_lock:
            self._memo.clear()

    def _lookup(self, sentence: Sentence) -> Lookup | None:
        """The stored sentences worth aligning with ``sentence``, as the index's Lookup.

        Like :meth:`SampleIndex.lookup` for one sentence, with a stricter floor: light
        edits keep most of a sentence's keys (pairs of neighbouring content words), so
        a stored sentence must share ``min_key_share`` of them; one that merely shares a
        turn of phrase is not aligned. All that pass are kept (up to ``max_candidates``,
        most shared keys first), without ranking the rest.
        """
        index = self.index
        keys = index.keys(sentence.words)
        if not keys:
            return None
        postings = index.postings
        counts = Counter(chain.from_iterable(postings[k] for k in sorted(keys) if k in postings))
        floor = max(1.0, self.reuse.min_key_share * len(keys))
        own = [entry for entry, hits in counts.items() if hits >= floor]
        if not own:
            return None
        if len(own) > self._max_candidates:
            own = heapq.nlargest(self._max_candidates, own, key=counts.__getitem__)
        words = frozenset(sentence.words)
        weights, unknown = index.weights, index.unknown_weight
        weight = sum(weights.get(word, unknown) for word in words)
        return Lookup(counts, tuple(own), ((0, words, weight),))

    def _matched(self, sentence: Sentence) -> list[tuple[Pair, numpy.ndarray]]:
        """The stored sentences ``sentence`` pairs with (each pair and the paragraph forms
        holding that sentence)."""
        lookup = self._lookup(sentence)
        if lookup is None:
            return []
        index, minimum, found_in = self.index, self.reuse.min_pair_evidence, self._found_in
        matched = []
        for entry in lookup.own:
            pairs = index.pairs(lookup, entry)
            if pairs and pairs[0].evidence >= minimum:
                matched.append((pairs[0], found_in[entry]))
        return matched

    def _sent_in(self, sentences: Sequence[Sentence], total_words: int) -> numpy.ndarray:
        reuse = self.reuse
        # Per paragraph form, summed over this paragraph's sentences: the evidence of
        # their pairs, the words of the sentences paired, and the words shared. Arrays,
        # since a sentence pasted into many letters is held by many paragraph forms.
        count = len(self.sent_by)
        evidence = paired = shared = None
        # Words in sentences no stored one pairs with: past (1 - min_share) of the
        # paragraph, no stored paragraph can be reused in it, and the rest is not looked up.
        unpaired, most_unpaired = 0, (1 - reuse.min_share) * total_words
        for sentence in sentences:
            matched = self._matched(sentence) if len(sentence.words) >= self._min_sentence else ()
            if not matched:
                unpaired += len(sentence.words)
                if unpaired > most_unpaired:
                    return NONE
                continue
            if evidence is None:
                evidence, paired, shared = (numpy.zeros(count) for _ in range(3))
            words = len(sentence.words)
            if len(matched) == 1:  # the usual case: one stored sentence (and its copies)
                pair, holders = matched[0]
                evidence[holders] += pair.evidence
                paired[holders] += words
                shared[holders] += pair.shared
                continue
            # Each paragraph form pairs this sentence with its most similar one: the
            # least similar are written first and overwritten by the more similar.
            best_evidence = numpy.zeros(count)
            best_shared = numpy.zeros(count)
            reached = numpy.zeros(count, dtype=bool)
            for pair, holders in sorted(matched, key=lambda m: m[0].similarity):
                best_evidence[holders] = pair.evidence
                best_shared[holders] = pair.shared
                reached[holders] = True
            evidence += best_evidence
            paired[reached] += words
            shared += best_shared
        if evidence is None:
            return NONE
        passing = numpy.flatnonzero(
            (evidence >= reuse.min_evidence)
            & (paired >= reuse.min_share * total_words)
            & (shared >= self._retain)
        )
        if not len(passing):
            return NONE
        sent_by = self.sent_by
        if len(passing) == 1:
            return sent_by[passing[0]]
        return numpy.unique(numpy.concatenate([sent_by[number] for number in passing.tolist()]))


class Paragraphs:
    """Paragraph indexes answered as one: the one built when the history was loaded, and a
    small one for what was sent since (so "Mark as sent" rebuilds only the small one)."""

    def __init__(self, *parts: ParagraphIndex | None) -> None:
        self.parts = tuple(part for part in parts if part is not None)

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)

    @property
    def paragraphs(self) -> int:
        return sum(part.paragraphs for part in self.parts)

    @property
    def sentences(self) -> int:
        return sum(len(part.index) for part in self.parts)

    def sent_in(self, sentences: Sequence[Sentence]) -> numpy.ndarray:
        if len(self.parts) == 1:
            return self.parts[0].sent_in(sentences)
        return numpy.unique(numpy.concatenate([part.sent_in(sentences) for part in self.parts]))

    def forget_answers(self) -> None:
        for part in self.parts:
            part.forget_answers()
