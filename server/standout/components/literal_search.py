"""Which of a set of literal strings occur in a text, in one regex scan instead of one
substring search each (the regex rules' prefixes: 35 searches of a whole letter cost
more than the regexes they spare).

One alternation of the literals, longest first, finds at each place it stops the longest
literal there; every literal that begins that one is there too. A scan resumes after
each match, so a literal that starts inside a match ("Manager" in "Hiring Manager") may be
passed over: the literals that can start inside one found are searched for on their own.
The answer is the set ``{s for s in literals if s in text}``, always.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class LiteralSearch:
    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = tuple(sorted({s for s in literals if s}))
        longest_first = sorted(self.literals, key=lambda s: (-len(s), s))
        self._scan = re.compile("|".join(map(re.escape, longest_first))) if longest_first else None
        # found literal -> the literals that begin it (itself included)
        self._begins = {s: frozenset(t for t in self.literals if s.startswith(t))
                        for s in self.literals}
        # found literal -> the literals that may start inside it, past its first character
        self._inside = {s: tuple(t for t in self.literals if _starts_inside(t, s))
                        for s in self.literals}

    def found(self, text: str) -> set[str]:
        """The literals that occur in ``text``."""
        if self._scan is None:
            return set()
        out: set[str] = set()
        for literal in set(self._scan.findall(text)):
            out |= self._begins[literal]
            for other in self._inside[literal]:
                if other not in out and other in text:
                    out.add(other)
        return out


def _starts_inside(literal: str, found: str) -> bool:
    """Whether ``literal`` can occur starting at a place inside ``found`` (not its first):
    it begins with what follows that place, or what follows begins with it."""
    return any(found[j:].startswith(literal) or literal.startswith(found[j:])
               for j in range(1, len(found)))
