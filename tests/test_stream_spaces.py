"""The canonical stream (components/stream.py) knows a space token by its lowercase, as
any other word: held here to the per-token IS_SPACE read it replaced."""

from __future__ import annotations

import random

from spacy.attrs import IS_SPACE, LOWER, NORM

from standout.components.columns import columns
from standout.components.segments import is_break
from standout.components.stream import BARRIER, stream_of

PIECES = ["I", "am", "very", "Detail-oriented", "team", "player", ".", ",", "\n", "\n\n",
          " ", "\t", "\u00a0", "\u2028", "\r\n", "\r\n\r\n", "\u3000", "instantly", "¶",
          "organise", "It's", "really", "quickly", "-", "…"]


def _old_stream(doc, stream_component):
    strings, canon = stream_component.vocab.strings, stream_component.canon
    lowers, spaces = columns(doc, LOWER, IS_SPACE)
    words, index, hashes, norms = [], [], [], []
    for i, (lower, is_space) in enumerate(zip(lowers, spaces, strict=True)):
        if is_space:
            norms.append(lower)
            if is_break(strings[lower]):
                words.append(BARRIER)
                index.append(i)
                hashes.append(strings[BARRIER])
            continue
        text = strings[lower]
        canonical = canon(text)
        norm = strings.add(canonical if canonical is not None else text)
        norms.append(norm)
        if canonical is not None:
            words.append(canonical)
            index.append(i)
            hashes.append(norm)
    return words, index, hashes, norms


def test_stream_agrees_with_the_space_reads(linter):
    nlp = linter.nlp
    stream = nlp.get_pipe("standout_stream")
    rng = random.Random(4)
    for _ in range(500):
        text = "".join(rng.choice(PIECES) + rng.choice(["", " ", " ", "\n"])
                       for _ in range(rng.randint(1, 30)))
        doc = stream(nlp.make_doc(text))
        found = stream_of(doc)
        words, index, hashes, norms = _old_stream(doc, stream)
        assert (found.words, found.token_index, found.hashes) == (words, index, hashes)
        assert columns(doc, NORM)[0] == norms
