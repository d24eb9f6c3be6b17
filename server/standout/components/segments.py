"""Several paragraphs analysed in one Doc, and where each one is.

The spaCy pass (``spacy_pass.py``) analyses every paragraph the linter has not
seen before in one Doc, joined by a blank line: one pass through the pipeline
instead of one per paragraph. The results must be exactly those of analysing
each paragraph alone, so nothing may reach across that blank line: the canonical
stream turns it into a barrier for phrase patterns, a sentence always starts
after it, regexes run paragraph by paragraph, and token-pattern matches that
span it are dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import keys

SEPARATOR = "\n\n"


def is_break(whitespace: str) -> bool:
    """Whether a whitespace token is a paragraph break (no paragraph holds a blank line)."""
    return whitespace.count("\n") + whitespace.count("\r") - whitespace.count("\r\n") > 1


def segments_of(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs in ``doc`` (whose text is ``text``)."""
    return doc.user_data.get(keys.SEGMENTS) or [(0, len(text))]


def token_segments_of(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs in ``doc``."""
    return doc.user_data.get(keys.TOKEN_SEGMENTS) or [(0, len(doc))]
