"""What a detector is, what it yields, and how a surviving candidate becomes a Finding.

A detector implements one ``check:`` name (see :mod:`.registry`) for every rule
that uses it. It is built once per linter with those rules and the engine
parts it needs, and asked on every check for light :class:`Candidate` records;
the linter drops disabled rules, resolves overlaps and builds a
:class:`~standout.report.Finding` (with :func:`build_finding`) only for the
candidates that survive.

A detector declares:

- ``check``: the name it implements;
- ``passage``: whether its findings cover a passage (a sentence, a paragraph)
  rather than a phrase. Passages are never hidden by overlap resolution and are
  "text-level" rules for LanguageTool's ``mode`` (/v2);
- ``needs``: the context fields without which it does not run (``{"company"}``).

A detector may also add report data beyond findings (speaking time for an
interview answer): it sets ``reports = True`` and defines
``report_data(analysis, context)`` returning a dict, which the linter merges
into the report's ``stats``. It is asked whenever the context has what the
detector ``needs``, even when its rules are turned off: the data is not a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from ..messages import fill
from ..report import Finding

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis
    from ..context import Context
    from ..posting.service import PostingService
    from ..rulebook import Rule, RuleBook


class Candidate(NamedTuple):
    """A finding on its way: what overlap resolution needs, and the texts to fill later."""

    rule: str
    severity: str
    start: int
    end: int
    message: str  # the rule's template (its message, or its backed_message)
    values: Mapping[str, str] | None = None  # template values beyond $company and $role


@dataclass(frozen=True)
class EngineParts:
    """What a detector may use of the engine (never the whole Linter).

    ``postings`` reads job postings and compares a text with one (once per check,
    whichever detector asks first).
    """

    nlp: Language
    rulebook: RuleBook
    postings: PostingService | None = None


class Detector:
    """Base class: set ``check`` (and ``passage``, ``needs``), implement :meth:`candidates`."""

    check: ClassVar[str]
    passage: ClassVar[bool] = False
    needs: ClassVar[frozenset[str]] = frozenset()
    reports: ClassVar[bool] = False  # defines report_data()

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        self.rules = tuple(rules)
        self.rule_ids = frozenset(rule.id for rule in self.rules)

    def runs_for(self, context: Context, disabled: frozenset[str]) -> bool:
        """Whether a check with ``context`` and these rules turned off needs this detector."""
        if self.rule_ids <= disabled:
            return False
        return self.needs_met(context)

    def needs_met(self, context: Context) -> bool:
        return all(getattr(context, name) for name in self.needs)

    def report_data(self, analysis: Analysis, context: Context) -> Mapping[str, Any]:
        """Data for the report's stats (only when ``reports`` is set)."""
        return {}

    def candidates(self, analysis: Analysis, context: Context) -> Iterable[Candidate]:
        raise NotImplementedError

    def clear_cache(self) -> None:
        """Forget what was kept between checks (benches measure cold checks)."""


def build_finding(rule: Rule, candidate: Candidate, text: str, context: Context) -> Finding:
    """The one way a Finding is made: texts filled for the context and the candidate's values."""
    company, role, values = context.company, context.role, candidate.values
    if values:
        message = fill(candidate.message, company, role, **values)
        advice = fill(rule.advice, company, role, **values)
    else:  # the common case: a plain cache lookup each
        message = fill(candidate.message, company, role)
        advice = fill(rule.advice, company, role)
    return Finding(
        rule.id, rule.category, candidate.severity, candidate.start, candidate.end,
        text[candidate.start : candidate.end], message, advice, rule.title,
    )
