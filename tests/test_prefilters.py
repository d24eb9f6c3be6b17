"""The cheap prefilters in front of regex and token rules never hide a match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from standout.components.regex_rules import literal_prefixes
from standout.rulebook import load_rulebook

REGEXES = [p for rule in load_rulebook().of_kind("regex") for p in rule.patterns]
FRAGMENTS = [
    "[", "]", "{", "}", "<", ">", "(", ")", "$", "%", "_", ".", " ", "\n", "Company", "company",
    "Name", "INSERT", "insert", "your", "the ", "XXX", "xxxx", "John", "Jane", "Doe", "Hiring",
    "Manager", "TBD", "Your", "Name", "a", "Z", "at", "*",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
@settings(max_examples=300)
def test_a_regex_never_matches_where_its_prefixes_are_absent(text):
    for source in REGEXES:
        prefixes = literal_prefixes(source)
        regex = re.compile(source)
        if prefixes is None or not regex.search(text):
            continue
        haystack = text.lower() if regex.flags & re.IGNORECASE else text
        wanted = [p.lower() for p in prefixes] if regex.flags & re.IGNORECASE else prefixes
        assert any(prefix in haystack for prefix in wanted), (source, text)


def test_prefixes_are_read_from_the_regex():
    assert literal_prefixes(r"\$\{\s*\w+\s*\}") == ("${",)
    assert literal_prefixes(r"[\[{<]\s*x") == ("<", "[", "{")
    assert literal_prefixes(r"\b(?:TBD|INSERT)\b") == ("INSERT", "TBD")
    assert literal_prefixes(r"\b(?:TBD|TODO)\b") == ("T",)  # re factors out the common prefix
    assert literal_prefixes(r"(?<![\w.])(?:X{3,}|x{4,})") == ("XXX", "xxxx")
    assert literal_prefixes(r"_{3,}") == ("___",)
    for unknowable in (r"\d+", r"a?b", r"(a|)b", r"x*y", r"[^a]b", r"(?i:x)y"):
        assert literal_prefixes(unknowable) is None


def test_token_prefilter_keeps_matches_it_must(linter):
    text = "Please write to me at . I am highly motivated. We met XYZ Company staff."
    rules = {f.rule for f in linter.check(text).findings}
    assert {"placeholder.missing-name", "placeholder.xyz-company"} <= rules


def test_token_patterns_read_the_canonical_form_and_sentence_starts(tmp_path):
    """NORM and SENT_START are written into the Doc only when a token pattern runs
    (components/columns.py): a pattern on them still sees them, in every paragraph."""
    from standout import Linter
    from standout.config import UserConfig

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        "category: mine\ntitle: Mine\nrules:\n  - id: mine.organise\n    title: x\n"
        "    message: A message long enough.\n    advice: An advice long enough.\n"
        '    tokens: [[{"NORM": "organize", "IS_SENT_START": true}, {"LOWER": "things"}]]\n'
        "    examples: {flag: [Organising things is fun.], pass: [I like organising things.]}\n",
        encoding="utf-8")
    linter = Linter(config=UserConfig(), rule_dirs=[folder], startup_cache=False)
    text = "I like organising things.\n\nOrganising things is fun. Organised things stay."
    found = [text[f.start:f.end] for f in linter.check(text).findings if f.rule == "mine.organise"]
    assert found == ["Organising things", "Organised things"]


@given(st.lists(st.integers(0, 6), max_size=12), st.lists(st.integers(0, 6), max_size=12),
       st.frozensets(st.integers(0, 6)), st.frozensets(st.integers(0, 6)))
def test_side_by_side_by_pairs_answers_as_the_walk(a, b, allowed_a, allowed_b):
    from itertools import product

    from spacy.attrs import LOWER, ORTH

    from standout.components.token_rules import _side_by_side

    n = min(len(a), len(b))
    columns = {ORTH: a[:n], LOWER: b[:n]}
    first, second = (ORTH, allowed_a), (LOWER, allowed_b)
    pairs = frozenset(product(allowed_a, allowed_b))
    assert _side_by_side(columns, first, second, pairs) == _side_by_side(columns, first, second)


def test_a_token_pattern_names_the_unwritten_columns_it_reads():
    from spacy.attrs import NORM, SENT_START

    from standout.components.token_rules import _unwritten

    assert _unwritten([{"LOWER": "i"}, {"ORTH": ","}]) == frozenset()
    assert _unwritten([{"NORM": "be"}, {"IS_SENT_START": True}]) == {NORM, SENT_START}
    assert _unwritten([{"_": {"x": 1}}]) is None
