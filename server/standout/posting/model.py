"""What a posting analysis holds: asks, their terms, sections, role and company."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .echo import EchoIndex


@dataclass(frozen=True)
class Term:
    """A key term of an ask: "relational databases", "PostgreSQL", "lead ... team".

    A text names the term when one of its ``anchors`` (stems distinctive enough
    to stand alone: "postgresql", "relat") appears, or all of its ``stems`` do
    in one sentence. ``kind`` is "thing" for noun phrases, "action" for a verb
    with its object ("motivate the team"), which only ever matches whole.
    """

    text: str
    stems: tuple[str, ...]
    anchors: tuple[tuple[str, ...], ...]  # each needs all its stems ("vessel", "track")
    weight: float
    kind: str = "thing"


@dataclass(frozen=True)
class Ask:
    """One requirement or responsibility of the posting."""

    text: str
    start: int
    end: int
    section: str  # "responsibilities" | "requirements" | "nice_to_have"
    terms: tuple[Term, ...]
    weight: float  # rank: section and how distinctive its terms are

    @property
    def label(self) -> str:
        """What a checklist calls the ask: its strongest terms."""
        things = [t for t in self.terms if t.kind == "thing"] or list(self.terms)
        best = sorted(things, key=lambda t: -t.weight)[:2]
        ordered = [t for t in things if t in best]
        return ", ".join(t.text for t in ordered)


@dataclass(frozen=True)
class Section:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class PostingAnalysis:
    """A posting, read once and cached by content (see :mod:`.analyser`)."""

    text: str
    sections: tuple[Section, ...]
    asks: tuple[Ask, ...]  # in posting order
    top: tuple[int, ...]  # indices into ``asks``, best first, at most TOP_ASKS
    role: str | None
    company: str | None
    company_short: str | None  # what letters call it ("Pennywort"): the context's company
    # Distinctive things from the about-the-company part: names of products,
    # places, customers and projects, and rare words ("berth-scheduling").
    about_terms: tuple[Term, ...]
    # Lowercase names the posting uses: naming one is not evidence of anything.
    names: frozenset[str]
    # The employer's own names from the about part (products, places, projects),
    # and the stems of that part's words: praising them claims nothing.
    about_names: frozenset[str]
    about_stems: frozenset[str]
    # Numbers as the posting uses them ("news2", "band 5", "3 year"): copying one
    # back is not evidence.
    number_phrases: frozenset[str]
    echo: EchoIndex
    notes: tuple[str, ...] = field(default=())  # "no asks found", "not English?"

    @cached_property
    def about_names_pattern(self) -> re.Pattern[str] | None:
        """One regex for the employer's own names (praising them names no ask)."""
        names = sorted((n for n in self.about_names if len(n) > 2), key=len, reverse=True)
        if not names:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                          re.IGNORECASE)

    @cached_property
    def about_keys(self) -> frozenset[str]:
        """Every key an about-the-company term needs: the only words worth indexing."""
        return frozenset(k for term in self.about_terms for k in term.stems)

    @cached_property
    def own_names(self) -> frozenset[str]:
        """The employer's own names: the company, and the names of the header and about
        part (sites, brands, parent: "Carrock Gate", "Hollowell Coastal Inns")."""
        return frozenset(n for n in (*self.about_names, self.company or "") if n)

    @cached_property
    def name_words(self) -> frozenset[str]:
        return frozenset(w for name in self.names for w in name.split())

    @cached_property
    def term_index(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """stem -> (ask, term) pairs whose term holds it: the per-sentence lookup."""
        index: dict[str, list[tuple[int, int]]] = {}
        for a, ask in enumerate(self.asks):
            for t, term in enumerate(ask.terms):
                for stem in term.stems:
                    index.setdefault(stem, []).append((a, t))
        return {k: tuple(v) for k, v in index.items()}

    @property
    def top_asks(self) -> list[Ask]:
        return [self.asks[i] for i in self.top]
