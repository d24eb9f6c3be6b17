"""The employer checks: they need the target company (``context.company``).

- ``employer-other``: the text names another employer as the one it is aimed
  at ("the analyst position at Globex" in a letter for Acme), a leftover from a
  letter written for someone else; not a name the text calls theirs ("your
  Avonmouth depot" ... "join the Avonmouth team"). The mentions come from the pipeline
  (components/employer_mentions.py, triggers in the rule's params).
- ``employer-missing``: a text of at least ``min_words`` words never names the
  company in any form ("ACME Inc." is Acme, "Tidewater" is Tidewater Analytics:
  employer_names.py). It applies only to a text that reads as a letter or as
  the answer to a question about the employer: one answering another question
  ("Tell me about a challenge you faced") need not name anyone, and a bug
  report typed into a form is not a letter. Without a question, a text reads as
  a letter when it says "your company" or uses ``letter_cues`` distinct words
  of an application (params ``letter_words``: "dear", "apply", "role", ...).
  The finding points at a generic stand-in ("your company") if there is one,
  else at the opening sentence. A text that speaks to the employer of its own
  named things ("your Whitby branch", "your Riverside site") knows who it is
  for, and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..components.specifics import NAME
from ..employer_names import company_pattern, names_company_in, same_company, writers_employer
from ..rulebook import RuleError
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule

DEFAULT_MIN_WORDS = 40
DEFAULT_LETTER_CUES = 2


class EmployerOther(Detector):
    check = "employer-other"
    needs = frozenset({"company"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self.postings = parts.postings

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        company = context.company or ""
        # The posting's own names are this employer's: its sites, brands, parent.
        own = self.postings.read(context.posting).own_names if (
            context.posting and self.postings is not None) else frozenset()
        theirs = _their_named_things(analysis) if any(
            p.mentions for p in analysis.paragraphs) else frozenset()
        out = []
        for paragraph in analysis.paragraphs:
            for mention in paragraph.mentions:
                if not same_company(mention.text, company) and not any(
                        same_company(mention.text, name) for name in own) and not (
                        writers_employer(analysis.text, mention.text)) and (
                        mention.text not in theirs):
                    out.extend(
                        Candidate(rule.id, rule.severity, mention.start, mention.end,
                                  rule.message, {"other": mention.text})
                        for rule in self.rules
                    )
        return out


class EmployerMissing(Detector):
    check = "employer-missing"
    passage = True
    needs = frozenset({"company"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._min_words = {rule.id: _min_words(rule) for rule in self.rules}
        self._letter_words = {
            rule.id: frozenset(_strings(rule, "letter_words")) for rule in self.rules
        }
        self._question_words = {
            rule.id: tuple(_strings(rule, "employer_question_words")) for rule in self.rules
        }
        self._asked_by_them = {
            rule.id: tuple(_strings(rule, "questions_for_them")) for rule in self.rules
        }
        self._agency_words = {
            rule.id: tuple(_strings(rule, "agency_words")) for rule in self.rules
        }

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        company = context.company or ""
        if company_pattern(company) is None or not analysis.paragraphs:
            return []
        if analysis.reference or names_company_in(analysis.text, company) or (
                _their_named_things(analysis)):
            return []
        words = analysis.words
        rules = [
            rule for rule in self.rules
            if words >= self._min_words[rule.id] and self._applies(rule, analysis, context)
        ]
        if not rules:
            return []
        start, end = missing_anchor(analysis)
        return [Candidate(rule.id, rule.severity, start, end, rule.message) for rule in rules]

    def _applies(self, rule: Rule, analysis: Analysis, context: Context) -> bool:
        """Whether the text reads as a letter, or answers a question about the employer,
        and the company is the employer, not a recruitment agency writing for its client."""
        company = _spaced_words(context.company or "")
        if any(f" {words} " in company for words in self._agency_words[rule.id]):
            return False
        if context.question:
            question = _spaced_words(context.question)
            # "Do you have any questions for us?": the answer asks the employer, face to face
            if any(f" {words} " in question for words in self._asked_by_them[rule.id]):
                return False
            return any(f" {word} " in question for word in self._question_words[rule.id])
        if any(p.generic_references for p in analysis.paragraphs):
            return True
        cues = self._letter_words[rule.id]
        seen = {
            form for p in analysis.paragraphs for form, _, _ in p.local.canonical_words
            if form in cues
        }
        return len(seen) >= DEFAULT_LETTER_CUES


def _spaced_words(text: str) -> str:
    """The lowercase words of ``text`` between single spaces, a space at each end: "Do you
    have any questions?" -> " do you have any questions ", for phrase tests by ``in``."""
    return f" {' '.join(re.findall(r'[a-z]+', text.lower()))} "


# "your" and at most one word before a name: "your Whitby branch", "your new Leeds depot".
_YOUR_BEFORE = re.compile(r"\b[Yy]our\s+(?:[a-z]+\s+)?\Z")
_LOOK_BACK = 24  # characters before a name searched for "your"


def _their_named_things(analysis: Analysis) -> frozenset[str]:
    """The names the text calls the employer's own, after "your" ("your Whitby branch")."""
    return frozenset(
        specific.text
        for paragraph in analysis.paragraphs for specific in paragraph.local.specifics
        if specific.label == NAME and _YOUR_BEFORE.search(
            paragraph.local.text, max(0, specific.start - _LOOK_BACK), specific.start))


def _strings(rule: Rule, name: str) -> list[str]:
    value = rule.params.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(rule.source, rule.id, f"param '{name}' must be a list of words")
    return [v.lower() for v in value]


def _min_words(rule: Rule) -> int:
    value = rule.params.get("min_words", DEFAULT_MIN_WORDS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(rule.source, rule.id, "param 'min_words' must be an integer, 0 or more")
    return value


def missing_anchor(analysis: Analysis) -> tuple[int, int]:
    """Where to point when the company is never named: a generic stand-in, else the opening."""
    for paragraph in analysis.paragraphs:
        if paragraph.generic_references:
            return paragraph.generic_references[0]
    for paragraph in analysis.paragraphs:
        for start, end in paragraph.sentences:
            if paragraph.words >= 8 or len(analysis.paragraphs) == 1:
                return start, end
    return analysis.paragraphs[0].sentences[0]
