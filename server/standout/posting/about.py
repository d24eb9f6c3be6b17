"""Whether a text says anything about the employer beyond its name.

The posting's about-the-company part names the employer's products,
customers, places and projects, and uses words a generic letter never would
("berth-scheduling", "oyster"). A letter that names one of them knows
something about this employer; one that names only the company could go to
anyone with the name swapped (rule ``posting.nothing-about-them``).
"""

from __future__ import annotations

from .lexicon import Lexicon
from .model import PostingAnalysis
from .words import AnalysisLike


def says_something_about(
    posting: PostingAnalysis, text: AnalysisLike, lexicon: Lexicon
) -> tuple[int, int] | None:
    """Where the text first names one of the posting's about-the-company things."""
    if not posting.about_terms:
        return None
    stems: dict[str, tuple[int, int]] = {}
    for paragraph in text.paragraphs:
        offset = paragraph.offset
        for form, start, end in paragraph.local.stream_tuples:
            stems.setdefault(lexicon.stem(form), (start + offset, end + offset))
    for term in posting.about_terms:
        if all(s in stems for s in term.stems):
            return stems[term.stems[0]]
    return None
