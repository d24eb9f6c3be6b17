"""Finding which samples a text follows: the samples loaded, reloaded and cached.

Built once per linter (by the ``check: sample`` detector, ``checks/sample.py``,
which turns matches into candidates). It loads the bundled corpus and the
user's saved samples on first use, and notices when the saved samples change
(one ``stat`` per check): a running server picks up a sample added from the
command line or the options page on its next check. Each paragraph's lookups
and pairings are cached by the paragraph's text until the samples change, so
re-checking a letter after an edit re-matches only the edited paragraph; a
text checked again unchanged costs a dictionary lookup.

Candidates are each paragraph's own (see :mod:`.index`) plus the samples the
whole text shares ``min_key_hits`` keys with, so a sample pasted one sentence
per paragraph is still compared. Which of them are reported is decided in
:mod:`.decision`.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..bounded_cache import MIB, BoundedCache
from ..budget import checkpoint
from ..resources import models_dir
from .corpus import Sample, load_bundled
from .decision import ParagraphHits, SampleMatch, Thresholds, check_params, decide
from .forms import SampleReader, Sentence, paragraph_sentences
from .index import IndexSettings, Lookup, Pair, SampleIndex, SampleSet, word_weights
from .store import SampleStore, SampleStoreError, StoredSample

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis, PlacedParagraph
    from ..rulebook import Rule

log = logging.getLogger("standout.samples")
TEXT_CACHE = 64  # whole texts
TEXT_CACHE_BYTES = 8 * MIB
PARAGRAPH_CACHE_BYTES = 16 * MIB
_UNSET = object()

Words = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class _Paragraph:
    """What is cached per paragraph text: its sentences, lookups and pairings so far."""

    index: SampleSet
    sentences: tuple[Sentence, ...]
    words: int
    lookups: tuple[Lookup, ...]  # one per index of the sample set
    pairs: dict[tuple[int, int], tuple[Pair, ...]] = field(default_factory=dict)


class SampleMatcher:
    """Finds the passages of a text that follow a bundled or saved sample."""

    def __init__(
        self,
        rule: Rule,
        nlp: Language,
        *,
        store: SampleStore | None = None,
        bundled: Sequence[Sample] | None = None,
        cache_size: int = 2048,
        cache_bytes: int = PARAGRAPH_CACHE_BYTES,
    ) -> None:
        check_params(rule)
        self.rule = rule
        self.thresholds = Thresholds.from_params(rule.params)
        self.settings = IndexSettings.from_params(rule.params)
        self.store = store if store is not None else SampleStore()
        self._nlp = nlp
        self._reader = SampleReader(nlp)
        self._bundled = tuple(bundled) if bundled is not None else None
        self._bundled_forms: tuple[Words, ...] | None = None  # read already (use_bundled)
        self._weights: dict[str, float] = {}
        self._lock = threading.RLock()
        self._index: SampleSet | None = None
        self._bundled_index: SampleIndex | None = None
        self._user_index: SampleIndex | None = None
        self._signature: object = _UNSET
        self._forms: dict[str, Words] = {}  # the user's samples, read
        self._cache: BoundedCache[_Paragraph] = BoundedCache(cache_bytes, cache_size)
        # whole texts checked again unchanged (the server re-checks on focus, on paste...)
        self._texts: BoundedCache[tuple[SampleSet, tuple[SampleMatch, ...]]] = BoundedCache(
            TEXT_CACHE_BYTES, TEXT_CACHE)
        self.store_error: str | None = None

    # --- the samples --------------------------------------------------------

    def index(self) -> SampleSet:
        """The current samples, re-read first if the saved samples changed."""
        try:
            signature: object = self.store.signature()
        except SampleStoreError as exc:
            signature = ("error", str(exc))
        index = self._index
        if index is None or signature != self._signature:
            with self._lock:
                if self._index is None or signature != self._signature:
                    self._reload(signature)
                index = self._index
        assert index is not None
        return index

    def reload(self) -> SampleSet:
        """Re-read the saved samples now (the next check would notice on its own)."""
        with self._lock:
            self._signature = _UNSET
        return self.index()

    def clear_cache(self, paragraphs: bool = True) -> None:
        """Forget matched texts (and, unless told otherwise, matched paragraphs)."""
        with self._lock:
            self._texts.clear()
            if paragraphs:
                self._cache.clear()

    @property
    def cache_bytes(self) -> int:
        """About what the matched paragraphs and texts kept hold, in bytes."""
        return self._cache.bytes + self._texts.bytes

    def samples(self) -> tuple[Sample, ...]:
        return self.index().samples

    def use_bundled(self, samples: Sequence[Sample], forms: Sequence[Words]) -> None:
        """Take bundled samples that were read already (:func:`read_bundled`, kept by the
        start-up cache) instead of reading them on the first check."""
        with self._lock:
            self._bundled = tuple(samples)
            self._bundled_forms = tuple(forms)
            remember_reading(self._nlp, self._bundled, self._bundled_forms)
            self._bundled_index = None
            self._signature = _UNSET

    def _reload(self, signature: object) -> None:
        words = function_words()
        if self._bundled_index is None:
            if self._bundled is not None:
                if self._bundled_forms is not None:
                    bundled, forms = self._bundled, self._bundled_forms
                else:
                    bundled, forms = read_bundled(self._reader, self._bundled)
                self._weights = word_weights(forms)
            else:
                bundled, forms, self._weights = bundled_reading(self._nlp)
            self._bundled_index = SampleIndex(bundled, forms, words, self.settings, self._weights)
        try:
            user = tuple(user_sample(s) for s in self.store.load())
        except SampleStoreError as exc:
            # Keep checking with what we had; the sample commands report the error.
            if self.store_error != str(exc):
                log.warning("%s (checking without the saved samples it holds)", exc)
            self.store_error = str(exc)
        else:
            self.store_error = None
            forms = {
                s.text: self._forms.get(s.text) or words_of(self._reader(s.text)) for s in user
            }
            self._forms = forms
            self._user_index = SampleIndex(
                user, [forms[s.text] for s in user], words, self.settings, self._weights
            )
        indexes = [self._bundled_index]
        if self._user_index is not None and len(self._user_index):
            indexes.append(self._user_index)
        self._index = SampleSet(*indexes)
        self._signature = signature
        self._cache.clear()
        self._texts.clear()

    # --- matching -----------------------------------------------------------

    def matches(self, analysis: Analysis) -> list[SampleMatch]:
        """The passages of ``analysis`` that follow a sample, in text order."""
        index = self.index()
        known = self._texts.get(analysis.text)
        if known is not None and known[0] is index:
            return list(known[1])
        found = self._matches(index, analysis)
        self._texts.put(analysis.text, (index, tuple(found)),
                        sys.getsizeof(analysis.text) + 500 * len(found))
        return found

    def _matches(self, index: SampleSet, analysis: Analysis) -> list[SampleMatch]:
        paragraphs = [
            (paragraph.offset, self._paragraph(index, paragraph))
            for paragraph in analysis.paragraphs
        ]
        # Samples worth comparing: each paragraph's own, and those the text as a whole
        # shares enough keys with (a sample spread over one-sentence paragraphs).
        shared = index.text_candidates([entry.lookups for _, entry in paragraphs])
        views = []
        for offset, entry in paragraphs:
            checkpoint()
            hits = []
            for number, (part, lookup) in enumerate(zip(index.indexes, entry.lookups,
                                                       strict=True)):
                wanted = set(lookup.own)
                wanted.update(s for s in shared[number] if s in lookup.hits)
                for sample in sorted(wanted):
                    pairs = entry.pairs.get((number, sample))
                    if pairs is None:
                        pairs = entry.pairs[number, sample] = part.pairs(lookup, sample)
                    if pairs:
                        hits.append(part.hit(sample, pairs))
            views.append(ParagraphHits(offset, entry.sentences, entry.words, tuple(hits)))
        return decide(views, self.thresholds, analysis.text)

    def _paragraph(self, index: SampleSet, paragraph: PlacedParagraph) -> _Paragraph:
        key = paragraph.text
        cached = self._cache.get(key)
        if cached is not None and cached.index is index:
            return cached
        checkpoint()
        sentences = paragraph_sentences(paragraph.local)
        words = sum(len(s.words) for s in sentences)
        result = _Paragraph(index, sentences, words, index.lookups(sentences))
        # Measured with tracemalloc on letters and on 20,000-character paragraphs: the
        # sentences and their word sets, and room for the pairings found later.
        self._cache.put(key, result, 11_000 + 10 * words + 1_000 * len(sentences))
        return result


_READINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_READINGS_LOCK = threading.Lock()


def bundled_reading(nlp: Language) -> tuple[tuple[Sample, ...], list[Words], dict[str, float]]:
    """The bundled corpus read once per pipeline: samples, their forms, and the word weights.

    The weights are the reference every matcher weighs words by (the saved samples'
    and the history's too), so thresholds do not move with what the user stores.
    """
    with _READINGS_LOCK:
        found = _READINGS.get(nlp)
        if found is None:
            reader = SampleReader(nlp)
            bundled = tuple(load_bundled())
            forms = [words_of(reader(sample.text)) for sample in bundled]
            found = _READINGS[nlp] = (bundled, forms, word_weights(forms))
        return found


def remember_reading(nlp: Language, bundled: Sequence[Sample], forms: Sequence[Words]) -> None:
    """Keep a reading the start-up cache saved as this pipeline's :func:`bundled_reading`,
    so the history's checks weigh words without reading the corpus again."""
    with _READINGS_LOCK:
        _READINGS[nlp] = (tuple(bundled), list(forms), word_weights(forms))


def read_bundled(
    reader: SampleReader, samples: Sequence[Sample] | None = None
) -> tuple[tuple[Sample, ...], tuple[Words, ...]]:
    """The bundled samples (``samples``, or the corpus in ``models/samples/``) and their
    words as ``reader`` reads them: the part of loading the samples that costs."""
    bundled = tuple(samples) if samples is not None else tuple(load_bundled())
    return bundled, tuple(words_of(reader(sample.text)) for sample in bundled)


@cache
def function_words() -> frozenset[str]:
    path = models_dir() / "samples" / "function-words.txt"
    words = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)


def words_of(sentences: Sequence[Sentence]) -> Words:
    """Only the words: tuples of strings cost the garbage collector nothing to keep."""
    return tuple(s.words for s in sentences)


def user_sample(stored: StoredSample) -> Sample:
    return Sample(
        id=stored.id, title=stored.title, question="", kind="user", text=stored.text,
        source="user",
    )
