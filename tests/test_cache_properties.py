"""The paragraph cache changes nothing but speed (hypothesis over random edits)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standout import Linter
from standout.config import UserConfig

SENTENCES = [
    "I am writing to apply for the analyst role.",
    "I am a team player with strong communication skills.",
    "In 2022 I cut our deploy time from 40 to 9 minutes.",
    "I am passionate about your mission.",
    "I would love to join [Company Name].",
    "At Globex I led a team of four.",
    "I am excited to apply for the position at Initech.",
    "Thank you for your time and consideration.",
    "I think outside the box 🚀 every day.",
    "We shipped the mobile app in March.",
]
WORDS = st.sampled_from(["team", "player", "passionate", "Acme", "😀", "𝒜", "results", "I",
                         "am", "the", "box", "naïve", "2024", "\u00e9", "—"])
PARAGRAPH = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join)
LETTER = st.lists(PARAGRAPH, min_size=1, max_size=5)
SEPARATORS = st.sampled_from(["\n\n", "\r\n\r\n", "\n \n", "\n\n\n"])
CONTEXTS = st.sampled_from(
    [None, {"company": "Acme"}, {"company": "Globex Corp", "role": "analyst"}]
)


def replace_word(paragraph: str, index: int, word: str) -> str:
    words = paragraph.split(" ")
    words[index % len(words)] = word
    return " ".join(words)


EDIT = st.one_of(
    st.tuples(st.just("replace"), st.integers(0, 50), st.integers(0, 50), WORDS),
    st.tuples(st.just("insert"), st.integers(0, 50), PARAGRAPH),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("swap"), st.integers(0, 50), st.integers(0, 50)),
)


def apply(paragraphs: list[str], edit: tuple) -> list[str]:
    paragraphs = list(paragraphs)
    kind = edit[0]
    if kind == "replace":
        i = edit[1] % len(paragraphs)
        paragraphs[i] = replace_word(paragraphs[i], edit[2], edit[3])
    elif kind == "insert":
        paragraphs.insert(edit[1] % (len(paragraphs) + 1), edit[2])
    elif kind == "delete" and len(paragraphs) > 1:
        del paragraphs[edit[1] % len(paragraphs)]
    elif kind == "swap":
        i, j = edit[1] % len(paragraphs), edit[2] % len(paragraphs)
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    return paragraphs


@pytest.fixture(scope="module")
def uncached() -> Linter:
    return Linter(config=UserConfig(), cache_size=0)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(letter=LETTER, edits=st.lists(EDIT, min_size=1, max_size=6), separator=SEPARATORS,
       context=CONTEXTS)
def test_cached_and_uncached_results_are_identical(linter, uncached, letter, edits, separator,
                                                   context):
    paragraphs = letter
    for edit in [("none",), *edits]:
        paragraphs = apply(paragraphs, edit)
        text = separator.join(paragraphs)
        cached_report = linter.check(text, context)
        assert cached_report == uncached.check(text, context)
        assert cached_report.to_dict() == uncached.check(text, context).to_dict()


def test_a_one_word_edit_is_exactly_one_cache_miss(linter):
    marker = uuid.uuid4().hex  # paragraphs this test has never sent before
    paragraphs = [f"{sentence} Ref {marker}{n}." for n, sentence in enumerate(SENTENCES[:6])]
    letter = "\n\n".join(paragraphs)
    linter.check(letter)
    hits, misses = linter.cache_hits, linter.cache_misses
    edited = letter.replace("team player", "team captain")
    assert edited != letter
    report = linter.check(edited)
    assert linter.cache_misses - misses == 1
    assert linter.cache_hits - hits == len(paragraphs) - 1
    assert "cliche.team-player" not in {f.rule for f in report.findings}


def test_a_one_word_edit_through_the_api_is_one_miss(client, linter):
    marker = uuid.uuid4().hex
    paragraphs = [f"{sentence} Ref {marker}{n}." for n, sentence in enumerate(SENTENCES)]
    letter = "\n\n".join(paragraphs)
    assert client.post("/v1/check", json={"text": letter}).status_code == 200
    before = client.get("/v1/health").get_json()["cache"]
    edited = letter.replace("passionate about", "curious about")
    assert client.post("/v1/check", json={"text": edited}).status_code == 200
    after = client.get("/v1/health").get_json()["cache"]
    assert after["misses"] - before["misses"] == 1
    assert after["hits"] - before["hits"] == len(paragraphs) - 1
