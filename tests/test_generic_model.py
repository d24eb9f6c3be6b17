"""The generic-sentence model and its judge (standout.generic): what it flags and why not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standout.generic.features import NOVEL, sentence_views, with_novelty
from standout.generic.judge import SentenceJudge, Thresholds
from standout.generic.model import bundled_model
from standout.sentence_words import sentence_words


@pytest.fixture(scope="module")
def judge() -> SentenceJudge:
    return SentenceJudge(bundled_model())


def verdicts(linter, judge, text, company=None, role=None, **thresholds):
    analysis = linter.analyse(text)
    found = judge.verdicts(analysis.paragraphs, company, role, Thresholds(**thresholds))
    return [(text[v.start:v.end], v.severity) for v in found]


def test_the_model_tells_stock_claims_from_concrete_ones():
    model = bundled_model()
    generic, concrete = model.scores([
        ("i", "be", "a", "quick", "learner", "who", "always", "go", "the", "extra", "mile"),
        ("i", "rewrite", "the", "rota", "spreadsheet", "so", "the", "night", "shift", "see",
         "its", "cover", "gap"),
    ])
    assert generic > 0.9
    assert concrete < 0.5


def test_an_unlisted_stock_sentence_is_a_warning_with_its_whole_span(linter, judge):
    text = "I am happy to take on whatever tasks are needed and I always get things done."
    assert verdicts(linter, judge, text) == [(text, "warning")]


def test_a_sentence_with_evidence_is_never_judged(linter, judge):
    for text in (
        "I always strive to give my best, as my 14 reviews from clients show.",
        "I always strive to give my best in everything I do, as I did at Harlan Foods.",
        "I always strive to give my best in everything I do since March 2021.",
    ):
        assert verdicts(linter, judge, text) == [], text


def test_the_employers_own_name_and_the_role_title_are_not_evidence(linter, judge):
    text = "I am sure I would be a great addition to Northgate Freight as a Transport Planner."
    assert verdicts(linter, judge, text) == []  # without a context they are names
    found = verdicts(linter, judge, text, company="Northgate Freight Ltd",
                     role="Transport Planner")
    assert [severity for _, severity in found] == ["warning"]


def test_a_sentence_about_no_one_is_not_judged(linter, judge):
    """A cliché's words in their literal sense: nobody in it writes or is written to."""
    assert verdicts(linter, judge,
                    "Deep-sea microbes thrive under pressure and always give their best.") == []


def test_short_lines_are_not_judged(linter, judge):
    assert verdicts(linter, judge, "Kind regards,\nJo") == []


def test_phrase_matches_leave_only_the_rest_of_the_sentence(linter, judge):
    text = ("I would love to give everything I have to Northgate Freight and contribute to "
            "its success.")
    assert linter.analyse(text).paragraphs[0].local.matches  # "contribute to its success"
    assert verdicts(linter, judge, text, company="Northgate Freight") == [
        ("I would love to give everything I have to Northgate Freight", "warning")]


def test_a_short_rest_is_left_to_the_phrase_findings(linter, judge):
    text = "I know that I can make a meaningful impact."
    assert linter.analyse(text).paragraphs[0].local.matches
    assert verdicts(linter, judge, text) == []


def test_a_sentence_pointing_at_the_evidence_before_it_is_only_info(linter, judge):
    before = "Last year I rebuilt the stock system for 40 shops in six weeks. "
    claim = "This is the kind of work I love doing and always give my very best to."
    alone = verdicts(linter, judge, claim)
    assert [s for _, s in alone] == ["warning"]
    assert [s for _, s in verdicts(linter, judge, before + claim)] == ["info"]


def test_novel_words_make_a_warning_an_info(linter, judge):
    text = "I love distributed consensus protocols and I geek out about version control."
    severities = [s for _, s in verdicts(linter, judge, text, novel_words=2)]
    assert "warning" not in severities
    assert [s for _, s in verdicts(linter, judge, text, novel_words=99)] in (
        ["warning"], ["info"], [])


def test_thresholds_decide_the_severity(linter, judge):
    text = "I am happy to take on whatever tasks are needed and I always get things done."
    assert verdicts(linter, judge, text, warning_at=1.01) == [(text, "info")]
    assert verdicts(linter, judge, text, warning_at=1.01, info_at=1.01) == []


def test_judgements_are_cached_per_paragraph(linter, judge):
    calls = []
    model = judge.model

    class Counting:
        vocabulary = model.vocabulary

        def scores(self, bags):
            calls.append(len(bags))
            return model.scores(bags)

    counted = SentenceJudge(Counting())
    first = "I am passionate about helping people.\n\nI love what I do every single day."
    counted.paragraphs([p.local for p in linter.analyse(first).paragraphs])
    assert calls == [2]  # both paragraphs in one batch
    second = "I am passionate about helping people.\n\nI always give my best."
    counted.paragraphs([p.local for p in linter.analyse(second).paragraphs])
    assert calls == [2, 1]  # only the new paragraph
    evidence = "I am passionate about helping people.\n\nI rebuilt the rota in May."
    counted.paragraphs([p.local for p in linter.analyse(evidence).paragraphs])
    assert calls == [2, 1]  # a sentence with an action or a date never goes to the model


def test_sentence_views_leave_out_names_numbers_and_dates(linter):
    text = "I joined Acme Robotics in 2019 with 12 others. We shipped it."
    local = linter.analyse(text).paragraphs[0].local
    views = sentence_views(sentence_words(local), local.sentences, local.specifics)
    assert len(views) == 2
    assert "acme" not in views[0].words and "2019" not in views[0].words
    assert "12" not in views[0].words and "join" in views[0].words
    assert {s.label for s in views[0].specifics} >= {"NAME", "DATE", "NUMBER"}


def test_sentence_words_hold_the_words_that_start_in_each_sentence(linter):
    text = "I joined Acme in 2019.  We shipped it!\nThen I left: for good."
    local = linter.analyse(text).paragraphs[0].local
    grouped = sentence_words(local)
    assert sentence_words(local) is grouped  # worked out once, kept with the analysis
    for (begin, end), (lo, hi) in zip(local.sentences, grouped.ranges, strict=True):
        assert [w for w, start, _ in local.canonical_words if begin <= start < end] == (
            grouped.forms[lo:hi])


def test_novelty_counts_words_outside_the_generic_vocabulary():
    vocabulary = frozenset({"i", "love", "my", "team"})
    assert with_novelty(("i", "love", "my", "team"), vocabulary) == ("i", "love", "my", "team")
    assert with_novelty(("i", "love", "qubits"), vocabulary)[-1] == NOVEL[0]
    assert with_novelty(("a", "b", "c", "d", "e"), vocabulary)[-1] == NOVEL[2]


def test_batched_scoring_equals_the_classifier_on_spacy_docs():
    """model.scores builds the n-gram features itself; spaCy's own path must agree."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    model = bundled_model()
    sentences = [
        ("i", "be", "a", "team", "player"), ("i", "rebuild", "the", "rota", "rota", "rota"),
        ("one",), ("a", "b"), (), ("x", "y", "z", "x", "y", "z", "x", "y"),
        ("thank", "you", "for", "your", "time", "and", "consideration"),
    ]
    vocab = Vocab()
    docs = [Doc(vocab, words=list(with_novelty(s, model.vocabulary)) or ["-"])
            for s in sentences]
    expected = model.model.predict(docs)[:, model.index].tolist()
    assert model.scores(sentences) == pytest.approx(expected, abs=1e-6)
    assert model.scores(sentences[:1]) == pytest.approx(expected[:1], abs=1e-6)


def test_a_judge_that_skips_short_stretches_is_not_asked_below_its_floor(linter):
    judge = SentenceJudge(bundled_model(), min_words=5, min_rest_words=6)
    text = "I am a motivated and hard-working person who loves a challenge."
    found = judge.verdicts(linter.analyse(text).paragraphs, None, None, Thresholds())
    assert found == SentenceJudge(bundled_model()).verdicts(
        linter.analyse(text).paragraphs, None, None, Thresholds())
    with pytest.raises(ValueError):
        judge.verdicts(linter.analyse(text).paragraphs, None, None, Thresholds(min_words=2))


def _walked_gap(first, last, matched):
    """The rest as the judge found it before: a walk over every word (the reference)."""
    depth = [0] * (last - first + 1)
    for a, b in matched:
        depth[max(a, first) - first] += 1
        depth[min(b, last) - first] -= 1
    best = (0, first, first)
    run = first
    open_ = 0
    for k in range(first, last + 1):
        if k < last:
            open_ += depth[k - first]
        if k == last or open_:
            if k - run > best[0]:
                best = (k - run, run, k)
            run = k + 1
    return best


@given(st.integers(0, 5), st.integers(0, 20),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)), max_size=6))
def test_the_longest_gap_is_the_one_a_walk_over_the_words_finds(first, size, ranges):
    from standout.generic.judge import _longest_gap

    last = first + size
    # as the judge gives them: ranges that end after the sentence starts, begin before its end
    matched = [(a, a + n) for a, n in ranges if a < last and a + n > first]
    assert _longest_gap(first, last, matched) == _walked_gap(first, last, matched)
