"""A sample index's keys (samples/index.py) filter words through a per-word cache: held
here to the plain test it replaced, and the cache to its bound."""

from __future__ import annotations

import random
from itertools import pairwise

from standout.samples import index as index_module
from standout.samples.forms import CLASS_WORDS
from standout.samples.index import SampleIndex

FUNCTION_WORDS = ["the", "a", "for", "to", "and", "of"]
WORDS = [*FUNCTION_WORDS, *CLASS_WORDS, "i", ",", ".", "x", "apply", "role", "team", "nutshell",
         "ab", "-", "work", "'s"]


def _old_keys(skipped: frozenset[str], words) -> set[tuple[str, str]]:
    return set(pairwise([w for w in words if w not in skipped and len(w) > 1]))


def test_keys_are_the_plain_filter(monkeypatch):
    monkeypatch.setattr(index_module, "CONTENT_WORDS_KEPT", 7)  # emptied as it goes
    index = SampleIndex([], [], FUNCTION_WORDS)
    skipped = frozenset(FUNCTION_WORDS) | CLASS_WORDS
    rng = random.Random(5)
    for _ in range(3000):
        words = tuple(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        assert index.keys(words) == _old_keys(skipped, words)
        assert len(index._content) <= 7
