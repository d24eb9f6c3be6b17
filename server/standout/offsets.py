"""Converting Python string indices to what other readers count.

The engine reports Python indices (code points). JavaScript and LanguageTool
clients count UTF-16 code units, where a character outside the Basic
Multilingual Plane (most emoji) counts 2. Editors want line and column.
"""

from __future__ import annotations

from bisect import bisect_right


class Utf16Index:
    """Maps Python indices of one text to UTF-16 offsets, in O(log n)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_utf16(self, index: int) -> int:
        return index + bisect_right(self._astral, index - 1)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class LineIndex:
    """Maps Python indices to 1-based line and column (column in characters)."""

    def __init__(self, text: str) -> None:
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self._starts = starts

    def line_col(self, index: int) -> tuple[int, int]:
        line = bisect_right(self._starts, index) - 1
        return line + 1, index - self._starts[line] + 1

