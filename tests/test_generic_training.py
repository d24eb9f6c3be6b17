"""training/generic: the same bank and seed give the same model; the bank is well-formed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parent.parent / "training" / "generic"
sys.path.insert(0, str(TRAINING))

import textcat  # noqa: E402
from data import bank_rows  # noqa: E402


def test_training_with_a_fixed_seed_is_repeatable():
    words = [("i", "be", "a", "team", "player"), ("i", "rebuild", "the", "rota"),
             ("i", "love", "help", "people"), ("we", "cut", "waste", "by", "#num")] * 10
    labels = [True, False, True, False] * 10
    first = textcat.train(words, labels, seed=3, epochs=2, length=2**10)
    second = textcat.train(words, labels, seed=3, epochs=2, length=2**10)
    probe = [("i", "be", "a", "people", "person"), ("i", "rebuild", "the", "oven")]
    assert textcat.predict(first, probe) == textcat.predict(second, probe)
    other = textcat.train(words, labels, seed=4, epochs=2, length=2**10)
    assert textcat.predict(other, probe) != textcat.predict(first, probe)


def test_the_bank_rows_are_labelled_and_read_once():
    rows = list(bank_rows())
    for row in rows:
        assert row["label"] in {"generic", "specific", "plain"}, row
        assert 6 <= len(row["text"].split()) <= 40, row["text"]
    keys = [" ".join(row["text"].casefold().split()) for row in rows]
    assert len(set(keys)) == len(keys) > 7000
    assert {row["label"] for row in rows} == {"generic", "specific", "plain"}


def test_the_shipped_model_records_how_it_was_trained():
    models = TRAINING.parent.parent / "models" / "generic"
    info = json.loads((models / "training.json").read_text(encoding="utf-8"))
    assert info["trained_by"] == "training/generic/train.py"
    assert info["bank_rows"] > 7000
    vocabulary = (models / "generic-vocabulary.txt").read_text(encoding="utf-8").split()
    assert "passionate" in vocabulary and "qubit" not in vocabulary
