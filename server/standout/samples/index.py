"""Which samples does a paragraph follow? An inverted index, then sentence alignment.

1. **Candidates.** Every sample sentence is cut into *keys*: pairs of
   neighbouring content words (function words skipped, so "apply for the role"
   gives ``apply role``). An inverted index maps each key to the samples that
   hold it. A paragraph's keys pick, in one pass over short posting lists, the
   few samples it shares at least ``min_key_hits`` keys with (or a third of its
   keys, for a paragraph of one short sentence). Keys held by more
   than ``max_postings`` samples say nothing about any one of them and are not
   indexed. Cost grows with the paragraph, not with the corpus. (The detector
   adds the samples the whole text shares enough keys with.)
2. **Alignment.** Each candidate's sentences are paired with the paragraph's
   sentences by a weighted word overlap (Dice over word sets, each word weighted
   by its inverse document frequency among sample sentences, so "the" counts
   for little and "nutshell" for a lot). Pairs at or above
   ``sentence_similarity`` are matched greedily, best first, each sentence at
   most once. Word sets ignore order, so reordered clauses still match; a
   sentence inserted or dropped just leaves one side unmatched; a swapped
   synonym or name costs only that word's weight.

See ``docs/samples.md`` for why this method and its measured quality.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat

from ..rule_params import FromParams
from .corpus import Sample
from .forms import CLASS_WORDS, Sentence

CLASS_WEIGHT = 0.1  # "#name", "#num", "#date": about as telling as a function word
UNKNOWN_WEIGHT = 1.0  # a word no reference sentence has: as telling as the rarest


def word_weights(sentences: Iterable[Iterable[Sequence[str]]]) -> dict[str, float]:
    """Inverse document frequency over sentences, scaled to (0, 1].

    A word found in one sentence of the reference corpus weighs 1; "the",
    found in most, weighs about 0.1. The detector passes the bundled corpus
    only, so the weights (and the thresholds calibrated on them) do not move
    when the user saves a sample.
    """
    sets = [frozenset(words) for sample in sentences for words in sample]
    total = max(len(sets), 1)
    scale = math.log(1 + total)
    df = Counter(chain.from_iterable(sets))
    weights = {word: math.log(1 + total / count) / scale for word, count in df.items()}
    for word in CLASS_WORDS:
        weights[word] = CLASS_WEIGHT
    return weights


@dataclass(frozen=True, slots=True)
class IndexSettings(FromParams):
    sentence_similarity: float = 0.45  # weighted Dice for two sentences to be paired
    min_sentence_words: int = 4  # shorter sentences ("Hello,", "Regards,") are not paired
    min_key_hits: int = 3  # keys a sample must share with a paragraph (or a third of its keys)
    max_candidates: int = 12  # samples compared per paragraph, most shared keys first
    max_postings: int = 0  # keys in more samples are not indexed (0: 50 or 2% of samples)


@dataclass(frozen=True, slots=True)
class Pair:
    """A paragraph sentence paired with a sample sentence."""

    text_sentence: int
    sample_sentence: int
    similarity: float
    shared: int  # distinct words the two sentences have in common
    evidence: float  # their summed weights: rare words count more than stock ones


@dataclass(frozen=True, slots=True)
class Hit:
    """The sentences of one paragraph that pair with one sample."""

    sample: Sample
    size: int  # the sample's distinct words, summed over its sentences
    pairs: tuple[Pair, ...]


@dataclass(frozen=True, slots=True)
class Lookup:
    """One paragraph seen by one index (see :meth:`SampleIndex.lookup`)."""

    hits: dict[int, int]  # sample -> keys it shares with the paragraph (the top few dozen)
    own: tuple[int, ...]  # the samples this paragraph alone makes worth comparing
    text: tuple[tuple[int, frozenset[str], float], ...]  # (sentence, words, weight) to pair


class SampleIndex:
    """Samples with their sentences, word weights and the key index. Immutable once built."""

    def __init__(
        self,
        samples: Sequence[Sample],
        sentences: Sequence[Sequence[Sequence[str]]],
        function_words: Iterable[str],
        settings: IndexSettings | None = None,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        """``sentences[n]`` holds the words of each sentence of ``samples[n]``."""
        if len(samples) != len(sentences):
            raise ValueError("one list of sentences per sample")
        self.samples = tuple(samples)
        self.settings = settings or IndexSettings()
        self.function_words = frozenset(function_words)
        self._skipped = self.function_words | CLASS_WORDS  # never part of a key
        self._content = _ContentWords(self._skipped)
        self.weights = dict(weights if weights is not None else word_weights(sentences))
        self.unknown_weight = UNKNOWN_WEIGHT
        # Sentences of all samples in flat lists (few objects for the garbage collector
        # to walk when 10,000 samples are loaded); sample n owns first[n]:first[n + 1].
        self._sets: list[frozenset[str]] = []
        self._set_weights: list[float] = []
        self._first = [0]
        self.sizes: list[int] = []
        known = self.weights
        for sample in sentences:
            size = 0
            for words in sample:
                word_set = frozenset(words)
                for word in word_set:
                    if word not in known:
                        known[word] = UNKNOWN_WEIGHT
                self._sets.append(word_set)
                self._set_weights.append(sum(map(known.__getitem__, word_set)))
                size += len(word_set)
            self._first.append(len(self._sets))
            self.sizes.append(size)
        cap = self.settings.max_postings or max(50, len(samples) // 50)
        postings: dict[tuple[str, str], list[int]] = {}
        for number, sample in enumerate(sentences):
            for key in {k for words in sample for k in self.keys(words)}:
                postings.setdefault(key, []).append(number)
        self.postings = {k: tuple(v) for k, v in postings.items() if len(v) <= cap}
        self.dropped_keys = len(postings) - len(self.postings)

    def __len__(self) -> int:
        return len(self.samples)

    def keys(self, words: Sequence[str]) -> set[tuple[str, str]]:
        """The sentence's keys: each pair of neighbouring content words.

        Pairs, not joined strings: a tuple of two strings is hashed from their cached
        hashes, a new string is built and hashed anew. Canonical words hold no spaces or
        characters below one, so the pairs sort as the joined strings ("a b") would.
        """
        # content words: neither skipped nor one character (each word's answer kept)
        return set(pairwise(filter(self._content.__getitem__, words)))

    def lookup(self, sentences: Sequence[Sentence]) -> Lookup:
        """The samples sharing keys with a paragraph, and its sentences ready to pair."""
        postings = self.postings
        keys = {k for s in sentences for k in self.keys(s.words)}
        # sorted: ties in the count fall the same way in every process (hash order varies)
        counts = Counter(chain.from_iterable(map(postings.__getitem__,
                                                 sorted(filter(postings.__contains__, keys)))))
        settings = self.settings
        top = counts.most_common(settings.max_candidates * 4)
        # A one-sentence paragraph has few keys to share: a third of them will do.
        floor = max(1, min(settings.min_key_hits, len(keys) // 3))
        own = tuple(sample for sample, hits in top[: settings.max_candidates] if hits >= floor)
        weights = self.weights
        unknown = self.unknown_weight
        text = []
        for number, sentence in enumerate(sentences):
            if len(sentence.words) >= settings.min_sentence_words:
                words = frozenset(sentence.words)
                # one C-level pass, the words in the same (the set's) order
                text.append((number, words, sum(map(weights.get, words, repeat(unknown)))))
        return Lookup(dict(top), own, tuple(text))

    def pairs(self, lookup: Lookup, sample: int) -> tuple[Pair, ...]:
        """The paragraph's sentences paired with those of ``sample``."""
        return self._align(lookup.text, sample, self.settings.sentence_similarity)

    def hit(self, sample: int, pairs: tuple[Pair, ...]) -> Hit:
        return Hit(self.samples[sample], self.sizes[sample], pairs)

    def _align(self, text, sample: int, threshold: float) -> tuple[Pair, ...]:
        weight = self.weights.__getitem__
        first, last = self._first[sample], self._first[sample + 1]
        sets = self._sets[first:last]
        set_weights = self._set_weights[first:last]
        scored = []
        for t_number, t_words, t_weight in text:
            # Intersections in one C-level pass; the few that share 2+ words are weighed.
            for s_number, shared in enumerate(map(t_words.intersection, sets)):
                total = t_weight + set_weights[s_number]
                # No word weighs more than 1: too few shared words cannot reach the threshold.
                if len(shared) < 2 or 2 * len(shared) < threshold * total:
                    continue
                evidence = sum(map(weight, shared))
                similarity = 2 * evidence / total
                if similarity >= threshold:
                    scored.append((similarity, t_number, s_number, len(shared), evidence))
        if not scored:
            return ()
        scored.sort(key=lambda item: (-item[0], item[1], item[2]))
        used_text: set[int] = set()
        used_sample: set[int] = set()
        pairs = []
        for similarity, t_number, s_number, shared, evidence in scored:
            if t_number in used_text or s_number in used_sample:
                continue
            used_text.add(t_number)
            used_sample.add(s_number)
            pairs.append(Pair(t_number, s_number, similarity, shared, evidence))
        pairs.sort(key=lambda p: p.text_sentence)
        return tuple(pairs)


class _ContentWords(dict[str, bool]):
    """Whether a word may be part of a key (not skipped, longer than one character), by
    the word, each worked out once: so a sentence's words are filtered in one C-level
    pass. Emptied when it reaches CONTENT_WORDS_KEPT entries."""

    def __init__(self, skipped: frozenset[str]) -> None:
        super().__init__()
        self.skipped = skipped

    def __missing__(self, word: str) -> bool:
        if len(self) >= CONTENT_WORDS_KEPT:
            self.clear()
        found = self[word] = word not in self.skipped and len(word) > 1
        return found


CONTENT_WORDS_KEPT = 100_000  # a writer's whole vocabulary fits many times over


class SampleSet:
    """The bundled index and the user's, matched together.

    Two indexes so that saving a sample rebuilds only the small one: the
    bundled corpus is read and indexed once per process.
    """

    def __init__(self, *indexes: SampleIndex) -> None:
        self.indexes = indexes
        self.samples = tuple(s for index in indexes for s in index.samples)

    def __len__(self) -> int:
        return len(self.samples)

    def lookups(self, sentences: Sequence[Sentence]) -> tuple[Lookup, ...]:
        return tuple(index.lookup(sentences) for index in self.indexes)

    def text_candidates(self, lookups: Sequence[Sequence[Lookup]]) -> list[set[int]]:
        """Per index, the samples the whole text shares ``min_key_hits`` keys with.

        A sample spread over short paragraphs (one sentence each) shares few
        keys with any one of them, but enough with the text.
        """
        out = []
        for number, index in enumerate(self.indexes):
            total: Counter[int] = Counter()
            for paragraph in lookups:
                total.update(paragraph[number].hits)
            settings = index.settings
            out.append({
                sample for sample, hits in total.most_common(settings.max_candidates)
                if hits >= settings.min_key_hits
            })
        return out
