"""The interview answer checks: they need the question (``context.question``) and run
when the text is an answer (``context.kind``, given or inferred).

- ``answer-structure``: a situation, an action of the speaker's own, a result
  (:mod:`standout.interview.answers`); one rule per part (``params: {part: ...}``),
  each flagged only when that part is missing and the question calls for it (the
  bank's ``parts``; a question not in the bank calls for all three when it asks for
  one episode, "Tell me about a time...", else for none). The finding
  points where the part belongs: the opening sentence for the situation, the
  closing one for the result, the sentences between for the action.
- ``answer-voice``: "we" throughout, which hides what the speaker did.

The structure check also reports, as ``stats``: ``speaking_seconds`` (at 140 words a
minute), ``speaking`` (the 130-150 range and what interviewers expect for the
question) and ``answer`` (which sentences hold each part, "I" and "we" counts, the
bank question it matched).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..interview.answers import AnswerShape
from ..interview.bank import PARTS, Question, expected_parts, question_bank
from ..interview.readers import answers_for
from ..interview.speaking import speaking_time
from ..rulebook import RuleError
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule

ANSWER = "answer"
DEFAULT_MIN_WORDS = 12


def _int_param(rule: Rule, name: str, default: int, low: int = 0) -> int:
    value = rule.params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise RuleError(rule.source, rule.id, f"param '{name}' must be an integer, {low} or more")
    return value


def _question(context: Context) -> Question | None:
    return question_bank().match(context.question, context.company)


class AnswerStructure(Detector):
    check = "answer-structure"
    passage = True
    needs = frozenset({"question"})
    reports = True

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self.shared = answers_for(parts.nlp)
        self._part: dict[str, str] = {}
        self._min_words: dict[str, int] = {}
        for rule in self.rules:
            part = rule.params.get("part")
            if part not in PARTS:
                raise RuleError(
                    rule.source, rule.id, f"param 'part' must be one of {', '.join(PARTS)}"
                )
            self._part[rule.id] = part
            self._min_words[rule.id] = _int_param(rule, "min_words", DEFAULT_MIN_WORDS)

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        if context.kind != ANSWER or not analysis.paragraphs:
            return []
        question = _question(context)
        expected = expected_parts(context.question, question)
        if not expected:
            return []
        shape = self.shared.read(analysis)
        missing = set(shape.missing(expected))
        words = analysis.words
        out = []
        for rule in self.rules:
            part = self._part[rule.id]
            if part in missing and words >= self._min_words[rule.id]:
                start, end = _anchor(shape, part)
                out.append(Candidate(rule.id, rule.severity, start, end, rule.message))
        return out

    def report_data(self, analysis: Analysis, context: Context) -> Mapping[str, Any]:
        if context.kind != ANSWER:
            return {}
        question = _question(context)
        shape = self.shared.read(analysis)
        spoken = speaking_time(analysis.words, question.seconds if question else None)
        return {
            "speaking_seconds": spoken.seconds,
            "speaking": spoken.to_dict(),
            "answer": {
                **shape.to_dict(),
                "expected": list(expected_parts(context.question, question)),
                "question": _question_json(question),
            },
        }


def _question_json(question: Question | None) -> dict[str, Any] | None:
    if question is None:
        return None
    return {"id": question.id, "text": question.text, "family": question.family,
            "listens_for": question.listens_for, "seconds": list(question.seconds)}


def _anchor(shape: AnswerShape, part: str) -> tuple[int, int]:
    """Where a missing part belongs: first sentence, last sentence, or those between."""
    sentences = shape.sentences
    if part == "situation":
        return sentences[0]
    if part == "result":
        return sentences[-1]
    if len(sentences) >= 3:
        return sentences[1][0], sentences[-2][1]
    return sentences[0][0], sentences[-1][1]


def _times(n: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


class AnswerVoice(Detector):
    check = "answer-voice"
    passage = True
    needs = frozenset({"question"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self.shared = answers_for(parts.nlp)
        self._limits: dict[str, tuple[int, float]] = {}
        for rule in self.rules:
            ratio = rule.params.get("ratio", 2.0)
            if isinstance(ratio, bool) or not isinstance(ratio, int | float) or ratio < 1:
                raise RuleError(rule.source, rule.id, "param 'ratio' must be a number, 1 or more")
            self._limits[rule.id] = (_int_param(rule, "min_we", 2, low=1), float(ratio))

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        if context.kind != ANSWER or not analysis.paragraphs:
            return []
        shape = self.shared.read(analysis)
        out = []
        for rule in self.rules:
            min_we, ratio = self._limits[rule.id]
            if shape.hides_speaker(min_we, ratio) and shape.we_sentences:
                start, end = shape.sentences[shape.we_sentences[0]]
                values = {"we_times": _times(shape.we_count), "i_times": _times(shape.i_count)}
                out.append(Candidate(rule.id, rule.severity, start, end, rule.message, values))
        return out
