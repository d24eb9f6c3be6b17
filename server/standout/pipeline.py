"""Builds the spaCy pipeline: a blank English tokenizer plus Standout's components."""

from __future__ import annotations

import spacy
from spacy.language import Language

# Importing the modules registers their factories with spaCy.
from .canonical import Canonicalizer
from .components import (  # noqa: F401
    employer_mentions,
    match_filters,
    phrase_rules,
    regex_rules,
    sentences,
    specifics,
    stream,
    token_rules,
)
from .rulebook import RuleBook

# The components a sample text needs (its canonical words, sentences and specifics):
# the rule matchers are not run on samples.
READING_COMPONENTS = ("standout_stream", "standout_sentences", "standout_specifics")


def blank_language() -> Language:
    """The Language the components are added to: everything the pipeline holds beyond
    them is set here (the start-up cache, ``engine_cache.py``, starts from this too)."""
    nlp = spacy.blank("en")
    nlp.max_length = 10_000_000
    return nlp


def build_pipeline(book: RuleBook, canon: Canonicalizer | None = None) -> Language:
    canon = canon or Canonicalizer.default()
    nlp = blank_language()
    nlp.add_pipe("standout_stream").initialize_canonicalizer(canon)
    nlp.add_pipe("standout_sentences")
    nlp.add_pipe("standout_phrase_rules").add_rules(book, canon)
    nlp.add_pipe("standout_token_rules").add_rules(book.of_kind("tokens"))
    nlp.add_pipe("standout_regex_rules").add_rules(book.of_kind("regex"))
    nlp.add_pipe("standout_antipatterns").add_rules(book.of_kind("regex"))
    nlp.add_pipe("standout_specifics")
    nlp.add_pipe("standout_employer_mentions").add_rules(book.of_kind("check"))
    return nlp
