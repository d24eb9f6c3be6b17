"""Phrase, token and regex rules: their matches come from the spaCy pipeline.

The components match every pattern rule while a paragraph is analysed (and
cached), with the facts about each match's sentence (match_context.py); this
detector places each match in the text and applies the steps that need the
whole text or the context:

- a rule ``about: writer`` is dropped when its sentence is about someone else;
- a claim rule ("I am detail-oriented") in a heading is dropped (it labels what
  follows); one whose sentence holds a specific (a number, a date, a name, a
  concrete action), or that points to a sentence holding one, or that is
  followed by its own list, drops to ``info`` with its backed message. The
  employer's own name is not evidence: the target company, and any employer the
  text says it is applying to ("the role at Acme", "join Acme");
- rules that share an ``idea`` give one warning per sentence: when two of them
  fire close together in one sentence ("I consider myself a strong team
  player"), the later one drops to ``info``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..employer_names import same_company
from ..rulebook import POINTED_MESSAGE
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis, PlacedParagraph, Specific
    from ..context import Context
    from ..rulebook import Rule

IDEA_DISTANCE = 30  # characters between two findings of one idea in one sentence


class PatternMatches(Detector):
    check = "patterns"

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._rules = {rule.id: rule for rule in self.rules}

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        rules = self._rules
        employers = _employers(analysis, context)
        out = []
        for paragraph in analysis.paragraphs:
            offset = paragraph.offset
            found = []
            for match in paragraph.local.matches:
                rule = rules[match.rule]
                if rule.about == "writer" and not match.about_writer:
                    continue
                start, end = match.start + offset, match.end + offset
                if not rule.claim:
                    found.append(Candidate(rule.id, rule.severity, start, end, rule.message))
                elif match.heading:
                    continue
                elif _backs(match.evidence, employers):
                    found.append(Candidate(rule.id, "info", start, end, rule.backed_message))
                elif match.introduces or _backs(match.pointed, employers):
                    found.append(Candidate(rule.id, "info", start, end, POINTED_MESSAGE))
                else:
                    found.append(Candidate(rule.id, rule.severity, start, end, rule.message))
            out += _one_per_idea(found, rules, paragraph) if len(found) > 1 else found
        return out


def _employers(analysis: Analysis, context: Context) -> tuple[str, ...]:
    """The employer the text is for: the context's company and the ones it says it applies to."""
    names = [mention.text for paragraph in analysis.paragraphs for mention in paragraph.mentions]
    if context.company:
        names.append(context.company)
    return tuple(names)


def _backs(evidence: tuple[Specific, ...], employers: tuple[str, ...]) -> bool:
    if not employers:
        return bool(evidence)
    return any(
        e.label != "NAME" or not any(same_company(e.text, name) for name in employers)
        for e in evidence
    )


def _one_per_idea(found: list[Candidate], rules: dict[str, Rule],
                  paragraph: PlacedParagraph) -> list[Candidate]:
    """Later findings of an idea already warned about nearby in the sentence drop to info."""
    if not any(rules[c.rule].idea for c in found):
        return found
    sentences = paragraph.sentences
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, c.end)):
        idea = rules[candidate.rule].idea
        if idea and candidate.severity != "info":
            sentence = _sentence_of(sentences, candidate.start)
            for other in kept:
                if (rules[other.rule].idea == idea and other.severity != "info"
                        and other.rule != candidate.rule
                        and _sentence_of(sentences, other.start) == sentence
                        and candidate.start - other.end <= IDEA_DISTANCE):
                    candidate = candidate._replace(severity="info")
                    break
        kept.append(candidate)
    return kept


def _sentence_of(sentences: tuple[tuple[int, int], ...], position: int) -> int:
    for number, (start, end) in enumerate(sentences):
        if start <= position < end:
            return number
    return -1

