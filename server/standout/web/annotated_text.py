"""LanguageTool's ``data`` parameter: text mixed with markup.

``{"annotation": [{"text": "Hello "}, {"markup": "<b>", "interpretAs": ""}, ...]}``.
Markup is not checked, but it is part of the document, so offsets sent back
count it. ``interpretAs`` (default empty) is what the markup stands for in the
checked text: ``{"markup": "<p>", "interpretAs": "\\n\\n"}`` starts a paragraph.
``{"text": "..."}`` (with optional ``metaData``) is plain text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..documents import DocumentError, json_document
from .payload import bad, checked_text


@dataclass(frozen=True)
class Segment:
    plain_start: int
    plain_end: int
    doc_start: int
    doc_end: int
    is_text: bool


class AnnotatedText:
    """The checked (plain) text, the whole document, and a map between their positions."""

    def __init__(self, parts: list[tuple[str, str | None]]) -> None:
        """``parts`` are ``(text, None)`` for text and ``(markup, interpret_as)`` for markup."""
        plain: list[str] = []
        document: list[str] = []
        segments: list[Segment] = []
        plain_at = doc_at = 0
        for content, interpret_as in parts:
            checked = content if interpret_as is None else interpret_as
            segments.append(Segment(plain_at, plain_at + len(checked), doc_at,
                                    doc_at + len(content), interpret_as is None))
            plain.append(checked)
            document.append(content)
            plain_at += len(checked)
            doc_at += len(content)
        self.plain = "".join(plain)
        self.document = "".join(document)
        self._segments = segments
        self._starts = [s.plain_start for s in segments]

    @classmethod
    def plain_text(cls, text: str) -> AnnotatedText:
        return cls([(text, None)])

    def to_document(self, position: int, *, end: bool = False) -> int:
        """The document position of plain ``position``.

        Inside text the map is exact. A position inside the stand-in for some
        markup maps to the markup's start (``end=False``) or end (``end=True``),
        so a span never cuts a tag in half.
        """
        if position <= 0:
            return 0
        if position >= len(self.plain):
            return len(self.document)
        # The last segment starting at or before ``position`` (empty ones included).
        i = bisect_right(self._starts, position) - 1
        if end:
            # An end position belongs to the segment it closes.
            while i > 0 and self._segments[i].plain_start == position:
                i -= 1
        else:
            while (i + 1 < len(self._segments)
                   and self._segments[i].plain_end == position
                   and self._segments[i + 1].plain_start == position):
                i += 1
        seg = self._segments[i]
        if seg.is_text:
            return seg.doc_start + (position - seg.plain_start)
        return seg.doc_end if end else seg.doc_start


def parse_data(raw: str) -> AnnotatedText:
    try:
        data = json_document(raw)
    except DocumentError as exc:
        raise bad("invalid_data", f"'data' is {exc}.") from None
    if not isinstance(data, dict):
        raise bad("invalid_data", "'data' must be a JSON object.")
    if "annotation" in data:
        items = data["annotation"]
        if not isinstance(items, list):
            raise bad("invalid_data", "'data.annotation' must be a list.")
        return AnnotatedText([_part(item, n) for n, item in enumerate(items)])
    if "text" in data:
        return AnnotatedText.plain_text(checked_text(data["text"], "data.text"))
    raise bad("invalid_data", "'data' needs 'annotation' (a list) or 'text'.")


def _part(item: Any, n: int) -> tuple[str, str | None]:
    where = f"data.annotation[{n}]"
    if not isinstance(item, dict):
        raise bad("invalid_data", f"'{where}' must be an object.")
    if "text" in item and "markup" not in item:
        return checked_text(item["text"], f"{where}.text"), None
    if "markup" in item and "text" not in item:
        markup = checked_text(item["markup"], f"{where}.markup")
        interpret_as = item.get("interpretAs", "")
        if interpret_as is None:
            interpret_as = ""
        return markup, checked_text(interpret_as, f"{where}.interpretAs")
    raise bad("invalid_data", f"'{where}' needs exactly one of 'text' or 'markup'.")
