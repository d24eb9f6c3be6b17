"""Sample matching quality: recall on generated light edits, false alarms on real letters,
and the real lightly edited copy in the shared corpora.

The real letters are read from /work/shared/corpora at test time (never copied
into the repository); a machine without them fails here, loudly, rather than
passing without the evidence.
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from standout.samples.corpus import load_bundled
from standout.samples.detector import SampleDetector
from standout.samples.perturb import light_edit
from standout.samples.store import SampleStore

CORPORA = Path(os.environ.get("STANDOUT_CORPORA", "/work/shared/corpora"))
LETTERS = CORPORA / "cover_letters"
VARIANTS = 4
MIN_RECALL = 0.95
MAX_FLAGGED_PERSONAL = 0.01


@pytest.fixture(scope="module")
def detector(linter) -> SampleDetector:
    return next(d for d in linter.detectors if isinstance(d, SampleDetector))


@pytest.fixture(scope="module")
def kinds() -> dict[str, str]:
    sources = CORPORA / "SOURCES.md"
    assert sources.is_file(), (
        f"{sources} is missing: these tests need the shared evaluation corpora"
        " (set STANDOUT_CORPORA to their folder)"
    )
    out = {}
    for row in sources.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (\S+\.txt) \|", row)
        if match and (LETTERS / match.group(1)).is_file():
            out[match.group(1)] = row.split("|")[8].strip()
    return out


def test_recall_on_light_edits_of_the_bundled_samples(linter, detector):
    rng = random.Random(20240517)
    found = Counter()
    total = Counter()
    missed = []
    for sample in load_bundled():
        for _ in range(VARIANTS):
            edit = light_edit(sample.text, rng)
            assert 0.10 <= edit.rate <= 0.30 and edit.replaced > 0
            hit = any(m.sample.id == sample.id for m in detector.matches(linter.analyse(edit.text)))
            total[edit.structure] += 1
            found[edit.structure] += hit
            if not hit:
                missed.append(f"{sample.id} ({edit.structure}, {edit.rate:.0%})")
    recall = sum(found.values()) / sum(total.values())
    assert recall >= MIN_RECALL, f"recall {recall:.1%}; missed: {', '.join(missed)}"
    for structure in ("drop", "insert", "reorder"):
        assert total[structure] > 100, "every kind of edit is in the set"
        assert found[structure] / total[structure] >= 0.9, structure


def test_recall_when_every_sentence_is_its_own_paragraph(linter, detector):
    """Samples pasted one sentence per line (or per blank-line paragraph) are still found."""
    rng = random.Random(7)
    total = found = 0
    for sample in load_bundled():
        for _ in range(2):
            edit = light_edit(sample.text, rng)
            split = "\n\n".join(re.split(r"(?<=[.!?])\s+", edit.text))
            matches = detector.matches(linter.analyse(split))
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


def test_at_most_one_percent_of_personal_letters_are_reported(linter, detector, kinds):
    personal = sorted(name for name, kind in kinds.items() if kind.startswith("personal"))
    assert len(personal) >= 100
    flagged = {}
    for name in personal:
        matches = detector.matches(linter.analyse((LETTERS / name).read_text(encoding="utf-8")))
        if matches:
            flagged[name] = [
                f"{m.sample.id}: {m.share:.0%} of a paragraph, {m.retained:.0%} of the sample"
                for m in matches
            ]
    assert len(flagged) <= MAX_FLAGGED_PERSONAL * len(personal), flagged


def test_a_real_light_paraphrase_of_a_saved_sample_is_reported(linter, tmp_path, kinds):
    """CT_sample3 is a real light paraphrase of CT_sample1 (see SOURCES.md)."""
    source = LETTERS / "iprathamsuri-1.txt"
    store = SampleStore(tmp_path)
    store.add(source.read_text(encoding="utf-8"), "CT sample 1")
    detector = SampleDetector(linter.rulebook["sample.follows-sample"], linter, store=store)
    copy = detector.matches(linter.analyse((LETTERS / "iprathamsuri-3.txt").read_text("utf-8")))
    assert [m.sample.title for m in copy] == ["CT sample 1"]
    assert copy[0].share >= 0.8 and copy[0].severity == "error"
    others = []
    for name in kinds:
        if name in {"iprathamsuri-1.txt", "iprathamsuri-3.txt"}:
            continue
        text = (LETTERS / name).read_text(encoding="utf-8")
        if any(m.sample.source == "user" for m in detector.matches(linter.analyse(text))):
            others.append(name)
    assert others == []
    assert len(kinds) >= 190


def test_no_bundled_sample_shares_ten_words_in_a_row_with_the_corpora(kinds):
    """The samples are written for Standout: nothing longer than a stock phrase is shared."""
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    runs = {}
    for sample in load_bundled():
        tokens = words(sample.text)
        for i in range(len(tokens) - 9):
            runs[tuple(tokens[i : i + 10])] = sample.id
    shared = set()
    for path in sorted(CORPORA.glob("*/*.txt")):
        tokens = words(path.read_text(encoding="utf-8"))
        for i in range(len(tokens) - 9):
            run = tuple(tokens[i : i + 10])
            if run in runs:
                shared.add(f"{runs[run]} / {path.name}: {' '.join(run)}")
    assert not shared, sorted(shared)
