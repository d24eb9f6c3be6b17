"""The employers in the history, found by any written form of their name.

"ACME Inc.", "Acme" and "Acme Corporation" are one employer (``same_company``,
as in the employer checks). Names are indexed by their first word, so finding
whether a name in a text is an employer applied to before costs one dictionary
lookup, however many employers the history holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..employer_names import _core_name


@dataclass(frozen=True, slots=True)
class Sent:
    """What the checks need of one stored application (never its texts)."""

    id: int
    company: str
    role: str
    sent_on: str
    key: tuple[str, ...] = ()  # the company's name_key, computed once

    @classmethod
    def of(cls, id: int, company: str, role: str, sent_on: str) -> Sent:
        return cls(id, company, role, sent_on, name_key(company))


def name_key(name: str) -> tuple[str, ...]:
    """The words that name an employer: "ACME Inc." and "Acme" give ("acme",)."""
    return tuple(_core_name(name).casefold().split())


def same_key(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """:func:`same_company` on keys: one name's words start the other's."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return bool(shorter) and longer[: len(shorter)] == shorter


class CompanyIndex:
    def __init__(self, applications: Iterable[Sent]) -> None:
        self._groups: dict[tuple[str, ...], list[Sent]] = {}
        for sent in applications:
            key = sent.key or name_key(sent.company)
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
            if same_key(key, candidate):
                found.extend(self._groups[candidate])
        found.sort(key=lambda s: (s.sent_on, s.id))
        return found

    def is_known(self, name: str) -> bool:
        key = name_key(name)
        return bool(key) and key[0] in self._by_first and bool(self.applications_to(name))
