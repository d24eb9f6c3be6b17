"""What a text is when the context does not say (letter, answer, questions), and
speaking time."""

from __future__ import annotations

import pytest

from standout.interview.bank import question_bank
from standout.interview.kinds import infer_kind, looks_like_questions
from standout.interview.speaking import speaking_time

LETTER = ("Dear Ms Patel,\n\nI run the Saturday market stall for Fenwick Bakery and would like "
          "to bring that to the counter role at Hollis & Sons.\n\nKind regards,\nSam")
ANSWER = "Last winter I trained two new drivers on the Hexham round."
ASKS = "- How is the Leeds depot changing the rounds?\n- What are the next steps?"
ASKS_NO_MARKS = "- the Leeds depot\n- next steps\n- who I would shadow?"

KINDS = [
    (LETTER, None, "letter"),
    (ANSWER, None, "letter"),  # without a question, prose is a letter
    (ASKS, None, "questions"),
    (ASKS_NO_MARKS, None, "letter"),  # a list of notes is not a list of questions
    ("What is the team like?", None, "letter"),  # one question is not a list
    (ANSWER, "Tell me about a time you showed leadership.", "answer"),
    (LETTER, "Why do you want to work here?", "answer"),
    ("None", "Do you have any questions for us?", "questions"),
    ("", "Is there anything you'd like to ask us?", "questions"),
    ("No", "Any questions for the panel?", "questions"),
    (ANSWER, "What questions do you have for me?", "questions"),
    (LETTER, "Cover letter", "letter"),
    (LETTER, "Motivation letter (optional)", "letter"),
    (ASKS, "Anything else?", "questions"),  # the text is a list of questions
]


@pytest.mark.parametrize(("text", "question", "kind"), KINDS)
def test_infer_kind(text, question, kind):
    assert infer_kind(text, question, question_bank()) == kind


def test_looks_like_questions_counts_two_thirds():
    assert looks_like_questions("What?\nWho?\nparking")
    assert not looks_like_questions("What?\nparking\nlunch")


@pytest.mark.parametrize(("words", "seconds", "fastest", "slowest"), [
    (0, 0, 0, 0),
    (140, 60, 56, 65),
    (300, 129, 120, 138),
    (1, 0, 0, 0),
])
def test_speaking_time(words, seconds, fastest, slowest):
    got = speaking_time(words)
    assert (got.seconds, got.fastest, got.slowest) == (seconds, fastest, slowest)
    assert got.verdict is None


@pytest.mark.parametrize(("words", "expected", "verdict"), [
    (60, (60, 120), "short"),  # 24-28 s against at least a minute
    (140, (60, 120), "within"),
    (130, (60, 120), "within"),  # 52-60 s: at the slow end it reaches a minute
    (320, (60, 120), "long"),  # 128-148 s: even fast it runs over two minutes
    (280, (60, 120), "within"),  # 112-129 s: fast enough fits
    (0, (60, 120), None),
])
def test_speaking_verdict(words, expected, verdict):
    assert speaking_time(words, expected).verdict == verdict


def test_speaking_time_rejects_negative_counts():
    with pytest.raises(ValueError):
        speaking_time(-1)
