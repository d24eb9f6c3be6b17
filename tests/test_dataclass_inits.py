"""Finding's and ParagraphAnalysis's own __init__ (report.py, analysis.py) make what the
frozen dataclasses' would."""

from __future__ import annotations

import dataclasses

import pytest

from standout.report import Finding

FIELDS = ("rule", "category", "severity", "start", "end", "text", "message", "advice", "title")


def _reference():
    @dataclasses.dataclass(frozen=True)
    class Reference:
        rule: str
        category: str
        severity: str
        start: int
        end: int
        text: str
        message: str
        advice: str
        title: str = ""

    return Reference


def test_finding_is_the_frozen_dataclass_it_was():
    reference = _reference()
    values = ("cliche.x", "cliche", "warning", 3, 9, "team p", "msg", "advice")
    for args in (values, (*values, "Title")):
        made, expected = Finding(*args), reference(*args)
        assert tuple(f.name for f in dataclasses.fields(Finding)) == FIELDS
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
        assert vars(made) == vars(expected) and list(vars(made)) == list(vars(expected))
        assert repr(made).partition("(")[2] == repr(expected).partition("(")[2]
        assert made == Finding(*args) and hash(made) == hash(Finding(*args))
        assert Finding(**dataclasses.asdict(made)) == made
        assert dataclasses.replace(made, severity="info").severity == "info"
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.rule = "other"  # type: ignore[misc]


def test_paragraph_analysis_is_the_frozen_dataclass_it_was():
    from typing import Any

    from standout.analysis import Match, ParagraphAnalysis, Specific

    @dataclasses.dataclass(frozen=True)
    class Reference:
        text: str
        matches: tuple
        words: int
        sentences: tuple
        specifics: tuple
        mentions: tuple
        generic_references: tuple
        canonical_words: tuple
        specific_counts: dict[str, int] = dataclasses.field(
            default_factory=dict, hash=False, compare=False)
        derived: dict[Any, Any] = dataclasses.field(
            default_factory=dict, hash=False, compare=False, repr=False)

    specific = Specific("NAME", 0, 4, "Acme")
    values = ("Acme is great.", (Match("r", 0, 4, (specific,)),), 3, ((0, 14),), (specific,),
              (), ((5, 7),), (("acme", 0, 4),))
    for extra in ((), ({"NAME": 1},), ({"NAME": 1}, {"k": 1})):
        made, expected = ParagraphAnalysis(*values, *extra), Reference(*values, *extra)
        assert vars(made) == vars(expected) and list(vars(made)) == list(vars(expected))
        assert repr(made).partition("(")[2] == repr(expected).partition("(")[2]
        assert made == ParagraphAnalysis(*values) and hash(made) == hash(ParagraphAnalysis(*values))
        assert [f.name for f in dataclasses.fields(made)] == [
            f.name for f in dataclasses.fields(expected)]
    one, two = ParagraphAnalysis(*values), ParagraphAnalysis(*values)
    assert one.derived is not two.derived and one.specific_counts is not two.specific_counts
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.words = 4  # type: ignore[misc]
