"""When does a text follow a sample? The decision, apart from finding the candidates.

Given each paragraph's sentences and the samples its sentences pair with (see
:mod:`.index`), over the whole text, for each sample:

- a paired sentence counts only when its shared words weigh at least
  ``min_pair_evidence`` (a word's weight is 1 when a single sentence of the
  bundled corpus holds it, about 0.1 for "the"): "Thank you for your time and
  consideration." pairs with every closing template but weighs under 2;
- the counted pairs must be at least ``min_sentences``, share at least
  ``min_words`` distinct words, and weigh at least ``min_evidence`` together:
  a couple of stock sentences are the phrase rules' business;
- a paragraph is reported when the sentences following the sample make up at
  least ``min_share`` of its words, or at least ``min_share`` of the sample's
  words are still in the text;
- severity grows with the larger of those two shares (``warning_at``,
  ``error_at``); below ``warning_at`` the finding is ``info``.

Pure functions of their inputs: :mod:`.matcher` feeds them and caches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..rule_params import FromParams
from ..rulebook import Rule, RuleError
from .corpus import Sample
from .forms import Sentence
from .index import Hit, IndexSettings

INTEGER_PARAMS = {"min_sentences", "min_words", "min_sentence_words", "min_key_hits",
                  "max_candidates", "max_postings"}
SHARE_PARAMS = {"sentence_similarity", "min_share", "warning_at", "error_at"}


@dataclass(frozen=True)
class Thresholds(FromParams):
    min_sentences: int = 2
    min_words: int = 15
    min_evidence: float = 9.0
    min_pair_evidence: float = 2.5
    min_share: float = 0.4
    warning_at: float = 0.5
    error_at: float = 0.8


def check_params(rule: Rule) -> None:
    """Numbers where numbers belong, shares between 0 and 1; else a RuleError naming the rule."""
    known = set(Thresholds.__dataclass_fields__) | set(IndexSettings.__dataclass_fields__)
    for key, value in rule.params.items():
        if key not in known:
            raise RuleError(rule.source, rule.id, f"unknown param '{key}' for check: sample"
                            f" (known: {', '.join(sorted(known))})")
        integer = key in INTEGER_PARAMS
        if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
            kind = "an integer" if integer else "a number"
            raise RuleError(rule.source, rule.id, f"param '{key}' must be {kind}")
        if value < 0 or (key in SHARE_PARAMS and value > 1):
            limits = "between 0 and 1" if key in SHARE_PARAMS else "0 or more"
            raise RuleError(rule.source, rule.id, f"param '{key}' must be {limits}")


@dataclass(frozen=True)
class SampleMatch:
    """One paragraph's overlap with one sample; offsets index the checked text."""

    sample: Sample
    start: int
    end: int
    share: float  # of the paragraph's words, in sentences that follow the sample
    retained: float  # of the sample's words, still present in the text's paired sentences
    sentences: int  # sentences of this paragraph that follow the sample
    severity: str


class ParagraphHits(NamedTuple):
    """A paragraph of the checked text: where it starts, and its hits in this text."""

    offset: int
    sentences: tuple[Sentence, ...]
    words: int
    hits: tuple[Hit, ...]


def decide(
    paragraphs: Sequence[ParagraphHits], limits: Thresholds, text: str
) -> list[SampleMatch]:
    """Turn per-paragraph hits into reported matches (see the module docstring)."""
    by_sample: dict[str, list[tuple[int, Hit]]] = defaultdict(list)
    for number, paragraph in enumerate(paragraphs):
        for hit in paragraph.hits:
            by_sample[hit.sample.id].append((number, hit))
    ranked = sorted(
        by_sample.values(),
        key=lambda hits: (-sum(p.shared for _, h in hits for p in h.pairs), hits[0][1].sample.id),
    )
    claimed: set[tuple[int, int]] = set()
    matches: list[SampleMatch] = []
    for hits in ranked:
        sample, size = hits[0][1].sample, hits[0][1].size
        pairs = [
            (number, pair)
            for number, hit in hits
            for pair in hit.pairs
            if (number, pair.text_sentence) not in claimed
            and pair.evidence >= limits.min_pair_evidence
        ]
        if len(pairs) < limits.min_sentences:
            continue
        if sum(pair.shared for _, pair in pairs) < limits.min_words:
            continue
        if sum(pair.evidence for _, pair in pairs) < limits.min_evidence:
            continue
        best: dict[int, int] = {}
        for _, pair in pairs:
            best[pair.sample_sentence] = max(best.get(pair.sample_sentence, 0), pair.shared)
        retained = min(1.0, sum(best.values()) / max(size, 1))
        per_paragraph: dict[int, list] = defaultdict(list)
        for number, pair in pairs:
            per_paragraph[number].append(pair)
        for number, own in sorted(per_paragraph.items()):
            paragraph = paragraphs[number]
            offset = paragraph.offset
            sentences = [paragraph.sentences[p.text_sentence] for p in own]
            share = sum(len(s.words) for s in sentences) / max(paragraph.words, 1)
            if share < limits.min_share and retained < limits.min_share:
                continue
            overlap = max(share, retained)
            severity = (
                "error" if overlap >= limits.error_at
                else "warning" if overlap >= limits.warning_at
                else "info"
            )
            start = offset + min(s.start for s in sentences)
            end = offset + max(s.end for s in sentences)
            while end > start and text[end - 1].isspace():
                end -= 1
            claimed.update((number, p.text_sentence) for p in own)
            matches.append(SampleMatch(
                sample, start, end, share, retained, len(own), severity,
            ))
    matches.sort(key=lambda m: (m.start, -m.share))
    return matches


def percent(value: float, capital: bool = False) -> str:
    """A share as people say it: "about 80%", "nearly all"."""
    words = "nearly all" if value >= 0.975 else f"about {max(5, round(value * 20) * 5)}%"
    return words[0].upper() + words[1:] if capital else words
