"""The employers in the history, found by any written form of their name.

"ACME Inc.", "Acme" and "Acme Corporation" are one employer (``same_company``,
as in the employer checks). Names are indexed by their first word, so finding
whether a name in a text is an employer applied to before costs one dictionary
lookup, however many employers the history holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..employer import _core_name, same_company


@dataclass(frozen=True, slots=True)
class Sent:
    """What the checks need of one stored application (never its texts)."""

    id: int
    company: str
    role: str
    sent_on: str


def name_key(name: str) -> tuple[str, ...]:
    return tuple(_core_name(name).casefold().split())


class CompanyIndex:
    def __init__(self, applications: Iterable[Sent]) -> None:
        self._groups: dict[tuple[str, ...], list[Sent]] = {}
        for sent in applications:
            key = name_key(sent.company)
            if key:
                self._groups.setdefault(key, []).append(sent)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in self._groups:
            self._by_first.setdefault(key[0], []).append(key)
        for group in self._groups.values():
            group.sort(key=lambda s: (s.sent_on, s.id))

    def __len__(self) -> int:
        return len(self._groups)

    def applications_to(self, name: str) -> list[Sent]:
        """The applications sent to the employer ``name`` names, oldest first."""
        key = name_key(name)
        if not key:
            return []
        found: list[Sent] = []
        for candidate in self._by_first.get(key[0], ()):
            shorter, longer = sorted((key, candidate), key=len)
            if longer[: len(shorter)] == shorter:
                found.extend(self._groups[candidate])
        found.sort(key=lambda s: (s.sent_on, s.id))
        return found

    def is_known(self, name: str) -> bool:
        key = name_key(name)
        return bool(key) and key[0] in self._by_first and bool(self.applications_to(name))


def same_employer(a: str, b: str | None) -> bool:
    return bool(b) and same_company(a, b)
