"""Sentence endings that point a claim at the next sentence (forward_pointers.py)."""

from __future__ import annotations

import pytest

from standout.forward_pointers import points_on


@pytest.mark.parametrize(("sentence", "points"), [
    ("Accuracy matters to me, and I can show it.", True),
    ("Here’s how.", True),  # a typographic apostrophe
    ("Here's why!", True),
    ("Three reasons:", True),
    ("Three reasons:  \n", True),
    ("Here is how I did it.", False),  # the evidence is in this sentence
    ("I can show it to the board next week.", False),
    ("I am good at this.", False),
    ("", False),
    ("I have the following to say about the work I want to do.", True),
    ("For the following reasons I would like to join.", True),
    ("The following year I moved to the Leeds office.", False),
    ("I am careful, and the clearest proof is the stock count.", True),  # names its proof
    ("My evidence was the ledger.", True),
    ("The evidence in the case was weak.", False),
])
def test_points_on(sentence, points):
    assert points_on(sentence) is points
