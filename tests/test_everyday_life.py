"""Words and compounds of life outside work (models/wordlists/everyday-life.txt)."""

from __future__ import annotations

import pytest

from standout.everyday_life import everyday_compounds, everyday_words, names_everyday_life
from standout.resources import wordlist


@pytest.mark.parametrize("words", [
    ["the", "gerbil", "escaped"],
    ["two", "gerbils"],  # a plural
    ["the", "biscuit", "tin", "is", "empty"],  # a compound, as a whole
    ["three", "biscuit", "tins"],  # its last word's plural
    ["my", "mother", "in", "law"],  # a hyphenated compound, read as words
])
def test_home_life_is_named(words):
    assert names_everyday_life(words)


@pytest.mark.parametrize("words", [
    ["the", "tin", "roof"],  # a compound's word alone is not home life
    ["the", "school", "bus"],  # "school" alone
    ["in", "law", "school"],  # a compound needs its first word too
    ["a", "team", "player"],
])
def test_work_words_are_not(words):
    assert not names_everyday_life(words)


def test_the_list_keeps_out_words_of_work():
    """Entries that name work or tools people apply with were pruned; a sample of them
    stays out (the list's header comment says why)."""
    entries = set(wordlist("everyday-life"))
    for word in ("chicken", "pizza", "cookie", "sandbox", "lint", "nappy", "golf", "first step",
                 "missing piece", "bank holiday", "train set"):
        assert word not in entries


def test_compounds_are_kept_apart_from_single_words():
    compounds = everyday_compounds()
    assert ("biscuit", "tin") in compounds["biscuit"]
    assert "biscuit tin" not in everyday_words()
