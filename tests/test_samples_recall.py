"""Sample matching recall on generated light edits of the bundled samples.

The edits (bench/perturb.py) fill the placeholders, replace 10-30% of the words
and drop, insert or reorder a sentence; the matcher knows nothing of how. False
alarms on real letters are measured by the evaluations (evals/, ./scripts/eval).
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from perturb import light_edit

from standout.samples.corpus import load_bundled
from standout.samples.matcher import SampleMatcher

VARIANTS = 4
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def matcher(linter) -> SampleMatcher:
    return linter.samples


def test_recall_on_light_edits_of_the_bundled_samples(linter, matcher):
    rng = random.Random(20240517)
    found = Counter()
    total = Counter()
    missed = []
    for sample in load_bundled():
        for _ in range(VARIANTS):
            edit = light_edit(sample.text, rng)
            assert 0.10 <= edit.rate <= 0.30 and edit.replaced > 0
            hit = any(m.sample.id == sample.id for m in matcher.matches(linter.analyse(edit.text)))
            total[edit.structure] += 1
            found[edit.structure] += hit
            if not hit:
                missed.append(f"{sample.id} ({edit.structure}, {edit.rate:.0%})")
    recall = sum(found.values()) / sum(total.values())
    assert recall >= MIN_RECALL, f"recall {recall:.1%}; missed: {', '.join(missed)}"
    for structure in ("drop", "insert", "reorder"):
        assert total[structure] > 100, "every kind of edit is in the set"
        assert found[structure] / total[structure] >= 0.9, structure


def test_recall_when_every_sentence_is_its_own_paragraph(linter, matcher):
    """Samples pasted one sentence per line (or per blank-line paragraph) are still found."""
    rng = random.Random(7)
    total = found = 0
    for sample in load_bundled():
        for _ in range(2):
            edit = light_edit(sample.text, rng)
            split = "\n\n".join(re.split(r"(?<=[.!?])\s+", edit.text))
            matches = matcher.matches(linter.analyse(split))
            total += 1
            found += any(m.sample.id == sample.id for m in matches)
    assert found / total >= MIN_RECALL, f"recall {found / total:.1%}"


def test_light_edits_really_change_the_text():
    rng = random.Random(1)
    sample = load_bundled()[0]
    words = set(sample.text.lower().split())
    for structure in ("drop", "insert", "reorder"):
        edit = light_edit(sample.text, rng, rate=0.3, structure=structure)
        assert edit.structure == structure
        changed = [w for w in edit.text.lower().split() if w not in words]
        assert len(changed) >= 0.2 * len(sample.text.split())
