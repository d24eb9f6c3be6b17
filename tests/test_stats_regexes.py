"""The score's sentence tests made cheaper answer as before: the arrangement cues by the
ASCII regex (arrangements._ascii_cue_regex) and tenure's necessary condition
(tenure._may_hold_tenure)."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from standout import tenure
from standout.arrangements import _ascii_cue_regex, _cue_regex, _may_cue, _phrase_runs
from standout.resources import wordlist


def _cue_texts(phrases: list[str], rng: random.Random, count: int) -> list[str]:
    words = [w for p in phrases for w in p.split()] + [
        "I", "my", "the", ",", ".", "x", "2", "_", "-", "(", "\n", "  ", "avail", "s"]
    texts = [*phrases, *(p.upper() for p in phrases), *(p[:-1] for p in phrases),
             *(p.title() for p in phrases), *("x" + p for p in phrases),
             *(p + "x" for p in phrases), *("_" + p for p in phrases)]
    for _ in range(count):
        glue = rng.choice([" ", "", "  ", "\n", ", "])
        text = glue.join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        texts.append("".join(c.upper() if rng.random() < 0.2 else c for c in text))
    return texts


def _same_cues(phrases: list[str], texts: list[str], rng: random.Random) -> int:
    plain, fast = _cue_regex(phrases), _ascii_cue_regex(phrases)
    runs = _phrase_runs(phrases)
    assert fast is not None and runs is not None
    skipped = [0]
    found = 0
    for text in texts:
        if not text.isascii():
            continue
        lowered = text.lower()
        spans = [(0, len(text))] + [
            tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))
            for _ in range(3)]
        for a, b in spans:
            old = plain.search(text, a, b) is not None
            assert (fast.search(lowered, a, b) is not None) == old, (text, a, b)
            if old:  # the word condition never turns away a sentence holding a cue
                assert _may_cue(lowered[a:b], runs), (text, a, b)
            found += old
            skipped[0] += not _may_cue(lowered[a:b], runs)
    assert skipped[0] > 0
    return found


def test_the_ascii_cue_regex_answers_as_the_cue_regex():
    phrases = wordlist("arrangement-words")
    rng = random.Random(11)
    assert _same_cues(phrases, _cue_texts(phrases, rng, 6000), rng) > 500


def test_phrases_opening_or_ending_on_other_characters():
    phrases = ["(full) licence", "2:1 degree", "b.sc.", "-start now", "notice-", "a",
               "i", "car"]
    rng = random.Random(5)
    assert _same_cues(phrases, _cue_texts(phrases, rng, 3000), rng) > 100


def test_a_phrase_no_ascii_text_holds_is_left_out_one_that_may_match_leaves_none():
    assert _ascii_cue_regex(["weeks’ notice", "car"]).search("weeks' notice") is None
    assert _ascii_cue_regex(["weeks’ notice", "car"]).search("a car") is not None
    assert _ascii_cue_regex(["\u212aeys", "car"]) is None  # the Kelvin sign matches "k"
    assert _ascii_cue_regex(["ſtart", "car"]) is None  # a long s matches "s"


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(list("aAvViIlLbBeEcCrRnNoOtT _-,.\n2:1")),
               max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_any_ascii_text_and_span(text, a, b):
    phrases = wordlist("arrangement-words")
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    found = _cue_regex(phrases).search(text, a, b) is not None
    assert (_ascii_cue_regex(phrases).search(text.lower(), a, b) is not None) == found
    assert _may_cue(text.lower()[a:b], _phrase_runs(phrases)) or not found


def test_a_phrase_of_no_word_characters_leaves_no_word_condition():
    assert _phrase_runs(["car", "..."]) is None
    assert _phrase_runs(["weeks’ notice", "2:1 degree"]) == {
        b"degree": (frozenset({b"2", b"1", b"degree"}),)}


TENURE_PIECES = [
    "I", "I have", "I've", "I’ve", "I have been", "I've worked", "I have served", "I worked",
    "I served", "I volunteered", "I have volunteered", "I have really worked", "I spent",
    "I have spent", "spent", "the", "past", "last", "for", "For", "since", "Since", "from",
    "between", "and", "to", "until", "till", "three", "six", "years", "year", "2019", "2021",
    "1998", "March", "Sept.", "Jan", "joined", "us", "our", "Priya", "Daniel Okafor", "has",
    "reported", "at", "Acme", ",", ".", "!", "\n", "x", "ince", "yearly",
]


TENURE_PHRASES = [
    "I have worked at Acme", "I've been a carer", "I’ve served", "I worked", "I served in",
    "I have really worked", "I volunteered", "for the past three years", "For six years",
    "for the last year", "since 2019", "Since March 2020", "since Sept. 2018",
    "from 2019 to 2021", "from 1998 until 2004", "between 2018 and 2020", "I spent six years",
    "I have spent the past two years", "Priya joined us", "Priya joined the team",
    "Daniel Okafor worked in our lab", "Marcus has served", "Amira reported to me",
]


def _mutated(phrase: str, rng: random.Random) -> str:
    if rng.random() < 0.7:
        return phrase
    i = rng.randrange(len(phrase))
    return rng.choice([phrase[:i] + phrase[i + 1:], phrase[:i] + phrase[i].swapcase()
                       + phrase[i + 1:], phrase[:i] + rng.choice(" .,x1") + phrase[i:]])


def _tenure_sentences(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        glue = rng.choice([" ", " ", ", ", "  "])
        parts = [_mutated(rng.choice(TENURE_PHRASES), rng) if rng.random() < 0.5
                 else rng.choice(TENURE_PIECES) for _ in range(rng.randint(1, 8))]
        out.append(glue.join(parts))
    return out


def test_tenure_never_matches_where_the_condition_fails():
    rng = random.Random(3)
    matched = passed = 0
    for sentence in _tenure_sentences(rng, 40_000):
        may = tenure._may_hold_tenure(sentence)
        found = tenure.TENURE.search(sentence) is not None
        assert may or not found, sentence
        matched += found
        passed += may
    assert matched > 5000 and passed > matched  # both outcomes are met, and false alarms


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(TENURE_PIECES), max_size=12),
       st.sampled_from([" ", "", "  ", ", "]))
def test_tenure_condition_on_any_sentence(pieces, glue):
    sentence = glue.join(pieces)
    assert tenure._may_hold_tenure(sentence) or tenure.TENURE.search(sentence) is None


def _old_arrangements_find(local) -> tuple[int, ...]:
    """arrangements._find as it was: the cue regex on the text itself, and the specifics
    bisected by a key function."""
    from bisect import bisect_left

    from standout.arrangements import TRIGGERS, _cues

    specifics, words = local.specifics, local.canonical_words
    if not specifics or TRIGGERS.isdisjoint(w[0] for w in words):
        return ()
    starts = [w[1] for w in words]
    out = []
    for k, (a, b) in enumerate(local.sentences):
        key = lambda s: s.start  # noqa: E731
        if bisect_left(specifics, b, key=key) == bisect_left(specifics, a, key=key):
            continue
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if not TRIGGERS.isdisjoint(w[0] for w in words[lo:hi]) and _cues().search(
                local.text, a, b):
            out.append(k)
    return tuple(out)


def _random_local(rng: random.Random, phrases: list[str]):
    from types import SimpleNamespace

    from standout.analysis import Specific

    pieces = [*rng.sample(phrases, 12), "I", "am", "in", "2021", "Acme", "notice", "start",
              "car", "degree", "level", ".", ",", "\u2019", "Kraków"]
    text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
    spots = [m.start() for m in re.finditer(r"\S+", text)]
    words = [(m.group().lower().rstrip(".,"), m.start(), m.end())
             for m in re.finditer(r"\S+", text)]
    cuts = sorted({0, len(text), *rng.sample(range(len(text) + 1), min(3, len(text)))})
    sentences = tuple(pairwise(cuts))
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(0, 4))))
    specifics = tuple(Specific("NAME", a, a + 1, text[a]) for a in chosen)
    return SimpleNamespace(text=text, sentences=sentences, canonical_words=tuple(words),
                           specifics=specifics, derived={})


def test_arrangement_sentences_are_found_as_before(linter):
    from pathlib import Path

    from standout.arrangements import _find

    phrases = wordlist("arrangement-words")
    rng = random.Random(12)
    found = 0
    for _ in range(3000):
        local = _random_local(rng, phrases)
        assert _find(local) == _old_arrangements_find(local), local
        found += bool(_find(local))
    assert found > 300
    letters = Path(__file__).parent.parent / "bench" / "letters"
    for path in sorted(letters.glob("*.txt")):
        for paragraph in linter.analyse(path.read_text(encoding="utf-8")).paragraphs:
            assert _find(paragraph.local) == _old_arrangements_find(paragraph.local)
