"""Where a text breaks into paragraphs, the engine's unit of analysis and caching.

Paragraphs are separated by a blank line (``\\n``, ``\\r\\n`` or ``\\r`` line ends).
No sentence, phrase or gap crosses a paragraph boundary, so each paragraph can
be analysed on its own and its result reused when another paragraph changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"  # a CRLF is one line end, never two
_BREAK = re.compile(rf"{_NEWLINE}[ \t\f\v]*{_NEWLINE}\s*")
MAX_PARAGRAPH = 20_000  # characters; longer runs are cut at a line end or space


def split_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, paragraph)`` for each non-blank paragraph of ``text``."""
    position = 0
    for match in _BREAK.finditer(text):
        yield from _pieces(text, position, match.start())
        position = match.end()
    yield from _pieces(text, position, len(text))


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_PARAGRAPH:
        cut = _cut_point(text, start, start + MAX_PARAGRAPH)
        yield start, text[start:cut]
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, text[start:end]


def _cut_point(text: str, start: int, limit: int) -> int:
    for separator in ("\n", ". ", " "):
        cut = text.rfind(separator, start + 1, limit)
        if cut > start:
            return cut + len(separator.rstrip()) if separator != " " else cut
    return limit
