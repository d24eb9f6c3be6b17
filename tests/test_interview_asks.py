"""Questions for the interviewer: the list split into questions, generic ones told from
specific ones, and "none" recognised; on lists written for these tests."""

from __future__ import annotations

import pytest

from standout.employer_names import company_pattern
from standout.interview.asks import AskReader, split_asks


@pytest.fixture(scope="module")
def reader(linter) -> AskReader:
    return AskReader(linter.nlp)


def read(linter, reader, text, company=None):
    spans = []
    if company:
        pattern = company_pattern(company)
        spans = [m.span() for m in pattern.finditer(text)] if pattern else []
    return reader.read(linter.analyse(text), spans)


# question, generic (company "Acme" in the context)
ONE_QUESTION = [
    ("What does a typical day look like?", True),
    ("What are the next steps in the process?", True),
    ("What do you like about working here?", True),
    ("What do you like most about working at Acme?", True),  # the name alone is not specific
    ("How would you describe the company culture?", True),
    ("What does success look like in the first 90 days?", True),  # a span of time
    ("Where do you see the company in five years?", True),
    ("What are the opportunities for training and progression?", True),
    ("Is there anything about my application that concerns you?", True),
    ("When can I expect to hear back?", True),
    ("How is the new Leeds depot changing your delivery rounds?", False),  # a name
    ("You mentioned a move to electronic care plans: how far along is it?", False),  # reference
    ("I read that Acme is opening three more branches. Which would this role support?", False),
    ("How do night staff hand over to the day team on the dementia unit?", False),  # own words
    ("What did the 2024 Ofsted visit change about how you plan lessons?", False),  # date, name
    ("How will the switch from paper timesheets affect the warehouse team?", False),
    ("The posting says the role covers two sites; how is the week split?", False),
    ("What's the biggest challenge facing the team right now?", True),
    ("How do you measure success for this role?", True),
]


@pytest.mark.parametrize(("question", "generic"), ONE_QUESTION)
def test_generic_or_specific(linter, reader, question, generic):
    got = read(linter, reader, question, company="Acme")
    assert [a.generic for a in got.asks] == [generic]
    assert not got.says_none


def test_company_name_counts_without_context(linter, reader):
    # Without the company in the context, "Acme" is just a name: it passes.
    got = read(linter, reader, "What do you like most about working at Acme?")
    assert [a.generic for a in got.asks] == [False]


LIST = (
    "Questions for Acme:\n"
    "- What does a typical day look like?\n"
    "* How is the new Leeds depot changing your delivery rounds?\n"
    "1. What are the next steps?   \n"
    "\n"
    "2) Who would I work with most? What do you like about working here?\r\n"
    "• Ask about parking 🚗\n"
)


def test_split_a_list(linter, reader):
    spans = split_asks(LIST)
    assert [LIST[a:b] for a, b in spans] == [
        "What does a typical day look like?",
        "How is the new Leeds depot changing your delivery rounds?",
        "What are the next steps?",
        "Who would I work with most?",
        "What do you like about working here?",
        "Ask about parking 🚗",
    ]


def test_list_offsets_and_flags(linter, reader):
    got = read(linter, reader, LIST, company="Acme")
    flagged = [LIST[a.start : a.end] for a in got.generic]
    assert flagged == [
        "What does a typical day look like?",
        "What are the next steps?",
        "Who would I work with most?",
        "What do you like about working here?",
    ]
    assert got.to_dict() == {"questions": 6, "generic": 4, "none": False}


NONE = [
    "None",
    "none.",
    "No",
    "No questions, thanks.",
    "No, I think you've covered everything, thank you.",
    "I don't have any questions at the moment.",
    "Nothing from my side, it's all clear.",
    "N/A",
    "",
    "   \n\t",
]


@pytest.mark.parametrize("text", NONE)
def test_says_none(linter, reader, text):
    got = read(linter, reader, text)
    assert got.says_none and got.asks == ()


NOT_NONE = [
    "No questions about pay, but how does the rota work on the new ward?",
    "Is there no parking at all?",
    "Not sure yet: maybe something about the Leeds depot",
    "Thank you, I would like to know how you train new drivers",
]


@pytest.mark.parametrize("text", NOT_NONE)
def test_not_none(linter, reader, text):
    got = read(linter, reader, text)
    assert not got.says_none and got.asks
