"""The sentence reader (match_context.py) tells words apart by their hashes, and keeps the
strings it reads out of the StringStore: held here to the string tests it replaced."""

from __future__ import annotations

import random

from spacy.attrs import ORTH
from spacy.strings import hash_string

from standout import match_context as mc
from standout.components.columns import columns
from standout.forward_pointers import last_words

WORDS = [
    "this", "that", "these", "those", "such", "mission", "team", "I", "my", "is", "the",
    "For", "example", "it", "show", "can", "and", ",", ".", ":", "all", "both", "of", "so",
    "These", "THAT", "Experiences", "since", "then", "ever", "way", "made", "\n", "•", "-",
    "following", "below", "here", "Mission", "This", "Such", "proof", "demonstrated",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 24))) for _ in range(count)]


def _old_points_back(reader: mc.SentenceReader, stop: int, end: int) -> bool:
    nearby = [reader.strings[reader.lower[i]] for i in range(stop, min(end, stop + 4))
              if not reader.space[i]]
    for j, word in enumerate(nearby[:2]):
        if word in mc.DEMONSTRATIVES and j + 1 < len(nearby):
            return nearby[j + 1] not in mc.NOT_A_NOUN
    return False


def _old_opens_with_reference(opening: tuple[str, ...], words: list[int], start: int) -> bool:
    words_open = [w for w in opening if w not in (",", ".", ":", ";")][:4]
    while words_open and words_open[0] in ("all", "both", "of", "and", "so"):
        words_open.pop(0)
    return (len(words_open) >= 2 and words_open[0] in mc.REFERENCES
            and words_open[1] not in mc.NOT_A_NOUN and bool(words) and start > words[0])


def _old_starts_with_pointer(opening: tuple[str, ...]) -> bool:
    pointers = mc._pointers()
    return bool(opening) and any(opening[: len(p)] == p for p in pointers.get(opening[0], ()))


def test_hash_tests_agree_with_the_string_tests(linter):
    nlp = linter.nlp
    for text in _texts(14, 300):
        doc = nlp.make_doc(text)
        punct = [int(t.is_punct) for t in doc]
        space = [int(t.is_space) for t in doc]
        reader = mc.SentenceReader(doc, [0], punct, space)
        (orth,) = columns(doc, ORTH)
        for i in range(len(doc)):
            assert reader._text(i) == doc[i].text
            # a token's LOWER is the hash of its text lowercased: the pointer ends by hash
            assert (reader.lower[i] in reader.pointer_ends) == (
                nlp.vocab.strings[orth[i]].lower() in last_words())
            for end in range(i, len(doc) + 1):
                assert reader._points_back(i, end) == _old_points_back(reader, i, end)
        sentence = reader._sentence(0, len(doc))
        for start in range(len(doc) + 1):
            assert mc._opens_with_reference(sentence.opening, sentence.words, start) == (
                _old_opens_with_reference(sentence.opening, sentence.words, start))
        assert mc._starts_with_pointer(sentence.opening) == _old_starts_with_pointer(
            sentence.opening)


def test_pointer_openings_agree_with_the_string_test():
    rng = random.Random(3)
    firsts = list(mc._pointers())
    pointers = [p for found in mc._pointers().values() for p in found]
    for _ in range(2000):
        base = list(rng.choice(pointers)) if rng.random() < 0.6 else [rng.choice(firsts)]
        cut = base[: rng.randint(0, len(base))] + [rng.choice(WORDS).lower()
                                                     for _ in range(rng.randint(0, 3))]
        opening = tuple(cut[:6])
        assert mc._starts_with_pointer(opening) == _old_starts_with_pointer(opening)


def test_decoded_strings_are_the_stores(linter):
    strings = linter.nlp.vocab.strings
    decoded = mc._decoded(strings)
    assert mc._decoded(strings) is decoded
    for word in WORDS:
        assert decoded[strings.add(word)] == word == decoded[hash_string(word)]
