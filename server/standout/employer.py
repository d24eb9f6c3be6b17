"""Comparing employer names: "Acme", "ACME Inc." and "Acme Corporation" are one employer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis import Analysis, Specific


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


def company_pattern(company: str) -> re.Pattern[str] | None:
    core = _core_name(company)
    if not core:
        return None
    words = [re.escape(w) for w in core.split()]
    return re.compile(r"(?<!\w)" + r"[\s-]*".join(words) + r"(?!\w)", re.IGNORECASE)


def same_company(mention: str, company: str) -> bool:
    a = _core_name(mention).casefold().split()
    b = _core_name(company).casefold().split()
    if not a or not b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[: len(shorter)] == shorter


def names_company(specific: Specific, company: str | None) -> bool:
    return bool(company) and specific.label == "NAME" and same_company(specific.text, company)


def missing_anchor(analysis: Analysis) -> tuple[int, int]:
    """Where to point when the company is never named: a generic stand-in, else the opening."""
    for paragraph in analysis.paragraphs:
        if paragraph.generic_references:
            return paragraph.generic_references[0]
    for paragraph in analysis.paragraphs:
        for start, end in paragraph.sentences:
            if paragraph.words >= 8 or len(analysis.paragraphs) == 1:
                return start, end
    first = analysis.paragraphs[0].sentences[0]
    return first
