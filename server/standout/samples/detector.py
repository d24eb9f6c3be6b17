"""The ``check: sample`` detector: findings where a text follows a known sample.

Built once per linter (see ``detectors.py``). It loads the bundled corpus and
the user's saved samples on first use, and notices when the saved samples
change (one ``stat`` per check): a running server picks up a sample added from
the command line or the options page on its next check. Each paragraph's
lookups and pairings are cached by the paragraph's text until the samples
change, so re-checking a letter after an edit re-matches only the edited
paragraph; a text checked again unchanged costs a dictionary lookup.

Candidates are each paragraph's own (see :mod:`.index`) plus the samples the
whole text shares ``min_key_hits`` keys with, so a sample pasted one sentence
per paragraph is still compared.

The decision, for each sample, over the whole text:

- a paired sentence counts only when its shared words weigh at least
  ``min_pair_evidence`` (a word's weight is 1 when a single sentence of the
  bundled corpus holds it, about 0.1 for "the"): "Thank you for your time and
  consideration." pairs with every closing template but weighs under 2;
- the counted pairs must be at least ``min_sentences``, share at least
  ``min_words`` distinct words, and weigh at least ``min_evidence`` together:
  a couple of stock sentences are the phrase rules' business;
- a paragraph is reported when the sentences following the sample make up at
  least ``min_share`` of its words, or at least ``min_share`` of the sample's
  words are still in the text;
- severity grows with the larger of those two shares (``warning_at``,
  ``error_at``); below ``warning_at`` the finding is ``info``.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..messages import fill
from ..report import Context, Finding
from ..resources import models_dir
from ..rulebook import RuleError
from .corpus import Sample, load_bundled
from .forms import SampleReader, Sentence, paragraph_sentences
from .index import Hit, IndexSettings, Lookup, Pair, SampleIndex, SampleSet, word_weights
from .store import SampleStore, SampleStoreError, StoredSample

if TYPE_CHECKING:
    from ..analysis import Analysis, PlacedParagraph
    from ..linter import Linter
    from ..rulebook import Rule

log = logging.getLogger("standout.samples")
TEXT_CACHE = 64
_UNSET = object()


@dataclass(frozen=True)
class Thresholds:
    min_sentences: int = 2
    min_words: int = 15
    min_evidence: float = 9.0
    min_pair_evidence: float = 2.5
    min_share: float = 0.4
    warning_at: float = 0.5
    error_at: float = 0.8

    @classmethod
    def from_params(cls, params: dict) -> Thresholds:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})


def check_params(rule: Rule) -> None:
    """Numbers where numbers belong, shares between 0 and 1; else a RuleError naming the rule."""
    known = set(Thresholds.__dataclass_fields__) | set(IndexSettings.__dataclass_fields__)
    for key, value in rule.params.items():
        if key not in known:
            raise RuleError(rule.source, rule.id, f"unknown param '{key}' for check: sample"
                            f" (known: {', '.join(sorted(known))})")
        integer = key in {"min_sentences", "min_words", "min_sentence_words", "min_key_hits",
                          "max_candidates", "max_postings"}
        if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
            kind = "an integer" if integer else "a number"
            raise RuleError(rule.source, rule.id, f"param '{key}' must be {kind}")
        share = key in {"sentence_similarity", "min_share", "warning_at", "error_at"}
        if value < 0 or (share and value > 1):
            limits = "between 0 and 1" if share else "0 or more"
            raise RuleError(rule.source, rule.id, f"param '{key}' must be {limits}")


@dataclass(frozen=True)
class SampleMatch:
    """One paragraph's overlap with one sample; offsets index the checked text."""

    sample: Sample
    start: int
    end: int
    share: float  # of the paragraph's words, in sentences that follow the sample
    retained: float  # of the sample's words, still present in the text's paired sentences
    sentences: int  # sentences of this paragraph that follow the sample
    severity: str


@dataclass(frozen=True)
class _Paragraph:
    """What is cached per paragraph text: its sentences, lookups and pairings so far."""

    index: SampleSet
    sentences: tuple[Sentence, ...]
    words: int
    lookups: tuple[Lookup, ...]  # one per index of the sample set
    pairs: dict[tuple[int, int], tuple[Pair, ...]] = field(default_factory=dict)


class _View(NamedTuple):
    """A paragraph of the checked text: where it starts, and its hits in this text."""

    offset: int
    sentences: tuple[Sentence, ...]
    words: int
    hits: tuple[Hit, ...]


@cache
def function_words() -> frozenset[str]:
    path = models_dir() / "samples" / "function-words.txt"
    words = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)


Words = tuple[tuple[str, ...], ...]


def words_of(sentences: Sequence[Sentence]) -> Words:
    """Only the words: tuples of strings cost the garbage collector nothing to keep."""
    return tuple(s.words for s in sentences)


def user_sample(stored: StoredSample) -> Sample:
    return Sample(
        id=stored.id, title=stored.title, question="", kind="user", text=stored.text,
        source="user",
    )


class SampleDetector:
    """Finds passages that follow a bundled or saved sample."""

    def __init__(
        self,
        rule: Rule,
        linter: Linter,
        *,
        store: SampleStore | None = None,
        bundled: Sequence[Sample] | None = None,
        cache_size: int = 2048,
    ) -> None:
        check_params(rule)
        self.rule = rule
        self.thresholds = Thresholds.from_params(rule.params)
        self.settings = IndexSettings.from_params(rule.params)
        self.store = store if store is not None else SampleStore()
        self._reader = SampleReader(linter.nlp)
        self._bundled = tuple(bundled) if bundled is not None else None
        self._weights: dict[str, float] = {}
        self._lock = threading.RLock()
        self._index: SampleSet | None = None
        self._bundled_index: SampleIndex | None = None
        self._user_index: SampleIndex | None = None
        self._signature: object = _UNSET
        self._forms: dict[str, Words] = {}  # the user's samples, read
        self._cache: OrderedDict[str, _Paragraph] = OrderedDict()
        # whole texts checked again unchanged (the server re-checks on focus, on paste...)
        self._texts: OrderedDict[str, tuple[SampleSet, tuple[SampleMatch, ...]]] = OrderedDict()
        self._cache_size = cache_size
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

    def samples(self) -> tuple[Sample, ...]:
        return self.index().samples

    def _reload(self, signature: object) -> None:
        words = function_words()
        if self._bundled_index is None:
            bundled = self._bundled if self._bundled is not None else tuple(load_bundled())
            forms = [words_of(self._reader(sample.text)) for sample in bundled]
            self._weights = word_weights(forms)
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

    # --- checking -----------------------------------------------------------

    def findings(self, analysis: Analysis, context: Context) -> list[Finding]:
        return [self._finding(m, analysis.text, context) for m in self.matches(analysis)]

    def matches(self, analysis: Analysis) -> list[SampleMatch]:
        """The passages of ``analysis`` that follow a sample, in text order."""
        index = self.index()
        with self._lock:
            known = self._texts.get(analysis.text)
            if known is not None and known[0] is index:
                self._texts.move_to_end(analysis.text)
                return list(known[1])
        found = self._matches(index, analysis)
        with self._lock:
            self._texts[analysis.text] = (index, tuple(found))
            if len(self._texts) > TEXT_CACHE:
                self._texts.popitem(last=False)
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
            views.append(_View(offset, entry.sentences, entry.words, tuple(hits)))
        return decide(views, self.thresholds, analysis.text)

    def _paragraph(self, index: SampleSet, paragraph: PlacedParagraph):
        key = paragraph.text
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and cached.index is index:
                self._cache.move_to_end(key)
                return cached
        sentences = paragraph_sentences(paragraph.local)
        result = _Paragraph(
            index, sentences, sum(len(s.words) for s in sentences), index.lookups(sentences)
        )
        with self._lock:
            if self._cache_size:
                self._cache[key] = result
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return result

    def _finding(self, match: SampleMatch, text: str, context: Context) -> Finding:
        values = {
            "company": context.company,
            "role": context.role,
            "share": percent(match.share, capital=True),
            "retained": percent(match.retained),
            "sample": match.sample.described,
            "title": match.sample.title,
            "question": match.sample.question or "your saved sample",
        }
        return Finding(
            rule=self.rule.id,
            category=self.rule.category,
            severity=match.severity,
            start=match.start,
            end=match.end,
            text=text[match.start : match.end],
            message=fill(self.rule.message, **values),
            advice=fill(self.rule.advice, **values),
            title=self.rule.title,
        )


def decide(
    paragraphs: Sequence[_View],
    limits: Thresholds,
    text: str,
) -> list[SampleMatch]:
    """Turn per-paragraph hits into reported matches (see the module docstring)."""
    by_sample: dict[str, list[tuple[int, Hit]]] = defaultdict(list)
    for number, paragraph in enumerate(paragraphs):
        for hit in paragraph.hits:
            by_sample[hit.sample.id].append((number, hit))
    ranked = sorted(
        by_sample.values(),
        key=lambda hits: (-sum(p.shared for _, h in hits for p in h.pairs), hits[0][1].sample.id),
    )
    claimed: set[tuple[int, int]] = set()
    matches: list[SampleMatch] = []
    for hits in ranked:
        sample, size = hits[0][1].sample, hits[0][1].size
        pairs = [
            (number, pair)
            for number, hit in hits
            for pair in hit.pairs
            if (number, pair.text_sentence) not in claimed
            and pair.evidence >= limits.min_pair_evidence
        ]
        if len(pairs) < limits.min_sentences:
            continue
        if sum(pair.shared for _, pair in pairs) < limits.min_words:
            continue
        if sum(pair.evidence for _, pair in pairs) < limits.min_evidence:
            continue
        best: dict[int, int] = {}
        for _, pair in pairs:
            best[pair.sample_sentence] = max(best.get(pair.sample_sentence, 0), pair.shared)
        retained = min(1.0, sum(best.values()) / max(size, 1))
        per_paragraph: dict[int, list] = defaultdict(list)
        for number, pair in pairs:
            per_paragraph[number].append(pair)
        for number, own in sorted(per_paragraph.items()):
            paragraph = paragraphs[number]
            offset = paragraph.offset
            sentences = [paragraph.sentences[p.text_sentence] for p in own]
            share = sum(len(s.words) for s in sentences) / max(paragraph.words, 1)
            if share < limits.min_share and retained < limits.min_share:
                continue
            overlap = max(share, retained)
            severity = (
                "error" if overlap >= limits.error_at
                else "warning" if overlap >= limits.warning_at
                else "info"
            )
            start = offset + min(s.start for s in sentences)
            end = offset + max(s.end for s in sentences)
            while end > start and text[end - 1].isspace():
                end -= 1
            claimed.update((number, p.text_sentence) for p in own)
            matches.append(SampleMatch(
                sample, start, end, share, retained, len(own), severity,
            ))
    matches.sort(key=lambda m: (m.start, -m.share))
    return matches


def percent(value: float, capital: bool = False) -> str:
    """A share as people say it: "about 80%", "nearly all"."""
    words = "nearly all" if value >= 0.975 else f"about {max(5, round(value * 20) * 5)}%"
    return words[0].upper() + words[1:] if capital else words
