"""Whether a text says anything about the employer beyond its name.

The posting's about-the-company part names the employer's products,
customers, places and projects, and uses words a generic letter never would
("berth-scheduling", "oyster"). A letter that names one of them knows
something about this employer; one that names only the company could go to
anyone with the name swapped (rule ``posting.nothing-about-them``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..employer_names import company_pattern
from .keys import name_key
from .lexicon import Lexicon
from .model import PostingAnalysis
from .words import AnalysisLike, Word, paragraph_words


def says_something_about(
    posting: PostingAnalysis, text: AnalysisLike, lexicon: Lexicon, company: str | None = None
) -> tuple[int, int] | None:
    """Where the text first names one of the posting's about-the-company things."""
    company = company or posting.company
    for paragraph in text.paragraphs:
        found = paragraph_about(posting, paragraph.local, lexicon, company)
        if found is not None:
            return found[0] + paragraph.offset, found[1] + paragraph.offset
    return None


def paragraph_about(
    posting: PostingAnalysis, paragraph, lexicon: Lexicon, company: str | None,
    words: Sequence[Word] | None = None,
) -> tuple[int, int] | None:
    """The same within one paragraph analysis (offsets relative to it)."""
    if not posting.about_terms:
        return None
    if words is None:
        words = paragraph_words(paragraph, lexicon)
    pattern = company_pattern(company) if company else None
    masked = [m.span() for m in pattern.finditer(paragraph.text)] if pattern else []
    spots: list[tuple[int, int, bool]] = []  # each word's place, and whether masked
    where: dict[str, list[int]] = defaultdict(list)  # key -> word positions
    wanted = posting.about_keys
    for number, w in enumerate(words):
        spots.append((w.start, w.end, bool(masked) and any(
            a <= w.start and w.end <= b for a, b in masked)))
        for key in (w.stem, "~" + w.form, name_key(w.form) if w.capital else None):
            if key in wanted:
                where[key].append(number)
    for term in posting.about_terms:
        place = _find(term.stems, spots, where, whole=term.kind == "name")
        if place is not None:
            return place
    return None


def _find(keys, spots, where, whole: bool) -> tuple[int, int] | None:
    """Where all ``keys`` occur: a name as consecutive words (even inside the company's own
    name: "Plumline Go"), anything else anywhere outside the company's name."""
    if any(k not in where for k in keys):
        return None
    if whole:
        n = len(keys)
        for i in where[keys[0]]:
            if all(i + k in where[keys[k]] for k in range(1, n)) and not (n == 1 and spots[i][2]):
                return spots[i][0], spots[i + n - 1][1]
        return None
    first = None
    for key in keys:
        hit = next((i for i in where[key] if not spots[i][2]), None)
        if hit is None:
            return None
        first = first or (spots[hit][0], spots[hit][1])
    return first
