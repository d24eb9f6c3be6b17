"""The posting through every door: the Python API, the CLI and /v1 (invented texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from standout import Context
from standout.cli import main
from standout.context import MAX_POSTING_CHARS, PostingTooLong

HERE = Path(__file__).parent / "postings"
POSTING = (HERE / "bulleted.txt").read_text(encoding="utf-8")
TAILORED = (HERE / "tailored.txt").read_text(encoding="utf-8")


def utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le")


# --- Python API --------------------------------------------------------------------


def test_report_posting_is_none_without_a_posting(linter):
    assert linter.check(TAILORED).posting is None
    assert "posting" not in linter.check(TAILORED).to_dict()


def test_report_posting_holds_the_checklist(linter):
    report = linter.check(TAILORED, {"posting": POSTING})
    posting = report.posting
    assert 0 < len(posting.asks) <= 8
    assert posting.match == round(
        sum(a.status == "shown" for a in posting.asks) / len(posting.asks), 3)
    for ask in posting.asks:
        assert ask.section in {"requirements", "responsibilities", "nice_to_have"}
        if ask.status == "absent":
            assert ask.evidence is None
        else:
            start, end = ask.evidence
            assert TAILORED[start:end].strip() == TAILORED[start:end] and end > start
    assert report.to_dict()["posting"]["asks"][0]["text"] == posting.asks[0].text


def test_company_and_role_come_from_the_posting(linter):
    letter = "I am excited to apply for the Marketing Coordinator position at Globex Corp."
    rules = {f.rule for f in linter.check(letter, {"posting": POSTING}).findings}
    assert {"employer.other", "employer.other-role"} <= rules
    given = linter.check(letter, {"posting": POSTING, "role": "Marketing Coordinator",
                                  "company": "Globex"}).findings
    assert not {f.rule for f in given} & {"employer.other", "employer.other-role"}


def test_the_posting_own_names_are_the_same_employer(linter):
    letter = "I would love to join the team at CrateTrack and help the Holbeck hub grow."
    assert "employer.other" not in {f.rule for f in linter.check(letter, {"posting": POSTING})
                                    .findings}


def test_echo_findings_point_at_the_copied_words(linter):
    letter = "🚲 I can lead stakeholder management with carriers and couriers.\r\n\r\nThanks."
    found = [f for f in linter.check(letter, {"posting": POSTING}).findings
             if f.rule == "posting.echo"]
    assert [f.text for f in found] == ["lead stakeholder management with carriers and couriers"]
    assert letter[found[0].start : found[0].end] == found[0].text
    assert "lead stakeholder management" in found[0].message


def test_nothing_about_them_needs_a_long_cover_letter(linter):
    generic = (HERE / "generic.txt").read_text(encoding="utf-8")
    rules = {f.rule for f in linter.check(generic, {"posting": POSTING}).findings}
    assert "posting.nothing-about-them" in rules
    short = "I would like to work at Pennywort Logistics. I am a hard worker."
    assert "posting.nothing-about-them" not in {
        f.rule for f in linter.check(short, {"posting": POSTING}).findings}
    answer = linter.check(generic, {"posting": POSTING, "question": "Why us?"}).findings
    assert "posting.nothing-about-them" not in {f.rule for f in answer}
    assert "posting.nothing-about-them" not in {
        f.rule for f in linter.check(TAILORED, {"posting": POSTING}).findings}


def test_a_posting_too_long_is_a_clear_error(linter):
    with pytest.raises(PostingTooLong, match="at most 50,000"):
        linter.check("Hello.", {"posting": "x " * MAX_POSTING_CHARS})
    assert isinstance(PostingTooLong(1), ValueError)
    Context(posting="x" * MAX_POSTING_CHARS)  # the limit itself is fine


@pytest.mark.parametrize("posting", ["", "   ", "What we offer\n- A pension\n- Free parking\n",
                                     "Wir suchen eine Köchin mit Erfahrung und Freude am Kochen. "
                                     "Sie planen die Menüs und bestellen die Waren bei uns."])
def test_a_posting_without_asks_gives_an_empty_checklist(linter, posting):
    report = linter.check(TAILORED, {"posting": posting})
    if not posting.strip():
        assert report.posting is None  # an empty posting is no posting
        return
    assert report.posting.asks == () and report.posting.match is None
    assert report.posting.notes in (("no-asks",), ("not-english",))


# --- CLI ---------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    letter, posting = tmp_path / "letter.txt", tmp_path / "posting.txt"
    letter.write_text(TAILORED, encoding="utf-8")
    posting.write_text(POSTING, encoding="utf-8")
    return letter, posting


def test_cli_prints_the_checklist(files):
    letter, posting = files
    result = CliRunner().invoke(main, ["check", str(letter), "--posting", str(posting)])
    lines = result.output.splitlines()
    assert any(line.endswith("asks shown (match 50%)") for line in lines), result.output
    assert "  shown: data cleaning, Python (line 5)" in lines
    assert "  absent: root causes, late deliveries" in lines


def test_cli_json_has_files_posting(files):
    letter, posting = files
    result = CliRunner().invoke(main, ["check", str(letter), "--posting", str(posting),
                                       "--format", "json"])
    data = json.loads(result.output)["files"][0]["posting"]
    assert data["match"] == 0.5
    ask = next(a for a in data["asks"] if a["status"] == "shown")
    assert set(ask) >= {"text", "terms", "section", "status", "start", "end", "line"}
    assert TAILORED[ask["start"] : ask["end"]].startswith("In 2023")
    absent = next(a for a in data["asks"] if a["status"] == "absent")
    assert absent["start"] is None and absent["line"] is None


def test_cli_reads_the_posting_from_stdin_but_not_twice(files):
    letter, _ = files
    ok = CliRunner().invoke(main, ["check", str(letter), "--posting", "-"], input=POSTING)
    assert "asks shown" in ok.output
    twice = CliRunner().invoke(main, ["check", "-", "--posting", "-"], input=POSTING)
    assert twice.exit_code == 2 and "can be read once" in twice.output


def test_cli_bad_postings_exit_2(files, tmp_path):
    letter, _ = files
    missing = CliRunner().invoke(main, ["check", str(letter), "--posting", str(tmp_path / "no")])
    assert missing.exit_code == 2
    big = tmp_path / "big.txt"
    big.write_text("x" * (MAX_POSTING_CHARS + 1), encoding="utf-8")
    long = CliRunner().invoke(main, ["check", str(letter), "--posting", str(big)])
    assert long.exit_code == 2 and "at most 50,000" in long.output
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert CliRunner().invoke(main, ["check", str(letter), "--posting", str(binary)]
                              ).exit_code == 2


# --- /v1 ---------------------------------------------------------------------------


def test_v1_check_reports_the_posting_in_utf16(client):
    letter = "🎉🎉 " + TAILORED
    body = client.post("/v1/check", json={"text": letter, "context": {"posting": POSTING}}
                       ).get_json()
    posting = body["posting"]
    assert posting["company"] == "Pennywort Logistics Ltd"
    shown = [a for a in posting["asks"] if a["status"] == "shown"]
    assert shown
    for ask in shown:
        assert utf16_slice(letter, ask["offset"], ask["length"]).endswith(".")
    assert all(a["offset"] is None for a in posting["asks"] if a["status"] == "absent")
    assert "posting" not in client.post("/v1/check", json={"text": letter}).get_json()


def test_v1_posting_limits_and_types(client):
    too_long = client.post("/v1/check", json={
        "text": "Hello.", "context": {"posting": "x" * (MAX_POSTING_CHARS + 1)}})
    assert too_long.status_code == 413
    assert too_long.get_json()["error"]["code"] == "posting_too_long"
    wrong = client.post("/v1/check", json={"text": "Hello.", "context": {"posting": 12}})
    assert wrong.status_code == 400 and wrong.get_json()["error"]["code"] == "invalid_context"
    batch = client.post("/v1/check/batch", json={"items": [
        {"text": "Hi.", "context": {"posting": POSTING}},
        {"text": "Hi.", "context": {"posting": "y" * (MAX_POSTING_CHARS + 1)}}]})
    assert batch.status_code == 413
    assert "items[1].context.posting" in batch.get_json()["error"]["message"]


def test_v1_batch_gives_each_item_its_checklist(client):
    body = client.post("/v1/check/batch", json={"items": [
        {"id": "a", "text": TAILORED, "context": {"posting": POSTING}},
        {"id": "b", "text": TAILORED}]}).get_json()
    first, second = body["results"]
    assert first["posting"]["match"] == 0.5 and "posting" not in second
