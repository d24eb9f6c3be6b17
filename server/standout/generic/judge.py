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
  thrive under pressure"; in a reference, "she" or "he" will do), or shorter
  than ``min_words`` canonical words ("Kind regards,");
- where phrase rules matched part of a sentence, only its rest is judged (no
  "and" or "to" at its edges), and only when that rest has ``min_rest_words``
  words: the phrase findings already say what they matched, and no words are
  underlined twice;
- ``warning`` from ``warning_at``, ``info`` from ``info_at``, else nothing;
- at most ``info`` when the sentence points at evidence next to it ("It's the
  project I'm most proud of." after the project; "for three reasons:" before
  them), uses ``novel_words`` or more words no stock sentence needs (it is
  less likely to be anyone's sentence, and the model has seen fewer like it),
  or sounds like its writer: a word of their spoken voice ("super cool"), or a
  lowercase start (a line of a sentence the layout broke);
- at most ``info`` when the next sentence tells an example in full (a concrete
  action, or two specifics): "I thrive in fast-moving teams." then "At Initech I
  shipped the billing rewrite in six weeks." The claim is still anyone's, but
  the reader gets its proof straight away. Only for this check: a phrase rule's
  claim needs an explicit pointer (match_context.py), because its wording is
  known to be stock.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ..components.specifics import ACTION, DATE, NAME
from ..employer_names import repeats_context
from ..everyday_life import names_everyday_life
from ..forward_pointers import points_on
from ..named_things import continuations
from ..named_tuples import make
from ..resources import wordlist
from ..rule_params import FromParams
from ..sentence_words import sentence_words
from ..writer_name import names_candidate
from .features import EVIDENCE, MASKED, SentenceView, novel_count, sentence_views
from .model import GenericModel

ALWAYS_EVIDENCE = frozenset({ACTION, DATE})  # never repeats the context (only names, numbers)
_LABEL = attrgetter("label")  # of a specific
PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves", "you", "your",
                    "yourself"})
# A reference or agency letter speaks of its candidate in the third person: there, a
# sentence in which only "she" or "he" speaks is judged as if the candidate wrote it
# ("she consistently performs to a high standard" reads as "I consistently ..."), the
# pronouns put in the first person, as the model was trained on.
AS_WRITER = {"she": "i", "he": "i", "her": "my", "his": "my", "him": "me",
             "herself": "myself", "himself": "myself"}
THIRD = frozenset(AS_WRITER)
POINTERS = frozenset({"this", "that", "these", "those", "it", "such", "they"})
ENDING_POINTERS = frozenset({"it", "this", "that"})  # "I'd like to be the person who builds it."
ENDING_POINTER_WORDS = 10  # a longer sentence has its own nouns for "it" ("... that drives it")
REFERRING = frozenset({"from", "of", "about", "after", "through", "on"})  # "what I took from it"
REFERENCE_WORDS = 6
DEMONSTRATIVES = frozenset({"that", "this", "those", "these"})
KINDS = frozenset({"kind", "kinds", "sort", "sorts", "type", "types"})  # "that kind of"
# Words a rest does not start or end on ("... to Acme and" is underlined "... to Acme").
# A sentence opening with a name, or a name's possessive: "Marcus is ...", "Marcus's ...".
NAME_SUBJECT = re.compile(r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=['’]s\b|[ ,])")
CONTEXTS_KEPT = 8  # per paragraph: the company and role a user is writing for rarely change
EDGES = frozenset({"and", "or", "but", "to", "as", "a", "an", "the", "of", "for", "with", "so",
                   "in", "at", "on", "by"})


@dataclass(frozen=True)
class Thresholds(FromParams):
    warning_at: float = 0.9
    info_at: float = 0.85
    min_words: int = 5
    min_rest_words: int = 6
    novel_words: int = 2


    def __hash__(self) -> int:  # computed once: it keys a lookup on every check
        try:
            return self.__dict__["_hash"]
        except KeyError:
            value = hash(tuple(getattr(self, name) for name in self.__dataclass_fields__))
            self.__dict__["_hash"] = value
            return value


class Judged(NamedTuple):
    """One sentence, context-free; offsets relative to its paragraph.

    A named tuple, not a frozen dataclass: a cold check makes one for every
    sentence, and a tuple is made several times faster."""

    start: int  # the stretch judged: the whole sentence, or its rest
    end: int
    whole: bool
    words: int  # in the stretch judged
    novel: int  # words of the sentence no generic sentence of the bank uses
    person: bool  # "I", "we" or "you" speaks in it
    third: bool  # only "she" or "he" does: judged in a reference (AS_WRITER)
    subject: str  # else, the name it opens with ("Marcus is ..."): judged if the candidate's
    points_back: bool  # opens or ends with "this", "it"..., or "what I took from it"
    points_on: bool  # ends with a colon or "... and I can show it." (forward_pointers.py)
    specifics: tuple  # the sentence's Specifics, one per named thing (named_things.py)
    own_voice: bool  # a word of the writer's spoken voice, or a line that continues a sentence
    score: float


class Verdict(NamedTuple):
    start: int
    end: int
    severity: str
    whole: bool  # the whole sentence, or its rest


class SentenceJudge:
    """Judges paragraphs' sentences with ``model``; what it works out from a paragraph is
    kept with the paragraph's cached analysis (``ParagraphAnalysis.derived``), so it
    lives and goes with it."""

    def __init__(self, model: GenericModel, min_words: int = 0, min_rest_words: int = 0) -> None:
        """``min_words`` and ``min_rest_words``: the fewest words any :class:`Thresholds`
        this judge is asked with require of a whole sentence and of a rest. A stretch
        shorter than that is never reported, so it is not scored (nor its pointers read)."""
        self.model = model
        self.least = (min_words, min_rest_words)
        self._key = object()  # this judge's entry in each paragraph's derived data
        self._lock = threading.Lock()

    def forget(self, locals_: Sequence) -> None:
        """Drop what was worked out for these paragraphs (benches measure cold judging)."""
        for local in locals_:
            local.derived.pop(self._key, None)

    def paragraphs(self, locals_: Sequence) -> list[tuple[Judged, ...]]:
        """Each paragraph analysis's judged sentences; unseen ones scored in one batch."""
        return [entry.judged for entry in self._entries(locals_)]

    def _entries(self, locals_: Sequence) -> list[_Entry]:
        key = self._key
        entries = [local.derived.get(key) for local in locals_]
        if None in entries:
            new = list({p.text: p for p, e in zip(locals_, entries, strict=True)
                        if e is None}.values())
            pending = [_pending(local, self.model.vocabulary, self.least) for local in new]
            # Only sentences that could ever be reported go to the model (a bag of words).
            bags = [bag for part in pending for _, bag in part if bag is not None]
            scores = iter(self.model.scores(bags) if bags else ())
            with self._lock:
                for local, part in zip(new, pending, strict=True):
                    local.derived[key] = _Entry(tuple([
                        make(Judged, (*fields, next(scores) if bag is not None else 0.0))
                        for fields, bag in part]))
            entries = [local.derived.get(key) or _judged_twin(local, new, key)
                       for local in locals_]
        return entries

    def verdicts(self, paragraphs: Sequence, company: str | None, role: str | None,
                 thresholds: Thresholds, reference: bool = False,
                 candidate: str | None = None) -> list[Verdict]:
        """Sentences (or rests) to report, offsets into the whole text; with ``reference``,
        the candidate's sentences in the third person too; with ``candidate`` (their first
        name, writer_name.py), the sentences that open with it ("Marcus is always ...")."""
        if thresholds.min_words < self.least[0] or thresholds.min_rest_words < self.least[1]:
            raise ValueError("thresholds below the judge's least words: stretches that short"
                             " were not scored")
        out: list[Verdict] = []
        placed = list(paragraphs)
        for paragraph, entry in zip(placed, self._entries([p.local for p in placed]),
                                    strict=True):
            found = entry.verdicts(company, role, thresholds, reference, candidate)
            if found:
                o = paragraph.offset
                out += [Verdict(a + o, b + o, severity, whole) for a, b, severity, whole in found]
        return out


def _judged_twin(local, new: list, key: object) -> _Entry:
    """The entry of the analysis judged for a paragraph of the same text."""
    return next(p for p in new if p.text == local.text).derived[key]


class _Entry:
    """A paragraph's judged sentences, and (per thresholds) the ones worth reporting."""

    __slots__ = ("_reportable", "_verdicts", "judged")

    def __init__(self, judged: tuple[Judged, ...]) -> None:
        self.judged = judged
        self._reportable: dict[tuple, tuple[tuple[int, str], ...]] = {}
        self._verdicts: dict[tuple, tuple[Verdict, ...]] = {}

    def verdicts(self, company: str | None, role: str | None, thresholds: Thresholds,
                 reference: bool = False, candidate: str | None = None) -> tuple[Verdict, ...]:
        """What to report in this paragraph for this context, offsets in the paragraph
        (kept for the last few contexts: a warm check is a dictionary lookup)."""
        key = (company, role, thresholds, reference, candidate)
        found = self._verdicts.get(key)
        if found is None:
            if len(self._verdicts) >= CONTEXTS_KEPT:
                self._verdicts.clear()
            found = self._verdicts[key] = self._decide(company, role, thresholds, reference,
                                                       candidate)
        return found

    def _decide(self, company: str | None, role: str | None, thresholds: Thresholds,
                reference: bool, candidate: str | None) -> tuple[Verdict, ...]:
        judged = self.judged
        out = []
        for k, severity in self.reportable(thresholds, reference, candidate):
            j = judged[k]
            if _has_evidence(j.specifics, company, role, candidate):
                continue
            if severity == "warning" and (
                (j.points_back and k > 0
                 and _has_evidence(judged[k - 1].specifics, company, role, candidate))
                or (j.points_on and k + 1 < len(judged)
                    and _has_evidence(judged[k + 1].specifics, company, role, candidate))
                or (k + 1 < len(judged)
                    and _example_follows(judged[k + 1], company, role, candidate))
            ):
                severity = "info"
            out.append(Verdict(j.start, j.end, severity, j.whole))
        return tuple(out)

    def reportable(self, thresholds: Thresholds, reference: bool = False,
                   candidate: str | None = None) -> tuple[tuple[int, str], ...]:
        """(index, severity before the context) of the sentences that may be reported:
        worked out once per paragraph, so a warm check only looks at these."""
        key = (thresholds, reference, candidate)
        found = self._reportable.get(key)
        if found is None:
            out = []
            for k, j in enumerate(self.judged):
                least = thresholds.min_words if j.whole else thresholds.min_rest_words
                if j.words < least or not (
                        j.person or (reference and j.third)
                        or (j.subject and j.subject == candidate)) or (
                        j.score < thresholds.info_at):
                    continue
                warning = (j.score >= thresholds.warning_at and j.novel < thresholds.novel_words
                           and not j.own_voice)
                out.append((k, "warning" if warning else "info"))
            found = self._reportable[key] = tuple(out)
        return found


def _pending(local, vocabulary: frozenset[str], least: tuple[int, int] = (0, 0),
             ) -> list[tuple[tuple, tuple[str, ...] | None]]:
    """Each sentence's :class:`Judged` fields but the score, and its words for the model
    (None for a sentence not worth scoring).

    Near-linear in the paragraph (issue 9): the matches are swept once, in order,
    beside the sentences, instead of every sentence scanning every match.

    A sentence is worth scoring when someone speaks in it ("I", "we", "you"; or only
    "she" or "he", for a reference) and no concrete action or date (evidence in any
    context) is there. Any other is never reported, whatever
    the context and thresholds (``_Entry._decide`` skips a sentence with evidence),
    and its neighbours read only its specifics: so only those and ``person`` are
    worked out for it; the rest of its fields are neutral (the whole sentence, no
    novel words, no pointers, not the writer's own voice). So are they for a stretch
    (sentence or rest) with fewer words than ``least`` (whole, rest) asks: never reported.
    """
    words = local.canonical_words
    grouped = sentence_words(local)
    starts = grouped.starts
    matched = sorted((bisect_left(starts, m.start), bisect_left(starts, m.end))
                     for m in local.matches)
    text = local.text
    out = []
    active: list[tuple[int, int]] = []  # matches begun before this sentence's end
    taken = 0
    views = sentence_views(grouped, local.sentences, local.specifics)
    for view, (first, last) in zip(views, grouped.ranges, strict=True):
        while taken < len(matched) and matched[taken][0] < last:
            active.append(matched[taken])
            taken += 1
        inside = []
        if active:
            active = [(a, b) for a, b in active if first < b]  # sentences come in order
            inside = [(a, b) for a, b in active if a < last]
        person = not PERSON.isdisjoint(view.words)
        third = not person and not THIRD.isdisjoint(view.words)
        subject = "" if person or third else _named_subject(text, view, vocabulary)
        things = _things(text, view.specifics)
        if not (person or third or subject) or not ALWAYS_EVIDENCE.isdisjoint(
                map(_LABEL, things)):
            out.append(((view.start, view.end, True, len(view.words), 0, person, False, "",
                         False, False, things, False), None))
            continue
        if inside:
            start, end, bag = _rest(view, words, first, last, inside)
        else:
            start, end, bag = view.start, view.end, view.words
        if len(bag) < least[bool(inside)]:  # too short for any thresholds: never reported
            out.append(((start, end, not inside, len(bag), 0, person, third, subject, False,
                         False, things, False), None))
            continue
        own = view.words
        if third:
            bag = tuple([AS_WRITER.get(word, word) for word in bag])
        elif subject:
            own = _as_writer(text, view, subject, own)
            if start == view.start:  # the stretch judged opens with the name
                bag = _as_writer(text, view, subject, bag)
        out.append(((
            start, end, not inside, len(bag), novel_count(own, vocabulary), person,
            third, subject, _points_back(own),
            points_on(text[view.start:view.end]),
            things,
            _own_voice(text, view, not inside),
        ), bag))
    return out


def _named_subject(text: str, view: SentenceView, vocabulary: frozenset[str]) -> str:
    """The name a sentence opens with, when it may be a person's ("Marcus always ...",
    "Marcus's attention to ...", "Marcus Reed is ..."): a capitalised word that no generic
    sentence of the bank uses ("The", "At", "Our" are in it) or a name the engine found
    there, or ""."""
    opening = NAME_SUBJECT.match(text, view.start, view.end)
    if opening is None:
        return ""
    name = opening.group(1)
    if view.words and view.words[0] == name.lower():
        return "" if view.words[0] in vocabulary else name
    first = view.specifics[0] if view.specifics else None
    return name if first is not None and first.start == view.start and first.label == NAME else ""


def _as_writer(text: str, view: SentenceView, subject: str,
               words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a sentence that opens with a name, in the first person as the model was
    trained on: "Marcus is reliable" reads as "I be reliable", "Marcus's ..." as "my ..."
    (a name the engine found is already left out of the words: "I" is put before them)."""
    if not words or words[0] != subject.lower():
        return ("i", *words)
    if text.startswith(("'s", "’s"), view.start + len(subject)):
        return ("my", *words[2:]) if words[1:2] == ("have",) else ("my", *words[1:])
    return ("i", *words[1:])


def _things(text: str, specifics: tuple) -> tuple:
    """The specifics less the ones that continue a name or a list: "I completed an ILM
    Level 2 Award in Team Leading" names one thing, not an example told in full."""
    if len(specifics) < 2:
        return specifics
    dropped = continuations(text, specifics)
    return tuple(s for i, s in enumerate(specifics) if i not in dropped) if dropped else specifics


def _points_back(words: Sequence[str]) -> bool:
    """ "It was ...", "This taught me ...", and "What I took from it is ...": the sentence
    refers back, in its first words, to what the one before told; in its last, when it
    is short ("I'd like to be the person who builds it."); or anywhere, by its kind: "somewhere that
    takes that kind of timing seriously"."""
    if not words:
        return False
    if words[0] in POINTERS or (
            words[-1] in ENDING_POINTERS and len(words) <= ENDING_POINTER_WORDS):
        return True
    opening = words[:REFERENCE_WORDS]
    if not REFERRING.isdisjoint(opening) and any(  # most openings hold none of them
            a in REFERRING and b in POINTERS for a, b in pairwise(opening)):
        return True
    return not KINDS.isdisjoint(words) and any(
        a in DEMONSTRATIVES and b in KINDS for a, b in pairwise(words))


def _own_voice(text: str, view: SentenceView, whole: bool) -> bool:
    """Whether the sentence sounds like its writer rather than a template: a word of their
    spoken voice ("super cool", "I guess"; models/wordlists/own-voice.txt) or of their life
    outside work ("this slow cooker"; everyday_life.py), or, for a
    whole sentence, a lowercase start ("or I was able to ..."): a line of a sentence
    broken by the layout, which the model would judge without its beginning."""
    first = text[view.start:view.start + 1]
    if whole and first.isalpha() and first.islower():
        return True
    return not _spoken_words().isdisjoint(view.words) or names_everyday_life(view.words)


@cache
def _spoken_words() -> frozenset[str]:
    return frozenset(wordlist("own-voice"))


def _rest(view: SentenceView, words, first: int, last: int, matched: list[tuple[int, int]]):
    """The longest run of the sentence's words (indices ``first:last``) outside every match."""
    _, lo, hi = _longest_gap(first, last, matched)
    while lo < hi and words[lo][0] in EDGES:
        lo += 1
    while hi > lo and words[hi - 1][0] in EDGES:
        hi -= 1
    if lo == hi:
        return view.start, view.start, ()
    masked = [(s.start, s.end) for s in view.specifics if s.label in MASKED]
    if masked:
        inside = _Spans(masked)
        bag = tuple(form for form, s, e in words[lo:hi] if not inside.covers(s, e))
    else:  # most rests: nothing to leave out
        bag = tuple(map(itemgetter(0), words[lo:hi]))
    return words[lo][1], words[hi - 1][2], bag


def _longest_gap(first: int, last: int, matched: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(length, start, end) of the first longest run of word indices ``first:last`` that no
    range of ``matched`` covers (each clipped to the sentence): found from the ranges in
    order, not by a walk over every word."""
    best = (0, first, first)
    run = first  # where the run being read starts
    for a, b in sorted([(max(a, first), min(b, last)) for a, b in matched]):
        if a >= b:
            continue  # covers no word of the sentence
        if a - run > best[0]:
            best = (a - run, run, a)
        run = max(run, b)
    if last - run > best[0]:
        best = (last - run, run, last)
    return best


class _Spans:
    """Character spans; whether one of them holds a stretch, in log time (not one scan each)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.reach = []  # the furthest end of the spans up to each one
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end


def _example_follows(after: Judged, company: str | None, role: str | None,
                     candidate: str | None = None) -> bool:
    """Whether the next sentence is an example told in full: the writer did something
    (a concrete action) with a number or a date in it."""
    kept = [s for s in after.specifics
            if s.label in EVIDENCE and not repeats_context(s, company, role)
            and not names_candidate(s, candidate)]
    labels = {s.label for s in kept}
    return ACTION in labels or len(kept) >= 2


def _has_evidence(specifics, company: str | None, role: str | None,
                  candidate: str | None = None) -> bool:
    """Whether a specific backs the sentence: not the employer's name, the role's words or
    the candidate's own name (it is in every letter about them)."""
    return any(
        s.label in EVIDENCE and not repeats_context(s, company, role)
        and not names_candidate(s, candidate) for s in specifics
    )
