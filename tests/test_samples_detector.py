"""The sample check: light edits are seen through, spans and messages are right,
original writing passes, and saved samples are picked up while the linter runs."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standout import Context, Linter
from standout.checks.base import EngineParts, build_finding
from standout.checks.sample import SampleCheck
from standout.config import UserConfig
from standout.rulebook import Rule, RuleError
from standout.samples.decision import percent
from standout.samples.matcher import SampleMatcher
from standout.samples.store import SampleStore

RULE = "sample.follows-sample"

# strength-2 with synonyms swapped and "customers" made a name
STRENGTH_SYNONYMS = (
    "I would say my biggest strength is my communication abilities. I am able to explain"
    " complicated information plainly, whether I am talking with Contoso's buyers, coworkers or"
    " senior leadership. I am also a good listener, which helps me grasp what people truly"
    " need. These abilities have allowed me to build solid relationships and avoid"
    " misunderstandings that could slow down a project."
)
# failure-3 with its clauses reordered, a number added and a sentence dropped
FAILURE_REORDERED = (
    "I once sent a client a report with an error in it. I contacted the client, apologized and"
    " sent a corrected version as soon as I realized the mistake. So that we could prevent"
    " similar problems, I also explained the situation to my supervisor. I have not made a"
    " similar mistake in 3 years, and I created a checklist for reviewing my work."
)
# leadership-1 with a sentence of the writer's own inserted
LEADERSHIP_INSERTED = (
    "In my previous role, our team lost its manager unexpectedly in the middle of a major"
    " project. I stepped up to coordinate the work, set up daily check-ins and made sure"
    " everyone knew their priorities. It was the first time I had run a stand-up. I also kept"
    " leadership updated on our progress. Thanks to everyone's hard work, we delivered the"
    " project on time, and I was later promoted to team lead."
)
OWN_PARAGRAPH = (
    "Last spring I rebuilt the returns process at the Leeds warehouse: refunds that took nine"
    " days now take two, and the team of six that runs it asked to keep the new checklist."
)
ORIGINAL_ANSWERS = [
    # Strength, weakness and a failure, written from experience: nothing of a sample.
    "My strength is spotting the one number that is wrong. At Halden I found a duplicated"
    " freight invoice worth 41,000 euros in my second week, and the finance team now sends me"
    " every carrier statement before it is paid.",
    "I over-prepare. Before my first client workshop I wrote forty slides for a ninety-minute"
    " session and used eleven. Now I write the three questions I want answered first and build"
    " only what answers them.",
    "In 2022 I shipped a pricing change without telling support. Tickets doubled for a week. I"
    " wrote the apology macro myself, sat with the support team for three days, and since then"
    " every release note goes to them a day early.",
]


@pytest.fixture(scope="module")
def matcher(linter) -> SampleMatcher:
    return linter.samples


def sample_findings(linter: Linter, text: str, context=None):
    return [f for f in linter.check(text, context).findings if f.rule == RULE]


@pytest.mark.parametrize(
    ("text", "sample"),
    [
        (STRENGTH_SYNONYMS, "strength-2"),
        (FAILURE_REORDERED, "failure-3"),
        (LEADERSHIP_INSERTED, "leadership-1"),
    ],
    ids=["synonyms-and-names", "reordered-and-dropped", "sentence-inserted"],
)
def test_light_edits_are_seen_through(linter, matcher, text, sample):
    matches = matcher.matches(linter.analyse(text))
    assert [m.sample.id for m in matches] == [sample]
    assert matches[0].share > 0.7


def test_the_finding_covers_the_copied_paragraph_only(linter):
    text = f"Dear Ms Okafor,\n\n{OWN_PARAGRAPH}\n\n{STRENGTH_SYNONYMS}\n\nKind regards,\nSam"
    (finding,) = sample_findings(linter, text)
    start = text.index("I would say")
    assert (finding.start, finding.end) == (start, start + len(STRENGTH_SYNONYMS))
    assert finding.text == text[finding.start : finding.end]
    assert finding.category == "sample"
    assert finding.message.startswith("Nearly all of this paragraph follows the sample answer"
                                      " 'What is your greatest strength? (2)'")
    assert "own experience" in finding.advice


def test_a_copied_passage_inside_a_longer_paragraph_is_the_span(linter):
    text = f"{OWN_PARAGRAPH} {LEADERSHIP_INSERTED} {OWN_PARAGRAPH}"
    (finding,) = sample_findings(linter, text)
    assert finding.text.startswith("In my previous role")
    assert finding.text.endswith("promoted to team lead.")
    assert "of this paragraph follows the sample answer 'Tell me about a time you showed" in (
        finding.message
    )


def test_severity_grows_with_the_overlap(linter, matcher):
    # all of it; about half of it (two of five sentences, in a paragraph of the writer's own)
    full = matcher.matches(linter.analyse(FAILURE_REORDERED))[0]
    half_text = (
        "I once made an error in a report that I sent to a client. As soon as I realized the"
        " mistake, I contacted the client, apologized and sent a corrected version. "
        + ORIGINAL_ANSWERS[2]
    )
    half = matcher.matches(linter.analyse(half_text))[0]
    assert full.sample.id == half.sample.id == "failure-3"
    assert half.share < full.share
    ranks = {"info": 1, "warning": 2, "error": 3}
    assert ranks[half.severity] < ranks[full.severity]
    assert full.severity == "error"


def test_two_samples_in_two_paragraphs_give_two_findings(linter):
    text = f"{STRENGTH_SYNONYMS}\n\n{LEADERSHIP_INSERTED}"
    findings = sample_findings(linter, text)
    assert len(findings) == 2
    assert "(2)'" in findings[0].message and "leadership" in findings[1].message


@pytest.mark.parametrize("text", ORIGINAL_ANSWERS)
def test_original_answers_pass(linter, text):
    assert sample_findings(linter, text) == []


def test_one_stock_sentence_is_not_a_sample(linter):
    text = f"{OWN_PARAGRAPH} Thank you for your time and consideration."
    assert sample_findings(linter, text) == []


def test_disabling_the_rule_or_category_turns_it_off(linter):
    assert [f for f in linter.check(STRENGTH_SYNONYMS, disabled_rules=[RULE]).findings
            if f.rule == RULE] == []
    assert [f for f in linter.check(STRENGTH_SYNONYMS, disabled_categories=["sample"]).findings
            if f.category == "sample"] == []


def test_an_edit_in_another_paragraph_is_matched_afresh(linter, matcher):
    first = f"{OWN_PARAGRAPH}\n\n{STRENGTH_SYNONYMS}"
    found = matcher.matches(linter.analyse(first))
    assert [m.sample.id for m in found] == ["strength-2"]
    assert matcher.matches(linter.analyse(first)) == found
    edited = f"{OWN_PARAGRAPH}\n\n{FAILURE_REORDERED}"
    assert [m.sample.id for m in matcher.matches(linter.analyse(edited))] == ["failure-3"]


PARAGRAPHS = [OWN_PARAGRAPH, STRENGTH_SYNONYMS, FAILURE_REORDERED, LEADERSHIP_INSERTED,
              *ORIGINAL_ANSWERS]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4),
                min_size=1, max_size=5))
def test_the_caches_change_nothing_but_speed(linter, matcher, letters):
    """Texts, and edits of them, match the same with the paragraph and text caches as without."""
    uncached = SampleMatcher(linter.rulebook[RULE], linter.nlp, store=matcher.store,
                             cache_size=0)
    for paragraphs in letters:
        analysis = linter.analyse("\n\n".join(paragraphs))
        assert matcher.matches(analysis) == uncached.matches(analysis)
        assert matcher.matches(analysis) == uncached.matches(analysis)  # the text cache


# --- the user's own samples ---------------------------------------------------

MY_SAMPLE = (
    "Working at a company that values innovation has always been my goal. I admire how your"
    " teams experiment, measure and share what they learn. In my current job I introduced"
    " weekly demos, which helped our group release features faster. I would love to bring that"
    " habit of learning in public to your engineering organization."
)
MY_SAMPLE_EDITED = (
    "Working at a firm that values innovation has always been my aim. I admire how your teams"
    " experiment, measure and share what they discover. In my present job I set up weekly"
    " demos, which helped our group ship features faster. I would love to bring that habit of"
    " learning in public to Initech's engineering organization."
)


@pytest.fixture
def own(linter, tmp_path) -> tuple[SampleMatcher, SampleStore]:
    store = SampleStore(tmp_path)
    return SampleMatcher(linter.rulebook[RULE], linter.nlp, store=store), store


def findings_with(linter, matcher: SampleMatcher, text: str, context: Context):
    """The sample check's findings, as the linter builds them, with ``matcher``'s samples."""
    check = SampleCheck([linter.rulebook[RULE]], EngineParts(linter.nlp, linter.rulebook))
    check.matcher = matcher
    rule = linter.rulebook[RULE]
    return [build_finding(rule, candidate, text, context)
            for candidate in check.candidates(linter.analyse(text), context)]


def test_a_saved_sample_is_seen_by_the_next_check_and_forgotten_when_removed(linter, own):
    matcher, store = own
    analysis = linter.analyse(MY_SAMPLE_EDITED)
    assert matcher.matches(analysis) == []
    saved = store.add(MY_SAMPLE, "From a careers blog")
    (match,) = matcher.matches(analysis)  # no reload call: the store changed on disk
    assert match.sample.id == saved.id and match.sample.source == "user"
    (finding,) = findings_with(linter, matcher, MY_SAMPLE_EDITED, Context())
    assert "your saved sample 'From a careers blog'" in finding.message
    store.remove(saved.id)
    assert matcher.matches(analysis) == []


def test_a_store_written_by_another_process_is_picked_up(linter, own):
    matcher, store = own
    matcher.index()
    SampleStore(store.directory).add(MY_SAMPLE)  # another writer, e.g. the CLI
    assert [m.sample.source for m in matcher.matches(linter.analyse(MY_SAMPLE_EDITED))] == [
        "user"
    ]


def test_a_corrupt_store_does_not_stop_checking(linter, own, caplog):
    matcher, store = own
    store.add(MY_SAMPLE)
    assert matcher.matches(linter.analyse(MY_SAMPLE_EDITED))
    store.path.write_text("{oops", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="standout.samples"):
        # the saved samples already read stay in use; bundled ones keep working
        assert matcher.matches(linter.analyse(MY_SAMPLE_EDITED))
        assert matcher.matches(linter.analyse(STRENGTH_SYNONYMS))
    assert "not valid JSON" in (matcher.store_error or "")
    assert "not valid JSON" in caplog.text
    assert MY_SAMPLE not in caplog.text
    assert store.path.read_text(encoding="utf-8") == "{oops"


def test_a_store_corrupt_from_the_start_leaves_the_bundled_samples(linter, tmp_path):
    store = SampleStore(tmp_path)
    tmp_path.joinpath("samples.json").write_text("[]", encoding="utf-8")
    matcher = SampleMatcher(linter.rulebook[RULE], linter.nlp, store=store)
    assert [m.sample.id for m in matcher.matches(linter.analyse(STRENGTH_SYNONYMS))] == [
        "strength-2"
    ]
    assert "not a Standout sample store" in (matcher.store_error or "")


def test_the_linter_reads_the_store_named_by_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("STANDOUT_DATA_DIR", str(tmp_path))
    SampleStore().add(MY_SAMPLE, "Blog answer")
    fresh = Linter(config=UserConfig())
    (finding,) = [f for f in fresh.check(MY_SAMPLE_EDITED).findings if f.rule == RULE]
    assert "'Blog answer'" in finding.message


# --- the rule's params ----------------------------------------------------------

@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"min_share": 1.5}, "between 0 and 1"),
        ({"min_words": "many"}, "must be an integer"),
        ({"min_sentences": 2.5}, "must be an integer"),
        ({"sentence_similarity": True}, "must be a number"),
        ({"threshold": 0.3}, "unknown param 'threshold'"),
    ],
)
def test_bad_params_name_the_rule(linter, params, problem):
    base = linter.rulebook[RULE]
    rule = Rule(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "params": params})
    with pytest.raises(RuleError) as error:
        SampleMatcher(rule, linter.nlp)
    assert RULE in str(error.value) and problem in str(error.value)


@pytest.mark.parametrize(
    ("value", "capital", "words"),
    [(0.81, True, "About 80%"), (0.42, False, "about 40%"), (0.99, True, "Nearly all"),
     (0.01, False, "about 5%")],
)
def test_shares_read_as_people_say_them(value, capital, words):
    assert percent(value, capital) == words


def test_offsets_are_python_indices_with_emoji_and_crlf(linter):
    wrapped = STRENGTH_SYNONYMS.replace(". ", ".\r\n")
    text = f"Hi 👋🏽,\r\n\r\n{OWN_PARAGRAPH}\r\n\r\n{wrapped}"
    findings = sample_findings(linter, text)
    assert findings
    for finding in findings:
        assert finding.text == text[finding.start : finding.end]
    assert min(f.start for f in findings) == text.index("I would say")
    assert max(f.end for f in findings) == len(text)


def test_a_sample_spread_over_one_sentence_paragraphs_is_found(linter, matcher):
    text = STRENGTH_SYNONYMS.replace(". ", ".\n\n")
    assert len(linter.analyse(text).paragraphs) == 4
    matches = matcher.matches(linter.analyse(text))
    assert {m.sample.id for m in matches} == {"strength-2"}
    assert len(matches) >= 3
