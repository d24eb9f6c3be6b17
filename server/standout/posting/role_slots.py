"""Role titles in role slots: "the Marketing Coordinator position", "the role of ...".

A slot is where a letter names the job it applies for. A title there that is
not the target role is a leftover from another application (rule
``employer.other-role``). Titles of the writer's own jobs ("my role as Shift
Lead", "as a Marketing Coordinator at Globex I...", "when I was promoted to the
Team Leader role") are not slots. A title must end in a role noun
(models/wordlists/role-nouns.txt) or hold one before "of" ("Teacher of
Science"), so "the exciting role" and "the advertised position" are not titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..resources import wordlist
from .cues import APOSTROPHES

SLOT_NOUNS = r"(?:role|position|post|vacancy|job|opening|opportunity|internship|placement)"
TITLE_WORD = r"[A-Za-z][\w'’&/.-]*"
TITLE = rf"{TITLE_WORD}(?:\s+(?:of|and|&|for|in)?\s*{TITLE_WORD}){{0,6}}?"
# "the Backend Software Engineer role", "this Data Analyst position"
BEFORE_NOUN = re.compile(
    rf"\b(?:the|this|your|a|an)\s+(?P<title>{TITLE})(?P<note>\s*\([^()]{{1,40}}\))?\s+{SLOT_NOUNS}\b",
    re.I)
# "the role of Marketing Coordinator", "the position of Staff Nurse"
AFTER_NOUN = re.compile(
    rf"\b(?:the\s+)?{SLOT_NOUNS}\s+(?:of|as)\s+(?:an?\s+|the\s+)?(?P<title>{TITLE})"
    rf"(?=\s*(?:[.,;:!?)]|\s+(?:at|with|in|for|and|within|on|here|role|position)\b|$))", re.I)
# "apply to be your next Marketing Coordinator", "join you as your new Shift Lead"
# Not "as the only electrician on site" or "as the first nurse on the ward": who the
# writer was, not the job applied for.
AS_YOUR = re.compile(
    rf"\b(?:as|be)\s+(?:your|the)\s+(?!(?:only|sole|lone|first|one|main|last)\b)"
    rf"(?:new\s+|next\s+)?(?P<title>{TITLE})"
    rf"(?=\s*(?:[.,;:!?)]|\s+(?:at|with|in|for|and|here)\b|$))", re.I)
# Every slot holds one of these: a cheap test before the three patterns.
PREFILTER = re.compile(rf"\b{SLOT_NOUNS}\b|\b(?:as|be)\s+(?:your|the)\b", re.I)
OWN = {"my", "our", "his", "her", "their", "previous", "former", "current", "last", "earlier",
       "prior", "old", "first", "existing", "present"}
PAST = {"promoted", "held", "took", "moved", "stepped", "hired", "covered", "filled", "was",
        "were", "had", "left", "started", "worked", "served", "spent", "joined", "became",
        "been", "did", "doing", "in", "into", "from", "during", "after", "before", "while"}
# Words no title holds, lowercase: a run with one of them is a comparison or a second
# slot ("the job rather than a coordinator role", "this post, not a manager role").
NOT_IN_TITLES = frozenset({"than", "rather", "instead", "not", "unlike", "job", "role",
                           "position", "post", "vacancy"})
GENERIC = {"senior", "junior", "new", "next", "trainee", "graduate", "entry", "level", "full",
           "time", "part", "permanent", "temporary", "contract", "interim", "acting", "the"}


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(wordlist("role-nouns"))


@dataclass(frozen=True)
class Slot:
    start: int  # the title's span in the text, with any "(Nights)" after it
    end: int
    title: str


@lru_cache(maxsize=4096)
def role_slots(text: str) -> tuple[Slot, ...]:
    """Every role title the text names as the job it is applying for (cached by text:
    the role check asks for every paragraph on every check)."""
    if not PREFILTER.search(text):
        return ()  # no slot word at all: most paragraphs
    plain = text.translate(APOSTROPHES)
    found: dict[tuple[int, int], Slot] = {}
    for pattern in (BEFORE_NOUN, AFTER_NOUN, AS_YOUR):
        for match in pattern.finditer(plain):
            start, end = match.span("title")
            title = _trim_title(text[start:end])
            if title is None:
                continue
            if pattern is AS_YOUR and text[start + len(title) : end].strip(".,;:!?'’ "):
                continue  # "as your head of department explained": their staff, not a slot
            end = start + len(title)
            if "note" in pattern.groupindex and match.group("note"):
                end = match.end("note")
            if _own_or_past(plain, match.start()):
                continue
            if not any(s <= start < e or start <= s < end for s, e in found):
                found[(start, end)] = Slot(start, end, title)
    return tuple(sorted(found.values(), key=lambda s: s.start))


def _trim_title(title: str) -> str | None:
    """The title up to its head noun, or None when it holds no role noun."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", title)]
    words = [title[a:b] for a, b in spans]
    nouns = role_nouns()
    heads = [i for i, w in enumerate(words) if w.lower().strip(".,'’") in nouns]
    if not heads:
        return None
    if any(w in NOT_IN_TITLES for w in words[: heads[-1]]):
        return None  # "this job rather than a coordinator role": two jobs, compared
    last = heads[-1]
    # "Teacher of Science": the capitalised words after "of" belong to the title ("Head of
    # Department", not the "explained" after it).
    if last + 2 < len(words) and words[last + 1].lower() == "of" and words[last + 2][:1].isupper():
        last += 2
        while last + 1 < len(words) and (words[last + 1][:1].isupper() or (
                words[last + 1].lower() in ("and", "&", "of") and last + 2 < len(words)
                and words[last + 2][:1].isupper())):
            last += 1
    if all(w[:1].islower() for w in words[: last + 1]) and last + 1 > 6:
        return None
    return title[: spans[last][1]].rstrip(".,;:!?'’")


def _own_or_past(plain: str, at: int) -> bool:
    """ "my role as", "when I was promoted to the Team Leader role": not a slot."""
    before = re.findall(r"[\w']+", plain[max(0, at - 40) : at].lower())[-4:]
    if before[-2:-1] and before[-2] in ("interest", "interested") and before[-1] == "in":
        before = before[:-1]  # "interested in the Data Analyst role" is a slot
    # "my previous role as", but not "my application for the ... post"
    if before[-1:] and before[-1] in NOT_IN_TITLES:
        return True  # "this post, not a manager role": the job compared with, not applied for
    return bool(set(before[-2:]) & OWN) or bool(set(before[-3:]) & PAST)


def title_words(title: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", title.lower().translate(APOSTROPHES))
            if w not in GENERIC and w not in ("of", "and", "for", "in", "a", "an")]


def same_role(title: str, target: str) -> bool:
    """Whether a slot's title fits the target role.

    Titles are compared word by word (prefixes of four letters or more meet:
    "engineering" and "engineer"). The title fits when its head noun is one of
    the target's words and at most one other word of it is not; an acronym of
    the target's words fits too ("BDM").
    """
    words = title_words(title)
    target_words = title_words(target)
    if not words or not target_words:
        return True
    acronym = "".join(w[0] for w in target_words)
    if len(words) == 1 and len(words[0]) >= 2 and words[0] in acronym:
        return True
    nouns = role_nouns()
    heads = [w for w in words if w in nouns] or words[-1:]
    if not any(_meets(h, t) for h in heads for t in target_words):
        return False
    unmatched = [w for w in words if w not in heads and not any(_meets(w, t) for t in target_words)]
    return len(unmatched) <= 1


def _meets(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short[: max(4, len(short) - 2)])


def other_roles(text: str, target: str) -> list[Slot]:
    """The role slots of ``text`` whose title is not the target role."""
    return [slot for slot in role_slots(text) if not same_role(slot.title, target)]
