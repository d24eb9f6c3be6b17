"""Employers are named by their distinctive core, and employer.missing applies to letters."""

from __future__ import annotations

import pytest

from standout.employer_names import company_forms, names_company_in, same_company

LETTER = (
    "Dear Ms Cole, I would like to apply for the night editor role. For four years I have "
    "closed the front page of {name} five nights a week, and in 2023 I rebuilt our late-news "
    "checklist so that the last edition now leaves twenty minutes earlier than it did."
)


@pytest.mark.parametrize(("company", "written"), [
    ("Tidewater Analytics", "Tidewater's"),
    ("Tidewater Analytics", "TIDEWATER"),
    ("Portland Herald", "the Herald"),
    ("The Home Depot", "Home Depot"),
    ("Fieldnote Coffee Roasters", "Fieldnote"),
    ("Tarn Valley Drinks Ltd", "Tarn Valley"),
    ("Royal Bank of Canada", "RBC"),
    ("Westcombe Gazette (the Gazette; WG)", "WG"),
    ("Acme Inc.", "acme"),
    ("Kestrel Citizens Advice", "Kestrel"),  # a rare word of the name stands for it
    ("Bank of Wrexley", "Wrexley's"),
    ("The Northern Ledger", "the Ledger's"),  # "the" and the name's last word
])
def test_the_company_is_named_by_its_core(company, written):
    assert names_company_in(f"I read {written} every morning.", company)


@pytest.mark.parametrize(("company", "written"), [
    ("Portland Herald", "the herald"),      # a common noun, not the name
    ("Lattice Health", "a lattice"),
    ("Royal Bank of Canada", "the Royal Mail van"),
    ("Royal Bank of Canada", "Canada"),    # common words alone are not the name
    ("Tarn Valley Drinks", "the Valley"),
    ("Kestrel Citizens Advice", "a kestrel"),
    ("The Northern Ledger", "the ledger"),
])
def test_common_words_are_not_the_name(company, written):
    assert not names_company_in(f"I saw {written} today.", company)


def test_forms_of_a_name():
    forms = [form for form, _ in company_forms("Fieldnote Coffee Roasters")]
    assert forms[0] == "Fieldnote Coffee Roasters" and "Fieldnote" in forms


@pytest.mark.parametrize(("mention", "company", "same"), [
    ("Home Depot", "The Home Depot", True),
    ("Herald", "Portland Herald", True),
    ("Tidewater", "Tidewater Analytics", True),
    ("Globex Corporation", "Acme", False),
    ("Globex", "Acme Inc.", False),
    ("Rowan House", "The Rowan Trust", True),     # a home the trust runs
    ("Tesco Bank", "Tesco Stores Ltd", True),
    ("Northern Bank", "Northern Trust", False),   # a common word leads both
    ("Globex Labs", "Acme Labs", False),
    ("M&D", "Marrick & Dunne Solicitors LLP", True),  # the firm's own short form
    ("M&S", "Marrick & Dunne Solicitors LLP", False),
    ("BCG", "Brennock Construction Group Ltd", True),  # "Group" kept in its initials
    ("Ridley", "Ridley & Sons Joinery Ltd", True),
])
def test_same_company(mention, company, same):
    assert same_company(mention, company) is same


def rules(linter, text, context):
    return {f.rule for f in linter.check(text, context).findings}


def test_a_letter_naming_the_short_form_is_not_missing_the_employer(linter):
    text = LETTER.format(name="the Herald")
    assert "employer.missing" not in rules(linter, text, {"company": "Portland Herald"})
    assert "employer.missing" in rules(linter, LETTER.format(name="the paper"),
                                       {"company": "Portland Herald"})


def test_a_text_that_is_not_a_letter_need_not_name_the_employer(linter):
    report = (
        "When I export the rota to PDF with the week view on, the last column is cut off and "
        "the totals row disappears. It happens in Firefox 128 and in Edge, every time since "
        "the update on Tuesday, and the browser console shows a 500 from the export endpoint."
    )
    assert "employer.missing" not in rules(linter, report, {"company": "Rotaly"})


def test_a_reference_need_not_name_the_employer(linter):
    """A referee writes one letter for every employer the candidate applies to: not naming
    the one it is sent to is no leftover. Read as a reference after the salutation too."""
    body = ("I have supervised Ola Berg at the Fenwick Road pharmacy since March 2022. Ola "
            "checks about 300 prescriptions a day and set up our repeat-dispensing list, "
            "which cut the Monday queue from 40 minutes to 15. She also trained our two "
            "new counter assistants on the controlled-drugs register in her first year.")
    reference = f"To the hiring panel,\n\n{body}\n\nYours faithfully,\nRuth Ames"
    assert "employer.missing" not in rules(linter, reference, {"company": "Medway Pharmacy"})
    letter = reference.replace("I have supervised Ola Berg at", "I have worked at").replace(
        "Ola checks", "I check").replace("She also", "I also").replace("her first", "my first")
    assert "employer.missing" in rules(linter, letter, {"company": "Medway Pharmacy"})


def test_only_questions_about_the_employer_need_its_name(linter):
    answer = (
        "Our chat queue went from 400 contacts a day to 2,100 in the week of the postal strike, "
        "with eight of us on shift. I split the queue by topic, wrote three saved replies for "
        "tracking questions and moved two people to refunds, which cut the wait to an hour."
    )
    assert "employer.missing" not in rules(
        linter, answer, {"company": "Parcelly", "question": "Tell me about a challenge."})
    assert "employer.missing" in rules(
        linter, answer, {"company": "Parcelly", "question": "Why do you want to work here?"})


@pytest.mark.parametrize(("text", "company", "named"), [
    ("I know HB's Didcot site from a training day.", "Harlow Bioscience Ltd", True),
    ("I drew it in hb pencil.", "Harlow Bioscience Ltd", False),  # initials in capitals only
    ("I ran IT for a school.", "Inter Tech", False),  # two common letters are not its initials
    ("I have eaten at Marlowe's twice this year.", "Marlowe & Finch Restaurants Ltd", True),
    ("Marks were high this year.", "Marks & Spencer", False),  # a common first name is not it
    # initials of the words before "NHS Trust"
    ("KUH's critical care unit runs a programme.", "Kingsmere University Hospitals NHS Trust",
     True),
    ("kuh was all he said.", "Kingsmere University Hospitals NHS Trust", False),
    ("ABC's night shift runs seven nights.", "Aldgate Bread Company Ltd", True),  # Company
    ("Forge's Eastside gym opens at six.", "Forge Fitness Group", True),  # a sector word
])
def test_two_letter_initials_and_a_partners_name(text, company, named):
    assert names_company_in(text, company) is named


def test_a_short_form_is_not_another_employer(linter):
    text = "I would love to join the Home Depot garden centre team this summer."
    assert "employer.other" not in rules(linter, text, {"company": "The Home Depot"})


def test_the_writers_own_employer_is_not_a_leftover(linter):
    text = ("I have spent seven years with Halden Kerr Contractors as a planner. Only a "
            "quarter of Halden Kerr's work uses NEC contracts, and I want more of it.")
    assert "employer.other" not in rules(linter, text, {"company": "Brennock Construction"})
    leftover = "I admire Halden Kerr's work on schools and want to join the team."
    assert "employer.other" in rules(linter, leftover, {"company": "Brennock Construction"})


def test_a_past_employer_told_as_where_the_writer_worked_is_not_a_leftover(linter):
    context = {"company": "Brennock Construction"}
    worked = ("For six years I worked on rail jobs at Halden Kerr Rail. "
              "Most of Halden Kerr's work was signalling, which I want less of.")
    assert "employer.other" not in rules(linter, worked, context)
    opened = ("At Halden Kerr I planned the signalling jobs for six years. "
              "I admire Halden Kerr's work on stations.")
    assert "employer.other" not in rules(linter, opened, context)
    # wanting to work there is not having worked there
    wanted = "I would love to work at Halden Kerr, where I could plan signalling jobs."
    assert "employer.other" in rules(linter, wanted, context)
    interned = ("I learned Primavera during a summer internship at Halden Kerr Rail, "
                "planning two possessions on the Ashby line.")
    assert "employer.other" not in rules(linter, interned, context)
    weekend = ("I booked the wedding lorries for two years in a weekend job at Halden Kerr's "
               "yard in Ashby.")
    assert "employer.other" not in rules(linter, weekend, context)
    # the job at another employer that the letter still asks for is a leftover
    asked = "I am excited about the job at Halden Kerr and would love to plan its sites."
    assert "employer.other" in rules(linter, asked, context)


def test_a_quantifier_starting_the_sentence_is_not_part_of_the_name(linter):
    report = linter.check("Most of Globex's work is design. I admire Globex's mission.",
                          {"company": "Acme"})
    others = {f.message for f in report.findings if f.rule == "employer.other"}
    assert others and all("Most" not in message for message in others)


def test_a_text_naming_the_employers_own_things_knows_who_it_is_for(linter):
    answer = ("I'm applying because I have shopped at your Whitby branch every week since it "
              "opened, and the bread is always out by eight, which I would like to keep so on "
              "my shifts. I ran the till and the bake-off oven at a farm shop for two years.")
    context = {"company": "Harbour Loaf Bakeries Ltd",
               "question": "Why do you want to work for us?"}
    assert "employer.missing" not in rules(linter, answer, context)
    # "your" before a plain word is not a named thing of theirs
    plain = answer.replace("your Whitby branch", "your branch")
    assert "employer.missing" in rules(linter, plain, context)


def test_a_question_about_the_team_is_not_about_the_employer(linter):
    answer = (
        "I would bring four years of residential conveyancing at a two-partner firm in Truro, "
        "carrying about 45 live files at a time, and the habit of chasing searches on day one "
        "so that nothing waits on the council at exchange."
    )
    def asked(question):
        return rules(linter, answer, {"company": "Carrow Legal", "question": question})

    assert "employer.missing" not in asked("What would you bring to our team?")
    assert "employer.missing" in asked("Why do you want to join our firm?")


def test_a_site_the_text_calls_the_employers_is_not_another_employer(linter):
    text = ("I'm applying for the fitter vacancy at your Kelsall depot. I look forward to "
            "joining the Kelsall team and working on its electric vans.")
    context = {"company": "Brannock & Pyle Transport Ltd"}
    assert "employer.other" not in rules(linter, text, context)
    assert "employer.other" in rules(linter, text.replace("your Kelsall", "the Kelsall"),
                                     context)


def test_a_company_given_with_its_unit_after_a_comma_is_named_by_either(linter):
    context = {"company": "Borough of Kestle, Parks Service", "role": "Ranger"}
    letter = ("Dear hiring team,\n\nI am applying for the Ranger post with the Borough of "
              "Kestle's parks team. For six years I have run volunteer days on the Ashby "
              "commons, 40 a year, and I wrote the borough's first tree survey in 2022. "
              "I would like to bring that to your sites.\n\nKind regards,\nAmi Shah")
    assert "employer.missing" not in rules(linter, letter, context)
    assert "employer.missing" in rules(
        linter, letter.replace("the Borough of Kestle's parks team", "your parks team"),
        context)


def test_an_answer_asking_the_employer_its_own_questions_need_not_name_it(linter):
    answer = ("Yes, three. First, how do new engineers learn the billing code: is there a "
              "written tour, or do they pair with someone for the first month? Second, how "
              "often does the on-call rota come round, and who covers it at weekends? Third, "
              "is the team I would join split across the two offices?")
    context = {"company": "Quillmere Labs", "question": "Do you have any questions for us?"}
    assert "employer.missing" not in rules(linter, answer, context)
    asked = {**context, "question": "Why do you want to work for us?"}
    assert "employer.missing" in rules(linter, answer, asked)
