"""The phrase rules' match reading (``PhraseRules._read``) by the table of reads made once
gives what the tests it replaced gave, for every match key of the bundled rules."""

from __future__ import annotations

import pickle
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from standout.components.phrase_rules import ANTI, _place


def _old_read(rules, matches, lo, words, index, found, anti, pieces) -> None:
    """``_read`` as it was: the key's tuple, then its joints, looked up for every match."""
    for match_id, first, last in matches:
        start, end = first + lo, last + lo
        rule_id, number, part = rules.keys[match_id]
        if part == ANTI:
            anti[rule_id].append((index[start], index[end - 1] + 1))
        elif not rules.joints[(rule_id, number)]:
            found.append(_place(words, index, start, end, rule_id))
        else:
            pieces[(rule_id, number)][part].append((start, end))


def _read_both(rules, matches, lo, words):
    index = [2 * i for i in range(len(words))]
    out = []
    for read in (lambda *a: _old_read(rules, *a), rules._read):
        found: list = []
        anti: dict = defaultdict(list)
        pieces: dict = defaultdict(lambda: defaultdict(list))
        read(matches, lo, words, index, found, anti, pieces)
        out.append((found, dict(anti),
                    [(key, dict(parts)) for key, parts in pieces.items()]))
    return out


def _phrase_rules(linter):
    return linter.nlp.get_pipe("standout_phrase_rules")


def test_every_key_has_its_read(linter):
    rules = _phrase_rules(linter)
    assert set(rules.reads) == set(rules.keys)
    kinds = {read[2] is None for read in rules.reads.values()}
    assert kinds == {True, False}  # the bundled rules have both plain and chained patterns


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_reads_match_the_old_tests(linter, data):
    rules = _phrase_rules(linter)
    ids = sorted(rules.keys)
    words = data.draw(st.lists(st.sampled_from([".", ",", "a", "team", "player", "!"]),
                               min_size=1, max_size=30))
    lo = data.draw(st.integers(0, len(words) - 1))
    room = len(words) - lo

    def one(draw_id, first):
        return (draw_id, first, data.draw(st.integers(first + 1, room)))

    count = data.draw(st.integers(0, 20))
    matches = [one(data.draw(st.sampled_from(ids)), data.draw(st.integers(0, room - 1)))
               for _ in range(count)]
    old, new = _read_both(rules, matches, lo, words)
    assert new == old


def test_reads_survive_the_engine_cache(linter):
    """The reads are part of the component's state, pickled with it."""
    rules = _phrase_rules(linter)
    assert pickle.loads(pickle.dumps(rules.reads)) == rules.reads
