"""The engine's behaviour: matching variants, offsets, evidence, employer checks, filters, stats."""

from __future__ import annotations

import pytest

from standout import Context, Linter, Report
from standout.config import UserConfig


def rules_found(linter: Linter, text: str, context=None) -> set[str]:
    return {f.rule for f in linter.check(text, context).findings}


def assert_offsets_exact(text: str, report: Report) -> None:
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(
    "text",
    [
        "I am a team player.",
        "I am a very strong team player.",  # inserted words
        "I have always been a TEAM PLAYER.",  # case
        "I am a team-player.",  # hyphen where there is none
        "Colleagues call me a team player who listens.",
    ],
)
def test_team_player_variants(linter, text):
    assert "cliche.team-player" in rules_found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "I am detail-oriented.",
        "I am detail oriented.",
        "I am Detail-Oriented.",
        "I’m extremely detail‑oriented.",  # curly apostrophe, non-breaking hyphen
    ],
)
def test_detail_oriented_variants(linter, text):
    assert "cliche.detail-oriented" in rules_found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "I work well with others.",
        "I worked well with others.",
        "I have always worked very well with others.",
    ],
)
def test_inflections_match(linter, text):
    assert "cliche.team-player" in rules_found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "I’m writing to apply for the analyst role.",
        "I'm writing to apply for the analyst role.",
        "I am writing to apply for the analyst role.",
        "I was writing to apply for the analyst role.",
    ],
)
def test_apostrophes_and_contractions(linter, text):
    assert "opener.writing-to-apply" in rules_found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "I am writing a compiler in my spare time.",
        "The team player count dropped after the merger.",
        "We hit the ground at 6 a.m. and started digging.",
        "We queued outside the box office for an hour.",
    ],
)
def test_innocent_uses_do_not_flag(linter, text):
    report = linter.check(text)
    assert report.findings == (), [f.rule for f in report.findings]


def test_matches_do_not_cross_paragraphs(linter):
    assert "cliche.team-player" not in rules_found(linter, "We need a team\n\nPlayer two wins.")


def test_soft_line_break_inside_a_phrase_still_matches(linter):
    assert "cliche.team-player" in rules_found(linter, "I am a team\nplayer at heart.")


def test_offsets_with_emoji_and_astral_characters(linter):
    text = "🎉🎉 I am a team player 👩‍💻 and detail-oriented. 𝒜 I’m writing to apply."
    report = linter.check(text)
    assert {"cliche.team-player", "cliche.detail-oriented", "opener.writing-to-apply"} <= {
        f.rule for f in report.findings
    }
    assert_offsets_exact(text, report)
    team = next(f for f in report.findings if f.rule == "cliche.team-player")
    assert team.start == text.index("team player")


def test_offsets_with_crlf_line_ends(linter):
    text = "Dear Ms. Park,\r\n\r\nI am writing to apply for the role.\r\nI am a team player.\r\n"
    report = linter.check(text)
    assert_offsets_exact(text, report)
    starts = {f.rule: f.start for f in report.findings}
    assert starts["opener.writing-to-apply"] == text.index("I am writing")
    assert starts["cliche.team-player"] == text.index("team player")


def test_offsets_in_a_paragraph_longer_than_the_split_limit(linter):
    filler = "We reviewed the quarterly figures with the finance group on Tuesday. " * 400
    text = filler + "I am a team player."
    report = linter.check(text)
    assert_offsets_exact(text, report)
    assert "cliche.team-player" in {f.rule for f in report.findings}


def test_bare_claim_versus_backed_claim(linter):
    bare = linter.check("I am detail-oriented.").findings
    backed = linter.check(
        "I am detail-oriented: at Acme I caught a $40,000 invoice error in May."
    ).findings
    (bare_finding,) = [f for f in bare if f.rule == "cliche.detail-oriented"]
    (backed_finding,) = [f for f in backed if f.rule == "cliche.detail-oriented"]
    assert bare_finding.severity == "warning"
    assert backed_finding.severity == "info"
    assert backed_finding.message != bare_finding.message


def test_evidence_must_be_in_the_same_sentence(linter):
    text = "I am detail-oriented. At Acme I caught a $40,000 invoice error in May."
    (finding,) = [f for f in linter.check(text).findings if f.rule == "cliche.detail-oriented"]
    assert finding.severity == "warning"


def test_the_target_company_is_not_evidence(linter):
    text = "I am a team player who admires Acme."
    assert _severity(linter, text, None, "cliche.team-player") == "info"
    assert _severity(linter, text, {"company": "Acme"}, "cliche.team-player") == "warning"


def _severity(linter, text, context, rule):
    (finding,) = [f for f in linter.check(text, context).findings if f.rule == rule]
    return finding.severity


LETTER = (
    "I have spent four years building payment systems and would like to bring that work "
    "to your company. I led the migration of our ledger to Postgres in 2022, which cut "
    "nightly reconciliation from six hours to forty minutes, and I mentor two engineers."
)


def test_employer_missing_points_at_the_generic_stand_in(linter):
    report = linter.check(LETTER, {"company": "Acme"})
    (finding,) = [f for f in report.findings if f.rule == "employer.missing"]
    assert finding.text == "your company"
    assert "Acme" in finding.message


@pytest.mark.parametrize("company", ["Acme", "ACME Inc.", "acme", "Acme Corporation"])
def test_employer_named_in_any_form_is_not_missing(linter, company):
    text = LETTER.replace("your company", "Acme")
    assert "employer.missing" not in rules_found(linter, text, {"company": company})


def test_no_employer_checks_without_a_company(linter):
    assert not {"employer.missing", "employer.other"} & rules_found(linter, LETTER)


def test_employer_other_names_the_leftover_company(linter):
    text = "I am excited to apply for the analyst position at Globex Corporation."
    report = linter.check(text, {"company": "Acme"})
    (finding,) = [f for f in report.findings if f.rule == "employer.other"]
    assert finding.text == "Globex Corporation"
    assert finding.severity == "error"
    assert "Globex Corporation" in finding.message and "Acme" in finding.message


def test_past_employers_are_not_leftovers(linter):
    text = "At Globex I led four engineers. I worked for Initech in 2019."
    assert "employer.other" not in rules_found(linter, text, {"company": "Acme"})


def test_advice_is_filled_from_the_context(linter):
    text = "I am writing to apply for this role."
    with_context = linter.check(text, {"company": "Acme", "role": "Data Analyst"})
    without = linter.check(text)
    (a,) = with_context.findings
    (b,) = without.findings
    assert "$" not in a.advice and "$" not in b.advice
    assert a.advice != b.advice


def test_stats_count_specifics(linter):
    text = "In March 2023 I shipped Ledgerline at Acme, cutting costs by 40%."
    stats = linter.check(text).stats
    assert stats["words"] == 12
    assert stats["sentences"] == 1
    specifics = stats["specifics"]
    assert specifics["dates"] == 2  # March, 2023
    assert specifics["numbers"] == 1  # 40
    assert specifics["names"] == 2  # Ledgerline, Acme
    assert specifics["actions"] == 1  # I shipped
    assert specifics["total"] == 6


def test_score_rises_with_specifics_and_falls_with_boilerplate(linter):
    plain = "I worked on the billing system and helped the team with reports."
    specific = "In 2023 I rebuilt Acme's billing system in Go and cut failed payments by 30%."
    boilerplate = "I am a passionate team player and a hard worker who thinks outside the box."
    assert linter.check(specific).score > linter.check(plain).score
    assert linter.check(boilerplate).score < linter.check(plain).score
    assert linter.check("").score == 0
    assert linter.check("   \n\n  ").findings == ()


def test_filters_disable_rules_categories_and_low_severities(linter):
    text = "I am a team player. I am writing to apply."
    assert "cliche.team-player" not in {
        f.rule for f in linter.check(text, disabled_rules=["cliche.team-player"]).findings
    }
    assert not {f.category for f in linter.check(text, disabled_categories=["cliche"]).findings} & {
        "cliche"
    }
    backed = "I am detail-oriented: in 2023 I caught 40 billing errors."
    assert linter.check(backed, min_severity="warning").findings == ()
    with pytest.raises(ValueError):
        linter.check(text, min_severity="fatal")


def test_context_is_validated(linter):
    with pytest.raises(TypeError):
        linter.check("text", {"company": 3})
    with pytest.raises(TypeError):
        linter.check("text", {"employer": "Acme"})
    with pytest.raises(TypeError):
        linter.check(b"bytes")  # type: ignore[arg-type]
    assert linter.check("text", Context(company="Acme")).findings == ()


def test_paragraph_cache_reanalyses_only_the_edited_paragraph():
    linter = Linter(config=UserConfig())
    paragraphs = [f"Paragraph {i}: I am a team player who shipped {i} releases." for i in range(6)]
    text = "\n\n".join(paragraphs)
    first = linter.check(text)
    assert linter.cache_misses == 6
    paragraphs[3] = paragraphs[3].replace("shipped", "delivered")
    edited = "\n\n".join(paragraphs)
    second = linter.check(edited)
    assert linter.cache_misses == 7
    assert linter.cache_hits == 5
    uncached = Linter(config=UserConfig(), cache_size=0).check(edited)
    assert second == uncached
    assert len(first.findings) == len(second.findings)
