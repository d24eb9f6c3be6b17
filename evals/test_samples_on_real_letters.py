"""Sample matching on real letters: false alarms on personal letters, and the real
lightly edited copy in the corpora, found when its source is saved as a sample.

The letters are read from the corpora at run time, never copied into the
repository (bench/corpora.py says where they are looked for).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from standout.samples.corpus import load_bundled
from standout.samples.matcher import SampleMatcher
from standout.samples.store import SampleStore

MAX_FLAGGED_PERSONAL = 0.01


@pytest.fixture(scope="module")
def letters(corpora: Path) -> Path:
    return corpora / "cover_letters"


@pytest.fixture(scope="module")
def kinds(corpora: Path, letters: Path) -> dict[str, str]:
    """Cover letter file -> its kind in SOURCES.md ("personal ...", "sample ...")."""
    out = {}
    for row in (corpora / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (\S+\.txt) \|", row)
        if match and (letters / match.group(1)).is_file():
            out[match.group(1)] = row.split("|")[8].strip()
    return out


def test_at_most_one_percent_of_personal_letters_are_reported(linter, letters, kinds):
    personal = sorted(name for name, kind in kinds.items() if kind.startswith("personal"))
    assert len(personal) >= 100
    flagged = {}
    for name in personal:
        text = (letters / name).read_text(encoding="utf-8")
        matches = linter.samples.matches(linter.analyse(text))
        if matches:
            flagged[name] = [
                f"{m.sample.id}: {m.share:.0%} of a paragraph, {m.retained:.0%} of the sample"
                for m in matches
            ]
    assert len(flagged) <= MAX_FLAGGED_PERSONAL * len(personal), flagged


def test_a_real_light_paraphrase_of_a_saved_sample_is_reported(linter, tmp_path, letters, kinds):
    """CT_sample3 is a real light paraphrase of CT_sample1 (see SOURCES.md)."""
    store = SampleStore(tmp_path)
    store.add((letters / "iprathamsuri-1.txt").read_text(encoding="utf-8"), "CT sample 1")
    matcher = SampleMatcher(linter.rulebook["sample.follows-sample"], linter.nlp, store=store)
    copy = matcher.matches(linter.analyse((letters / "iprathamsuri-3.txt").read_text("utf-8")))
    assert [m.sample.title for m in copy] == ["CT sample 1"]
    assert copy[0].share >= 0.8 and copy[0].severity == "error"
    others = []
    for name in kinds:
        if name in {"iprathamsuri-1.txt", "iprathamsuri-3.txt"}:
            continue
        text = (letters / name).read_text(encoding="utf-8")
        if any(m.sample.source == "user" for m in matcher.matches(linter.analyse(text))):
            others.append(name)
    assert others == []
    assert len(kinds) >= 190


def test_no_bundled_sample_shares_ten_words_in_a_row_with_the_corpora(corpora):
    """The samples are written for Standout: nothing longer than a stock phrase is shared."""
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    runs = {}
    for sample in load_bundled():
        tokens = words(sample.text)
        for i in range(len(tokens) - 9):
            runs[tuple(tokens[i : i + 10])] = sample.id
    shared = set()
    for path in sorted(corpora.glob("*/*.txt")):
        tokens = words(path.read_text(encoding="utf-8"))
        for i in range(len(tokens) - 9):
            run = tuple(tokens[i : i + 10])
            if run in runs:
                shared.add(f"{runs[run]} / {path.name}: {' '.join(run)}")
    assert not shared, sorted(shared)
