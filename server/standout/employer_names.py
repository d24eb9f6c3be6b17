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
