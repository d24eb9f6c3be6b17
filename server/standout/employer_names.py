"""Comparing employer names: "Acme", "ACME Inc." and "Acme Corporation" are one employer."""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis import Specific

_LEGAL = re.compile(
    r"[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|"
    r"group|holdings)\.?$",
    re.IGNORECASE,
)


def _core_name(name: str) -> str:
    name = name.strip().strip(".,;:!?'\"“”’")
    name = re.sub(r"['’]s$", "", name)
    previous = None
    while previous != name:
        previous = name
        name = _LEGAL.sub("", name).strip()
    return name


@lru_cache(maxsize=256)
def company_pattern(company: str) -> re.Pattern[str] | None:
    """Any written form of ``company`` in a text, or ``None`` when nothing is left of its name."""
    core = _core_name(company)
    if not core:
        return None
    words = [re.escape(w) for w in core.split()]
    return re.compile(r"(?<!\w)" + r"[\s-]*".join(words) + r"(?!\w)", re.IGNORECASE)


def same_company(mention: str, company: str) -> bool:
    """Whether one name is the other's start ("Acme" and "ACME Inc."); "The" is not part
    of a name ("The Gullstone" is "Gullstone Hotel")."""
    a = _without_the(_core_name(mention).casefold().split())
    b = _without_the(_core_name(company).casefold().split())
    if not a or not b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[: len(shorter)] == shorter


def _without_the(words: list[str]) -> list[str]:
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def names_company(specific: Specific, company: str | None) -> bool:
    return bool(company) and specific.label == "NAME" and same_company(specific.text, company)


def repeats_context(specific: Specific, company: str | None, role: str | None) -> bool:
    """Whether a specific only repeats what the context says: the employer's own name, or
    words of the role's title ("Transport Planner", the "3" of "Year 3 Teacher").

    Neither is evidence of anything (every letter to that employer names it), so
    neither backs a generic sentence nor counts towards the score.
    """
    if not (company or role) or specific.label not in ("NAME", "NUMBER"):
        return False  # a concrete action or a date is the writer's own
    return _repeats(specific.text, specific.label, company or "", role or "")


@lru_cache(maxsize=4096)
def _repeats(text: str, label: str, company: str, role: str) -> bool:
    if company and label == "NAME" and same_company(text, company):
        return True
    return bool(role) and f" {_words(text)} " in f" {_words(role)} "


def _words(text: str) -> str:
    """Lowercase words only: "Administrative Officer (Housing Services)" has "housing"."""
    return " ".join(re.findall(r"\w+", text.casefold()))
