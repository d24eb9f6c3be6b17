"""Rule files: validation errors name the file and the rule; users add and disable rules."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from standout import Linter
from standout.config import ConfigError, UserConfig
from standout.rulebook import RuleError, load_rule_file, load_rulebook

GOOD_RULE = """
  - id: mine.synergy-stack
    title: '"synergy stack"'
    message: A phrase I keep writing and want to stop writing.
    advice: Say what the two things do together, with one example.
    phrases: ["synergy stack"]
    examples:
      flag: ["We built a synergy stack."]
      pass: ["We built a stack."]
"""


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def rule_file(rules: str, category: str = "mine") -> str:
    return f"category: {category}\ntitle: My rules\nrules:\n{rules}"


def test_builtin_rules_load_and_have_unique_ids():
    book = load_rulebook()
    assert len(book) == len({rule.id for rule in book})
    assert all(rule.id.startswith(rule.category + ".") for rule in book)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (GOOD_RULE.replace("    message: A phrase I keep writing and want to stop writing.\n", ""),
         "'message' is a required property"),
        (GOOD_RULE.replace("severity", "x").replace("title:", "severity: fatal\n    title:"),
         "'fatal' is not one of"),
        (GOOD_RULE.replace('phrases: ["synergy stack"]', 'regex: ["(unclosed"]'), "bad regex"),
        (GOOD_RULE.replace('phrases: ["synergy stack"]', 'phrases: ["{synergy|stack"]'),
         "unbalanced or nested braces"),
        (GOOD_RULE.replace('phrases: ["synergy stack"]', 'phrases: ["@no-such-list"]'),
         "unknown word list"),
        (GOOD_RULE.replace('phrases: ["synergy stack"]', 'phrases: [".. synergy"]'),
         "'..' needs words on both sides"),
        (GOOD_RULE.replace('phrases: ["synergy stack"]',
                           'phrases: ["synergy stack"]\n    antipatterns: ["synergy .. stacks"]'),
         "an antipattern is a plain phrase"),
        (GOOD_RULE.replace("id: mine.synergy-stack", "id: other.synergy-stack"),
         "must start with the file's category"),
        (GOOD_RULE.replace('      pass: ["We built a stack."]\n', ""),
         "'pass' is a required property"),
    ],
)
def test_errors_name_the_file_and_the_rule(tmp_path, body, problem):
    path = write(tmp_path, "mine.yaml", rule_file(body))
    with pytest.raises(RuleError) as error:
        load_rule_file(path)
    message = str(error.value)
    assert str(path) in message
    assert "mine.synergy-stack" in message or "other.synergy-stack" in message
    assert problem in message


def test_yaml_syntax_errors_name_the_file(tmp_path):
    path = write(tmp_path, "broken.yaml", "category: mine\nrules: [\n")
    with pytest.raises(RuleError, match=r"broken\.yaml: not valid YAML"):
        load_rule_file(path)


def test_non_utf8_rule_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("category: caf\xe9\n".encode("latin-1"))
    with pytest.raises(RuleError, match="not UTF-8"):
        load_rule_file(path)


def test_user_rules_load_from_the_config_folder(tmp_path):
    (tmp_path / "rules").mkdir()
    write(tmp_path / "rules", "mine.yaml", rule_file(GOOD_RULE))
    linter = Linter(config=UserConfig.load(tmp_path))
    report = linter.check("Last year we built a synergy stack.")
    assert [f.rule for f in report.findings] == ["mine.synergy-stack"]


def test_user_rules_cannot_reuse_a_builtin_id(tmp_path):
    (tmp_path / "rules").mkdir()
    write(tmp_path / "rules", "cliche.yaml",
          rule_file(GOOD_RULE.replace("mine.synergy-stack", "cliche.team-player"), "cliche"))
    with pytest.raises(RuleError, match="already used"):
        Linter(config=UserConfig.load(tmp_path))


def test_a_phrase_may_belong_to_one_rule_only(tmp_path):
    (tmp_path / "rules").mkdir()
    write(tmp_path / "rules", "mine.yaml",
          rule_file(GOOD_RULE.replace('"synergy stack"]', '"team player"]')))
    with pytest.raises(RuleError, match=r"also matched by rule 'cliche\.team-player'"):
        Linter(config=UserConfig.load(tmp_path))


def test_config_turns_rules_and_categories_off(tmp_path):
    write(tmp_path, "config.toml",
          'disabled_rules = ["cliche.team-player"]\ndisabled_categories = ["opener"]\n')
    linter = Linter(config=UserConfig.load(tmp_path))
    text = "I am writing to apply. I am a team player and detail-oriented."
    assert {f.rule for f in linter.check(text).findings} == {"cliche.detail-oriented"}
    enabled = {rule.id: linter.is_enabled(rule) for rule in linter.rules}
    assert enabled["cliche.team-player"] is False
    assert enabled["cliche.detail-oriented"] is True


@pytest.mark.parametrize(
    "body", ['disabled_rules = "cliche.team-player"\n', "disabled_rules = [\n", "x = \xff"]
)
def test_bad_config_is_a_clear_error(tmp_path, body):
    write(tmp_path, "config.toml", body)
    with pytest.raises(ConfigError, match=r"config\.toml"):
        UserConfig.load(tmp_path)
