"""What a text is for: the employer, the role, the question it answers, the job posting,
and its kind.

``kind`` says what the text is: a ``letter``, an ``answer`` (to an interview or
application question) or ``questions`` (the candidate's own, for the
interviewer). When it is not given the linter infers it (see
:mod:`standout.interview.kinds`) and reports the result as ``stats.kind``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIELDS = ("company", "role", "question", "url", "posting", "kind")
KINDS = ("letter", "answer", "questions")
# A job ad is 2,000 to 10,000 characters; past this it is not one (or not only one),
# and reading it would hold up the check it came with.
MAX_POSTING_CHARS = 50_000


class PostingTooLong(ValueError):
    """``context.posting`` is longer than :data:`MAX_POSTING_CHARS`."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"context.posting has {length:,} characters; a posting may have at most "
            f"{MAX_POSTING_CHARS:,}. Paste the job ad only."
        )
        self.length = length


@dataclass(frozen=True)
class Context:
    """What the text is for. Every field is optional.

    ``posting`` is the job ad as plain text; when ``company`` or ``role`` is not
    given, the linter takes them from the posting if it states them plainly.
    """

    company: str | None = None
    role: str | None = None
    question: str | None = None
    url: str | None = None
    posting: str | None = None
    kind: str | None = None  # one of KINDS; None: inferred from the text and the question

    @classmethod
    def coerce(cls, value: Context | dict[str, Any] | None) -> Context:
        if value is None:
            return cls()
        if isinstance(value, Context):
            return value
        if not isinstance(value, dict):
            raise TypeError("context must be a dict or a Context")
        unknown = set(value) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown context field(s): {', '.join(sorted(unknown))}")
        clean = {}
        for key, item in value.items():
            if item is not None and not isinstance(item, str):
                raise TypeError(f"context.{key} must be a string")
            clean[key] = item.strip() or None if item is not None else None
        return cls(**clean)

    def __post_init__(self) -> None:
        if self.posting is not None and len(self.posting) > MAX_POSTING_CHARS:
            raise PostingTooLong(len(self.posting))
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"context.kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
