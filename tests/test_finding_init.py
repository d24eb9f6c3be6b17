"""Finding's own __init__ (report.py) makes what the frozen dataclass's would."""

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
