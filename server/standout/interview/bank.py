"""The interview question bank: ``models/interview/questions.yaml``.

A context question is matched to a bank question by its wording: the same words
as the question or one of its aliases (case, punctuation and the employer's name
aside), or failing that the bank question sharing most of its content words, when
they share enough of them (:data:`MIN_SIMILARITY`, the Dice coefficient of the two
sets of crudely stemmed content words). An unmatched question is still
a question: the checks then expect a full story (situation, action, result) and no
speaking-time range is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..resources import models_dir

PARTS = ("situation", "action", "result")
FAMILIES = ("general", "customer-facing", "technical", "care", "retail", "teaching")
MIN_SIMILARITY = 0.6
# A question asking for one episode: it calls for a whole story even when not in the bank.
_STORY = re.compile(
    r"\b(?:a|one) (?:time|situation|moment|occasion|case|project|day)\b"
    r"|\b(?:an? )?examples? (?:of|from|where|when)\b|\bwalk (?:me|us) through (?:a|an|the)\b"
    r"|\bwhen (?:you|have you)\b.*\b(?:had to|handled|dealt|faced|managed|led|failed)\b",
    re.IGNORECASE,
)

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["questions"],
    "additionalProperties": False,
    "properties": {
        "questions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "text", "family", "listens_for", "seconds"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$"},
                    "text": {"type": "string", "minLength": 5},
                    "aliases": {"type": "array", "items": {"type": "string", "minLength": 5}},
                    "family": {"enum": list(FAMILIES)},
                    "listens_for": {"type": "string", "minLength": 20},
                    "seconds": {
                        "type": "array", "minItems": 2, "maxItems": 2,
                        "items": {"type": "integer", "minimum": 5, "maximum": 600},
                    },
                    "parts": {"type": "array", "uniqueItems": True, "items": {"enum": list(PARTS)}},
                    "sample": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$"},
                    "answer": {"enum": ["questions"]},
                },
            },
        }
    },
}

# Words that say nothing about which question it is.
_FILLER_WORDS = (
    "a an the to of in on at for with about you your yours me my i we us our can could would "
    "will do does did is are was were be have has had and or that this it there here please "
    "tell describe give share when what how why time"
)
_FILLER = frozenset(_FILLER_WORDS.split())
_WORD = re.compile(r"[a-z0-9]+")


class BankError(ValueError):
    """The question bank file is malformed."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    family: str
    listens_for: str
    seconds: tuple[int, int]
    parts: tuple[str, ...] = PARTS
    aliases: tuple[str, ...] = ()
    sample: str | None = None
    answer: str | None = None  # "questions": the answer is a list of questions to ask

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "family": self.family,
            "listens_for": self.listens_for, "seconds": list(self.seconds),
            "parts": list(self.parts), "aliases": list(self.aliases),
            "sample": self.sample, "answer": self.answer,
        }


# Wordings that ask the same thing ("your biggest weakness" = "your greatest weakness").
_SAME = {"biggest": "greatest", "main": "greatest", "key": "greatest", "best": "greatest",
         "colleague": "coworker", "workmate": "coworker", "cv": "background",
         "resume": "background", "firm": "company", "organisation": "company",
         "organization": "company"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", " ").replace("'", " "))


def _stem(word: str) -> str:
    """A crude stem, enough to meet "failed" with "fail" and "strengths" with "strength"."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content(words: list[str]) -> frozenset[str]:
    return frozenset(_stem(_SAME.get(w, w)) for w in words if w not in _FILLER)


class QuestionBank:
    def __init__(self, questions: list[Question]) -> None:
        self.questions = tuple(questions)
        self._by_id = {q.id: q for q in questions}
        self._exact: dict[str, Question] = {}
        self._content: list[tuple[frozenset[str], Question]] = []
        for question in questions:
            for wording in (question.text, *question.aliases):
                words = _words(wording)
                self._exact.setdefault(" ".join(words), question)
                self._content.append((_content(words), question))

    def __iter__(self):
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def get(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def match(self, asked: str | None, company: str | None = None) -> Question | None:
        """The bank question ``asked`` is a wording of, or ``None``."""
        if not asked:
            return None
        words = _words(asked)
        if company:  # "Why do you want to work at Acme?" is "... work here?"
            name = _words(company)
            if name:
                words = _replace_run(words, name, "here")
        exact = self._exact.get(" ".join(words))
        if exact is not None:
            return exact
        content = _content(words)
        if not content:
            return None
        best, best_score = None, 0.0
        for known, question in self._content:
            if not known:
                continue
            score = 2 * len(content & known) / (len(content) + len(known))
            if score > best_score:
                best, best_score = question, score
        return best if best_score >= MIN_SIMILARITY else None


def expected_parts(asked: str | None, matched: Question | None) -> tuple[str, ...]:
    """The parts of a story an answer to ``asked`` needs: the bank's, else a whole story
    for a question asking for one episode, else none."""
    if matched is not None:
        return matched.parts
    return PARTS if asked and _STORY.search(asked) else ()


def _replace_run(words: list[str], run: list[str], by: str) -> list[str]:
    out, i, n = [], 0, len(run)
    while i < len(words):
        if words[i : i + n] == run:
            if out and out[-1] in {"at", "for", "with", "join"}:
                out.pop()
            out.append(by)
            i += n
        else:
            out.append(words[i])
            i += 1
    return out


def load_bank_file(path: Path) -> QuestionBank:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(raw, SCHEMA)
    except (OSError, yaml.YAMLError, jsonschema.ValidationError) as exc:
        detail = exc.message if isinstance(exc, jsonschema.ValidationError) else str(exc)
        raise BankError(f"{path}: {' '.join(detail.split())}") from None
    questions, seen = [], set()
    for entry in raw["questions"]:
        if entry["id"] in seen:
            raise BankError(f"{path}: question id {entry['id']!r} is used twice")
        seen.add(entry["id"])
        low, high = entry["seconds"]
        if low > high:
            raise BankError(f"{path}: {entry['id']}: seconds must be [shortest, longest]")
        questions.append(Question(
            id=entry["id"], text=entry["text"], family=entry["family"],
            listens_for=" ".join(entry["listens_for"].split()), seconds=(low, high),
            parts=tuple(p for p in PARTS if p in entry.get("parts", PARTS)),
            aliases=tuple(entry.get("aliases", ())), sample=entry.get("sample"),
            answer=entry.get("answer"),
        ))
    return QuestionBank(questions)


@cache
def question_bank() -> QuestionBank:
    """The bundled bank, read once."""
    return load_bank_file(models_dir() / "interview" / "questions.yaml")
