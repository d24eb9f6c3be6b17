"""The not-the-writer's-claim test (checks/not_the_writers.py) answers what the one regex
alternation and the word regex it replaced answered."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from standout.checks.not_the_writers import (
    SPEECH_VERBS,
    WORD,
    holds_everyday_word,
    is_spoken_or_literal,
    not_the_writers,
)
from standout.everyday_life import everyday_compounds, everyday_words, names_everyday_life

# The test as it was in checks/patterns.py.
OLD = re.compile(
    rf"[,!?][’'\"”]? (?:(?:{SPEECH_VERBS}) (?:the|my|our|his|her|their|a|an)"
    rf"|(?:he|she|they) (?:{SPEECH_VERBS}))\b|\bliterally\b")


def _old(sentence: str) -> bool:
    return names_everyday_life(WORD.findall(sentence.lower())) or bool(OLD.search(sentence))


def _pieces() -> list[str]:
    everyday = sorted(everyday_words())
    rng = random.Random(7)
    words = ["Dad", "HAMSTER", "Puppies", "mum's", "dad_", "2dad", *SPEECH_VERBS.split("|"),
             "said the", "she wrote", "they said", "literally", "Literally", "literallyx",
             "xliterally", "the", "my", "he", "she", "they", "an", "team", "player"]
    marks = [",", "!", "?", ".", "'", "’", '"', "”", " ", "  ", "\n", "_", "9", "é", "ſ",
             "\u212a", "İ", "ß", "Ⅷ", "²", "-", "—"]
    # compounds whole ("biscuit tin") and their words apart ("biscuit", "tin")
    compounds = [" ".join(c) for found in sorted(everyday_compounds().values()) for c in found]
    compound_words = sorted({w for c in compounds for w in c.split()})
    return [*rng.sample(everyday, 40), *rng.sample(compounds, 30),
            *rng.sample(compound_words, 30), *words, *marks]


def _random_sentence(rng: random.Random, pieces: list[str]) -> str:
    return "".join(rng.choice(pieces) + rng.choice(["", " ", " ", ", "])
                   for _ in range(rng.randint(0, 14)))


def test_the_same_as_the_old_test_on_random_sentences():
    rng = random.Random(14)
    pieces = _pieces()
    answers = set()
    for _ in range(20_000):
        sentence = _random_sentence(rng, pieces)
        assert not_the_writers(sentence) == _old(sentence), sentence
        assert holds_everyday_word(sentence) == (
            names_everyday_life(WORD.findall(sentence.lower()))), sentence
        assert is_spoken_or_literal(sentence) == bool(OLD.search(sentence)), sentence
        answers.add((holds_everyday_word(sentence), is_spoken_or_literal(sentence),
                     sentence.isascii()))
    assert len(answers) == 8  # every combination was met


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(list("dDaAmMuUsSiIlLtTeErRyY ,!?'’\"”_9é\u212aſ\n")),
               max_size=60))
def test_the_same_as_the_old_test_on_any_text(sentence):
    assert not_the_writers(sentence) == _old(sentence)


@settings(max_examples=2000)
@given(st.text(max_size=80))
def test_the_same_as_the_old_test_on_unicode(sentence):
    assert not_the_writers(sentence) == _old(sentence)


def test_the_bench_letters_sentences(linter):
    from pathlib import Path

    letters = Path(__file__).parent.parent / "bench" / "letters"
    for path in sorted(letters.glob("*.txt")):
        for paragraph in linter.analyse(path.read_text(encoding="utf-8")).paragraphs:
            local = paragraph.local
            for a, b in local.sentences:
                assert not_the_writers(local.text[a:b]) == _old(local.text[a:b])
