"""Every rule's own examples: the ones that must flag do, the ones that must pass do not.

The history rules' examples are written against a history of six applications
(tests/fixtures/history-examples.json), which this module's linter reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from standout import Linter
from standout.config import UserConfig
from standout.history.store import HistoryStore
from standout.history.transfer import parse_document
from standout.rulebook import load_rulebook

BOOK = load_rulebook()
RULES = sorted(BOOK.rules.values(), key=lambda rule: rule.id)


EXAMPLE_HISTORY = Path(__file__).parent / "fixtures" / "history-examples.json"


@pytest.fixture(scope="module")
def raw_linter(tmp_path_factory) -> Linter:
    data = tmp_path_factory.mktemp("history-examples")
    document = json.loads(EXAMPLE_HISTORY.read_text(encoding="utf-8"))
    HistoryStore(data).insert_all(parse_document(document))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STANDOUT_DATA_DIR", str(data))
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


@pytest.mark.parametrize("rule", [r for r in RULES if r.literal_words], ids=lambda rule: rule.id)
def test_literal_words_are_not_the_rules_own_words(rule):
    """A word of the rule's own phrases as a literal word would make every match info."""
    own = {w.lower() for pattern in rule.patterns if isinstance(pattern, str)
           for w in re.findall(r"[A-Za-z]+", pattern)}
    assert not own & rule.literal_words, own & rule.literal_words
