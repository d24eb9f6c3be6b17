"""Overlap resolution: the documented rule, whatever the order, and no two findings overlap."""

from __future__ import annotations

import itertools
import random

from hypothesis import given
from hypothesis import strategies as st

from standout.overlaps import resolve


def test_overlaps_resolve_the_same_way_whatever_the_order():
    from standout.report import Finding

    def make(rule, severity, start, end):
        return Finding(rule, "x", severity, start, end, "", "", "")

    findings = [
        make("a.one", "info", 0, 10),
        make("a.two", "warning", 5, 8),
        make("a.three", "warning", 5, 12),
        make("a.four", "error", 20, 25),
        make("a.five", "error", 20, 25),
        make("a.six", "info", 30, 31),
    ]
    expected = {(f.rule) for f in resolve(findings)}
    assert expected == {"a.three", "a.five", "a.six"}  # equal rank: lower rule id
    for seed in range(20):
        shuffled = findings[:]
        random.Random(seed).shuffle(shuffled)
        assert {f.rule for f in resolve(shuffled)} == expected


def test_a_finding_never_overlaps_another(linter):
    text = (
        "I am a passionate, detail-oriented team player and a hard-working self-starter. "
        "Thank you for your time and consideration."
    )
    findings = linter.check(text).findings
    for first, second in itertools.pairwise(findings):
        assert first.end <= second.start


def _reference_resolve(findings):
    """The rule as documented, the slow way: rank everything, keep what overlaps nothing kept."""
    from standout.rulebook import SEVERITY_RANK

    ranked = sorted(
        findings, key=lambda f: (-SEVERITY_RANK[f.severity], -(f.end - f.start), f.start, f.rule)
    )
    kept = []
    for finding in ranked:
        if not any(k.start < finding.end and finding.start < k.end for k in kept):
            kept.append(finding)
    return kept


@given(
    st.lists(
        st.tuples(
            st.integers(0, 60), st.integers(1, 12), st.sampled_from(["error", "warning", "info"]),
            st.sampled_from(["a.one", "a.two", "b.three"]),
        ),
        max_size=40,
    )
)
def test_overlap_resolution_matches_the_documented_rule(raw):
    from standout.report import Finding

    findings = [Finding(rule, "x", sev, s, s + n, "", "", "") for s, n, sev, rule in raw]
    assert set(resolve(findings)) == set(_reference_resolve(findings))
