"""The copy of a paragraph that is given to the tokenizer, and how its positions map back.

Three things are changed in it:

- typographic variants (curly quotes, odd hyphens, no-break spaces) are made
  plain, one character for one;
- invisible characters are taken out of the words they hide in. Text pasted
  from the web carries zero-width spaces, soft hyphens, joiners, byte-order
  marks and direction marks ("team\\u00adplayer", "player.\\u200b"), and NUL or
  other control characters come with text from some editors. A format
  character between two letters or digits is removed (it is a hyphenation or
  joining hint inside one word: "organi\\u00adsation" is "organisation");
  anywhere else it, and every control character but tab and line breaks,
  becomes a space;
- long runs without spaces are broken up (see ``RUN_LIMIT``).

Only removal changes the length. The copy then comes with ``origin``: for each
of its positions (and one past its end) the position in the user's text, so
that every offset the engine reports is an offset into the user's text. Most
texts have nothing to remove, and ``origin`` is ``None``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Typographic variants replaced before tokenizing, one character for one.
SAME_WIDTH = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-",  # hyphens
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201b": "'",  # apostrophes
    "\u201c": '"', "\u201d": '"', "\u201e": '"',  # double quotes
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",  # no-break and thin spaces
})

# Unicode format characters (category Cf) that turn up in pasted text: soft hyphen,
# Mongolian vowel separator, zero-width space/non-joiner/joiner, direction marks and
# embeddings, word joiner and invisible operators, isolates and deprecated format
# controls, byte-order mark, interlinear annotation, language tags.
FORMAT = (
    "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0001\U000e0020-\U000e007f"
)
# Control characters other than tab, line feed and carriage return.
CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_HIDDEN = re.compile(f"[{FORMAT}{CONTROL}]+")
_CONTROL = re.compile(f"[{CONTROL}]")

# spaCy's tokenizer strips prefixes and suffixes one at a time, so a long run
# without spaces ("{{{{...", "____...") costs quadratic time: 4,000 braces take a
# second. No word is this long, so such runs get a space every RUN_LIMIT characters
# (in the analysed copy only; one character for one, offsets do not move).
RUN_LIMIT = 64
_LONG_RUN = re.compile(rf"\S{{{RUN_LIMIT + 1},}}")

# An ASCII text (most are, once their quotes are made plain) is asked both questions
# (hidden characters? a run too long?) as bytes instead: ``bytes.translate`` is one pass
# in C, where the regexes cost 100-150 instructions a character, together a third of
# tokenizing. The answers are the same (``\s`` is ``str.isspace`` in both).
_ASCII_SHOWN = bytes(b for b in range(128) if not _CONTROL.match(chr(b)))  # all but controls
_ASCII_SHAPE = bytes(b" "[0] if chr(b).isspace() else b"x"[0] for b in range(256))
_ASCII_RUN = b"x" * (RUN_LIMIT + 1)


class AnalysedCopy(NamedTuple):
    """The tokenizer's copy of a paragraph; ``origin[i]`` is where its ``i`` was."""

    text: str
    origin: list[int] | None = None


def _has_hidden(text: str) -> bool:
    if text.isascii():  # then only control characters can hide in it: what is left
        return bool(text.encode("ascii").translate(None, _ASCII_SHOWN))
    return _HIDDEN.search(text) is not None


def _has_long_run(text: str) -> bool:
    if text.isascii():  # every character made "x" or a space, then one substring search
        return _ASCII_RUN in text.encode("ascii").translate(_ASCII_SHAPE)
    return _LONG_RUN.search(text) is not None


def _break_long_runs(text: str) -> str:
    if not _has_long_run(text):
        return text
    return _LONG_RUN.sub(lambda match: _spaced(match.group()), text)


def _spaced(run: str) -> str:
    chars = list(run)
    for i in range(RUN_LIMIT, len(chars), RUN_LIMIT + 1):
        chars[i] = " "
    return "".join(chars)


def _without_hidden(text: str) -> AnalysedCopy:
    """Format characters inside a word removed, other hidden characters made spaces."""
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _HIDDEN.finditer(text):
        start, end = match.span()
        pieces.append(text[position:start])
        origin.extend(range(position, start))
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        inside_word = (before.isalnum() and after.isalnum()
                       and not _CONTROL.search(match.group()))
        if not inside_word:
            pieces.append(" " * (end - start))
            origin.extend(range(start, end))
        position = end
    pieces.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    copy = "".join(pieces)
    return AnalysedCopy(copy, origin if len(copy) != len(text) else None)


def tokenizer_input(text: str) -> AnalysedCopy:
    """``text`` as the tokenizer should see it, with the map back to ``text`` if it moved."""
    plain = text if text.isascii() else text.translate(SAME_WIDTH)  # its keys are not ASCII
    if _has_hidden(plain):
        copy = _without_hidden(plain)
        return AnalysedCopy(_break_long_runs(copy.text), copy.origin)
    return AnalysedCopy(_break_long_runs(plain))
