"""The interview checks through the engine, the CLI and /v1: answer structure and voice,
questions to ask, the context's kind, and the report data (speaking time)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from standout import Context
from standout.cli import main

PRESSURE = "Tell me about a time you worked under pressure."
TEAM = "Give an example of when you worked well as part of a team."
CLAIMS = ("I am a hard worker who always gives everything. I believe communication is key, "
          "and I make sure that I keep everyone informed.")
STORY = ("Last December 🎄 the bakery lost its second oven two days before Christmas.\r\n"
         "I moved the bread to a 4 a.m. start and rang every customer with a big order.\r\n"
         "We still filled all 140 orders on time.")
WE_STORY = ("Last March our shop had a huge queue every Saturday. We opened a second till, we "
            "moved the baskets and we put up signs, and we cut the wait to five minutes.")
ASKS = ("Questions for Acme:\r\n- What does a typical day look like? 🙂\r\n"
        "- How is the new Leeds depot changing your delivery rounds?\r\n"
        "- What are the next steps?")


def rules(report) -> list[str]:
    return [f.rule for f in report.findings]


def test_claims_only_answer_misses_every_part(linter):
    report = linter.check(CLAIMS, {"question": PRESSURE})
    assert {"answer.no-situation", "answer.no-action", "answer.no-result"} <= set(rules(report))
    assert report.stats["kind"] == "answer"
    situation = next(f for f in report.findings if f.rule == "answer.no-situation")
    result = next(f for f in report.findings if f.rule == "answer.no-result")
    assert situation.text.startswith("I am a hard worker")  # the opening sentence
    assert result.text.startswith("I believe")  # the closing one


def test_a_whole_story_has_no_structure_findings_and_exact_offsets(linter):
    report = linter.check(STORY, {"question": PRESSURE})
    assert not [r for r in rules(report) if r.startswith("answer.")]
    answer = report.stats["answer"]
    assert answer["situation"] and answer["action"] and answer["result"]
    assert answer["question"]["id"] == "pressure"
    for finding in report.findings:
        assert STORY[finding.start : finding.end] == finding.text


def test_speaking_time_in_stats(linter):
    report = linter.check(STORY, {"question": PRESSURE})
    words = report.stats["words"]
    assert report.stats["speaking_seconds"] == round(words * 60 / 140)
    speaking = report.stats["speaking"]
    assert speaking["range"] == [round(words * 60 / 150), round(words * 60 / 130)]
    assert speaking["expected"] == [60, 120] and speaking["verdict"] == "short"


def test_speaking_time_stays_when_the_rules_are_off(linter):
    report = linter.check(CLAIMS, {"question": PRESSURE}, disabled_categories=["answer"])
    assert not [r for r in rules(report) if r.startswith("answer.")]
    assert "speaking_seconds" in report.stats


def test_no_question_no_answer_checks(linter):
    report = linter.check(CLAIMS)
    assert report.stats["kind"] == "letter"
    assert not [r for r in rules(report) if r.startswith("answer.")]
    assert "speaking_seconds" not in report.stats
    # an explicit kind without a question: still no structure checks (nothing to expect)
    report = linter.check(CLAIMS, {"kind": "answer"})
    assert not [r for r in rules(report) if r.startswith("answer.")]


def test_questions_that_call_for_no_story(linter):
    salary = "I am looking for around 31,000 pounds, based on what similar roles pay here."
    report = linter.check(salary, {"question": "What are your salary expectations?"})
    assert not [r for r in rules(report) if r.startswith("answer.no-")]
    assert report.stats["answer"]["expected"] == []


def test_we_not_i(linter):
    report = linter.check(WE_STORY, {"question": TEAM})
    finding = next(f for f in report.findings if f.rule == "answer.we-not-i")
    assert '"We" comes 4 times' in finding.message and '"I" never' in finding.message
    assert finding.text.startswith("We opened")  # the first sentence told as "we"


def test_questions_list(linter):
    report = linter.check(ASKS, {"company": "Acme"})
    assert report.stats["kind"] == "questions"  # inferred from the list
    flagged = [f.text for f in report.findings if f.rule == "ask.generic-question"]
    assert flagged == ["What does a typical day look like?", "What are the next steps?"]
    assert report.stats["asks"] == {"questions": 3, "generic": 2, "none": False}
    assert "Acme" in next(f.message for f in report.findings if f.rule == "ask.generic-question")


@pytest.mark.parametrize("text", ["None", "", "No, you've covered everything, thanks."])
def test_no_questions(linter, text):
    report = linter.check(text, {"question": "Do you have any questions for us?"})
    found = [f for f in report.findings if f.rule == "ask.no-questions"]
    assert len(found) == 1 and found[0].text == text.strip()


def test_kind_overrides_inference(linter):
    report = linter.check(ASKS, {"kind": "letter"})
    assert report.stats["kind"] == "letter"
    assert not [r for r in rules(report) if r.startswith("ask.")]


def test_bad_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        Context.coerce({"kind": "poem"})
    with pytest.raises(ValueError, match="kind"):
        Context(kind="poem")


# --- /v1 ---------------------------------------------------------------------

def test_v1_answer(client):
    body = client.post("/v1/check", json={
        "text": STORY, "context": {"question": PRESSURE, "kind": "answer"},
    }).get_json()
    assert body["stats"]["kind"] == "answer"
    assert isinstance(body["stats"]["speaking_seconds"], int)


def test_v1_questions_offsets_are_utf16(client):
    payload = {"text": ASKS, "context": {"kind": "questions"}}
    body = client.post("/v1/check", json=payload).get_json()
    units = ASKS.encode("utf-16-le")
    for f in body["findings"]:
        got = units[2 * f["offset"] : 2 * (f["offset"] + f["length"])].decode("utf-16-le")
        assert got == f["text"]
    assert [f["rule"] for f in body["findings"]].count("ask.generic-question") == 2


@pytest.mark.parametrize("kind", ["poem", "ANSWER", 3, ["answer"]])
def test_v1_bad_kind(client, kind):
    response = client.post("/v1/check", json={"text": "Hi", "context": {"kind": kind}})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_context"


def test_v1_empty_kind_is_inferred(client):
    body = client.post("/v1/check", json={"text": ASKS, "context": {"kind": ""}}).get_json()
    assert body["stats"]["kind"] == "questions"


# --- CLI ---------------------------------------------------------------------

def test_cli_kind_and_question(tmp_path):
    path = tmp_path / "asks.txt"
    path.write_text("What does a typical day look like?\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--kind", "questions", str(path)])
    assert result.exit_code == 1 and "ask.generic-question" in result.stdout
    answer = tmp_path / "answer.txt"
    answer.write_text(CLAIMS, encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--question", PRESSURE, str(answer)])
    data = json.loads(result.stdout)["files"][0]
    assert data["stats"]["speaking_seconds"] > 0
    assert "answer.no-result" in [f["rule"] for f in data["findings"]]
    result = runner.invoke(main, ["check", "--question", PRESSURE, str(answer)])
    assert "to say (interviewers expect 1 min to 2 min)" in result.stderr
    result = runner.invoke(main, ["check", "--kind", "poem", str(answer)])
    assert result.exit_code == 2 and "poem" in result.stderr


def test_questions_not_in_the_bank(linter):
    story = "Tell me about a time you had to learn a new system quickly."
    report = linter.check(CLAIMS, {"question": story})
    assert "answer.no-situation" in rules(report)
    assert report.stats["speaking"]["expected"] is None
    report = linter.check(CLAIMS, {"question": "Anything else you would like us to know?"})
    assert not [r for r in rules(report) if r.startswith("answer.no-")]
    assert report.stats["answer"]["expected"] == []


def test_about_yourself_needs_no_result(linter):
    text = ("I have run the front desk of a dental surgery in Harlow for five years and I book "
            "about 150 appointments a day. Before that I worked in a shoe shop.")
    report = linter.check(text, {"question": "Tell me about yourself."})
    assert report.stats["answer"]["expected"] == ["action"]
    assert "answer.no-result" not in rules(report)


@pytest.mark.parametrize("ending", [
    "I then suggested a pre-trip checklist for wheelchair ramps, and it went into the "
    "spring training module.",
    "I wrote a one-page guide for the night staff, which is now part of the induction pack.",
])
def test_a_change_the_organisation_took_up_is_a_result(linter, ending):
    text = ("Last winter a ramp on one of our buses jammed at the Kirkby stop with a "
            "wheelchair user waiting. I radioed control, moved the passengers to the next bus "
            "and stayed with her until it came. " + ending)
    report = linter.check(text, {"question": "Describe a challenge you faced at work."})
    assert "answer.no-result" not in rules(report)
    plain = text.removesuffix(ending) + "I then told my manager about it."
    assert "answer.no-result" in rules(linter.check(
        plain, {"question": "Describe a challenge you faced at work."}))
