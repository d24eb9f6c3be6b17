"""The specifics component reads each token's class from a dictionary by ORTH in one
C-level ``map``, and the sentences component lists its starts as it sets them: held here
to the per-token reads they replaced."""

from __future__ import annotations

import random

from spacy.attrs import ORTH, SENT_START

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
