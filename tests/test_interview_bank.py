"""The question bank: its contents, its validation, and matching a context question to it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from standout.interview.bank import (
    FAMILIES,
    PARTS,
    BankError,
    expected_parts,
    load_bank_file,
    question_bank,
)
from standout.resources import models_dir


@pytest.fixture(scope="module")
def bank():
    return question_bank()


def test_bank_is_big_enough_and_covers_every_family(bank):
    assert len(bank) >= 40
    assert {q.family for q in bank} == set(FAMILIES)
    # the questions the issue names
    for qid in ["about-yourself", "why-company", "why-hire", "strength", "weakness", "conflict",
                "failure", "challenge", "leadership", "five-years", "salary", "questions-for-us"]:
        assert bank.get(qid) is not None, qid


def test_every_entry_is_complete(bank):
    for q in bank:
        low, high = q.seconds
        assert 5 <= low <= high <= 600, q.id
        assert q.text.endswith(("?", ".")), q.id
        assert len(q.listens_for.split()) >= 8, q.id
        assert set(q.parts) <= set(PARTS), q.id


def test_sample_links_name_bundled_sample_files(bank):
    files = {path.stem for path in (models_dir() / "samples").glob("*.yaml")}
    linked = [q for q in bank if q.sample]
    assert len(linked) >= 10
    for q in linked:
        assert q.sample in files, q.id


def test_bundled_sample_questions_match_their_bank_entry(bank):
    """Each linked sample file's own `question` finds the bank entry that links to it."""
    by_sample = {q.sample: q for q in bank if q.sample}
    for stem, question in by_sample.items():
        path = models_dir() / "samples" / f"{stem}.yaml"
        asked = yaml.safe_load(path.read_text(encoding="utf-8"))["question"]
        found = bank.match(asked)
        assert found is not None and found.id == question.id, stem


MATCHES = [
    ("Tell me about yourself.", "about-yourself"),
    ("tell me about yourself", "about-yourself"),
    ("Walk me through your CV", "about-yourself"),
    ("What’s your biggest weakness?", "weakness"),
    ("What are your strengths?", "strength"),
    ("Why do you want to work at Acme?", "why-company"),  # with company Acme
    ("Why do you want to work for Acme Inc.?", "why-company"),
    ("Tell me about a time you failed at work.", "failure"),
    ("Describe a conflict you had with a coworker", "conflict"),
    ("Where do you see yourself in 5 years?", "five-years"),
    ("Do you have any questions for us?", "questions-for-us"),
    ("Tell me about a time you dealt with a difficult customer", "difficult-customer"),
    ("How do you handle an angry customer?", "difficult-customer"),
    ("Tell me about a lesson that didn't go to plan", "lesson-went-wrong"),
]


@pytest.mark.parametrize(("asked", "qid"), MATCHES)
def test_match(bank, asked, qid):
    found = bank.match(asked, company="Acme")
    assert found is not None and found.id == qid


@pytest.mark.parametrize("asked", [
    "What is your favourite film?", "Cover letter", "Anything else?", "", None, "???",
    "Tell me about a time you helped a colleague move house",
])
def test_no_match(bank, asked):
    assert bank.match(asked, company="Acme") is None


def test_default_parts_are_the_whole_story(bank):
    assert bank.get("conflict").parts == PARTS
    assert bank.get("salary").parts == ()
    assert bank.get("questions-for-us").answer == "questions"


@pytest.mark.parametrize(("body", "problem"), [
    ("questions: []", "should be non-empty"),
    ("questions: [{id: a, text: Hello there., family: general, listens_for: x, seconds: [1, 2]}]",
     "too short"),
    ("questions:\n  - {id: a, text: Hello there., family: sales, listens_for: "
     "a note long enough to pass, seconds: [10, 20]}", "is not one of"),
    ("questions:\n  - {id: a, text: Hello there., family: general, listens_for: "
     "a note long enough to pass, seconds: [30, 20]}", "[shortest, longest]"),
    ("questions:\n" + "\n".join(
        "  - {id: a, text: Hello there., family: general, listens_for: "
        "a note long enough to pass, seconds: [10, 20]}" for _ in range(2)), "used twice"),
    ("questions: [", "expected"),
])
def test_bad_bank_files(tmp_path: Path, body, problem):
    path = tmp_path / "questions.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(BankError, match=r"questions\.yaml") as info:
        load_bank_file(path)
    assert problem in str(info.value)


@pytest.mark.parametrize(("asked", "parts"), [
    ("Tell me about a time you had to learn something quickly.", PARTS),
    ("Describe a situation where you disagreed with a policy.", PARTS),
    ("Give us an example of when you improved a process.", PARTS),
    ("Walk me through a project you are proud of.", PARTS),
    ("Anything else you would like us to know?", ()),
    ("Cover letter", ()),
    ("What is your notice period?", ()),
    (None, ()),
])
def test_expected_parts_of_questions_not_in_the_bank(bank, asked, parts):
    assert bank.match(asked) is None
    assert expected_parts(asked, None) == parts


def test_expected_parts_of_bank_questions(bank):
    assert expected_parts("What are your salary expectations?", bank.get("salary")) == ()
    assert expected_parts("x", bank.get("conflict")) == PARTS
