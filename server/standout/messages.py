"""Filling rule texts. Messages and advice are templates: ``$company``, ``$role``,
and values a check supplies (``$other`` for employer.other, ``$other_role`` for
employer.other-role, ``$copied`` for posting.echo; ``$share``, ``$sample``... for
sample matches; ``$applied``, ``$employers`` for the history checks). What is not
known is said generically.
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
    "applied": "them before",  # history: "Acme for Data Analyst on 3 May"
    "employers": "other employers",  # history: "2 other employers: Acme on 3 May and ..."
    "part": "This sentence",
}


def fill(
    template: str, company: str | None = None, role: str | None = None, **values: str | None
) -> str:
    """``template`` with the given values; missing or empty ones take the generic wording."""
    if not values:  # the common case, once per finding: a plain cache lookup
        return _fill_context(template, company, role)
    values.update(company=company, role=role)
    filled = tuple(sorted((k, v) for k, v in values.items() if v))
    if sum(len(v) for _, v in filled) > MAX_CACHED_VALUES:
        return _fill.__wrapped__(template, filled)  # not worth keeping
    return _fill(template, filled)


def generic(template: str) -> str:
    """``template`` as a listing shows it, with nothing known about the reader's context."""
    return _fill(template, ())


# The caches hold rule texts (a few hundred characters) filled with short values: the
# context fields are capped (context.MAX_LENGTH) and longer values a check supplies
# are filled without being kept, so each entry stays under a few kilobytes.
MAX_CACHED_VALUES = 400


@lru_cache(maxsize=4096)
def _fill_context(template: str, company: str | None, role: str | None) -> str:
    return _fill(template, tuple((k, v) for k, v in (("company", company), ("role", role)) if v))


@lru_cache(maxsize=2048)
def _fill(template: str, values: tuple[tuple[str, str], ...]) -> str:
    return string.Template(template).safe_substitute(GENERIC, **dict(values))
