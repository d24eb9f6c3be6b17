"""How the history checks speak of past applications: names, dates and counts, never texts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .companies import Sent

LISTED = 3  # applications named in one message; the rest are counted


def day(sent_on: str, today: date | None = None) -> str:
    """ "3 May" this year, "3 May 2024" before."""
    when = date.fromisoformat(sent_on)
    today = today or date.today()
    text = f"{when.day} {when:%B}"
    return text if when.year == today.year else f"{text} {when.year}"


def joined(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def applied(applications: Sequence[Sent], today: date | None = None) -> str:
    """ "Acme for Data Analyst on 3 May", or "Acme twice: for X on 3 May and on 9 June"."""
    if not applications:
        return ""
    ordered = sorted(applications, key=lambda s: (s.sent_on, s.id), reverse=True)
    name = ordered[0].company
    parts = [(f"for {s.role} " if s.role else "") + f"on {day(s.sent_on, today)}"
             for s in ordered[:LISTED]]
    if len(ordered) > LISTED:
        parts.append(f"{len(ordered) - LISTED} more")
    if len(ordered) == 1:
        return f"{name} {parts[0]}"
    recent = ", most recently" if len(ordered) > LISTED else ":"
    return f"{name} {times(len(ordered))}{recent} {joined(parts)}"


def employers(newest: Sequence[Sent], count: int, today: date | None = None) -> str:
    """ "2 other employers: Globex on 9 May and Acme on 3 May".

    ``newest``: the latest application to each of the most recent employers, newest
    first (only the first few are named); ``count``: how many employers in all.
    """
    noun = "employer" if count == 1 else "employers"
    named = [f"{s.company} on {day(s.sent_on, today)}" for s in newest[:LISTED]]
    if count > LISTED:
        return f"{count} other {noun}, most recently {joined(named)}"
    return f"{count} other {noun}: {joined(named)}"
