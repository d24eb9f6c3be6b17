"""The history checks on tables of cases written for the project.

The history: the six letters of tests/fixtures/history-examples.json (Acme,
Globex Corporation, Initech, Hooli, Umbrella Health, Vandelay Industries, all in
2019), a second application to Acme, and a stock closing paragraph sent to
five more employers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.make_history_examples import LEDGER, VOLUNTEER  # the stored letters' paragraphs

from standout import Linter
from standout.config import UserConfig
from standout.history.store import HistoryStore
from standout.history.transfer import parse_document

FIXTURE = Path(__file__).parent / "fixtures" / "history-examples.json"
FOR_STARK = {"company": "Stark Industries", "role": "Data Analyst"}
CLOSING = ("I would welcome the chance to discuss how my experience fits the role. Thank you "
           "for your time and consideration.")


@pytest.fixture(scope="module")
def history_linter(tmp_path_factory) -> Linter:
    data = tmp_path_factory.mktemp("history")
    store = HistoryStore(data)
    store.insert_all(parse_document(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    store.add("ACME Inc.", "Data Engineer", ["I am applying again, for the data engineer role."],
              sent_on="2019-09-14")
    for company in ("Wonka", "Oscorp", "Cyberdyne", "Tyrell", "Soylent"):
        store.add(company, "", [f"Dear {company} team,\n\n{CLOSING}\n\nBest regards,\nSam"],
                  sent_on="2019-10-01")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STANDOUT_DATA_DIR", str(data))
        return Linter(config=UserConfig())


def history_findings(linter: Linter, text: str, context, rule: str, resolve: bool = True):
    report = linter.check(text, context, resolve_overlaps=resolve)
    return [f for f in report.findings if f.rule == rule]


# --- history.previous-employer -----------------------------------------------------

PREVIOUS_FLAG = [
    ("I am excited to apply for the analyst position at Globex.", "Globex"),
    ("I would love to join Globex Corporation and its data team.", "Globex Corporation"),
    ("Globex's mission to make energy cheap is why I am applying.", "Globex"),
    ("I admire the Hooli team and the tools it publishes.", "Hooli"),
    ("I have followed the Hooli data team for two years.", "Hooli"),
    ("Dear Initech hiring team,", "Initech"),
    ("Dear Initech,\n\nI am applying for the analyst role.", "Initech"),
    ("I want to contribute to Umbrella Health as an analyst.", "Umbrella Health"),
    ("I would love to work at HOOLI.", "HOOLI"),
    ("🚀 Ready to ship: I would love to join Vandelay and its 🧪 lab.", "Vandelay"),
    ("Dear team,\r\n\r\nI am thrilled about Initech and its plans.", "Initech"),
]


@pytest.mark.parametrize(("text", "name"), PREVIOUS_FLAG)
def test_a_name_applied_to_before_in_a_target_slot_is_an_error(history_linter, text, name):
    (found,) = history_findings(history_linter, text, FOR_STARK, "history.previous-employer")
    assert found.severity == "error"
    assert text[found.start : found.end] == name == found.text
    assert f"This names {name} as the employer, but this text is for Stark Industries." in (
        found.message)
    assert "You applied to " in found.message and " 2019: " in found.message


PREVIOUS_PASS = [
    ("At Globex I built the reporting pipeline that finance still uses.", FOR_STARK),
    ("In my previous role at Initech I answered two hundred tickets a week.", FOR_STARK),
    ("I was on the Hooli team that moved billing to a new ledger.", FOR_STARK),
    ("My former colleagues on the Hooli team still use my dashboards.", FOR_STARK),
    ("While at Umbrella Health, I joined the Hooli team for a project.", FOR_STARK),
    ("I would love to join Wayne Enterprises and its data team.", {"company": "Stark"}),
    ("I worked with Hoolihan Partners on their audit.", FOR_STARK),
    ("I would love to join Hoolihan Partners.", FOR_STARK),
    ("I am excited to apply for the analyst position at Globex.", {"company": "Globex"}),
    ("I am excited to apply for the analyst position at Globex.", {"company": "Globex Corp"}),
    ("I would love to join Acme and its data team.", {"company": "ACME Inc."}),
    ("I am excited to apply for the analyst position at Globex.", None),
    ("Dear Hiring Manager,", FOR_STARK),
    ("Our clients included Globex and Initech.", FOR_STARK),
]


@pytest.mark.parametrize(("text", "context"), PREVIOUS_PASS)
def test_past_jobs_other_names_and_the_target_itself_pass(history_linter, text, context):
    assert history_findings(history_linter, text, context, "history.previous-employer") == []


def test_it_replaces_employer_other_where_both_see_the_same_name(history_linter):
    text = "I am excited to apply for the analyst position at Globex."
    rules = [f.rule for f in history_linter.check(text, FOR_STARK).findings]
    assert "history.previous-employer" in rules and "employer.other" not in rules
    # a name the user never applied to is still employer.other's
    other = "I am excited to apply for the analyst position at Wayne Enterprises."
    rules = [f.rule for f in history_linter.check(other, FOR_STARK).findings]
    assert "employer.other" in rules and "history.previous-employer" not in rules


# --- history.reused-paragraph ------------------------------------------------------

LEDGER_EMPLOYERS = ("3 other employers: Hooli on 1 June 2019, Globex Corporation on 3 May 2019"
                    " and Acme on 2 April 2019")

REUSED_FLAG = [
    (LEDGER, FOR_STARK, "info", LEDGER_EMPLOYERS),
    (LEDGER.replace("current role", "present job").replace("rebuilt", "redesigned")
     .replace("two days", "three days"), FOR_STARK, "info", LEDGER_EMPLOYERS),
    (LEDGER + " I also taught the managers to filter it by region.", FOR_STARK, "info",
     LEDGER_EMPLOYERS),
    (LEDGER.split(". ")[0] + ".", FOR_STARK, "info", LEDGER_EMPLOYERS),
    (LEDGER.replace(". ", ".\r\n"), FOR_STARK, "info", LEDGER_EMPLOYERS),
    (VOLUNTEER, FOR_STARK, "warning", "5 other employers, most recently Vandelay Industries on"
     " 20 June 2019, Umbrella Health on 12 June 2019 and Hooli on 1 June 2019"),
    (VOLUNTEER, {"company": "Hooli"}, "info", "4 other employers, most recently Vandelay"),
    (LEDGER, {"company": "Acme Corporation"}, "info",
     "2 other employers: Hooli on 1 June 2019 and Globex Corporation on 3 May 2019"),
    (LEDGER, None, "info", LEDGER_EMPLOYERS),
]


@pytest.mark.parametrize(("text", "context", "severity", "employers"), REUSED_FLAG)
def test_a_paragraph_sent_to_other_employers_is_reported(history_linter, text, context,
                                                         severity, employers):
    letter = "Dear team,\n\n" + text + "\n\nBest regards,\nSam"
    (found,) = history_findings(history_linter, letter, context, "history.reused-paragraph")
    assert found.severity == severity
    assert found.text == text.strip()
    assert found.message.startswith(f"You sent this paragraph to {employers}")


REUSED_PASS = [
    "Dear Stark Industries team,",
    "Thank you for your time and consideration.\n\nBest regards,\nSam Rivera",
    CLOSING,  # sent to five employers, but a stock closing: it weighs too little
    "At the food bank I also run the Saturday shift, which is where I learned to plan a rota "
    "around people rather than around the spreadsheet.",
    "Each week I send the trustees a short report on donations, and twice a year I go through "
    "the accounts with an outside auditor who checks every entry.",
    LEDGER.split(". ")[0].split(" into ")[0] + ", and then I left for a new job.",
]


@pytest.mark.parametrize("text", REUSED_PASS)
def test_greetings_sign_offs_and_new_paragraphs_pass(history_linter, text):
    assert history_findings(history_linter, text, FOR_STARK, "history.reused-paragraph") == []


def test_a_paragraph_sent_only_to_this_employer_is_not_reuse(history_linter):
    text = "I am applying again, for the data engineer role. " * 3
    assert history_findings(history_linter, text, {"company": "Acme"},
                            "history.reused-paragraph") == []


# --- history.applied-before --------------------------------------------------------

APPLIED_FLAG = [
    ("I am applying for the data analyst role at Acme.", {"company": "Acme Inc.",
     "role": "Data Analyst"}, "Acme",
     "You applied to ACME Inc. twice: for Data Engineer on 14 September 2019 and for Data"
     " Analyst on 2 April 2019."),
    ("I would like to apply again.", {"company": "Globex"}, "I would like to apply again.",
     "You applied to Globex Corporation for Data Analyst on 3 May 2019."),
    ("Dear Hooli team,\n\nI am applying.", {"company": "hooli"}, "Hooli",
     "You applied to Hooli for Data Analyst on 1 June 2019."),
]


@pytest.mark.parametrize(("text", "context", "anchor", "message"), APPLIED_FLAG)
def test_an_employer_applied_to_before_is_noted(history_linter, text, context, anchor,
                                                message):
    (found,) = history_findings(history_linter, text, context, "history.applied-before")
    assert found.severity == "info"
    assert found.text == anchor
    assert found.message == message


@pytest.mark.parametrize("context", [FOR_STARK, {"company": "Acmeville"}, None, {"role": "X"}])
def test_an_employer_never_applied_to_is_not(history_linter, context):
    assert history_findings(history_linter, "I am applying for the role at Acme.", context,
                            "history.applied-before") == []


def test_no_finding_quotes_a_stored_text(history_linter):
    text = "\n\n".join(["Dear Hooli team,", LEDGER, VOLUNTEER, CLOSING])
    for finding in history_linter.check(text, FOR_STARK).findings:
        if finding.rule.startswith("history."):
            assert "spreadsheet" not in finding.message + finding.advice
            assert "food bank" not in finding.message + finding.advice
