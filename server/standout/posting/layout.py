"""A posting's lines, headings, bullets and sections.

Real postings arrive as plain text copied from a board: a header (title,
company, place), headings on their own lines, bullet lists ("- ", "• ", "1."),
prose paragraphs, or all of them mixed. Each line is classified once; headings
name sections through the cue phrases in models/posting/cues.yaml, and prose
sentences that no heading covers take their section from their own cues
("you will" -> responsibilities, "would be a bonus" -> nice to have, "we offer"
-> benefits). A sentence without cues keeps the section of the one before it;
prose before any ask is about the company.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cues import Cues

BULLET = re.compile(r"^[ \t]*(?:[-*•·‣▪◦●○■□–—+]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
HEADER_MAX_LINES = 4
HEADER_MAX_WORDS = 16
HEADING_MAX_WORDS = 9
# Sections a cue inside a headed ask section may switch a sentence to.
OVERRIDES_IN_ASKS = {"nice_to_have", "benefits", "process", "equal_opportunity"}


@dataclass(frozen=True)
class Line:
    start: int  # content start (after any bullet marker and indentation)
    end: int  # content end (trailing spaces dropped)
    kind: str  # "blank" | "heading" | "bullet" | "text"


@dataclass(frozen=True)
class Piece:
    """A run of posting text with one section: a bullet item, a prose sentence, a heading."""

    section: str | None  # None: the header (title, company, place)
    start: int
    end: int
    kind: str  # "header" | "heading" | "bullet" | "sentence"


def lines_of(text: str, cues: Cues) -> list[Line]:
    out: list[Line] = []
    position = 0
    after_blank = True  # the text's start counts as one
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        line_start = position
        position += len(raw)
        stripped = body.strip()
        if not stripped:
            out.append(Line(line_start, line_start, "blank"))
            after_blank = True
            continue
        marker = BULLET.match(body)
        content_start = line_start + (marker.end() if marker else len(body) - len(body.lstrip()))
        content_end = line_start + len(body.rstrip())
        content = text[content_start:content_end]
        if marker and content:
            kind = "bullet"
        elif _looks_like_heading(content, cues, after_blank or (out and out[-1].kind == "bullet")):
            kind = "heading"
        else:
            kind = "text"
        after_blank = False
        out.append(Line(content_start, content_end, kind))
    return out


def _looks_like_heading(content: str, cues: Cues, opens_block: bool) -> bool:
    """A short line that names a section, ends with a colon, or opens a block like a title.

    Inside a block (no blank line before it), short lines are usually list items
    copied without their bullets ("ACCA or CIMA qualified"): there only a line
    that is mostly a heading cue ("Key skills"), or ends with a colon, is one.
    """
    words = content.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    if content.endswith(":"):
        return True
    if content[-1] in ".!,;":
        return False
    if cues.heading_section(content, strict=not opens_block) is not None:
        return True
    return opens_block and len(words) <= 5 and content[0].isupper() and not content.endswith(
        "?") and _is_title_like(words)


def _is_title_like(words: Sequence[str]) -> bool:
    """"What We Offer", "Perks": short, no sentence punctuation inside."""
    return not any(w.endswith((".", ",", ";")) for w in words[:-1])


def header_lines(lines: Sequence[Line], text: str, cues: Cues) -> int:
    """How many leading lines are the header: short lines before the first blank line."""
    count = 0
    for line in lines:
        content = text[line.start : line.end]
        if line.kind == "blank" or line.kind == "bullet" or len(content.split()) > HEADER_MAX_WORDS:
            break
        if line.kind == "heading" and cues.heading_section(content) is not None and (
                count or len(content.split()) <= 4):
            break
        count += 1
    return 1 if count > HEADER_MAX_LINES else count


def pieces_of(
    text: str, cues: Cues, sentences: Sequence[tuple[int, int]]
) -> list[Piece]:
    """Every heading, bullet item and prose sentence of the posting, with its section."""
    lines = lines_of(text, cues)
    header = header_lines(lines, text, cues)
    out: list[Piece] = []
    headed: str | None = None  # what the last heading named (None: no heading, or unknown)
    flow: str | None = None  # the section of the last item or sentence
    for number, line in enumerate(lines):
        if line.kind == "blank":
            continue
        if number < header:
            out.append(Piece(None, line.start, line.end, "header"))
            continue
        content = text[line.start : line.end]
        if line.kind == "heading":
            headed = cues.heading_section(content) or cues.prose_section(content)
            flow = headed or flow
            out.append(Piece(headed, line.start, line.end, "heading"))
            continue
        spans = [(line.start, line.end)] if line.kind == "bullet" else _line_sentences(
            line, sentences)
        for start, end in spans:
            piece = text[start:end]
            cue = cues.prose_section(piece)
            if headed is None:
                default = "requirements" if line.kind == "bullet" else "about"
                section = cue or flow or default
            elif cue == "equal_opportunity" or (
                headed in cues.ask_sections and cue in OVERRIDES_IN_ASKS
            ) or (
                headed == "about" and line.kind != "bullet" and cue in cues.ask_sections
                and _addresses_reader(piece)
            ):
                section = cue
            else:
                section = headed
            flow = section
            kind = "bullet" if line.kind == "bullet" else "sentence"
            out.append(Piece(section, start, end, kind))
    return out


def _addresses_reader(sentence: str) -> bool:
    """ "You will...", "You'll..." at the start: the about part has turned to the job."""
    return re.match(r"\s*(?:you|as (?:a|an|our)\b)", sentence, re.IGNORECASE) is not None


def _line_sentences(line: Line, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The engine's sentences inside one line, clipped to it."""
    out = []
    for start, end in sentences:
        if end <= line.start or start >= line.end:
            continue
        out.append((max(start, line.start), min(end, line.end)))
    return out or [(line.start, line.end)]
