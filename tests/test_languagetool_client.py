"""A real LanguageTool client (language_tool_python) against a real `standout serve`."""

from __future__ import annotations

import language_tool_python
import pytest


@pytest.fixture
def tool(live_server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=live_server.url)
    yield tool
    tool.close()


def test_matches_through_language_tool_python(tool, live_server):
    text = "I am writing to apply for the analyst role. I am a team player."
    matches = tool.check(text)
    assert [m.rule_id for m in matches] == ["opener.writing-to-apply", "cliche.team-player"]
    opener, team = matches
    assert (opener.offset, opener.error_length) == (0, len("I am writing to apply for"))
    assert text[team.offset : team.offset + team.error_length] == "team player"
    assert team.message.startswith('"Team player" is one of the most used phrases')
    assert team.category == "cliche"
    assert team.rule_issue_type == "style"
    assert team.replacements == []
    assert team.sentence == "I am a team player."
    assert team.context[team.offset_in_context:][: team.error_length] == "team player"
    assert team.matched_text == "team player"
    assert team.get_line_and_column(text) == (1, team.offset + 1)


def test_offsets_after_emoji(tool):
    text = "🚀🚀 Hello. I am a team player."
    (match,) = tool.check(text)
    # The client converts LanguageTool's UTF-16 offsets to Python indices.
    assert text[match.offset : match.offset + match.error_length] == "team player"


def test_disabled_rules_and_enabled_only(tool):
    text = "I am writing to apply. I am a team player."
    tool.disabled_rules = {"cliche.team-player"}
    assert [m.rule_id for m in tool.check(text)] == ["opener.writing-to-apply"]
    tool.disabled_rules = set()
    tool.enabled_rules = {"cliche.team-player"}
    tool.enabled_rules_only = True
    assert [m.rule_id for m in tool.check(text)] == ["cliche.team-player"]


def test_clean_text_has_no_matches(tool):
    assert tool.check("In 2023 I cut our build time from 40 to 9 minutes.") == []
