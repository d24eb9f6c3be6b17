"""The match filters' title-case test (components/match_filters.py) reads each word once and
stops at the first lowercase one: held here to the test it replaced."""

from __future__ import annotations

import random

from standout.components.match_filters import _Tokens


def _old_in_a_name(tokens: _Tokens, start: int, end: int) -> bool:
    alpha = [i for i in range(start, end) if tokens._alpha(i)]
    if not alpha or tokens.sent_start[start] == 1 or not all(map(tokens._title_word, alpha)):
        return False
    return any(0 <= i < tokens.n and tokens._title_word(i) and tokens.sent_start[i] != 1
               for i in (start - 1, end))


WORDS = ["the", "Hard", "Worker", "Series", "team", "Team", "Player", "AWS", "McDonald",
         "iOS", "-", "2021", ".", ",", "our", "Award", "is", "X", "'s"]


def test_in_a_name_agrees_with_the_old_test(linter):
    nlp = linter.nlp
    sentences = nlp.get_pipe("standout_sentences")
    rng = random.Random(12)
    for _ in range(400):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14)))
        doc = sentences(nlp.make_doc(text))
        tokens = _Tokens(doc)
        for start in range(len(doc)):
            for end in range(start + 1, min(len(doc), start + 5) + 1):
                assert tokens.in_a_name(start, end) == _old_in_a_name(tokens, start, end)
