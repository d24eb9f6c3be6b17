"""The posting reader: sections, asks, terms, ranking, role and company, coverage, echo.

The postings and letters in tests/postings/ are invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from standout.posting import PostingAnalyser
from standout.posting.compare import compare
from standout.posting.lexicon import lexicon
from standout.posting.ranking import TOP_ASKS

HERE = Path(__file__).parent / "postings"


def read(name: str) -> str:
    return (HERE / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def analyser(linter) -> PostingAnalyser:
    return PostingAnalyser(linter.analyse)


@pytest.fixture(scope="module")
def bulleted(analyser):
    return analyser(read("bulleted"))


def statuses(linter, posting, letter: str) -> dict[str, str]:
    report = compare(posting, linter.analyse(letter), lexicon()).report
    return {a.text: a.status for a in report.asks}


# --- reading the posting -------------------------------------------------------


def test_sections_follow_the_headings(bulleted):
    names = [s.name for s in bulleted.sections]
    assert names == ["header", "about", "responsibilities", "requirements", "nice_to_have",
                     "benefits", "equal_opportunity"]


def test_asks_are_the_items_of_the_ask_sections_only(bulleted):
    texts = [a.text for a in bulleted.asks]
    assert "Strong SQL, including window functions" in texts
    assert "Knowledge of warehouse management systems" in texts
    assert not any("holiday" in t or "equal opportunity" in t or "CrateTrack" in t for t in texts)
    assert {a.section for a in bulleted.asks} == {"responsibilities", "requirements",
                                                  "nice_to_have"}


def test_multi_word_terms_are_kept_whole(bulleted):
    terms = {t.text for a in bulleted.asks for t in a.terms}
    assert {"stakeholder management", "window functions", "SQL", "Python"} <= terms
    assert "stakeholder" not in terms and "management" not in terms


def test_the_frame_of_an_ask_is_not_a_term(bulleted):
    terms = {t.text.lower() for a in bulleted.asks for t in a.terms}
    assert not terms & {"experience", "strong", "knowledge", "years", "clear"}


def test_the_employers_own_names_are_not_skills(bulleted):
    """ "the weekly capacity forecast for the Holbeck hub": Holbeck is theirs, not a skill."""
    forecast = next(a for a in bulleted.asks if "capacity forecast" in a.text)
    assert "capacity forecast" in [t.text for t in forecast.terms]
    assert not any("Holbeck" in t.text for t in forecast.terms)


def test_requirements_outrank_nice_to_haves(bulleted):
    top = bulleted.top_asks
    assert len(top) <= TOP_ASKS
    ranks = {a.text: i for i, a in enumerate(top)}
    nice = [a for a in bulleted.asks if a.section == "nice_to_have"]
    assert all(a.text not in ranks for a in nice)  # eight asks outrank both
    sql = next(a for a in bulleted.asks if "SQL" in a.text)
    assert sql.text in ranks


def test_role_and_company_from_the_header(bulleted, analyser):
    assert bulleted.role == "Senior Operations Analyst"
    assert bulleted.company == "Pennywort Logistics Ltd"
    prose = analyser(read("prose"))
    assert (prose.role, prose.company) == ("Kitchen Manager", "The Copper Kettle Cafe")


def test_no_company_when_the_posting_does_not_state_one(analyser):
    posting = analyser("Requirements\n- Python\n- SQL and Tableau\n- A driving licence\n")
    assert posting.company is None and posting.role is None
    assert len(posting.asks) == 3


def test_prose_sentences_are_cut_into_one_ask_per_clause(analyser):
    posting = analyser(read("prose"))
    texts = [a.text for a in posting.asks]
    assert "plan the weekly menu with the owner" in texts
    assert "order stock from our local suppliers" in texts
    assert any(t.startswith("you must hold a Level 2 food hygiene") for t in texts)
    allergen = next(a for a in posting.asks if "allergen" in a.text)
    assert allergen.section == "nice_to_have"
    assert not any("salary" in t or "tips" in t for t in texts)


def test_the_about_part_gives_the_employers_own_things(bulleted):
    about = {t.text for t in bulleted.about_terms}
    assert {"CrateTrack", "Holbeck sorting hub"} <= about
    assert "Pennywort Logistics" not in about


def test_analysis_is_cached_by_content(linter):
    analyser = PostingAnalyser(linter.analyse)
    text = read("bulleted")
    first = analyser(text)
    assert analyser("".join(text)) is first  # equal text, another string object
    assert (analyser.hits, analyser.misses) == (1, 1)
    assert analyser(text + "\n- Experience with Kafka\n") is not first


# --- bad input -------------------------------------------------------------------


def test_empty_posting_has_no_asks(analyser):
    for text in ("", "   \n\n  "):
        posting = analyser(text)
        assert posting.asks == () and posting.top == ()
        assert posting.notes == ("no-asks",)


def test_a_posting_of_benefits_only_has_no_asks(analyser):
    posting = analyser("What we offer\n- 28 days' holiday\n- A pension\n- Free parking\n"
                       "- Private medical cover\n")
    assert posting.asks == ()
    assert "no-asks" in posting.notes


def test_a_posting_in_another_language_is_not_read(analyser, linter):
    german = ("Ihre Aufgaben\n- Sie planen die Wochenmenüs und bestellen Waren bei unseren "
              "Lieferanten\n- Sie führen die Hygieneprotokolle\nIhr Profil\n- Mindestens zwei "
              "Jahre Erfahrung in einer Küche\n- Ein Hygienezertifikat\n")
    posting = analyser(german)
    assert posting.notes == ("not-english",) and posting.asks == ()
    report = compare(posting, linter.analyse("Ich habe zwei Jahre gekocht."), lexicon()).report
    assert report.asks == () and report.match is None


def test_an_enormous_posting_is_read(analyser):
    text = read("bulleted") + "\nRequirements\n" + "\n".join(
        f"- Experience with tool number {i} and its reports" for i in range(3000))
    posting = analyser(text)
    assert len(posting.top) == TOP_ASKS
    assert len(posting.asks) > 3000


# --- comparing a text with it ----------------------------------------------------------


def test_statuses_of_a_tailored_letter(linter, bulleted):
    got = statuses(linter, bulleted, read("tailored"))
    assert got["Own the weekly capacity forecast for the Holbeck hub"] == "shown"
    assert got["Strong SQL, including window functions"] == "claimed"  # no evidence
    assert got["Lead stakeholder management with carriers and couriers"] == "claimed"
    assert got["Investigate late deliveries and write up the root causes"] == "absent"


def test_evidence_is_the_sentence_that_shows_it(linter, bulleted):
    letter = read("tailored")
    report = compare(bulleted, linter.analyse(letter), lexicon()).report
    python = next(a for a in report.asks if "Python" in a.text)
    start, end = python.evidence
    assert letter[start:end].startswith("In 2023 I rebuilt our weekly capacity forecast")
    assert {"2023", "18", "6"} <= set(python.proof)
    absent = [a for a in report.asks if a.status == "absent"]
    assert absent and all(a.evidence is None for a in absent)


def test_a_keyword_list_claims_and_never_shows(linter, bulleted):
    got = statuses(linter, bulleted, read("stuffed"))
    assert "shown" not in got.values()
    assert list(got.values()).count("claimed") >= 6


def test_stuffed_letter_never_matches_better_than_tailored(linter, bulleted):
    tailored = compare(bulleted, linter.analyse(read("tailored")), lexicon()).report
    stuffed = compare(bulleted, linter.analyse(read("stuffed")), lexicon()).report
    assert tailored.match > 0.3
    assert stuffed.match < tailored.match


def test_the_posting_own_names_and_numbers_are_no_evidence(linter, bulleted):
    letter = ("I have 3+ years in a supply chain analyst role. I know CrateTrack and Tableau "
              "dashboards well.")
    got = statuses(linter, bulleted, letter)
    assert got["3+ years in an operations or supply chain analyst role"] == "claimed"
    assert got["Build Tableau dashboards for the shop owners and the warehouse team"] == "claimed"


def test_applying_for_the_role_claims_nothing(linter, analyser):
    posting = analyser("Data Analyst\nAcme Ltd\n\nRequirements\n- 2+ years as a data analyst\n"
                       "- Strong SQL\n")
    got = statuses(linter, posting, "I am applying for the Data Analyst role at Acme.")
    assert got["2+ years as a data analyst"] == "absent"
    got = statuses(linter, posting, "As an experienced data analyst I enjoy hard problems.")
    assert got["2+ years as a data analyst"] == "claimed"


def test_close_variants_name_the_ask(linter, analyser):
    posting = analyser("Requirements\n- Negotiate contracts with suppliers\n"
                       "- Experience with relational databases\n")
    letter = ("Our supplier negotiations in 2022 saved 12% on freight. The database I designed "
              "for Corvo Ltd holds 4 million rows.")
    got = statuses(linter, posting, letter)
    assert set(got.values()) == {"shown"}


def test_evidence_offsets_are_exact_with_emoji(linter, bulleted):
    letter = ("🎉 Hello! 🚲 In 2023 I rebuilt our capacity forecast in Python 🐍, "
              "cutting error by 12%.")
    report = compare(bulleted, linter.analyse(letter), lexicon()).report
    shown = [a for a in report.asks if a.status == "shown"]
    assert shown
    start, end = shown[0].evidence
    sentence = "🚲 In 2023 I rebuilt our capacity forecast in Python 🐍, cutting error by 12%."
    assert (start, end) == (letter.index(sentence), letter.index(sentence) + len(sentence))


# --- echo ------------------------------------------------------------------------


def test_a_sentence_copying_the_posting_is_an_echo(linter, bulleted):
    letter = ("I would lead stakeholder management with carriers and couriers. "
              "I am strong in SQL, including window functions.")
    found = compare(bulleted, linter.analyse(letter), lexicon()).echoes
    copied = [letter[e.copied[0] : e.copied[1]] for e in found]
    assert copied == ["lead stakeholder management with carriers and couriers",
                      "SQL, including window functions"]
    assert found[1].ask == "Strong SQL, including window functions"  # most of that line


def test_shared_terms_are_not_echo(linter, bulleted):
    letter = ("I used SQL and Python at Brindle. Stakeholder management was half my job. "
              "I would love to hear from you.")
    assert compare(bulleted, linter.analyse(letter), lexicon()).echoes == ()


def test_echo_meets_other_forms_of_the_same_words(linter, bulleted):
    letter = "Last year I owned the weekly capacity forecasts for the Holbeck hubs."
    found = compare(bulleted, linter.analyse(letter), lexicon()).echoes
    assert len(found) == 1


# --- about them --------------------------------------------------------------------


def test_naming_the_employers_own_things_is_about_them(linter, bulleted):
    def about(letter):
        return compare(bulleted, linter.analyse(letter), lexicon()).about

    assert about(read("tailored")) is not None
    assert about(read("generic")) is None
    assert about("Pennywort Logistics is a great company and Pennywort Logistics grows.") is None


# --- role slots --------------------------------------------------------------------

def _slot_table():
    rows = []
    for line in (Path(__file__).parent / "role_slots.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            role, sentence, expected = line.split("\t")
            rows.append(pytest.param(role, sentence, expected, id=sentence[:48]))
    return rows


@pytest.mark.parametrize(("role", "sentence", "expected"), _slot_table())
def test_role_slot_table(role, sentence, expected):
    from standout.posting.role_slots import other_roles

    found = other_roles(sentence, role)
    assert ("flag" if found else "pass") == expected, [s.title for s in found]


def test_board_shapes_of_headings_and_lists(analyser):
    """Markdown and capitals for headings, numbered items, items without markers."""
    posting = analyser(
        "## RESPONSIBILITIES\n1. Reconcile the supplier ledgers every month\n"
        "2. Prepare VAT returns\n\n**Requirements:**\nACCA or CIMA qualified\n"
        "Advanced Excel and Power BI\n\nPERKS\n● Free lunch on Fridays\n"
    )
    got = {a.text: a.section for a in posting.asks}
    assert got == {
        "Reconcile the supplier ledgers every month": "responsibilities",
        "Prepare VAT returns": "responsibilities",
        "ACCA or CIMA qualified": "requirements",
        "Advanced Excel and Power BI": "requirements",
    }
