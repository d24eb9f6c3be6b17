"""The specifics component reads each token's class from a dictionary by ORTH in one
C-level ``map``, and the sentences component lists its starts as it sets them: held here
to the per-token reads they replaced."""

from __future__ import annotations

import random

from spacy.attrs import IS_SPACE, ORTH, SENT_START

from standout.components import keys
from standout.components.columns import columns

PIECES = ["I", "am", "Mr.", "Dr.", "e.g.", "etc.", "a.m.", ".", "!", "?", "...", "…", '"',
          "”", ")", ":", ",", ";", "GitHub", "AWS", "Acme", "2021", "five", "shipped", "we",
          "[", "]", "{", "}", "of", "-", "•", "\n", "\n\n", " ", "\t", "\u00a0", "\u2028",
          "\r\n", "\u3000", "nicely", "skills", "Team", "x", "’"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + rng.choice(["", " ", " ", "\n"])
                    for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_sentence_starts_are_the_tokens_set_as_starts(linter):
    nlp = linter.nlp
    sentences = nlp.get_pipe("standout_sentences")
    for text in _texts(8, 600):
        doc = sentences(nlp.make_doc(text))
        (column,) = columns(doc, SENT_START)
        assert doc.user_data[keys.SENTENCE_STARTS] == [
            i for i, value in enumerate(column) if value == 1]


def test_classes_by_orth_agree_with_the_token_reads(linter):
    nlp = linter.nlp
    specifics = nlp.get_pipe("standout_specifics")
    for text in _texts(9, 300):
        (orths,) = columns(nlp.make_doc(text), ORTH)
        before = [specifics._classes.get(orth) or specifics._classify(orth) for orth in orths]
        assert list(map(specifics._classes.get, orths)) == before


def _old_starts(doc, strings) -> list[int]:
    """The sentences component's starts as it found them before (d31b480): spaces by
    IS_SPACE, a kind of their own for every other token."""
    from standout.components import sentences as s

    def kind_of(text: str) -> tuple[int, bool]:
        if text in s.TERMINALS:
            kind = s.TERMINAL
        elif text in s.CLOSERS:
            kind = s.CLOSER
        elif text in s.CLAUSE_ENDS:
            kind = s.CLAUSE_END
        elif len(text) > 1 and text.endswith(".") and text.lower() not in s.TITLES:
            kind = s.ABBREVIATION
        else:
            kind = s.OTHER
        first = text[:1]
        return kind, first.isupper() or first.isdigit() or first in "-*•–—\"“("

    def next_is_capital(kinds, i: int) -> bool:
        while i < len(kinds) and kinds[i] is None:
            i += 1
        return i >= len(kinds) or kinds[i][1]

    orths, spaces = columns(doc, ORTH, IS_SPACE)
    n = len(orths)
    kinds = [None if space else kind_of(strings[orth])
             for orth, space in zip(orths, spaces, strict=True)]
    starts = [-1] * n
    starts[0] = 1
    start_next, previous, after = True, None, 0
    for i in [i for i, info in enumerate(kinds) if info is None or info[0] != s.OTHER]:
        if i > after:
            if start_next:
                starts[after] = 1
            start_next, previous = False, s.OTHER
        after = i + 1
        info = kinds[i]
        if info is None:
            whitespace = strings[orths[i]]
            if s.is_break(whitespace):
                start_next, previous = True, None
            elif previous is not None and "\n" in whitespace:
                following = kinds[i + 1] if i + 1 < n else None
                if previous != s.OTHER or (following is not None and following[1]):
                    start_next = True
            continue
        kind = info[0]
        if start_next and kind == s.CLOSER and previous == s.TERMINAL:
            start_next = True
        else:
            if start_next:
                starts[i] = 1
            if kind == s.TERMINAL:
                start_next = True
            elif kind == s.ABBREVIATION:
                start_next = next_is_capital(kinds, i + 1)
            else:
                start_next = False
        previous = kind
    if after < n and start_next:
        starts[after] = 1
    return starts


def test_sentence_starts_are_the_old_ones(linter):
    nlp = linter.nlp
    sentences = nlp.get_pipe("standout_sentences")
    for text in _texts(10, 1500):
        if not text:
            continue
        doc = sentences(nlp.make_doc(text))
        (column,) = columns(doc, SENT_START)
        assert column == _old_starts(doc, nlp.vocab.strings)


def test_sentence_starts_after_the_kinds_are_pickled(linter, monkeypatch):
    """The engine cache pickles the component's kinds: a space's kind comes back a copy."""
    import pickle

    nlp = linter.nlp
    sentences = nlp.get_pipe("standout_sentences")
    for text in _texts(11, 50):  # every kind in the cache first
        sentences(nlp.make_doc(text))
    monkeypatch.setattr(sentences, "_kinds", pickle.loads(pickle.dumps(sentences._kinds)))
    for text in _texts(11, 300):
        doc = sentences(nlp.make_doc(text))
        (column,) = columns(doc, SENT_START)
        assert column == _old_starts(doc, nlp.vocab.strings)
