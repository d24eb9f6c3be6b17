"""What a text is, when the context does not say: a letter, an answer, or questions.

``kind`` in the context wins. Otherwise:

1. with a question in the context, the text answers it (``answer``), except
   - when the question asks for the candidate's questions ("Do you have any
     questions for us?", the bank entries with ``answer: questions``): ``questions``;
   - when the question names a letter ("Cover letter", "Motivation letter"): ``letter``;
   - when the text itself is a list of questions (below): ``questions``;
2. without one, the text is ``questions`` when it is a list of at least two
   questions, at least two thirds of them ending with a question mark; otherwise
   it is a ``letter``.
"""

from __future__ import annotations

import re

from ..context import KINDS
from .asks import split_asks
from .bank import QuestionBank

LETTER, ANSWER, QUESTIONS = KINDS

_ASKS_FOR_QUESTIONS = re.compile(
    r"\bquestions?\b.{0,30}\b(?:for|to ask|of)\b.{0,12}"
    r"\b(?:us|me|them|the (?:team|panel|interviewers?|company))\b"
    r"|\b(?:anything|something|what)\b.{0,25}\bask\b.{0,10}\b(?:us|me|them)\b"
    r"|\bquestions? (?:to ask|for the interviewer|you (?:would|will|plan to) ask)\b",
    re.IGNORECASE,
)
_LETTER = re.compile(r"\b(?:cover(?:ing)?|motivation(?:al)?|application)\s+letter\b|^\s*letter\b",
                     re.IGNORECASE)


def looks_like_questions(text: str) -> bool:
    if text.count("?") < 2:  # most texts: a letter has one question mark at most
        return False
    asks = split_asks(text)
    if len(asks) < 2:
        return False
    asked = sum(1 for a, b in asks if text[a:b].rstrip("\"'”’) ").endswith("?"))
    return asked * 3 >= len(asks) * 2


def infer_kind(text: str, question: str | None, bank: QuestionBank,
               company: str | None = None) -> str:
    """The kind of ``text``, given the context's question (see the module docstring)."""
    if question:
        known = bank.match(question, company)
        asks_for_questions = known is not None and known.answer == QUESTIONS
        if asks_for_questions or _ASKS_FOR_QUESTIONS.search(question):
            return QUESTIONS
        if _LETTER.search(question):
            return LETTER
        return QUESTIONS if looks_like_questions(text) else ANSWER
    return QUESTIONS if looks_like_questions(text) else LETTER
