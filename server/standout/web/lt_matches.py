"""Findings in LanguageTool's match shape (``/v2/check`` responses).

Offsets and lengths count UTF-16 code units of the whole document (markup
included), as LanguageTool's Java server does. ``context`` and ``sentence``
are cut from the checked text (markup removed).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from ..offsets import Utf16Index, utf16_length
from ..report import Finding
from .annotated_text import AnnotatedText

CONTEXT_CHARS = 40
ELLIPSIS = "..."
# LanguageTool issue types (lowercase); Standout's findings are about style.
ISSUE_TYPES = {"placeholder": "uncategorized"}
DEFAULT_ISSUE_TYPE = "style"


class MatchBuilder:
    """Turns engine findings on ``annotated.plain`` into LanguageTool matches."""

    def __init__(
        self,
        annotated: AnnotatedText,
        sentences: Sequence[tuple[int, int]],
        category_names: dict[str, str],
        rule_url: Callable[[str], str],
    ) -> None:
        self.annotated = annotated
        self.sentences = sorted(sentences)
        self._sentence_starts = [start for start, _ in self.sentences]
        self.category_names = category_names
        self.rule_url = rule_url
        self._doc_index = Utf16Index(annotated.document)

    def doc_utf16(self, plain_position: int, *, end: bool = False) -> int:
        return self._doc_index.to_utf16(self.annotated.to_document(plain_position, end=end))

    def match(self, f: Finding) -> dict[str, Any]:
        offset = self.doc_utf16(f.start)
        length = max(0, self.doc_utf16(f.end, end=True) - offset)
        return {
            "message": f.message,
            "shortMessage": f.title,
            "replacements": [],  # Standout points things out; the writer rewrites.
            "offset": offset,
            "length": length,
            "context": self.context(f.start, f.end),
            "sentence": self.sentence(f.start),
            "type": {"typeName": "Hint" if f.severity == "info" else "Other"},
            "rule": {
                "id": f.rule,
                "description": f.title,
                "issueType": ISSUE_TYPES.get(f.category, DEFAULT_ISSUE_TYPE),
                "urls": [{"value": self.rule_url(f.rule)}],
                "category": {
                    "id": f.category,
                    "name": self.category_names.get(f.category, f.category),
                },
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }

    def context(self, start: int, end: int) -> dict[str, Any]:
        """About 40 characters either side; ``offset``/``length`` in UTF-16 within it."""
        plain = self.annotated.plain
        left = max(0, start - CONTEXT_CHARS)
        right = min(len(plain), end + CONTEXT_CHARS)
        prefix = ELLIPSIS if left > 0 else ""
        suffix = ELLIPSIS if right < len(plain) else ""
        before = _one_line(plain[left:start])
        inside = _one_line(plain[start:end])
        after = _one_line(plain[end:right])
        return {
            "text": f"{prefix}{before}{inside}{after}{suffix}",
            "offset": utf16_length(prefix + before),
            "length": utf16_length(inside),
        }

    def sentence(self, start: int) -> str:
        i = bisect_right(self._sentence_starts, start) - 1
        if i < 0:
            return ""
        lo, hi = self.sentences[i]
        return self.annotated.plain[lo:hi]

    def sentence_ranges(self) -> list[list[int]]:
        return [
            [self.doc_utf16(lo), self.doc_utf16(hi, end=True)] for lo, hi in self.sentences
        ]


def _one_line(text: str) -> str:
    """Line breaks and tabs as spaces, one for one, so positions are kept."""
    return text.translate(_WHITESPACE)


_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
