"""Which sentences read like anyone's letter: the model's judgement, cached per paragraph.

Per paragraph, context-free (cached by the paragraph's text, like the rest of
its analysis): each sentence's words, specifics, whether it speaks of the
writer or the reader, how many of its words no generic sentence of the bank
uses, and the model's probability that it is generic, for the whole sentence
or for its *rest*, the longest stretch no phrase rule matched. Per check, with
the context, the decision:

- never judged: a sentence with evidence (a number, date, name or concrete
  action; the employer's own name and the role's title are not evidence), with
  no "I", "we" or "you" in it (a literal use of a cliché's words: "microbes
  thrive under pressure"), or shorter than ``min_words`` canonical words
  ("Kind regards,");
- where phrase rules matched part of a sentence, only its rest is judged (no
  "and" or "to" at its edges), and only when that rest has ``min_rest_words``
  words: the phrase findings already say what they matched, and no words are
  underlined twice;
- ``warning`` from ``warning_at``, ``info`` from ``info_at``, else nothing;
- at most ``info`` when the sentence points at evidence next to it ("It's the
  project I'm most proud of." after the project; "for three reasons:" before
  them), or uses ``novel_words`` or more words no stock sentence needs (it is
  less likely to be anyone's sentence, and the model has seen fewer like it).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from ..employer_names import repeats_context
from .features import EVIDENCE, MASKED, SentenceView, sentence_views
from .model import GenericModel

PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves", "you", "your",
                    "yourself"})
POINTERS = frozenset({"this", "that", "these", "those", "it", "such", "they"})
# Words a rest does not start or end on ("... to Acme and" is underlined "... to Acme").
EDGES = frozenset({"and", "or", "but", "to", "as", "a", "an", "the", "of", "for", "with", "so",
                   "in", "at", "on", "by"})


@dataclass(frozen=True)
class Thresholds:
    warning_at: float = 0.9
    info_at: float = 0.85
    min_words: int = 5
    min_rest_words: int = 6
    novel_words: int = 2

    @classmethod
    def from_params(cls, params: dict) -> Thresholds:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})


@dataclass(frozen=True, slots=True)
class Judged:
    """One sentence, context-free; offsets relative to its paragraph."""

    start: int  # the stretch judged: the whole sentence, or its rest
    end: int
    whole: bool
    words: int  # in the stretch judged
    novel: int  # words of the sentence no generic sentence of the bank uses
    person: bool
    points_back: bool  # opens with "this", "it", "these"...
    points_on: bool  # ends with a colon
    specifics: tuple  # the sentence's Specifics (standout.analysis.Specific)
    score: float


@dataclass(frozen=True, slots=True)
class Verdict:
    start: int
    end: int
    severity: str
    score: float
    whole: bool


class SentenceJudge:
    def __init__(self, model: GenericModel, cache_size: int = 4096) -> None:
        self.model = model
        self._cache: OrderedDict[str, tuple[Judged, ...]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def paragraphs(self, locals_: Sequence) -> list[tuple[Judged, ...]]:
        """Each paragraph analysis's judged sentences; unseen ones scored in one batch."""
        with self._lock:
            found = {}
            for local in locals_:
                cached = self._cache.get(local.text)
                if cached is not None:
                    self._cache.move_to_end(local.text)
                    found[local.text] = cached
            new = list({p.text: p for p in locals_ if p.text not in found}.values())
        if new:
            pending = [_pending(local, self.model.vocabulary) for local in new]
            scores = iter(self.model.scores([bag for part in pending for _, bag in part]))
            with self._lock:
                for local, part in zip(new, pending, strict=True):
                    judged = tuple(Judged(*fields, next(scores)) for fields, _ in part)
                    found[local.text] = judged
                    if self._cache_size:
                        self._cache[local.text] = judged
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return [found[local.text] for local in locals_]

    def verdicts(self, paragraphs: Sequence, company: str | None, role: str | None,
                 thresholds: Thresholds) -> list[Verdict]:
        """Sentences (or rests) to report, offsets into the whole text."""
        out = []
        placed = list(paragraphs)
        for paragraph, judged in zip(placed, self.paragraphs([p.local for p in placed]),
                                     strict=True):
            for k, j in enumerate(judged):
                least = thresholds.min_words if j.whole else thresholds.min_rest_words
                if j.words < least or not j.person or j.score < thresholds.info_at:
                    continue
                if _has_evidence(j.specifics, company, role):
                    continue
                severity = "warning" if j.score >= thresholds.warning_at else "info"
                if severity == "warning" and (
                    j.novel >= thresholds.novel_words
                    or (j.points_back and k > 0
                        and _has_evidence(judged[k - 1].specifics, company, role))
                    or (j.points_on and k + 1 < len(judged)
                        and _has_evidence(judged[k + 1].specifics, company, role))
                ):
                    severity = "info"
                o = paragraph.offset
                out.append(Verdict(j.start + o, j.end + o, severity, j.score, j.whole))
        return out


def _pending(local, vocabulary: frozenset[str]) -> list[tuple[tuple, tuple[str, ...]]]:
    """Each sentence's :class:`Judged` fields but the score, and its words for the model."""
    words = local.canonical_words
    starts = [word[1] for word in words]
    matched = [(bisect_left(starts, m.start), bisect_left(starts, m.end)) for m in local.matches]
    text = local.text
    out = []
    for view in sentence_views(words, local.sentences, local.specifics):
        first, last = bisect_left(starts, view.start), bisect_left(starts, view.end)
        inside = [(a, b) for a, b in matched if a < last and first < b]
        if inside:
            start, end, bag = _rest(view, words, first, last, inside)
        else:
            start, end, bag = view.start, view.end, view.words
        novel = sum(1 for w in view.words if w not in vocabulary and w.isalpha())
        out.append(((
            start, end, not inside, len(bag), novel,
            not PERSON.isdisjoint(view.words),  # person
            bool(view.words) and view.words[0] in POINTERS,  # points_back
            text[view.start:view.end].rstrip().endswith(":"),  # points_on
            view.specifics,
        ), bag))
    return out


def _rest(view: SentenceView, words, first: int, last: int, matched: list[tuple[int, int]]):
    """The longest run of the sentence's words (indices ``first:last``) outside every match."""
    covered = set()
    for a, b in matched:
        covered.update(range(a, b))
    best = (0, first, first)
    run = first
    for k in range(first, last + 1):
        if k == last or k in covered:
            if k - run > best[0]:
                best = (k - run, run, k)
            run = k + 1
    _, lo, hi = best
    while lo < hi and words[lo][0] in EDGES:
        lo += 1
    while hi > lo and words[hi - 1][0] in EDGES:
        hi -= 1
    if lo == hi:
        return view.start, view.start, ()
    masked = [(s.start, s.end) for s in view.specifics if s.label in MASKED]
    bag = tuple(
        form for form, s, e in words[lo:hi] if not any(a <= s and e <= b for a, b in masked)
    )
    return words[lo][1], words[hi - 1][2], bag


def _has_evidence(specifics, company: str | None, role: str | None) -> bool:
    return any(
        s.label in EVIDENCE and not repeats_context(s, company, role) for s in specifics
    )
