"""``standout doctor`` on the start-up cache: where it is, and whether it has the current rules."""

from __future__ import annotations

from standout import Linter, engine_cache
from standout.config import UserConfig
from standout.doctor.cache_check import check_cache
from standout.doctor.checks import CHECKS
from standout.doctor.model import Context

CONTEXT = Context(url="http://127.0.0.1:9/")


def test_the_cache_is_reported_before_and_after_the_first_build(tmp_path, monkeypatch):
    monkeypatch.setenv("STANDOUT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv(engine_cache.DIR_ENV, str(tmp_path / "cache"))
    before = check_cache(CONTEXT)
    assert before.status == "ok" and "nothing for the current rules yet" in before.summary
    assert before.details["folder"] == str(tmp_path / "cache")
    Linter(config=UserConfig())
    after = check_cache(CONTEXT)
    assert after.status == "ok" and "holds the current rules" in after.summary
    assert after.details["files"] == [after.details["current"]]


def test_a_cache_folder_that_cannot_be_written_is_a_warning(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("in the way", encoding="utf-8")
    monkeypatch.setenv(engine_cache.DIR_ENV, str(tmp_path / "a-file" / "cache"))
    found = check_cache(CONTEXT)
    assert found.status == "warn" and "every start builds the rules" in found.summary
    assert engine_cache.DIR_ENV in found.fix


def test_a_cache_turned_off_is_information(monkeypatch):
    monkeypatch.setenv(engine_cache.OFF_ENV, "1")
    assert check_cache(CONTEXT).status == "info"


def test_the_cache_check_never_fails_the_doctor():
    (cache,) = [check for check in CHECKS if check.id == "cache"]
    assert not cache.required
