"""The copy of a paragraph that is given to the tokenizer.

Two things are changed in it, each one character for one, so that every offset
into the analysed copy is an offset into the user's text.
"""

from __future__ import annotations

import re

# Typographic variants replaced before tokenizing. One character for one, so every
# offset into the analysed text is an offset into the user's text.
SAME_WIDTH = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": "-",  # hyphens, soft hyphen
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201b": "'",  # apostrophes
    "\u201c": '"', "\u201d": '"', "\u201e": '"',  # double quotes
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",  # no-break and thin spaces
})

# spaCy's tokenizer strips prefixes and suffixes one at a time, so a long run
# without spaces ("{{{{...", "____...") costs quadratic time: 4,000 braces take a
# second. No word is this long, so such runs get a space every RUN_LIMIT characters
# (in the analysed copy only; one character for one, offsets do not move).
RUN_LIMIT = 64
_LONG_RUN = re.compile(rf"\S{{{RUN_LIMIT + 1},}}")


def _break_long_runs(text: str) -> str:
    if not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda match: _spaced(match.group()), text)


def _spaced(run: str) -> str:
    chars = list(run)
    for i in range(RUN_LIMIT, len(chars), RUN_LIMIT + 1):
        chars[i] = " "
    return "".join(chars)


def tokenizer_input(text: str) -> str:
    """``text`` with typographic variants made plain and long runs broken up."""
    return _break_long_runs(text.translate(SAME_WIDTH))
