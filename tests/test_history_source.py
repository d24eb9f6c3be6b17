"""The checks read the history as it is now: off until something is stored, changes seen at
once, an unreadable store skipped (and left alone), forms kept in the store."""

from __future__ import annotations

import hashlib
import logging
import sqlite3

import pytest

from standout import Linter
from standout.config import UserConfig
from standout.history.source import HistorySource
from standout.history.store import HistoryStore
from standout.samples.forms import paragraph_sentences

LETTER = "Dear Hooli team,\n\nI would love to join Hooli and its data team.\n"
NEW = "I am excited to apply for the analyst position at Hooli."
FOR_STARK = {"company": "Stark Industries"}
PARAGRAPH = (
    "In my current role I rebuilt the weekly sales report from a spreadsheet that took two "
    "days to update into a dashboard that refreshes every morning. The regional managers now "
    "open it before their Monday calls."
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("history-source")


@pytest.fixture(scope="module")
def own_linter(folder) -> Linter:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STANDOUT_DATA_DIR", str(folder))
        return Linter(config=UserConfig())


@pytest.fixture
def store(folder, own_linter) -> HistoryStore:
    store = HistoryStore(folder)
    store.clear()
    yield store
    store.clear()


def rules(linter: Linter, text: str, context=FOR_STARK) -> list[str]:
    return [f.rule for f in linter.check(text, context).findings if f.rule.startswith("history")]


def source(linter: Linter):
    return linter.detector("history-reused-paragraph").source


def test_history_is_off_until_something_is_stored_and_checking_stores_nothing(own_linter, store):
    assert rules(own_linter, NEW) == []
    assert source(own_linter).snapshot() is None
    assert not store.path.exists()


def test_a_change_to_the_store_is_seen_by_the_next_check(own_linter, store):
    store.add("Hooli", "Data Analyst", [LETTER])
    assert rules(own_linter, NEW) == ["history.previous-employer"]
    first = source(own_linter).snapshot()
    assert source(own_linter).snapshot() is first  # nothing changed: nothing reloaded
    application = store.add("Initech", "", ["I would love to join Initech."])
    assert rules(own_linter, "I would love to join Initech.") == ["history.previous-employer"]
    assert source(own_linter).snapshot() is not first
    store.forget(application.id)
    assert rules(own_linter, "I would love to join Initech.") == []
    store.clear()
    assert rules(own_linter, NEW) == []
    assert not any(p.exists() for p in store.files)


def test_the_paragraph_index_is_kept_in_the_store_and_rebuilt_for_another_reader(own_linter,
                                                                                store):
    store.add("Hooli", "", [PARAGRAPH])
    assert rules(own_linter, PARAGRAPH) == ["history.reused-paragraph"]
    db = sqlite3.connect(store.path)
    try:
        (reader, forms), = db.execute("SELECT reader, forms FROM paragraph_forms").fetchall()
        assert '"rebuild","the","weekly"' in forms
        db.execute("UPDATE paragraph_forms SET reader = 'an older engine', forms = '[]'")
        db.commit()
    finally:
        db.close()
    # a server started with this engine reads the text again, and stores its own forms
    restarted = HistorySource(store, source(own_linter).reading)
    assert len(restarted.snapshot().paragraphs.sent_in(
        paragraph_sentences(own_linter.analyse(PARAGRAPH).paragraphs[0].local))) == 1
    db = sqlite3.connect(store.path)
    try:
        assert db.execute("SELECT reader FROM paragraph_forms").fetchall() == [(reader,)]
    finally:
        db.close()


def test_an_unreadable_store_is_skipped_reported_once_and_left_alone(own_linter, store, caplog):
    store.directory.mkdir(parents=True, exist_ok=True)
    store.path.write_text("not a database, a diary\n" * 100, encoding="utf-8")
    before = hashlib.sha256(store.path.read_bytes()).hexdigest()
    with caplog.at_level(logging.WARNING, logger="standout.history"):
        for _ in range(3):
            report = own_linter.check(NEW, FOR_STARK)
            assert not [f for f in report.findings if f.rule.startswith("history")]
    warnings = [r for r in caplog.records if r.name == "standout.history"]
    assert len(warnings) == 1
    assert str(store.path) in warnings[0].getMessage()
    assert "diary" not in warnings[0].getMessage()
    assert hashlib.sha256(store.path.read_bytes()).hexdigest() == before


def test_the_checks_can_be_turned_off_like_any_rule(own_linter, store):
    store.add("Hooli", "", [LETTER])
    report = own_linter.check(NEW, FOR_STARK, disabled_categories=["history"])
    assert not [f for f in report.findings if f.rule.startswith("history")]


def test_stored_forms_that_cannot_be_read_are_read_again(own_linter, store):
    store.add("Hooli", "", [PARAGRAPH])
    assert rules(own_linter, PARAGRAPH) == ["history.reused-paragraph"]
    db = sqlite3.connect(store.path)
    try:
        db.execute("UPDATE paragraph_forms SET forms = '{not json'")
        db.commit()
    finally:
        db.close()
    restarted = HistorySource(store, source(own_linter).reading)
    assert len(restarted.snapshot().paragraphs.sent_in(
        paragraph_sentences(own_linter.analyse(PARAGRAPH).paragraphs[0].local))) == 1


@pytest.mark.parametrize(
    ("rule_id", "params", "problem"),
    [
        ("history.reused-paragraph", {"min_share": "most"}, "param 'min_share' must be a number"),
        ("history.reused-paragraph", {"max_candidates": 2.5}, "must be an integer"),
        ("history.reused-paragraph", {"warning_at": 0}, "must be a positive integer"),
        ("history.reused-paragraph", {"min_evidence": -1}, "must be 0 or more"),
        ("history.reused-paragraph", {"threshold": 1}, "unknown param 'threshold'"),
        ("history.previous-employer", {"not_after": "my"}, "must be a list of words"),
        ("history.previous-employer", {"target_slots": [{"near": "x"}]}, "{before, after}"),
        ("history.previous-employer", {"target_slots": [{"before": "("}]}, "bad regex"),
        ("history.applied-before", {"min_words": 3}, "unknown param 'min_words'"),
    ],
)
def test_bad_params_name_the_rule(own_linter, rule_id, params, problem):
    from standout.checks.base import EngineParts
    from standout.checks.loader import detector_class
    from standout.rulebook import Rule, RuleError

    base = own_linter.rulebook[rule_id]
    rule = Rule(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "params": params})
    with pytest.raises(RuleError) as error:
        detector_class(base.check)([rule], EngineParts(own_linter.nlp, own_linter.rulebook))
    assert rule_id in str(error.value) and problem in str(error.value)


def test_what_is_sent_while_the_server_runs_joins_the_index_without_a_rebuild(own_linter,
                                                                              store):
    store.add("Hooli", "", [PARAGRAPH])
    assert rules(own_linter, PARAGRAPH) == ["history.reused-paragraph"]
    built = source(own_linter)._base
    store.add("Initech", "", [PARAGRAPH + " It also covers returns."])
    found = own_linter.check(PARAGRAPH, FOR_STARK).findings
    (reused,) = [f for f in found if f.rule == "history.reused-paragraph"]
    assert "2 other employers: Initech on " in reused.message
    assert source(own_linter)._base is built  # only the small index of new ones was built
    store.forget(1)
    (reused,) = [f for f in own_linter.check(PARAGRAPH, FOR_STARK).findings
                 if f.rule == "history.reused-paragraph"]
    assert "1 other employer: Initech on " in reused.message
    assert source(own_linter)._base is not built  # a forgotten one: built again, whole


def test_a_store_cleared_and_filled_again_is_indexed_afresh(own_linter, store):
    store.add("Hooli", "", [PARAGRAPH])
    assert rules(own_linter, PARAGRAPH) == ["history.reused-paragraph"]
    store.clear()
    store.add("Hooli", "", ["A different letter altogether, about the food bank rota."])
    assert rules(own_linter, PARAGRAPH) == []


def test_the_store_file_follows_a_replaced_folder(tmp_path):
    """The source keeps the store's file as text (asked after twice a check), made again
    when the store's folder is replaced."""
    store = HistoryStore(tmp_path / "one")
    source = HistorySource(store)
    assert source._store_file() == str(store.path)
    assert source.snapshot() is None  # no file yet
    store.directory = tmp_path / "two"
    assert source._store_file() == str(tmp_path / "two" / "history.sqlite3")
