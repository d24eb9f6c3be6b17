"""The linter: rules in, findings out. Knows nothing of HTTP or the command line.

:meth:`Linter.check` is the loop: the text is split into paragraphs and each
paragraph's analysis taken from the cache or made in one spaCy pass
(:mod:`standout.analysis_cache`); every detector the rulebook needs
(:mod:`standout.checks`) yields light candidates from the analyses and the
context; disabled rules are dropped, overlaps resolved, and only the survivors
become findings. The score and statistics come last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis import Analysis
from .analysis_cache import DEFAULT_MAX_BYTES, AnalysisCache
from .budget import Budget, checkpoint, spending
from .cached_parts import install_parts
from .checks.base import Candidate, Detector, EngineParts, build_finding
from .checks.loader import load_detectors
from .config import UserConfig
from .context import Context
from .engine_cache import load_engine
from .interview.bank import question_bank
from .interview.kinds import infer_kind
from .overlaps import resolve, supersede
from .posting.service import PostingService
from .report import ParagraphSummary, Report
from .rulebook import SEVERITY_RANK, Rule, RuleBook
from .score import coverage, score_parts, trust
from .stats import text_stats

if TYPE_CHECKING:
    from .samples.matcher import SampleMatcher


class Linter:
    """Loads the rules, the pipeline and the detectors once; :meth:`check` is cheap per call."""

    def __init__(
        self,
        *,
        config: UserConfig | None = None,
        rule_dirs: Iterable[Path] = (),
        cache_size: int = 4096,
        startup_cache: bool = True,
        cache_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.config = config if config is not None else UserConfig.load()
        # The rulebook and pipeline as built before, when the start-up cache has them.
        engine = load_engine([*self.config.rule_dirs, *rule_dirs], cache=startup_cache)
        self.loaded_from = engine.source  # "cache" or "rules"
        self.rulebook: RuleBook = engine.rulebook
        self.nlp = engine.nlp
        if engine.parts:
            install_parts(self.nlp, engine.parts)  # the readers the checks below would build
        self._analyses = AnalysisCache(self.nlp, cache_size, cache_bytes)
        self.postings = PostingService(self.nlp)
        self.detectors: list[Detector] = load_detectors(
            self.rulebook, EngineParts(self.nlp, self.rulebook, self.postings)
        )
        if engine.bundled is not None and self.samples is not None:
            self.samples.use_bundled(*engine.bundled)
        # Rules whose findings cover a passage: never hidden by overlaps, "text-level" in /v2.
        self.passage_rules = frozenset(
            rule.id for detector in self.detectors if detector.passage for rule in detector.rules
        )
        # Rule -> the rules whose overlapping findings it hides (Detector.supersedes).
        self._supersedes = {
            rule.id: frozenset(r.id for d in self.detectors if d.check in detector.supersedes
                               for r in d.rules)
            for detector in self.detectors if detector.supersedes for rule in detector.rules
        }
        # Detectors that add report data (speaking time...): asked whenever their needs are met.
        self._reporters = [d for d in self.detectors if d.reports]
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

    def detector(self, check: str) -> Detector | None:
        """The detector serving ``check`` (a ``check:`` name), if a rule uses it."""
        return next((d for d in self.detectors if d.check == check), None)

    @property
    def samples(self) -> SampleMatcher | None:
        """The sample matcher (bundled and saved samples), when a rule uses ``check: sample``."""
        return getattr(self.detector("sample"), "matcher", None)

    def check(
        self,
        text: str,
        context: Context | dict[str, Any] | None = None,
        *,
        disabled_rules: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
        min_severity: str = "info",
        resolve_overlaps: bool = True,
        budget: Budget | None = None,
    ) -> Report:
        """Check ``text``; offsets in the report are Python string indices.

        With a ``budget`` the check raises :class:`~standout.budget.CheckStopped`
        when the budget runs out or the caller cancels (see :mod:`standout.budget`).
        """
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        if min_severity not in SEVERITY_RANK:
            raise ValueError(f"min_severity must be one of {', '.join(SEVERITY_RANK)}")
        context = Context.coerce(context)
        with spending(budget):
            return self._check(text, context, disabled_rules, disabled_categories,
                               min_severity, resolve_overlaps)

    def _check(self, text: str, context: Context, disabled_rules: Iterable[str],
               disabled_categories: Iterable[str], min_severity: str,
               resolve_overlaps: bool) -> Report:
        context = self._with_posting(context)
        if context.kind is None:
            inferred = infer_kind(text, context.question, question_bank(), context.company)
            context = replace(context, kind=inferred)
        analysis = self.analyse(text)
        disabled = self._disabled(set(disabled_rules), set(disabled_categories))

        # Candidates stay light until overlaps are resolved: most letters have twice
        # as many raw matches as findings.
        candidates: list[Candidate] = []
        for detector in self.detectors:
            if detector.runs_for(context, disabled):
                checkpoint()
                candidates.extend(detector.candidates(analysis, context))
        if disabled:
            candidates = [c for c in candidates if c.rule not in disabled]
        if resolve_overlaps:
            if self._supersedes:
                candidates = supersede(candidates, self._supersedes)
            passages = self.passage_rules
            candidates = resolve(candidates, exempt=lambda c: c.rule in passages)
        floor = SEVERITY_RANK[min_severity]
        rules = self.rulebook.rules
        findings = [
            build_finding(rules[c.rule], c, text, context)
            for c in candidates
            if SEVERITY_RANK[c.severity] >= floor
        ]
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        stats = text_stats(analysis, findings, context, self.passage_rules)
        specificity, originality = score_parts(
            stats["words"], stats["specifics"]["total"], (f.severity for f in findings),
            stats["sentences"], stats["specific_sentences"],
        )
        score = max(0, min(100, round(specificity + originality)))
        stats["score_parts"] = {
            "specificity": round(specificity, 1), "originality": round(originality, 1),
            "trust": round(trust(originality), 2),
            "coverage": round(coverage(stats["sentences"], stats["specific_sentences"]), 2),
        }
        stats["kind"] = context.kind
        for detector in self._reporters:
            if detector.needs_met(context):
                stats.update(detector.report_data(analysis, context))
        comparison = self.postings.compare(analysis, context)
        return Report(
            tuple(findings), score, stats, analysis.sentences,
            paragraphs=tuple(ParagraphSummary.of(p) for p in analysis.paragraphs),
            specifics=analysis.specifics,
            posting=comparison.report if comparison is not None else None,
        )

    def _with_posting(self, context: Context) -> Context:
        """The context with the company and role the posting states, where not given."""
        if not context.posting or (context.company and context.role):
            return context
        posting = self.postings.read(context.posting)
        return replace(
            context,
            company=context.company or posting.company_short,
            role=context.role or posting.role,
        )

    def analyse(self, text: str) -> Analysis:
        """The text's paragraph analyses (cached per paragraph), before any context."""
        return self._analyses.analyse(text)

    @property
    def cache_hits(self) -> int:
        return self._analyses.hits

    @property
    def cache_misses(self) -> int:
        return self._analyses.misses

    @property
    def cache_bytes(self) -> int:
        """About what the caches kept between checks hold now, in bytes (estimated)."""
        matcher = self.samples
        return self._analyses.bytes + (matcher.cache_bytes if matcher is not None else 0)

    def clear_caches(self) -> None:
        """Forget every analysis and match kept between checks (benches measure cold checks)."""
        self._analyses.clear()
        self.postings.clear_cache()
        for detector in self.detectors:
            detector.clear_cache()

    def _disabled(self, rules: set[str], categories: set[str]) -> frozenset[str]:
        """Ids of the rules turned off in the config or for this call."""
        if not rules and not categories:
            return self._disabled_by_config
        return frozenset(
            rule.id for rule in self.rulebook if not self.is_enabled(rule, rules, categories)
        )
