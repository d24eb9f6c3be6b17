"""The role and the company, when the posting states them plainly.

Boards put the title on the first line and the company on the next ("Quaymark
Software - Aberdeen or remote (UK)"; "St Brannoc's Hospital, Northdown
Healthcare Trust, Tawmouth"). The company is the header segment the rest of the
posting confirms: named again in the body, as the subject of the equal
opportunities statement, in an "About X" heading, or with an organisation word
("Ltd", "Trust", "Hotel"). Places score on mentions only, and a parent
("part of Hollowell Coastal Inns") scores less than the employer itself. When
nothing is confirmed, there is no company: a wrong one would turn every
employer check against the user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .layout import Piece

SPLIT = re.compile(r"\s+[-–—|·•]\s+|\s*[,(|)]\s*|\s+at\s+")
ORG_WORDS = {
    "ltd", "limited", "llp", "plc", "inc", "llc", "co", "company", "group", "trust", "council",
    "school", "college", "university", "hospital", "hotel", "inns", "press", "labs", "software",
    "solutions", "services", "partners", "foundation", "charity", "nursery", "pharmacy",
    "academy", "clinic", "practice", "bank", "homes", "construction", "distribution", "theatres",
    "restaurant", "kitchen", "studio", "studios", "agency", "associates", "systems", "gmbh",
}
PARENT = re.compile(r"^(?:part of|a member of|member of|division of|subsidiary of)\s+", re.I)
MIN_SCORE = 3
SHORT_NAME_ZIPF = 3.5


def read_role(text: str, pieces: Sequence[Piece]) -> str | None:
    header = [p for p in pieces if p.section is None]
    if not header:
        return None
    first = text[header[0].start : header[0].end].strip()
    words = first.split()
    if not words or len(words) > 14 or first.endswith((".", "!", "?")):
        return None
    return first


def read_company(text: str, pieces: Sequence[Piece]) -> str | None:
    header = [p for p in pieces if p.section is None]
    body_start = header[-1].end if header else 0
    body = text[body_start:]
    candidates: list[tuple[float, int, str]] = []
    lines = [text[p.start : p.end] for p in header[1:]]
    if header:
        first = text[header[0].start : header[0].end]
        at = re.search(r"\s+at\s+(.+)$", first)
        if at:
            lines.insert(0, at.group(1))
    order = 0
    for line in lines:
        for segment in SPLIT.split(line):
            segment = segment.strip(" .;:")
            parent = PARENT.match(segment)
            if parent:
                segment = segment[parent.end():]
            if not _is_name(segment):
                continue
            score = _score(segment, body, text) + (2 if order == 0 else 0) - (2 if parent else 0)
            candidates.append((score, -order, segment))
            order += 1
    for pattern in (r"\bAbout ([A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*){0,4})\s*$",
                    r"^([A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*){0,4}) is an? equal"):
        for match in re.finditer(pattern, body, re.M):
            candidates.append((_score(match.group(1), body, text), -order, match.group(1)))
            order += 1
    if not candidates:
        return None
    score, _, best = max(candidates)
    return best if score >= MIN_SCORE else None


def _is_name(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > 6:
        return False
    capitals = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return segment[:1].isupper() and len(capitals) >= max(1, len(words) - 2) and not any(
        ch.isdigit() for ch in segment)


def _score(name: str, body: str, text: str) -> float:
    words = name.split()
    core = [w for w in words if w.lower() not in ("the", "st", "st.", *ORG_WORDS)]
    key = re.sub(r"['’]s$", "", core[0]) if core else ""
    score = 0.0
    if words[-1].lower().strip(".") in ORG_WORDS:
        score += 2
    if key:
        mentions = len(re.findall(r"(?<!\w)" + re.escape(key) + r"(?!\w)", body))
        score += min(3, mentions)
        if re.search(r"(?<!\w)" + re.escape(key) + r"[\w\s'’&.-]{0,40}?\bis an? equal opportunit",
                     text, re.I) or re.search(
                r"(?<!\w)" + re.escape(key) + r"[\w\s'’&.-]{0,40}?\bis committed to", text):
            score += 3
        if re.search(r"^About (?:the )?" + re.escape(key), body, re.M):
            score += 3
    return score


def short_company(company: str, zipf) -> str:
    """The name letters call the employer by: "Pennywort" for "Pennywort Logistics Ltd".

    Letters say "Dear Quaymark team", not "Quaymark Software": a first word as rare
    as a name stands for the whole (``zipf`` tells how common a word is); otherwise
    the name without its legal and organisation words ("Blue Sky" for "Blue Sky
    Software Ltd"), or the whole name when nothing would be left.
    """
    words = [w for w in company.split() if w.lower() not in ("the",)]
    core = [w for w in words if w.lower().strip(".,") not in ORG_WORDS]
    if core and zipf(re.sub(r"['’]s$", "", core[0]).lower()) < SHORT_NAME_ZIPF:
        return core[0]
    return " ".join(core) or company
