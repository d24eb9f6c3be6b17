"""LiteralSearch (components/literal_search.py) finds the literals a substring test finds."""

from __future__ import annotations

import random

from standout.components.literal_search import LiteralSearch


def test_found_is_the_substring_test():
    rng = random.Random(21)
    alphabet = "ab[{_.M r"
    for _ in range(3000):
        literals = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                    for _ in range(rng.randint(0, 8))}
        search = LiteralSearch(literals)
        for _ in range(5):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert search.found(text) == {s for s in literals if s in text}, (literals, text)


def test_the_regex_rules_prefixes(linter):
    rules = linter.nlp.get_pipe("standout_regex_rules")
    written = rules.prefixes[False]
    search = LiteralSearch(written)
    texts = ["Dear Hiring Manager, I saw the {{role}} at [Company] ____ TODO Mrs Ms",
             "Hiring Manager", "Manager Hiring Manager", "{{{", "..... xxxxx XXX",
             "Dr Mr J. Organisation University School%", ""]
    for text in texts:
        assert search.found(text) == {s for s in written if s in text}
