"""The bundled sample corpus: coverage, validation, and that its samples are told apart."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from standout.samples.corpus import KINDS, SampleCorpusError, load_bundled, load_file
from standout.samples.matcher import SampleMatcher

SAMPLES = load_bundled()

# The questions the corpus must cover (issue 5), as words of their file's question.
QUESTIONS = {
    "tell me about yourself": "about yourself",
    "why this company": "work here",
    "why should we hire you": "hire you",
    "greatest strength": "strength",
    "greatest weakness": "weakness",
    "five years": "five years",
    "a conflict": "conflict",
    "a challenge": "challenge",
    "a failure": "failed",
    "leadership": "leadership",
    "what motivates you": "motivates",
    "salary expectations": "salary",
    "employment gaps": "gap",
}


@pytest.fixture(scope="module")
def matcher(linter) -> SampleMatcher:
    return linter.samples


def test_at_least_150_samples_with_id_question_and_title():
    assert len(SAMPLES) >= 150
    for sample in SAMPLES:
        assert re.fullmatch(r"[a-z][a-z0-9-]*-\d+", sample.id)
        assert sample.question and sample.kind in KINDS
        assert re.fullmatch(r".+ \(\d+\)", sample.title), sample.title
    assert len({s.id for s in SAMPLES}) == len(SAMPLES)
    assert len({s.title for s in SAMPLES}) == len(SAMPLES)


def test_covers_every_common_question_and_the_letter_templates():
    answers = Counter(s.question for s in SAMPLES if s.kind == "answer")
    for topic, words in QUESTIONS.items():
        matching = [q for q in answers if words in q.lower()]
        assert matching, f"no samples answer {topic!r}"
        assert sum(answers[q] for q in matching) >= 8, f"fewer than 8 samples for {topic!r}"
    kinds = Counter(s.kind for s in SAMPLES)
    for kind in ("opening", "body", "closing"):
        assert kinds[kind] >= 10, f"only {kinds[kind]} cover-letter {kind} paragraphs"


def test_each_bundled_sample_is_reported_as_itself_only(linter, matcher):
    """Samples must not follow each other, or findings would name the wrong one."""
    for sample in SAMPLES:
        found = {m.sample.id for m in matcher.matches(linter.analyse(sample.text))}
        assert found == {sample.id}, f"{sample.id} is reported as {sorted(found)}"


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


TEXT = ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two"
        " twenty-three twenty-four twenty-five twenty-six.")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("id: x\nquestion: [unclosed", "not valid YAML"),
        ("id: strength\nquestion: Why us?\nkind: answer\ntitle: Title\nsamples: []\n", "samples"),
        ("id: strength\nquestion: Why us?\nkind: poem\ntitle: Title\nsamples:\n"
         f"  - {{id: strength-1, text: {TEXT}}}\n", "kind"),
        ("id: strength\nquestion: Why us?\nkind: answer\ntitle: Title\nsamples:\n"
         f"  - {{id: weakness-1, text: {TEXT}}}\n", "sample 'weakness-1': the id must be"),
        ("id: strength\nquestion: Why us?\nkind: answer\ntitle: Title\nsamples:\n"
         "  - {id: strength-1, text: far too short}\n", "sample 'strength-1': too short"),
        ("id: strength\nquestion: Why us?\nkind: answer\ntitle: Title\nextra: 1\nsamples:\n"
         f"  - {{id: strength-1, text: {TEXT}}}\n", "extra"),
    ],
)
def test_malformed_corpus_files_name_the_file_and_the_problem(tmp_path, body, problem):
    path = _write(tmp_path, "strength.yaml", body)
    with pytest.raises(SampleCorpusError) as error:
        load_file(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


def test_an_id_used_in_two_files_is_an_error(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        _write(tmp_path, name, "id: strength\nquestion: Why us?\nkind: answer\ntitle: Title\n"
               f"samples:\n  - {{id: strength-1, text: {TEXT}}}\n")
    with pytest.raises(SampleCorpusError, match="already used in"):
        load_bundled(tmp_path)


def test_a_valid_file_gives_numbered_titles(tmp_path):
    path = _write(tmp_path, "x.yaml", "id: why-us\nquestion: Why us?\nkind: answer\n"
                  f"title: Why us?\nsamples:\n  - id: why-us-7\n    text: >\n      {TEXT}\n")
    (sample,) = load_file(path)
    assert (sample.id, sample.title, sample.question) == ("why-us-7", "Why us? (7)", "Why us?")
    assert sample.described == "the sample answer 'Why us? (7)'"
