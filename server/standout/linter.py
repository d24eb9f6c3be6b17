"""The linter: rules in, findings out. Knows nothing of HTTP or the command line.

A text is analysed paragraph by paragraph (see :mod:`standout.paragraphs`). Each
paragraph's analysis is context-free and cached, so re-checking a long letter
after a one-word edit re-runs spaCy on one paragraph only. Everything that
depends on the context (the target company) or on the whole text (the score,
overlaps, the employer checks) is computed from the cached analyses each time.
"""

from __future__ import annotations

import re
import string
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

from .components.employer_mentions import GENERIC_KEY, MENTIONS_KEY
from .components.normalizer import BARRIER, stream_of
from .components.phrase_rules import SPANS_KEY
from .components.regex_rules import TEXT_KEY
from .components.sentences import sentence_bounds, sentences_of
from .components.specifics import ACTION, DATE, NAME, NUMBER, SPECIFICS_KEY
from .config import UserConfig
from .detectors import load_detector
from .paragraphs import paragraphs
from .pipeline import build_pipeline
from .report import Context, Finding, Report
from .rulebook import SEVERITY_RANK, Rule, RuleBook, load_rulebook
from .score import stand_out_score

# Typographic variants replaced before tokenizing. One character for one, so every
# offset into the analysed text is an offset into the user's text.
SAME_WIDTH = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": "-",  # hyphens, soft hyphen
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201b": "'",  # apostrophes
    "\u201c": '"', "\u201d": '"', "\u201e": '"',  # double quotes
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",  # no-break and thin spaces
})

# spaCy's tokenizer strips prefixes and suffixes one at a time, so a long run
# without spaces ("{{{{...", "____...") costs quadratic time: 4,000 braces take a
# second. No word is this long, so such runs get a space every RUN_LIMIT characters
# (in the analysed copy only; one character for one, offsets do not move).
RUN_LIMIT = 64
_LONG_RUN = re.compile(rf"\S{{{RUN_LIMIT + 1},}}")


def _break_long_runs(text: str) -> str:
    if not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda match: _spaced(match.group()), text)


def _spaced(run: str) -> str:
    chars = list(run)
    for i in range(RUN_LIMIT, len(chars), RUN_LIMIT + 1):
        chars[i] = " "
    return "".join(chars)


# `check:` rules whose findings cover a passage, not a phrase (never hidden by overlaps).
PASSAGE_CHECKS = {"employer-missing", "sample"}
# `check:` rules implemented by a detector class rather than by the linter itself.
DETECTED = {"sample"}


@dataclass(frozen=True)
class Specific:
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Match:
    """A rule match inside one paragraph, with what its sentence offers as evidence."""

    rule: str
    start: int
    end: int
    evidence: tuple[Specific, ...]


class Word(NamedTuple):
    """A word of the paragraph in canonical form (see normalize.py), with its place."""

    form: str
    start: int
    end: int


@dataclass(frozen=True)
class ParagraphAnalysis:
    """One paragraph's context-free analysis; offsets are relative to the paragraph."""

    text: str
    matches: tuple[Match, ...]
    words: int
    sentences: tuple[tuple[int, int], ...]
    specifics: tuple[Specific, ...]
    mentions: tuple[Specific, ...]
    generic_references: tuple[tuple[int, int], ...]
    stream: tuple[Word, ...]  # canonical words, insertable words and punctuation left out
    specific_counts: dict[str, int] = field(default_factory=dict, hash=False, compare=False)

    def shifted(self, offset: int) -> PlacedParagraph:
        return PlacedParagraph(self, offset)


class PlacedParagraph:
    """A cached :class:`ParagraphAnalysis` placed at ``offset`` in a whole text.

    It has the same fields, with offsets into the whole text. Each field is
    shifted on first use only: most checks read a few of them, and this runs on
    every keystroke for every paragraph, changed or not.
    """

    def __init__(self, local: ParagraphAnalysis, offset: int) -> None:
        self.local = local
        self.offset = offset
        self.text = local.text
        self.words = local.words

    def _move(self, s: Specific) -> Specific:
        return Specific(s.label, s.start + self.offset, s.end + self.offset, s.text)

    @cached_property
    def matches(self) -> tuple[Match, ...]:
        o = self.offset
        return tuple(
            Match(m.rule, m.start + o, m.end + o, tuple(self._move(e) for e in m.evidence))
            for m in self.local.matches
        )

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        return tuple((a + self.offset, b + self.offset) for a, b in self.local.sentences)

    @cached_property
    def specifics(self) -> tuple[Specific, ...]:
        return tuple(self._move(s) for s in self.local.specifics)

    @cached_property
    def mentions(self) -> tuple[Specific, ...]:
        return tuple(self._move(s) for s in self.local.mentions)

    @cached_property
    def generic_references(self) -> tuple[tuple[int, int], ...]:
        return tuple((a + self.offset, b + self.offset) for a, b in self.local.generic_references)

    @cached_property
    def stream(self) -> tuple[Word, ...]:
        o = self.offset
        return tuple(Word(w.form, w.start + o, w.end + o) for w in self.local.stream)


@dataclass(frozen=True)
class Analysis:
    """A whole text's paragraph analyses, offsets relative to the whole text."""

    text: str
    paragraphs: tuple[PlacedParagraph, ...]


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
        plain = _break_long_runs(text.translate(SAME_WIDTH))
        doc = self.nlp.make_doc(plain)
        doc.user_data[TEXT_KEY] = plain
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        stream = stream_of(doc)
        specifics = tuple(
            Specific(s.label_, s.start_char, s.end_char, s.text) for s in doc.spans[SPECIFICS_KEY]
        )
        columns = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE]).tolist()
        starts = [column[0] for column in columns]
        ends = [column[0] + column[1] for column in columns]
        boundaries = sentences_of(doc)
        last_word = []  # index of the last non-space token at or before each token
        previous = 0
        for i, column in enumerate(columns):
            if not column[3]:
                previous = i
            last_word.append(previous)
        sentences = tuple(
            (starts[first], ends[last_word[(boundaries[k + 1] if k + 1 < len(boundaries)
                                            else len(doc)) - 1]])
            for k, first in enumerate(boundaries)
        )
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
        words = sum(1 for column in columns if not (column[2] or column[3]))
        return ParagraphAnalysis(
            text=text,
            matches=tuple(matches),
            words=words,
            sentences=sentences,
            specifics=specifics,
            mentions=tuple(
                Specific("ORG", s.start_char, s.end_char, s.text) for s in doc.spans[MENTIONS_KEY]
            ),
            generic_references=tuple((s.start_char, s.end_char) for s in doc.spans[GENERIC_KEY]),
            stream=tuple(
                Word(form, starts[i], ends[i])
                for form, i in zip(stream.words, stream.token_index, strict=True)
                if not columns[i][2] and form != BARRIER
            ),
            specific_counts=dict(Counter(s.label for s in specifics)),
        )

    # --- findings ---------------------------------------------------------

    def _finding(self, match: Match, offset: int, text: str, context: Context) -> Finding:
        """The finding for a paragraph-local ``match`` in a paragraph at ``offset``."""
        rule = self.rulebook[match.rule]
        severity, message = rule.severity, rule.message
        if rule.claim:
            evidence = [e for e in match.evidence if not _names_company(e, context.company)]
            if evidence:
                severity, message = "info", rule.backed_message
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=severity,
            start=match.start + offset,
            end=match.end + offset,
            text=text[match.start + offset : match.end + offset],
            message=_fill(message, context),
            advice=_fill(rule.advice, context),
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
                        if not _same_company(mention.text, context.company):
                            findings.append(self._check_finding(
                                rule, analysis.text, mention.start, mention.end, context,
                                other=mention.text,
                            ))
            elif rule.check == "employer-missing":
                min_words = int(rule.params.get("min_words", 40))
                words = sum(p.words for p in analysis.paragraphs)
                if words >= min_words and company and not company.search(analysis.text):
                    start, end = _missing_anchor(analysis)
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
            message=_fill(rule.message, context, other=other),
            advice=_fill(rule.advice, context, other=other),
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

def resolve(findings: list[Finding], exempt=lambda finding: False) -> list[Finding]:
    """Resolve overlaps, the same way every time.

    Findings are ranked by severity (highest first), then length (longest
    first), then position, then rule id; each is kept unless it overlaps one
    already kept. Passage-level findings (``exempt``: a whole sentence or
    paragraph, such as employer.missing or a sample match) are always kept and
    do not hide the phrase-level findings inside them.
    """
    passages = [f for f in findings if exempt(f)]
    kept: list[Finding] = []
    # Whether a finding survives depends only on the findings it overlaps, directly
    # or through a chain: resolve each such cluster on its own (texts of any length).
    for cluster in _clusters([f for f in findings if not exempt(f)]):
        cluster.sort(key=_rank)
        chosen: list[Finding] = []
        for finding in cluster:
            if not any(k.start < finding.end and finding.start < k.end for k in chosen):
                chosen.append(finding)
        kept += chosen
    return kept + passages


def _rank(finding: Finding) -> tuple[int, int, int, str]:
    return (-SEVERITY_RANK[finding.severity], -(finding.end - finding.start), finding.start,
            finding.rule)


def _clusters(findings: list[Finding]) -> list[list[Finding]]:
    """Groups of findings linked by overlaps, in text order."""
    clusters: list[list[Finding]] = []
    reach = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if clusters and finding.start < reach:
            clusters[-1].append(finding)
            reach = max(reach, finding.end)
        else:
            clusters.append([finding])
            reach = finding.end
    return clusters


_LEGAL = re.compile(
    r"[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|"
    r"group|holdings)\.?$",
    re.IGNORECASE,
)


def _core_name(name: str) -> str:
    name = name.strip().strip(".,;:!?'\"“”’")
    name = re.sub(r"['’]s$", "", name)
    previous = None
    while previous != name:
        previous = name
        name = _LEGAL.sub("", name).strip()
    return name


def company_pattern(company: str) -> re.Pattern[str] | None:
    core = _core_name(company)
    if not core:
        return None
    words = [re.escape(w) for w in core.split()]
    return re.compile(r"(?<!\w)" + r"[\s-]*".join(words) + r"(?!\w)", re.IGNORECASE)


def _same_company(mention: str, company: str) -> bool:
    a = _core_name(mention).casefold().split()
    b = _core_name(company).casefold().split()
    if not a or not b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[: len(shorter)] == shorter


def _names_company(specific: Specific, company: str | None) -> bool:
    return bool(company) and specific.label == "NAME" and _same_company(specific.text, company)


def _missing_anchor(analysis: Analysis) -> tuple[int, int]:
    """Where to point when the company is never named: a generic stand-in, else the opening."""
    for paragraph in analysis.paragraphs:
        if paragraph.generic_references:
            return paragraph.generic_references[0]
    for paragraph in analysis.paragraphs:
        for start, end in paragraph.sentences:
            if paragraph.words >= 8 or len(analysis.paragraphs) == 1:
                return start, end
    first = analysis.paragraphs[0].sentences[0]
    return first


def _fill(template: str, context: Context, other: str = "") -> str:
    return _filled(template, context.company, context.role, other)


@lru_cache(maxsize=4096)
def _filled(template: str, company: str | None, role: str | None, other: str) -> str:
    values = {"company": company or "the employer", "role": role or "the role", "other": other}
    return string.Template(template).safe_substitute(values)
