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
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

from .analysis import Analysis, Match, ParagraphAnalysis, PlacedParagraph, Specific, Word
from .components.employer_mentions import GENERIC_KEY, MENTIONS_KEY
from .components.normalizer import BARRIER, stream_of
from .components.phrase_rules import SPANS_KEY
from .components.regex_rules import TEXT_KEY
from .components.sentences import sentence_bounds, sentences_of
from .components.specifics import ACTION, DATE, NAME, NUMBER, SPECIFICS_KEY
from .config import UserConfig
from .detectors import load_detector
from .employer import company_pattern, missing_anchor, names_company, same_company
from .messages import fill
from .overlaps import resolve
from .paragraphs import paragraphs
from .pipeline import build_pipeline
from .report import Context, Finding, Report
from .rulebook import SEVERITY_RANK, Rule, RuleBook, load_rulebook
from .score import stand_out_score
from .tokenizer_input import tokenizer_input

__all__ = [
    "Analysis", "Linter", "Match", "ParagraphAnalysis", "PlacedParagraph", "Specific", "Word",
    "resolve",
]

# `check:` rules whose findings cover a passage, not a phrase (never hidden by overlaps).
PASSAGE_CHECKS = {"employer-missing", "sample"}
# `check:` rules implemented by a detector class rather than by the linter itself.
DETECTED = {"sample"}


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
        disabled_rules = set(disabled_rules)
        disabled_categories = set(disabled_categories)

        findings = [
            self._finding(match, paragraph.offset, analysis.text, context)
            for paragraph in analysis.paragraphs
            for match in paragraph.local.matches
        ]
        findings += self._employer_findings(analysis, context)
        for detector in self.detectors:
            findings += detector.findings(analysis, context)
        findings = [
            f for f in findings
            if self.is_enabled(self.rulebook[f.rule], disabled_rules, disabled_categories)
        ]
        if resolve_overlaps:
            findings = resolve(findings, exempt=lambda f: f.rule in self._passage_rules)
        floor = SEVERITY_RANK[min_severity]
        findings = [f for f in findings if SEVERITY_RANK[f.severity] >= floor]
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Report(tuple(findings), *self._score_and_stats(analysis, findings))

    def analyse(self, text: str) -> Analysis:
        parts = []
        for offset, paragraph in paragraphs(text):
            parts.append(self._paragraph(paragraph).shifted(offset))
        return Analysis(text, tuple(parts))

    # --- paragraphs -------------------------------------------------------

    def _paragraph(self, text: str) -> ParagraphAnalysis:
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                self.cache_hits += 1
                return cached
            self.cache_misses += 1
            result = self._analyse_paragraph(text)
            if self._cache_size:
                self._cache[text] = result
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
            return result

    def _analyse_paragraph(self, text: str) -> ParagraphAnalysis:
        plain = tokenizer_input(text)
        doc = self.nlp.make_doc(plain)
        doc.user_data[TEXT_KEY] = plain
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        stream = stream_of(doc)
        specifics = tuple(
            Specific(s.label_, s.start_char, s.end_char, s.text) for s in doc.spans[SPECIFICS_KEY]
        )
        starts, lengths, punct, space = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE]).T.tolist()
        ends = [start + length for start, length in zip(starts, lengths, strict=True)]
        boundaries = sentences_of(doc)
        sentences = []
        for k, first in enumerate(boundaries):
            last = (boundaries[k + 1] if k + 1 < len(boundaries) else len(doc)) - 1
            while last > first and space[last]:
                last -= 1  # a sentence ends at its last word, not at the line break after it
            sentences.append((starts[first], ends[last]))
        matches = []
        for span in doc.spans[SPANS_KEY]:
            first, last = sentence_bounds(doc, span.start)
            lo, hi = starts[first], ends[last - 1]
            evidence = tuple(
                s for s in specifics
                if lo <= s.start and s.end <= hi
                and (s.end <= span.start_char or s.start >= span.end_char)
            )
            matches.append(Match(span.label_, span.start_char, span.end_char, evidence))
        return ParagraphAnalysis(
            text=text,
            matches=tuple(matches),
            words=len(doc) - sum(p or s for p, s in zip(punct, space, strict=True)),
            sentences=tuple(sentences),
            specifics=specifics,
            mentions=tuple(
                Specific("ORG", s.start_char, s.end_char, s.text) for s in doc.spans[MENTIONS_KEY]
            ),
            generic_references=tuple((s.start_char, s.end_char) for s in doc.spans[GENERIC_KEY]),
            stream_tuples=tuple(
                (form, starts[i], ends[i])
                for form, i in zip(stream.words, stream.token_index, strict=True)
                if not punct[i] and form != BARRIER
            ),
            specific_counts=dict(Counter(s.label for s in specifics)),
        )

    # --- findings ---------------------------------------------------------

    def _finding(self, match: Match, offset: int, text: str, context: Context) -> Finding:
        """The finding for a paragraph-local ``match`` in a paragraph at ``offset``."""
        rule = self.rulebook[match.rule]
        severity, message = rule.severity, rule.message
        if rule.claim:
            evidence = [e for e in match.evidence if not names_company(e, context.company)]
            if evidence:
                severity, message = "info", rule.backed_message
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=severity,
            start=match.start + offset,
            end=match.end + offset,
            text=text[match.start + offset : match.end + offset],
            message=fill(message, company=context.company, role=context.role),
            advice=fill(rule.advice, company=context.company, role=context.role),
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
