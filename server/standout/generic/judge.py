"""Which sentences read like anyone's letter: the model's judgement, cached per paragraph.

Per paragraph, context-free (cached by the paragraph's text, like the rest of
its analysis): each sentence's words, specifics, whether it speaks of the
writer or the reader, and the model's probability that it is generic, both for
the whole sentence and for its *rest*, the longest stretch no phrase rule
matched. Per check, with the context: the evidence (a number, date, name or
concrete action; the employer's own name and the role's title are not
evidence), and the decision:

- a sentence with evidence, with no "I", "we" or "you" in it (a literal use of
  a cliché's words: "microbes thrive under pressure"), or shorter than
  ``min_words`` canonical words ("Kind regards,") is never judged;
- a sentence no phrase rule matched is judged whole;
- where phrase rules matched part of it, only its rest is judged, and only when
  that rest has ``min_words`` words: the phrase findings already say what they
  matched, so the sentence finding never underlines the same words twice;
- ``warning`` from ``warning_at``, ``info`` from ``info_at``, else nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from ..employer import names_company
from .features import EVIDENCE, NAME, SentenceView, sentence_views
from .model import GenericModel

PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves", "you", "your",
                    "yourself"})


@dataclass(frozen=True)
class Thresholds:
    warning_at: float = 0.9
    info_at: float = 0.7
    min_words: int = 5

    @classmethod
    def from_params(cls, params: dict) -> Thresholds:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})


@dataclass(frozen=True, slots=True)
class Judged:
    """One sentence, context-free; offsets relative to its paragraph."""

    start: int  # the stretch judged: the whole sentence, or its rest
    end: int
    whole: bool
    words: int
    person: bool
    score: float
    specifics: tuple  # the sentence's Specifics (standout.analysis.Specific)


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
            new = [p for p in {p.text: p for p in locals_ if p.text not in found}.values()]
        if new:
            pending = [_pending(local) for local in new]
            bags = [bag for sentences in pending for _, bag in sentences]
            scores = iter(self.model.scores(bags))
            with self._lock:
                for local, sentences in zip(new, pending, strict=True):
                    judged = tuple(
                        Judged(part.start, part.end, part.whole, len(bag), part.person,
                               next(scores), part.specifics)
                        for part, bag in sentences
                    )
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
            for j in judged:
                if j.words < thresholds.min_words or not j.person:
                    continue
                if _has_evidence(j.specifics, company, role):
                    continue
                if j.score >= thresholds.warning_at:
                    severity = "warning"
                elif j.score >= thresholds.info_at:
                    severity = "info"
                else:
                    continue
                o = paragraph.offset
                out.append(Verdict(j.start + o, j.end + o, severity, j.score, j.whole))
        return out


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    whole: bool
    person: bool
    specifics: tuple


def _pending(local) -> list[tuple[_Part, tuple[str, ...]]]:
    """The stretch of each sentence to judge, and its words for the model."""
    words = getattr(local, "canonical_words", None) or local.stream_tuples
    matched = sorted((m.start, m.end) for m in local.matches)
    out = []
    for view in sentence_views(words, local.sentences, local.specifics):
        person = bool(PERSON.intersection(view.words))
        inside = [(a, b) for a, b in matched if a < view.end and view.start < b]
        if not inside:
            out.append((_Part(view.start, view.end, True, person, view.specifics), view.words))
            continue
        start, end, bag = _rest(view, words, inside)
        out.append((_Part(start, end, False, person, view.specifics), bag))
    return out


def _rest(view: SentenceView, words, matched: list[tuple[int, int]]):
    """The longest run of the sentence's words outside every phrase match."""
    runs: list[list[tuple[str, int, int]]] = [[]]
    masked = {(s.start, s.end) for s in view.specifics if s.label != "ACTION"}
    for word in words:
        _, start, end = word
        if start < view.start or end > view.end:
            continue
        if any(a < end and start < b for a, b in matched):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(word)
    best = max(runs, key=len)
    if not best:
        return view.start, view.start, ()
    bag = tuple(form for form, s, e in best if not any(a <= s and e <= b for a, b in masked))
    return best[0][1], best[-1][2], bag


def _has_evidence(specifics, company: str | None, role: str | None) -> bool:
    role_text = f" {role.casefold()} " if role else ""
    for s in specifics:
        if s.label not in EVIDENCE:
            continue
        if s.label == NAME and names_company(s, company):
            continue
        if role_text and f" {s.text.casefold()} " in role_text:
            continue
        return True
    return False
