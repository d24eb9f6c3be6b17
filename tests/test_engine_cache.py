"""The start-up cache (engine_cache.py): a linter loaded from it finds what a fresh build
finds; editing a rule file invalidates it; a damaged or foreign file is rebuilt over;
a folder that cannot be written costs speed only; two processes building at once both
work; and a `standout check` from the cache imports no YAML, schema, web or posting library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sample_texts

from standout import Linter, engine_cache
from standout.config import UserConfig

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "bench" / "letters").glob("*.txt"))
CONTEXTS = [None, {"company": "Globex", "role": "data analyst"}, {"company": "Initech"}]
RULE = """\
category: mine
title: My own rules
rules:
  - id: mine.glorbish
    title: Glorbish
    severity: warning
    phrases: ["{PHRASES}"]
    message: Says nothing.
    advice: Say what happened.
    examples:
      flag: ["We found a {FIRST} here."]
      pass: ["We found a plan here."]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(engine_cache.DIR_ENV, str(folder))
    monkeypatch.delenv(engine_cache.OFF_ENV, raising=False)
    return folder


def texts(linter: Linter) -> list[tuple[str, dict | None]]:
    """The bench letters in three contexts, every rule example, the sample tests' texts."""
    found = [(path.read_text(encoding="utf-8"), c) for path in LETTERS for c in CONTEXTS]
    for rule in linter.rules:
        for example in (*rule.flag_examples, *rule.pass_examples):
            found.append((example.text, example.context or None))
    samples = [value for name, value in vars(sample_texts).items()
               if name.isupper() and isinstance(value, str) and len(value) > 100]
    samples += list(sample_texts.ORIGINAL_ANSWERS)
    found += [(text, None) for text in samples]
    return found


def reports(linter: Linter, items) -> list[dict]:
    """Every text checked as served and with overlaps kept (the rule examples' view)."""
    out = []
    for text, context in items:
        for resolve in (True, False):
            report = linter.check(text, context, resolve_overlaps=resolve)
            out.append(json.loads(json.dumps(report.to_dict())))
    return out


def rule_records(linter: Linter) -> list[tuple]:
    return [(rule, rule.params) for rule in linter.rules]


def test_a_cached_load_finds_what_a_fresh_build_finds(cache, tmp_path):
    fresh = Linter(config=UserConfig(), startup_cache=False)
    assert fresh.loaded_from == "rules" and not cache.exists()
    first = Linter(config=UserConfig())
    assert first.loaded_from == "rules" and len(engine_cache.cache_files(cache)) == 1
    cached = Linter(config=UserConfig())
    assert cached.loaded_from == "cache"

    items = texts(fresh)
    assert len(items) > 500
    expected = reports(fresh, items)
    assert sum(len(r["findings"]) for r in expected) > 1000
    assert rule_records(cached) == rule_records(fresh)
    assert cached.passage_rules == fresh.passage_rules
    assert reports(cached, items) == expected
    assert reports(first, items) == expected
    assert len(cached.samples.samples()) == len(fresh.samples.samples()) > 100

    # ... and so does a new process, which is what the cache is for.
    (tmp_path / "texts.json").write_text(json.dumps(items), encoding="utf-8")
    script = (
        "import json, sys\n"
        "from standout import Linter\n"
        "from standout.config import UserConfig\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_engine_cache import reports\n"
        "linter = Linter(config=UserConfig())\n"
        "items = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "print(json.dumps({'from': linter.loaded_from, 'reports': reports(linter, items)}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "texts.json")],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    answer = json.loads(done.stdout)
    assert answer["from"] == "cache"
    assert answer["reports"] == json.loads(json.dumps(expected))


def _rules_dir(tmp_path: Path, phrase: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "mine.yaml").write_text(
        RULE.replace("{PHRASES}", phrase).replace("{FIRST}", phrase.split("|")[0].strip("{}")),
        encoding="utf-8")
    return folder


def test_editing_a_user_rule_file_rebuilds(cache, tmp_path):
    rules = _rules_dir(tmp_path, "glorbish")
    assert Linter(config=UserConfig(), rule_dirs=[rules]).loaded_from == "rules"
    again = Linter(config=UserConfig(), rule_dirs=[rules])
    assert again.loaded_from == "cache"
    assert [f.rule for f in again.check("Truly glorbish.").findings] == ["mine.glorbish"]
    assert again.check("We frobnicate widgets.").findings == ()

    _rules_dir(tmp_path, "{glorbish|frobnicate widgets}")
    edited = Linter(config=UserConfig(), rule_dirs=[rules])
    assert edited.loaded_from == "rules"
    assert [f.rule for f in edited.check("We frobnicate widgets.").findings] == ["mine.glorbish"]
    assert Linter(config=UserConfig(), rule_dirs=[rules]).loaded_from == "cache"
    # the built-in rules alone are another engine, with a file of their own
    assert Linter(config=UserConfig()).check("Truly glorbish.").findings == ()
    assert len(engine_cache.cache_files(cache)) == 3


def _only_file(cache: Path) -> Path:
    (path,) = engine_cache.cache_files(cache)
    return path


@pytest.mark.parametrize("damage", [
    "empty", "truncated", "a flipped byte", "another fingerprint", "not ours", "junk pickle",
    "a pickle of something else", "a folder",
])
def test_a_damaged_or_foreign_cache_file_is_rebuilt_over(cache, damage):
    Linter(config=UserConfig())
    path = _only_file(cache)
    data = path.read_bytes()
    key = engine_cache.fingerprint()
    start = engine_cache.MAGIC + key.encode() + b"\n"
    assert data.startswith(start)
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "a flipped byte":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif damage == "another fingerprint":
        path.write_bytes(data.replace(key.encode(), b"0" * len(key), 1))
    elif damage == "not ours":
        path.write_bytes(b"\x80\x05K\x01." + data)
    elif damage in ("junk pickle", "a pickle of something else"):
        import hashlib
        import pickle

        payload = b"\x80\x05junk" if damage == "junk pickle" else pickle.dumps({"rulebook": 1})
        path.write_bytes(engine_cache._header(key, hashlib.sha256(payload).hexdigest())
                         + payload)
    else:
        path.unlink()
        path.mkdir()
    rebuilt = Linter(config=UserConfig())
    assert rebuilt.loaded_from == "rules"
    assert [f.rule for f in rebuilt.check("I am writing to apply.").findings] == [
        "opener.writing-to-apply"]
    if damage != "a folder":  # a folder in the way is left alone: no cache, no crash
        assert path.read_bytes().startswith(start)
        assert Linter(config=UserConfig()).loaded_from == "cache"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_others_may_write_is_not_trusted(cache):
    Linter(config=UserConfig())
    path = _only_file(cache)
    path.chmod(0o666)
    assert Linter(config=UserConfig()).loaded_from == "rules"
    assert path.stat().st_mode & 0o777 == 0o600  # rebuilt over, with the user's own mode
    assert Linter(config=UserConfig()).loaded_from == "cache"


def test_a_folder_that_cannot_be_written_costs_speed_only(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv(engine_cache.DIR_ENV, str(blocker / "cache"))
    for _ in range(2):
        linter = Linter(config=UserConfig())
        assert linter.loaded_from == "rules"
        assert linter.check("I am writing to apply.").findings


def test_the_cache_can_be_turned_off(cache, monkeypatch):
    monkeypatch.setenv(engine_cache.OFF_ENV, "1")
    assert Linter(config=UserConfig()).loaded_from == "rules"
    assert not cache.exists()


def test_only_the_most_recently_used_files_are_kept(cache, tmp_path):
    cache.mkdir(parents=True)
    for number in range(engine_cache.KEEP + 2):
        old = cache / f"engine-{number:032d}.pickle"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + number, 1_000_000 + number))
    stale = cache / ".engine-dead.tmp"
    stale.write_bytes(b"a writer that died")
    os.utime(stale, (1_000_000, 1_000_000))
    Linter(config=UserConfig())
    kept = engine_cache.cache_files(cache)
    assert len(kept) == engine_cache.KEEP
    assert kept[0] == engine_cache.cache_path(engine_cache.fingerprint())
    assert {p.name for p in kept[1:]} == {
        f"engine-{n:032d}.pickle" for n in range(engine_cache.KEEP + 2)
    } - {f"engine-{n:032d}.pickle" for n in range(3)}
    assert not stale.exists()


def _standout(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "standout", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def test_two_processes_building_the_cache_at_once_both_work(cache):
    env = {**os.environ, engine_cache.DIR_ENV: str(cache)}
    letter = str(LETTERS[0])
    both = [_standout("check", "--format", "json", letter, env=env) for _ in range(2)]
    outputs = [proc.communicate(timeout=300) for proc in both]
    assert [proc.returncode for proc in both] == [1, 1], outputs
    assert outputs[0][0] == outputs[1][0] and json.loads(outputs[0][0])["files"][0]["findings"]
    assert [p.name for p in cache.iterdir()] == [_only_file(cache).name]  # no temporaries left
    third = _standout("check", "--format", "json", letter, env=env)
    assert third.communicate(timeout=300)[0] == outputs[0][0]
    assert Linter(config=UserConfig()).loaded_from == "cache"


def test_a_check_from_the_cache_imports_no_yaml_schema_web_or_posting_library(cache):
    # An interview answer too: the answer and ask readers and the question bank come from
    # the cache, not from their YAML files.
    Linter(config=UserConfig())
    script = (
        "import sys\n"
        "from standout.cli import main\n"
        "for extra in ([], ['--question', 'Tell me about a time you solved a problem']):\n"
        "    try:\n"
        "        main(['check', *extra, sys.argv[1]])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('yaml', 'jsonschema', 'flask', 'werkzeug', 'waitress', 'wordfreq',\n"
        "         'snowballstemmer', 'standout.web', 'standout.service', 'standout.doctor')\n"
        "print('loaded:', *[m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(LETTERS[0])], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    *findings, loaded = done.stdout.strip().splitlines()
    assert any(" warning " in line for line in findings), done.stdout + done.stderr
    assert loaded == "loaded:"


def test_the_interview_readers_and_question_bank_come_from_the_cache(cache):
    from standout.interview.readers import answers_for, asks_for

    Linter(config=UserConfig())  # builds and writes the cache
    built = json.dumps(Linter(config=UserConfig(), startup_cache=False).check(
        LETTERS[0].read_text(encoding="utf-8"),
        context={"question": "Tell me about a time you solved a problem"}).to_dict())
    cached = Linter(config=UserConfig())
    assert cached.loaded_from == "cache"
    reader = answers_for(cached.nlp).reader
    assert asks_for(cached.nlp).reader.references.by_first  # compiled cues, as saved
    answer = cached.check(LETTERS[0].read_text(encoding="utf-8"),
                          context={"question": "Tell me about a time you solved a problem"})
    assert json.dumps(answer.to_dict()) == built
    assert answers_for(cached.nlp).reader is reader  # the saved reader is the one used
