"""Filling rule texts. Messages and advice are templates: ``$company``, ``$role``,
and values a check supplies (``$other`` for employer.other, ``$other_role`` for
employer.other-role, ``$copied`` for posting.echo; ``$share``, ``$sample``... for
sample matches). What is not known is said generically.
"""

from __future__ import annotations

import string
from functools import lru_cache

GENERIC = {
    "company": "the employer",
    "role": "the role",
    "other": "another employer",
    "share": "Much",
    "retained": "much",
    "sample": "a sample answer",
    "title": "a sample answer",
    "question": "a common question",
    "we_times": "again and again",
    "i_times": "hardly at all",
    "copied": "the posting's words",
    "other_role": "another role",
    "part": "This sentence",
}


def fill(
    template: str, company: str | None = None, role: str | None = None, **values: str | None
) -> str:
    """``template`` with the given values; missing or empty ones take the generic wording."""
    if not values:  # the common case, once per finding: a plain cache lookup
        return _fill_context(template, company, role)
    values.update(company=company, role=role)
    return _fill(template, tuple(sorted((k, v) for k, v in values.items() if v)))


def generic(template: str) -> str:
    """``template`` as a listing shows it, with nothing known about the reader's context."""
    return _fill(template, ())


@lru_cache(maxsize=8192)
def _fill_context(template: str, company: str | None, role: str | None) -> str:
    return _fill(template, tuple((k, v) for k, v in (("company", company), ("role", role)) if v))


@lru_cache(maxsize=8192)
def _fill(template: str, values: tuple[tuple[str, str], ...]) -> str:
    return string.Template(template).safe_substitute(GENERIC, **dict(values))
