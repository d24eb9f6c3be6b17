"""The user's own samples: seen by the next check, forgotten when removed, picked up
from another process, and a corrupt store never stops checking."""

from __future__ import annotations

import logging

import pytest
from sample_texts import MY_SAMPLE, MY_SAMPLE_EDITED, RULE, STRENGTH_SYNONYMS

from standout import Context, Linter
from standout.checks.base import EngineParts, build_finding
from standout.checks.sample import SampleCheck
from standout.config import UserConfig
from standout.samples.matcher import SampleMatcher
from standout.samples.store import SampleStore


@pytest.fixture
def own(linter, tmp_path) -> tuple[SampleMatcher, SampleStore]:
    store = SampleStore(tmp_path)
    return SampleMatcher(linter.rulebook[RULE], linter.nlp, store=store), store


def findings_with(linter, matcher: SampleMatcher, text: str, context: Context):
    """The sample check's findings, as the linter builds them, with ``matcher``'s samples."""
    check = SampleCheck([linter.rulebook[RULE]], EngineParts(linter.nlp, linter.rulebook))
    check.matcher = matcher
    rule = linter.rulebook[RULE]
    return [build_finding(rule, candidate, text, context)
            for candidate in check.candidates(linter.analyse(text), context)]


def test_a_saved_sample_is_seen_by_the_next_check_and_forgotten_when_removed(linter, own):
    matcher, store = own
    analysis = linter.analyse(MY_SAMPLE_EDITED)
    assert matcher.matches(analysis) == []
    saved = store.add(MY_SAMPLE, "From a careers blog")
    (match,) = matcher.matches(analysis)  # no reload call: the store changed on disk
    assert match.sample.id == saved.id and match.sample.source == "user"
    (finding,) = findings_with(linter, matcher, MY_SAMPLE_EDITED, Context())
    assert "your saved sample 'From a careers blog'" in finding.message
    store.remove(saved.id)
    assert matcher.matches(analysis) == []


def test_a_store_written_by_another_process_is_picked_up(linter, own):
    matcher, store = own
    matcher.index()
    SampleStore(store.directory).add(MY_SAMPLE)  # another writer, e.g. the CLI
    assert [m.sample.source for m in matcher.matches(linter.analyse(MY_SAMPLE_EDITED))] == [
        "user"
    ]


def test_a_corrupt_store_does_not_stop_checking(linter, own, caplog):
    matcher, store = own
    store.add(MY_SAMPLE)
    assert matcher.matches(linter.analyse(MY_SAMPLE_EDITED))
    store.path.write_text("{oops", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="standout.samples"):
        # the saved samples already read stay in use; bundled ones keep working
        assert matcher.matches(linter.analyse(MY_SAMPLE_EDITED))
        assert matcher.matches(linter.analyse(STRENGTH_SYNONYMS))
    assert "not valid JSON" in (matcher.store_error or "")
    assert "not valid JSON" in caplog.text
    assert MY_SAMPLE not in caplog.text
    assert store.path.read_text(encoding="utf-8") == "{oops"


def test_a_store_corrupt_from_the_start_leaves_the_bundled_samples(linter, tmp_path):
    store = SampleStore(tmp_path)
    tmp_path.joinpath("samples.json").write_text("[]", encoding="utf-8")
    matcher = SampleMatcher(linter.rulebook[RULE], linter.nlp, store=store)
    assert [m.sample.id for m in matcher.matches(linter.analyse(STRENGTH_SYNONYMS))] == [
        "strength-2"
    ]
    assert "not a Standout sample store" in (matcher.store_error or "")


def test_the_linter_reads_the_store_named_by_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("STANDOUT_DATA_DIR", str(tmp_path))
    SampleStore().add(MY_SAMPLE, "Blog answer")
    fresh = Linter(config=UserConfig())
    (finding,) = [f for f in fresh.check(MY_SAMPLE_EDITED).findings if f.rule == RULE]
    assert "'Blog answer'" in finding.message
