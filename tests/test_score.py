"""The stand-out score moves when the user fixes what a finding points at
(docs/score.md, "Surprises the score avoids")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standout.score import stand_out_score

GLOBEX = "I am excited to apply to Globex."


def test_naming_another_employer_moves_the_score(linter):
    """Issue 10: the error appears when the company is entered, and fixing the one
    word takes it away; the score follows both times."""
    before = linter.check(GLOBEX)
    wrong = linter.check(GLOBEX, {"company": "Acme"})
    fixed = linter.check(GLOBEX.replace("Globex", "Acme"), {"company": "Acme"})
    assert [f.rule for f in wrong.findings].count("employer.other") == 1
    assert wrong.score < before.score
    assert fixed.score > wrong.score
    # Neither name is one of the text's specifics: the leftover is a mistake, and the
    # right one only repeats the context (docs/score.md); the error alone moves the score.
    assert wrong.stats["specifics"]["names"] == 0
    assert fixed.stats["specifics"]["names"] == 0


def test_each_cliche_fixed_in_a_short_answer_raises_the_score(linter):
    texts = [
        "I am a team player and a hard worker who thinks outside the box.",
        "I am a team player and a hard worker who likes puzzles.",
        "I am a team player who likes puzzles.",
        "I like puzzles.",
    ]
    reports = [linter.check(t) for t in texts]
    warnings = [r.stats["findings"]["warning"] for r in reports]
    assert warnings == [3, 2, 1, 0]
    scores = [r.score for r in reports]
    assert scores == sorted(scores) and len(set(scores)) == len(scores), scores


def test_capital_letters_do_not_make_a_cliche_specific(linter):
    lower = linter.check("I am a team player.")
    upper = linter.check("I am a Team Player.")
    assert [f.rule for f in upper.findings] == ["cliche.team-player"]
    assert upper.stats["specifics"]["total"] == 0
    assert upper.score == lower.score


def test_a_specific_outside_the_finding_still_counts(linter):
    report = linter.check("At Initech I am a team player.")
    assert report.stats["specifics"]["names"] == 1
    assert report.score > linter.check("I am a team player.").score


def test_one_more_specific_raises_a_one_sentence_answer():
    """A short answer is scored as 50 words: one name is not full marks."""
    assert stand_out_score(8, 2, []) > stand_out_score(8, 1, []) > stand_out_score(8, 0, [])


@given(
    words=st.integers(1, 400),
    specifics=st.integers(0, 30),
    warnings=st.integers(0, 3),
    infos=st.integers(0, 4),
)
def test_an_error_always_lowers_the_score(words, specifics, warnings, infos):
    severities = ["warning"] * warnings + ["info"] * infos
    assert stand_out_score(words, specifics, [*severities, "error"]) < stand_out_score(
        words, specifics, severities
    )


@given(
    words=st.integers(1, 5000),
    specifics=st.integers(0, 400),
    severities=st.lists(st.sampled_from(["error", "warning", "info"]), max_size=60),
    extra=st.sampled_from(["error", "warning", "info"]),
)
def test_findings_never_raise_and_specifics_never_lower_the_score(
    words, specifics, severities, extra
):
    score = stand_out_score(words, specifics, severities)
    assert 0 <= score <= 100
    assert stand_out_score(words, specifics, [*severities, extra]) <= score
    assert stand_out_score(words, specifics + 1, severities) >= score


def test_a_list_of_names_is_one_specific(linter):
    """ "Python, Java, React and Git" names what the writer says they know: one claim,
    not four pieces of evidence (named_things.continuations)."""
    listed = linter.check("I know Python, Java, React and Git.")
    separate = linter.check("I used Python at Initech. Later I used Java with Globex.")
    assert listed.stats["specifics"]["names"] == 1
    assert separate.stats["specifics"]["names"] == 4


@pytest.mark.parametrize(("text", "counted"), [
    ("I hold an ILM Level 2 Award in Team Leading.", 1),  # one qualification
    ("I passed my NVQ Level 6 in Construction Site Management.", 1),
    ("I support Windows 11 laptops.", 1),
    ("I worked at Tesco in Leeds.", 2),  # an employer and a town: two things
    ("I have a Makita SDS drill and a CSCS card.", 2),
])
def test_one_named_thing_is_one_specific(linter, text, counted):
    """A name the specifics component reads in parts ("ILM", "2", "Award", "Leading")
    counts once (named_things.continuations)."""
    assert linter.check(text).stats["specifics"]["total"] == counted


def test_boilerplate_around_specifics_lowers_what_they_count_for():
    """Trust: specificity counts in full with no findings and for less with many
    (docs/score.md), so a short stock paragraph with a degree and a tool list in it
    does not score as a specific one."""
    from standout.score import score_parts

    clean, _ = score_parts(60, 6, [])
    some, _ = score_parts(60, 6, ["warning"])
    many, _ = score_parts(60, 6, ["warning"] * 4)
    assert clean == 60.0
    assert clean > some > many >= 30.0
    assert stand_out_score(60, 6, ["warning"] * 4) <= 50


@pytest.mark.parametrize(("text", "counted"), [
    ("I am available from June 2026 and have a full driving licence.", 0),
    ("I can start in September after a four-week notice period.", 0),
    ("I have my own car and live ten minutes from the Leeds branch.", 0),
    # the same kind of specifics, telling what the writer did
    ("In June 2026 I drove the Leeds route four times a week.", 5),
    ("I started the September intake with four new trainees.", 3),
    # the standard credential for the post: every applicant states one
    ("I graduated from Keele University in 2019 with a 2:1 in History.", 0),
    ("I completed my PGCE at Bath Spa in 2022.", 0),
    # the standard credential, however it is named
    ("I have a Level 3 Diploma in Early Years Education.", 0),
    ("Daniel holds an MLT certification from the ASCP, obtained in 2020.", 0),
    ("I qualified as a paramedic at Teesside University in 2020.", 0),
    ("I earned my associate degree from Pima Community College in 2017.", 0),
    ("I have a BSc in Chemistry from Aston, which I finished in 2019.", 0),
    ("I left Hollins High School in June with eight GCSEs.", 0),
    ("In 2022 I did a ten-week data bootcamp with Makers.", 0),
])
def test_arrangements_are_not_specifics(linter, text, counted):
    """When the writer can start, their licence and their car are facts every applicant
    states: the score does not count them (arrangements.py)."""
    assert linter.check(text).stats["specifics"]["total"] == counted


@pytest.mark.parametrize(("text", "counted"), [
    ("I have served as Director of Regional Operations at Harlow Foods since 2016.", 1),
    ("For the past three years I have been the night manager at the Crown Hotel in Leeds.", 1),
    ("I served in the Royal Navy for nine years.", 1),
    ("Before my break I spent six years at a bank in Hull.", 1),
    ("Priya joined us as a customer adviser in May 2020.", 1),  # a referee's
    ("Tomasz worked in our Leeds despatch office at Harlow Foods from 2019 to 2023.", 1),
    ("Nadia Brook reported to me at the Quayside Hotel in Hull for three years.", 1),
    ("Femi has volunteered with us at the Leeds food bank since October 2021.", 1),
    ("For the past two years I have volunteered at the Oxfam shop in Hull on Fridays.", 1),
    # a span of years in what the writer did is not a tenure
    ("From 2019 to 2023 I cut Harlow Foods' despatch errors in Leeds by 40%.", 6),
    ("I worked with Dr Lee on 40 audits in 2022.", 3),
    # what the writer did in the job is not how long they held it
    ("Since 2016 I have run the Harlow Foods depot in Leeds with 40 drivers.", 4),
    ("In 2016 I became Director of Regional Operations at Harlow Foods.", 3),
])
def test_how_long_the_writer_has_held_a_job_is_one_fact(linter, text, counted):
    """The job and how long (tenure.py): one specific, however many names and dates spell
    it; every applicant states it."""
    assert linter.check(text).stats["specifics"]["total"] == counted


def test_every_arrangement_cue_holds_a_trigger_word(linter):
    """The arrangement cues are looked for only in paragraphs holding a trigger word
    (arrangements.TRIGGERS): a cue without one would never be found."""
    from standout.arrangements import TRIGGERS
    from standout.resources import wordlist

    for phrase in wordlist("arrangement-words"):
        forms = {form for form, _, _ in
                 linter.analyse(f"I mention {phrase} here.").paragraphs[0].local.canonical_words}
        assert not TRIGGERS.isdisjoint(forms), phrase


def test_sentences_with_nothing_checkable_count_for_less_originality():
    """Coverage (docs/score.md): full originality needs a specific in two sentences of
    three; with none it keeps half."""
    from standout.score import score_parts

    def originality(sentences: int, specific_sentences: int) -> float:
        return score_parts(50, 0, [], sentences, specific_sentences)[1]

    assert originality(3, 2) == originality(3, 3) == originality(0, 0) == 40.0
    assert 40.0 > originality(3, 1) > originality(3, 0) == 20.0


def test_one_fact_among_stock_sentences_is_not_a_specific_text(linter):
    """A short paragraph whose one fact sits among sentences nothing in could be checked:
    the rules may miss the stock sentences, the score does not reward them."""
    text = ("I have spent the last four years as a payroll clerk at a county council. "
            "Every day in that post has stretched me in new ways. "
            "It has shown me that numbers are where my heart lies.")
    report = linter.check(text)
    assert report.stats["sentences"] == 3
    assert report.stats["specific_sentences"] == 1
    assert report.stats["score_parts"]["coverage"] < 1
    assert report.score <= 50
    backed = text.replace("Every day in that post has stretched me in new ways.",
                          "In 2023 I ran 14 monthly payrolls for 2,300 staff.")
    assert linter.check(backed).score > report.score


def test_the_grouped_cue_regex_answers_as_the_plain_alternation():
    """arrangements._cue_regex groups the cue phrases by their first letter: it finds a
    cue wherever the plain alternation of the phrases does."""
    import random
    import re

    from standout.arrangements import _cue_regex
    from standout.resources import wordlist

    phrases = wordlist("arrangement-words")
    grouped = _cue_regex(phrases)
    plain = re.compile(r"\b(?:" + "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted(phrases, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    words = [w for p in phrases for w in p.split()] + ["I", "my", "the", ",", ".", "x"]
    rng = random.Random(7)
    texts = [p for p in phrases] + [p.upper() for p in phrases] + [p[:-1] for p in phrases]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
              for _ in range(3000)]
    for text in texts:
        assert bool(grouped.search(text)) == bool(plain.search(text)), text
