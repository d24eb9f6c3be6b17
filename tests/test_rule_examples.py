"""Every rule's own examples: the ones that must flag do, the ones that must pass do not."""

from __future__ import annotations

import pytest

from standout import Linter
from standout.config import UserConfig
from standout.rulebook import load_rulebook

BOOK = load_rulebook()
RULES = sorted(BOOK.rules.values(), key=lambda rule: rule.id)


@pytest.fixture(scope="module")
def raw_linter() -> Linter:
    return Linter(config=UserConfig(), cache_size=0)


def _matches(linter: Linter, rule_id: str, example):
    report = linter.check(example.text, example.context or None, resolve_overlaps=False)
    return [f for f in report.findings if f.rule == rule_id]


def test_every_rule_has_examples_both_ways():
    for rule in RULES:
        assert rule.flag_examples, f"{rule.id} has no examples that must flag"
        assert rule.pass_examples, f"{rule.id} has no examples that must pass"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_flag_examples_flag(raw_linter, rule):
    for example in rule.flag_examples:
        found = _matches(raw_linter, rule.id, example)
        assert found, f"{rule.id} should flag: {example.text!r}"
        if rule.claim:
            expected = "info" if example.backed else rule.severity
            assert {f.severity for f in found} == {expected}, (
                f"{rule.id} on {example.text!r}: expected {expected} "
                f"({'backed' if example.backed else 'bare'} claim)"
            )


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_pass_examples_pass(raw_linter, rule):
    for example in rule.pass_examples:
        found = _matches(raw_linter, rule.id, example)
        assert not found, f"{rule.id} should not flag {example.text!r}, found {found[0].text!r}"
