"""A CV profile pasted into a letter, in the third person, is the writer's own claims."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standout.writer_name import candidate_first_name, introduces_candidate, signed_first_name

LETTER = (
    "Dear Ms Patel,\n\n"
    "A hard-working and detail-oriented nurse, Priya always puts patients first. "
    "She is a team player.\n\n"
    "My manager Tom is a team player too.\n\n"
    "{closing}"
)


@pytest.mark.parametrize(("closing", "name"), [
    ("Kind regards,\nPriya Shah", "Priya"),
    ("Best wishes, Priya", "Priya"),
    ("Yours sincerely,\r\n\r\nPriya Shah", "Priya"),
    ("Kind regards,\nthe night team", None),  # not a name
    ("Priya Shah", None),  # no closing
])
def test_the_signed_first_name(closing, name):
    assert signed_first_name(LETTER.format(closing=closing)) == name


def rules_on(report, needle, text):
    at = text.index(needle)
    return {f.rule: f.severity for f in report.findings if f.start <= at < f.end or (
        at <= f.start < at + len(needle))}


def test_self_description_in_the_third_person_is_flagged_when_the_writer_signed(linter):
    text = LETTER.format(closing="Kind regards,\nPriya Shah")
    report = linter.check(text)
    assert rules_on(report, "detail-oriented", text) == {"cliche.detail-oriented": "warning"}
    # "She" right after the sentence that names her
    assert rules_on(report, "team player.", text) == {"cliche.team-player": "warning"}
    # someone else described: nothing
    tom = text.index("My manager Tom")
    assert not [f for f in report.findings if f.start >= tom and f.rule == "cliche.team-player"]


def test_someone_elses_profile_is_not_the_writers(linter):
    text = LETTER.format(closing="Kind regards,\nJo Bell")
    assert not [f for f in linter.check(text).findings if f.rule == "cliche.detail-oriented"]


AGENCY = (
    "Dear Mr Okafor,\n\n"
    "I am pleased to put forward Dana Whitlow for the post of site administrator.\n\n"
    "Dana is a natural team player. She keeps every site file up to date. "
    "She is also a quick learner.\n\n"
    "She is hard-working.\n\n"
    "Kind regards,\nMark Ellery\nConsultant"
)


@pytest.mark.parametrize(("text", "name"), [
    (AGENCY, "Dana"),  # introduced: the candidate, not the consultant who signed
    ("I am delighted to introduce Ms Lennox, who has run payroll for six years.", "Lennox"),
    ("Last year I helped to introduce Salesforce to the sales team.\n\nBest wishes, Ana", "Ana"),
    ("A caring and reliable support worker, Femi brings six years of care work.", "Femi"),
    ("A keen cyclist, I ride to work.", None),  # the profile names no one
    # a reference "for" someone, and "can recommend" without "to"
    ("I am glad to give this reference for Tariq Bell, who ran our stores.\n\nBest, Jo",
     "Tariq"),
    ("It is a testimonial in support of Mr Dunn.\n\nBest, Jo", "Dunn"),
    ("As his manager I can recommend Omar Haddad warmly.\n\nBest, Jo", "Omar"),
    ("It is with great pleasure that I recommend Lena Vogt for the post.\n\nBest, Jo",
     "Lena"),
    ("We recommend Ravi Nair without hesitation.\n\nBest, Jo", "Ravi"),
    # a referee's paragraph read alone: the candidate's time with the writer's firm
    ("Sophie joined our Kingsgate branch as a Sales Assistant in March 2020.", "Sophie"),
    ("Tomasz has been registered with Northway Recruitment since 2019.", "Tomasz"),
    ("Anwen worked under my supervision on the Ferndale ward from 2019 to 2022.", "Anwen"),
    ("I have known Ms Patel for six years as her line manager.", "Patel"),
    ("Sophie joined the choir in 2020.\n\nBest, Jo", "Jo"),  # not the writer's firm
])
def test_the_candidates_name(text, name):
    assert candidate_first_name(text) == name


def test_an_agencys_letter_describes_the_candidate_it_introduces(linter):
    report = linter.check(AGENCY)
    assert rules_on(report, "team player", AGENCY) == {"cliche.team-player": "warning"}
    # two sentences on from the one that names her, through "She keeps ..."
    assert rules_on(report, "quick learner", AGENCY) == {"cliche.fast-learner": "warning"}
    # a reference is about its candidate throughout: a new paragraph's "She" too
    assert rules_on(report, "hard-working", AGENCY) == {"cliche.hard-worker": "warning"}


def test_a_new_paragraphs_she_is_not_the_profiles_writer(linter):
    """Outside a reference, the chain stops at the paragraph: the "She" that opens the
    next one may be anyone (a manager, a client)."""
    text = "A caring support worker, Femi has six years in care.\n\nShe is hard-working."
    assert not rules_on(linter.check(text), "hard-working", text)


def test_a_reference_that_recommends_her_describes_its_candidate(linter):
    text = ("Dear Ms Hale,\n\nI can recommend her for the post of ward clerk.\n\n"
            "She is a true team player.\n\nYours sincerely,\nJo Pike")
    assert rules_on(linter.check(text), "team player", text) == {"cliche.team-player": "warning"}


def test_a_reference_without_a_name_still_describes_its_candidate(linter):
    text = ("Dear Sir or Madam,\n\nI am pleased to recommend [Candidate Name] for the post "
            "of stores assistant.\n\nThroughout her time with us she has been a true team "
            "player.\n\nYours faithfully,\nJo Pike")
    report = linter.check(text)
    assert rules_on(report, "team player", text) == {"cliche.team-player": "warning"}
    # and without a reference, a "she" is someone else
    plain = text.replace("I am pleased to recommend [Candidate Name]", "I am applying")
    assert not rules_on(linter.check(plain), "team player", plain)


@pytest.mark.parametrize("opening", [
    "I have supervised Kit Marsh at our Leeds depot since 2021.",
    "I have line managed Kit Marsh for three years.",
    "I have mentored Kit Marsh during her two years on the ward.",
])
def test_a_referee_opening_after_the_salutation_names_the_candidate(opening):
    text = f"To the hiring panel,\n\n{opening} She is careful and kind.\n\nBest wishes,\nJo Pike"
    assert candidate_first_name(text) == "Kit"
    assert introduces_candidate(text)
    # the writer's own work is no reference
    mine = text.replace("I have supervised Kit Marsh at", "I have worked at").replace(
        "I have line managed Kit Marsh for", "I have worked nights for").replace(
        "I have mentored Kit Marsh during her", "I have worked hard during my")
    assert not introduces_candidate(mine.replace("She is", "I am"))


def test_a_referees_paragraph_on_its_own_names_its_candidate_by_the_subject(linter):
    """No introduction, no signature: in a paragraph that speaks only of a "she", the name
    its sentences are about is the candidate's, and her self-description is flagged."""
    text = ("Over the summer Nadia has covered the front desk for our clinics. She keeps "
            "the diary tidy and she answers every call. Nadia is a true team player.")
    assert candidate_first_name(text) == "Nadia"
    assert rules_on(linter.check(text), "team player", text) == {"cliche.team-player": "warning"}
    mine = text.replace("She keeps", "I keep").replace("she answers", "I answer")
    assert candidate_first_name(mine) is None


def test_the_candidates_name_is_not_a_specific(linter):
    text = "A caring and reliable support worker, Femi Adeyemi has worked in care."
    report = linter.check(text)
    assert [s.text for s in report.specifics] == ["Femi Adeyemi"]
    assert report.to_dict()["stats"]["specifics"]["names"] == 0


def test_her_and_his_continue_the_chain_like_she_and_he(linter):
    text = ("I write to recommend Tomasz Wrona, who worked at our print works in Leith.\n\n"
            "Tomasz ran the night shift. His calm manner settled new starters. "
            "He is a true team player.\n\n"
            "Kind regards,\nAlison Reid")
    report = linter.check(text)
    # "His ..." keeps the sentences about Tomasz, so "He is a true team player" is his
    assert rules_on(report, "team player", text) == {"cliche.team-player": "warning"}


def test_a_referees_paragraph_read_alone_describes_the_candidate(linter):
    """The paragraph of a reference checked on its own, as the page and the blind
    evaluation's short-paragraph check do: "she" is the candidate."""
    tenure = ("Sophie joined our Kingsgate branch in March 2020. Throughout this time she has "
              "shown a strong work ethic.")
    assert rules_on(linter.check(tenure), "strong work ethic", tenure) == {
        "cliche.hard-worker": "warning"}
    unsaid = ("In 2021 Sophie also took over the staff rota. She takes everything in her "
              "stride, and she is always willing to learn.")
    assert rules_on(linter.check(unsaid), "takes everything", unsaid) == {
        "cliche.in-my-stride": "warning"}
    # the writer in the paragraph: the "she" is someone the writer speaks of
    told = ("In 2021 I handed the staff rota to Sophie. She takes everything in her stride, "
            "and she is always willing to learn.")
    assert not rules_on(linter.check(told), "takes everything", told)


FIRSTS = ["to", "can", "could", "would", "gladly", "happily", "highly", "strongly", "warmly",
          "reference", "referee", "testimonial", "I", "A", "An", "As an", "\n", "\nA"]
VERBS = ["introduce", "recommend", "present", "put forward", "submit", "endorse", "for",
         "on behalf of", "in support of", "has", "is", "brings"]
NAMES = ["Sarah Lennox", "Ms Sarah", "Dr. Ali", "[Candidate Name]", "her", "him", "Sophie",
         "experienced nurse,", "motivated events professional, Sophie", "x" * 30]


@given(st.lists(st.sampled_from(FIRSTS + VERBS + NAMES), max_size=14).map(" ".join),
       st.sampled_from(["", "Kind regards,\nSophie Turner", "x" * 600]))
@settings(max_examples=500)
def test_the_cheap_pre_tests_change_no_name(text, tail):
    """writer_name looks for INTRODUCED and PROFILE only where a word they need is in the
    text's first lines: the name found is the one the plain searches give."""
    from standout.writer_name import INTRODUCED, INTRODUCTION_CHARS, PROFILE

    for whole in (text, text + "\n\n" + tail, tail + text):
        introduced = INTRODUCED.search(whole, 0, INTRODUCTION_CHARS)
        if introduced and not introduced.group("pronoun"):
            expected = (introduced.group("first") or introduced.group("titled")
                        or introduced.group("placeholder"))
        else:
            profile = PROFILE.search(whole, 0, INTRODUCTION_CHARS)
            expected = signed_first_name(whole) or (profile.group("name") if profile else None)
        assert candidate_first_name(whole) == expected, whole
        assert introduces_candidate(whole) == (introduced is not None), whole


def test_a_text_about_one_named_person_throughout_is_about_its_candidate(linter):
    """No phrase introduces her, but most sentences open with her name or "She": an
    agency's letter whose claims about Aisha are the claims to flag."""
    text = ("Dear Mr Byrne,\n\nWe think Aisha Kamara suits your vacancy well.\n\n"
            "Aisha is a hard-working team player. She has six years in fleet planning. "
            "She is a strong communicator. Aisha always goes the extra mile.\n\n"
            "Kind regards,\nTom Reed")
    assert candidate_first_name(text) == "Aisha"
    assert introduces_candidate(text)
    found = {f.rule for f in linter.check(text).findings if f.severity == "warning"}
    assert {"cliche.team-player", "cliche.above-and-beyond"} <= found
    # a cover letter that speaks of a colleague now and then is the writer's own
    letter = ("Dear Mr Byrne,\n\nI plan fleets for Norbrook. I moved 40 vans to electric in "
              "2023. Aisha is my manager. She set the budget. Aisha signed it off. "
              "I ran the depot trials. I wrote the driver guide.\n\nKind regards,\nTom Reed")
    assert candidate_first_name(letter) == "Tom"
    assert not introduces_candidate(letter)


@pytest.mark.parametrize(("opening", "name"), [
    ("Nadia Brook reported to me at the Quayside Hotel for two years.", "Nadia"),
    ("I taught Kofi GCSE Chemistry at Elm Park School from 2021 to 2023.", "Kofi"),
    ("Reference for Ines Duarte – Kennel Assistant", "Ines"),  # a heading
    ("I am glad to give my warmest recommendation for Owen Price.", "Owen"),
])
def test_more_referee_openings_name_the_candidate(opening, name):
    assert candidate_first_name(f"To the panel,\n\n{opening}\n\nBest, Jo") == name
