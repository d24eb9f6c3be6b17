"""Whether a text says anything about the employer beyond its name.

The posting's about-the-company part names the employer's products,
customers, places and projects, and uses words a generic letter never would
("berth-scheduling", "oyster"). A letter that names one of them knows
something about this employer; one that names only the company could go to
anyone with the name swapped (rule ``posting.nothing-about-them``).
"""

from __future__ import annotations

from ..employer import company_pattern
from .keys import name_key
from .lexicon import Lexicon
from .model import PostingAnalysis
from .words import AnalysisLike


def says_something_about(
    posting: PostingAnalysis, text: AnalysisLike, lexicon: Lexicon, company: str | None = None
) -> tuple[int, int] | None:
    """Where the text first names one of the posting's about-the-company things."""
    if not posting.about_terms:
        return None
    company = company or posting.company
    pattern = company_pattern(company) if company else None
    masked = [m.span() for m in pattern.finditer(text.text)] if pattern else []
    spots: list[tuple[set[str], int, int, bool]] = []  # each word's keys, place, masked
    for paragraph in text.paragraphs:
        offset = paragraph.offset
        for form, start, end in paragraph.local.stream_tuples:
            start, end = start + offset, end + offset
            found = {lexicon.stem(form), "~" + form}
            if text.text[start : start + 1].isupper():
                found.add(name_key(form))
            spots.append((found, start, end, any(a <= start and end <= b for a, b in masked)))
    for term in posting.about_terms:
        place = _find(term.stems, spots, whole=term.kind == "name")
        if place is not None:
            return place
    return None


def _find(keys, spots, whole: bool) -> tuple[int, int] | None:
    """Where all ``keys`` occur: a name as consecutive words (even inside the company's own
    name: "Plumline Go"), anything else anywhere outside the company's name."""
    if whole:
        n = len(keys)
        for i in range(len(spots) - n + 1):
            if all(keys[k] in spots[i + k][0] for k in range(n)) and not (
                    n == 1 and spots[i][3]):
                return spots[i][1], spots[i + n - 1][2]
        return None
    first = None
    for key in keys:
        hit = next((s for s in spots if key in s[0] and not s[3]), None)
        if hit is None:
            return None
        first = first or (hit[1], hit[2])
    return first
