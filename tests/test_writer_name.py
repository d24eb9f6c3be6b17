"""A CV profile pasted into a letter, in the third person, is the writer's own claims."""

from __future__ import annotations

import pytest

from standout.writer_name import signed_first_name

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
