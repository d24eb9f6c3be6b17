"""How overlapping findings are resolved (documented in docs/rules.md)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Protocol, TypeVar

from .rulebook import SEVERITY_RANK


class Placed(Protocol):
    """Anything with a rule, a severity and a place: a Finding, or one on its way."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Finding = TypeVar("Finding", bound=Placed)


def resolve(
    findings: list[Finding], exempt: Callable[[Finding], bool] = lambda finding: False
) -> list[Finding]:
    """Resolve overlaps, the same way every time.

    Findings are ranked by severity (highest first), then length (longest
    first), then position, then rule id; each is kept unless it overlaps one
    already kept. Passage-level findings (``exempt``: a whole sentence or
    paragraph, such as employer.missing or a sample match) are always kept and
    do not hide the phrase-level findings inside them.
    """
    passages: list[Finding] = []
    phrases: list[Finding] = []
    for finding in findings:
        (passages if exempt(finding) else phrases).append(finding)
    kept: list[Finding] = []
    # Whether a finding survives depends only on the findings it overlaps, directly
    # or through a chain: resolve each such cluster on its own (texts of any length).
    for cluster in _clusters(phrases):
        if len(cluster) == 1:  # most findings overlap nothing
            kept.append(cluster[0])
            continue
        cluster.sort(key=_rank)
        kept += _choose(cluster)
    return kept + passages


def _choose(ranked: list[Finding]) -> list[Finding]:
    """Each finding, best first, unless it overlaps one already chosen.

    The chosen ones never overlap each other, so sorted by start they are sorted
    by end too: the only one that can overlap a new finding is the last chosen
    one starting before the new one ends. One binary search per finding, so a
    cluster of thousands costs thousands of steps, not millions.
    """
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Finding] = []
    for finding in ranked:
        i = bisect_left(starts, finding.end)
        if i and ends[i - 1] > finding.start:
            continue
        starts.insert(i, finding.start)
        ends.insert(i, finding.end)
        chosen.append(finding)
    return chosen


def _rank(finding: Placed) -> tuple[int, int, int, str]:
    return (-SEVERITY_RANK[finding.severity], -(finding.end - finding.start), finding.start,
            finding.rule)


_PLACE = attrgetter("start", "end")


def _clusters(findings: list[Finding]) -> list[list[Finding]]:
    """Groups of findings linked by overlaps, in text order."""
    clusters: list[list[Finding]] = []
    reach = -1
    for finding in sorted(findings, key=_PLACE):
        if clusters and finding.start < reach:
            clusters[-1].append(finding)
            reach = max(reach, finding.end)
        else:
            clusters.append([finding])
            reach = finding.end
    return clusters


def supersede(findings: list[Finding], hides: Mapping[str, frozenset[str]]) -> list[Finding]:
    """Drop the findings that one of a rule superseding theirs overlaps (``hides``: rule ->
    the rules it supersedes). Runs before :func:`resolve`."""
    winners = [f for f in findings if f.rule in hides]
    if not winners:
        return findings
    return [
        f for f in findings
        if not any(f.rule in hides[w.rule] and w.start < f.end and f.start < w.end
                   for w in winners)
    ]
