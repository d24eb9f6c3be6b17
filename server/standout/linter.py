"""The linter: rules in, findings out. Knows nothing of HTTP or the command line.

A text is analysed paragraph by paragraph (see :mod:`standout.paragraphs`). Each
paragraph's analysis is context-free and cached, so re-checking a long letter
after a one-word edit re-runs spaCy on one paragraph only. Everything that
depends on the context (the target company) or on the whole text (the score,
overlaps, the employer checks) is computed from the cached analyses each time.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from .analysis import Analysis, Match, ParagraphAnalysis, PlacedParagraph, Specific
from .components.specifics import ACTION, DATE, NAME, NUMBER
from .config import UserConfig
from .detectors import load_detector
from .employer import company_pattern, missing_anchor, names_company, same_company
from .messages import fill
from .overlaps import resolve
from .paragraph_analyser import analyse_paragraphs
from .paragraphs import paragraphs
from .pipeline import build_pipeline
from .report import Context, Finding, Report
from .rulebook import SEVERITY_RANK, Rule, RuleBook, load_rulebook
from .score import DISCOUNTING, discounted_specifics, stand_out_score

__all__ = [
    "Analysis", "Linter", "Match", "ParagraphAnalysis", "PlacedParagraph", "Specific",
    "resolve",
]

# `check:` rules whose findings cover a passage, not a phrase (never hidden by overlaps).
PASSAGE_CHECKS = {"employer-missing", "sample"}
# `check:` rules implemented by a detector class rather than by the linter itself.
DETECTED = {"sample"}


class Candidate(NamedTuple):
    """A phrase-level match on its way to becoming a :class:`Finding`."""

    rule: str
    severity: str
    start: int
    end: int
    message: str  # the rule's text, not yet filled for the context


class Linter:
    """Loads the rules and the pipeline once; :meth:`check` is cheap per call."""

    def __init__(
        self,
        *,
        config: UserConfig | None = None,
        rule_dirs: Iterable[Path] = (),
        cache_size: int = 4096,
    ) -> None:
        self.config = config if config is not None else UserConfig.load()
        self.rulebook: RuleBook = load_rulebook([*self.config.rule_dirs, *rule_dirs])
        self.nlp = build_pipeline(self.rulebook)
        self._cache: OrderedDict[str, ParagraphAnalysis] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.cache_hits = 0
        self.cache_misses = 0
        self._checks = [rule for rule in self.rulebook if rule.kind == "check"]
        # Checks implemented by a detector class (see detectors.py), e.g. sample answers.
        self.detectors = [
            load_detector(rule, self) for rule in self._checks if rule.check in DETECTED
        ]
        self._passage_rules = {rule.id for rule in self._checks if rule.check in PASSAGE_CHECKS}
        self._disabled_by_config = frozenset(
            rule.id for rule in self.rulebook if not self.is_enabled(rule)
        )

    # --- public API -------------------------------------------------------

    @property
    def rules(self) -> list[Rule]:
        return list(self.rulebook)

    def is_enabled(self, rule: Rule, disabled_rules=(), disabled_categories=()) -> bool:
        return not (
            rule.id in self.config.disabled_rules
            or rule.category in self.config.disabled_categories
            or rule.id in disabled_rules
            or rule.category in disabled_categories
        )

    def check(
        self,
        text: str,
        context: Context | dict[str, Any] | None = None,
        *,
        disabled_rules: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
        min_severity: str = "info",
        resolve_overlaps: bool = True,
    ) -> Report:
        """Check ``text``; offsets in the report are Python string indices."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        if min_severity not in SEVERITY_RANK:
            raise ValueError(f"min_severity must be one of {', '.join(SEVERITY_RANK)}")
        context = Context.coerce(context)
        analysis = self.analyse(text)
        disabled = self._disabled(set(disabled_rules), set(disabled_categories))

        # Phrase-level matches stay light candidates until overlaps are resolved:
        # most letters have twice as many raw matches as findings.
        candidates: list[Candidate | Finding] = [
            self._candidate(match, paragraph.offset, context)
            for paragraph in analysis.paragraphs
            for match in paragraph.local.matches
            if match.rule not in disabled
        ]
        candidates += self._employer_findings(analysis, context)
        for detector in self.detectors:
            candidates += detector.findings(analysis, context)
        candidates = [c for c in candidates if c.rule not in disabled]
        if resolve_overlaps:
            candidates = resolve(candidates, exempt=lambda c: c.rule in self._passage_rules)
        floor = SEVERITY_RANK[min_severity]
        findings = [
            self._finding(c, analysis.text, context) if isinstance(c, Candidate) else c
            for c in candidates
            if SEVERITY_RANK[c.severity] >= floor
        ]
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Report(tuple(findings), *self._score_and_stats(analysis, findings))

    def _disabled(self, rules: set[str], categories: set[str]) -> frozenset[str]:
        """Ids of the rules turned off in the config or for this call."""
        if not rules and not categories:
            return self._disabled_by_config
        return frozenset(
            rule.id for rule in self.rulebook if not self.is_enabled(rule, rules, categories)
        )

    def analyse(self, text: str) -> Analysis:
        """The text's paragraph analyses: cached ones reused, the rest analysed in one pass."""
        pieces = list(paragraphs(text))
        with self._lock:
            known: dict[str, ParagraphAnalysis] = {}
            for _, paragraph in pieces:
                if paragraph in known:
                    continue
                cached = self._cache.get(paragraph)
                if cached is not None:
                    self._cache.move_to_end(paragraph)
                    known[paragraph] = cached
            new = list(dict.fromkeys(p for _, p in pieces if p not in known))
            self.cache_hits += len(pieces) - len(new)
            self.cache_misses += len(new)
            if new:
                for paragraph, result in zip(
                    new, analyse_paragraphs(self.nlp, new), strict=True
                ):
                    known[paragraph] = result
                    if self._cache_size:
                        self._cache[paragraph] = result
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return Analysis(
            text, tuple(known[paragraph].shifted(offset) for offset, paragraph in pieces)
        )

    # --- findings ---------------------------------------------------------

    def _candidate(self, match: Match, offset: int, context: Context) -> Candidate:
        """A paragraph-local ``match`` placed at ``offset``, with its severity and message."""
        rule = self.rulebook[match.rule]
        severity, message = rule.severity, rule.message
        if rule.claim and any(
            not names_company(e, context.company) for e in match.evidence
        ):
            severity, message = "info", rule.backed_message
        return Candidate(rule.id, severity, match.start + offset, match.end + offset, message)

    def _finding(self, candidate: Candidate, text: str, context: Context) -> Finding:
        rule = self.rulebook[candidate.rule]
        company, role = context.company, context.role
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=candidate.severity,
            start=candidate.start,
            end=candidate.end,
            text=text[candidate.start : candidate.end],
            message=fill(candidate.message, company, role),
            advice=fill(rule.advice, company, role),
            title=rule.title,
        )

    def _employer_findings(self, analysis: Analysis, context: Context) -> list[Finding]:
        if not context.company or not self._checks:
            return []
        findings = []
        company = company_pattern(context.company)
        for rule in self._checks:
            if rule.check == "employer-other":
                for paragraph in analysis.paragraphs:
                    for mention in paragraph.mentions:
                        if not same_company(mention.text, context.company):
                            findings.append(self._check_finding(
                                rule, analysis.text, mention.start, mention.end, context,
                                other=mention.text,
                            ))
            elif rule.check == "employer-missing":
                min_words = int(rule.params.get("min_words", 40))
                words = sum(p.words for p in analysis.paragraphs)
                if words >= min_words and company and not company.search(analysis.text):
                    start, end = missing_anchor(analysis)
                    findings.append(self._check_finding(rule, analysis.text, start, end, context))
        return findings

    def _check_finding(self, rule, text, start, end, context, other: str = "") -> Finding:
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=rule.severity,
            start=start,
            end=end,
            text=text[start:end],
            message=fill(rule.message, company=context.company, role=context.role, other=other),
            advice=fill(rule.advice, company=context.company, role=context.role, other=other),
            title=rule.title,
        )

    def _score_and_stats(
        self, analysis: Analysis, findings: list[Finding]
    ) -> tuple[int, dict[str, Any]]:
        words = sum(p.words for p in analysis.paragraphs)
        labels: Counter[str] = Counter()
        for paragraph in analysis.paragraphs:
            labels.update(paragraph.local.specific_counts)
        labels.subtract(discounted_specifics(analysis.paragraphs, (
            f for f in findings if f.severity in DISCOUNTING and f.rule not in self._passage_rules
        )))
        specifics = {
            "numbers": labels[NUMBER],
            "dates": labels[DATE],
            "names": labels[NAME],
            "actions": labels[ACTION],
        }
        specifics["total"] = sum(specifics.values())
        severities = Counter(f.severity for f in findings)
        stats = {
            "words": words,
            "sentences": sum(len(p.local.sentences) for p in analysis.paragraphs),
            "paragraphs": len(analysis.paragraphs),
            "specifics": specifics,
            "findings": {s: severities[s] for s in ("error", "warning", "info")},
            "categories": dict(sorted(Counter(f.category for f in findings).items())),
        }
        score = stand_out_score(words, specifics["total"], (f.severity for f in findings))
        return score, stats


# --- helpers used above ----------------------------------------------------
