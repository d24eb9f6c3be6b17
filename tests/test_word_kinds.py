"""The sentences and specifics components read each token's kind from a dictionary by ORTH
(one C-level ``map`` a Doc; a space by its text, not its IS_SPACE): held here to the
per-token reads they replaced."""

from __future__ import annotations

import random

from spacy.attrs import IS_SPACE, ORTH

from standout.components.columns import columns
from standout.components.sentences import OTHER, READ_ONE_BY_ONE

PIECES = ["I", "am", "Mr.", "Dr.", "e.g.", "etc.", "a.m.", ".", "!", "?", "...", "…", '"',
          "”", ")", ":", ",", ";", "GitHub", "AWS", "Acme", "2021", "five", "shipped", "we",
          "[", "]", "{", "}", "of", "-", "•", "\n", "\n\n", " ", "\t", "\u00a0", "\u2028",
          "\r\n", "\u3000", "nicely", "skills", "Team", "x", "’"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + rng.choice(["", " ", " ", "\n"])
                    for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_kinds_by_orth_agree_with_the_token_reads(linter):
    nlp = linter.nlp
    sentences = nlp.get_pipe("standout_sentences")
    specifics = nlp.get_pipe("standout_specifics")
    for text in _texts(8, 400):
        doc = nlp.make_doc(text)
        orths, spaces = columns(doc, ORTH, IS_SPACE)
        kinds = [sentences._kind(orth) for orth in orths]
        # before: a space token had no kind (by IS_SPACE), any other its text's kind
        assert [kind is None for kind in kinds] == [bool(space) for space in spaces]
        assert [i for i, info in enumerate(kinds) if READ_ONE_BY_ONE[info]] == [
            i for i, info in enumerate(kinds) if info is None or info[0] != OTHER]
        known = specifics._classes.get
        assert [known(orth) or specifics._classify(orth) for orth in orths] == list(
            map(specifics._classes.get, orths))
