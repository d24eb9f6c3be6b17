"""The history checks: what the user sent before, compared with what they write now.

They read a snapshot of the user's history (:mod:`standout.history.source`),
shared by the three, and do nothing while history is off (no application
stored yet). Messages name employers, dates and counts; never a stored text.

- ``history-previous-employer``: a name the reader takes as the target (an
  employer mention from the pipeline, "the Globex team", "Dear Globex") that is
  an employer applied to before, in a text for another one.
- ``history-reused-paragraph``: a paragraph that reuses one sent to other
  employers (:class:`standout.history.paragraph_index.ParagraphIndex`); info,
  or the rule's ``warning_at`` employers and more a warning.
- ``history-applied-before``: the target company was applied to before.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy

from ..employer_names import company_pattern, same_company
from ..history.companies import CompanyIndex
from ..history.paragraph_index import ReuseSettings
from ..history.source import HistorySource, Reading, Snapshot
from ..history.store import HistoryStore
from ..history.wording import LISTED, applied, employers
from ..rulebook import RuleError
from ..samples.forms import SampleReader, paragraph_sentences
from ..samples.index import IndexSettings
from ..samples.matcher import bundled_reading, function_words
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis, PlacedParagraph
    from ..context import Context
    from ..rulebook import Rule

CACHE = 2048


class _HistoryCheck(Detector):
    known_params: frozenset[str] = frozenset()  # the params its rule may set

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        if len(self.rules) > 1:
            extra = self.rules[1]
            raise RuleError(extra.source, extra.id, f"only one rule may use check: {self.check}"
                            f" (it is '{self.rules[0].id}', in {self.rules[0].source})")
        self.rule = self.rules[0]
        unknown = set(self.rule.params) - self.known_params
        if unknown:
            known = ", ".join(sorted(self.known_params)) or "none"
            raise RuleError(self.rule.source, self.rule.id, f"unknown param"
                            f" '{sorted(unknown)[0]}' for check: {self.check} (known: {known})")
        self.source = HistorySource(HistoryStore(), self.reading(parts))

    def reading(self, parts: EngineParts) -> Reading | None:
        """What reading stored paragraphs takes, for the check that compares them."""
        return None

    def snapshot(self) -> Snapshot | None:
        return self.source.snapshot()


PREVIOUS, REUSED, APPLIED = ("history-previous-employer", "history-reused-paragraph",
                             "history-applied-before")


class PreviousEmployer(_HistoryCheck):
    check = PREVIOUS
    needs = frozenset({"company"})
    supersedes = frozenset({"employer-other"})  # the same leftover, with when it was sent
    known_params = frozenset({"target_slots", "not_after"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._past = _words(self.rule, "not_after")
        self._slots = [_slot(self.rule, slot) for slot in self.rule.params.get("target_slots", [])]

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        snapshot = self.snapshot()
        if snapshot is None or not len(snapshot.companies):
            return []
        company = context.company or ""
        out: list[Candidate] = []
        for paragraph in analysis.paragraphs:
            for start, end, name in self._targets(paragraph, snapshot.companies):
                if same_company(name, company):
                    continue
                sent = snapshot.companies.applications_to(name)
                if not sent:
                    continue
                rule = self.rule
                out.append(Candidate(rule.id, rule.severity, start, end, rule.message,
                                     {"other": name, "applied": applied(sent)}))
        return out

    def _targets(self, paragraph: PlacedParagraph, companies: CompanyIndex):
        """Names in target slots: the pipeline's employer mentions, then this rule's own."""
        seen = set()
        for mention in paragraph.mentions:
            seen.add((mention.start, mention.end))
            yield mention.start, mention.end, mention.text
        text, offset = paragraph.text, paragraph.offset
        for specific in paragraph.local.specifics:
            if specific.label != "NAME" or (specific.start + offset, specific.end + offset) in seen:
                continue
            if not companies.is_known(specific.text):
                continue
            sentence = next((s for s in paragraph.local.sentences
                             if s[0] <= specific.start < s[1]), (0, len(text)))
            if self._in_target_slot(text, sentence, specific.start, specific.end):
                yield specific.start + offset, specific.end + offset, specific.text

    def _in_target_slot(self, text: str, sentence: tuple[int, int], start: int,
                        end: int) -> bool:
        """ "the Globex team", "Dear Globex": a slot of the rule's, not after "my", "former"."""
        before = " ".join(text[sentence[0] : start].lower().split())
        before = before + " " if before else ""
        after = " " + " ".join(text[end : sentence[1]].lower().split())
        if not any((b is None or b.search(before)) and (a is None or a.match(after))
                   for b, a in self._slots):
            return False
        return not any(word.strip(",;:") in self._past for word in before.split()[-5:])


class ReusedParagraph(_HistoryCheck):
    check = REUSED
    passage = True
    known_params = frozenset({"warning_at", *ReuseSettings.__dataclass_fields__,
                              *IndexSettings.__dataclass_fields__})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._warning_at = _count(self.rule, "warning_at", 5)
        # (paragraph text, target) -> (snapshot, the message's employers and their number)
        self._cache: OrderedDict[tuple[str, str], tuple[Snapshot, str, int]] = OrderedDict()
        self._lock = threading.Lock()

    def reading(self, parts: EngineParts) -> Reading:
        check_numbers(self.rule, {**ReuseSettings.__dataclass_fields__,
                                  **IndexSettings.__dataclass_fields__})
        return Reading(SampleReader(parts.nlp), function_words(),
                       lambda: bundled_reading(parts.nlp)[2], dict(self.rule.params))

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        snapshot = self.snapshot()
        if snapshot is None or not snapshot.paragraphs:
            return []
        out: list[Candidate] = []
        for paragraph in analysis.paragraphs:
            listed, count = self._sent_to(snapshot, paragraph, context.company or "")
            if not count:
                continue
            start, end = paragraph.offset, paragraph.offset + len(paragraph.text)
            severity = "warning" if count >= self._warning_at else self.rule.severity
            out.append(Candidate(self.rule.id, severity, start, end, self.rule.message,
                                 {"employers": listed}))
        return out

    def _sent_to(self, snapshot: Snapshot, paragraph: PlacedParagraph,
                 company: str) -> tuple[str, int]:
        """How the message lists the other employers this paragraph went to, and how many."""
        key = (paragraph.text, company)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and cached[0] is snapshot:
                self._cache.move_to_end(key)
                return cached[1], cached[2]
        assert snapshot.paragraphs is not None
        found = snapshot.paragraphs.sent_in(paragraph_sentences(paragraph.local))
        listed, count = "", 0
        if len(found):
            if company:  # this employer's own applications are not "other employers"
                skip = [s.id for s in snapshot.companies.applications_to(company)]
                found = found[~numpy.isin(found, skip)] if skip else found
            newest, count = snapshot.newest_per_employer(found, LISTED)
            listed = employers(newest, count) if count else ""
        with self._lock:
            self._cache[key] = (snapshot, listed, count)
            if len(self._cache) > CACHE:
                self._cache.popitem(last=False)
        return listed, count

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()
        snapshot = self.snapshot()
        if snapshot is not None and snapshot.paragraphs is not None:
            snapshot.paragraphs.forget_answers()


class AppliedBefore(_HistoryCheck):
    check = APPLIED
    passage = True
    needs = frozenset({"company"})

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        snapshot = self.snapshot()
        if snapshot is None or not analysis.paragraphs:
            return []
        sent = snapshot.companies.applications_to(context.company or "")
        if not sent:
            return []
        start, end = _anchor(analysis, context.company or "")
        rule = self.rule
        return [Candidate(rule.id, rule.severity, start, end, rule.message,
                          {"applied": applied(sent)})]


def _anchor(analysis: Analysis, company: str) -> tuple[int, int]:
    """The first place the text names the company, else its first sentence."""
    pattern = company_pattern(company)
    found = pattern.search(analysis.text) if pattern is not None else None
    if found:
        return found.start(), found.end()
    return analysis.paragraphs[0].sentences[0]


def _words(rule: Rule, key: str) -> frozenset[str]:
    value = rule.params.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(rule.source, rule.id, f"param '{key}' must be a list of words")
    return frozenset(v.lower() for v in value)


def _slot(rule: Rule, slot: object) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """``{before, after}``: regexes on the lowercased words before and after the name."""
    if not isinstance(slot, dict) or not slot or set(slot) - {"before", "after"}:
        raise RuleError(rule.source, rule.id, "each of target_slots is {before, after}")
    out = []
    for key in ("before", "after"):
        pattern = slot.get(key)
        if pattern is None:
            out.append(None)
            continue
        if not isinstance(pattern, str):
            raise RuleError(rule.source, rule.id, f"target_slots: '{key}' must be a regex")
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise RuleError(rule.source, rule.id, f"bad regex {pattern!r}: {exc}") from None
    return out[0], out[1]


def check_numbers(rule: Rule, fields: dict) -> None:
    """Each numeric param a number of its field's kind (an int for an int), 0 or more."""
    for key, spec in fields.items():
        if key not in rule.params:
            continue
        value, integer = rule.params[key], isinstance(spec.default, int)
        if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
            kind = "an integer" if integer else "a number"
            raise RuleError(rule.source, rule.id, f"param '{key}' must be {kind}")
        if value < 0:
            raise RuleError(rule.source, rule.id, f"param '{key}' must be 0 or more")


def _count(rule: Rule, key: str, default: int) -> int:
    value = rule.params.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RuleError(rule.source, rule.id, f"param '{key}' must be a positive integer")
    return value
