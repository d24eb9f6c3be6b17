"""Pairing: the extension obtains the history token once, after the user approves in a terminal."""

from __future__ import annotations

import re
import stat

import pytest
from click.testing import CliRunner

from standout.cli import main
from standout.history.pairing import MAX_WAITING, PAIRING_SECONDS, PairingError, Pairings

ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pairings(tmp_path, clock) -> Pairings:
    return Pairings(tmp_path / "config", clock=clock)


def test_a_pairing_gives_the_token_once_after_approval(pairings):
    started = pairings.start(ORIGIN)
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", started["code"])
    assert started["expires_in"] == PAIRING_SECONDS
    assert pairings.token() is None
    assert pairings.collect(started["pairing"]) is None  # not approved yet
    assert pairings.token() is None
    typed = " " + started["code"].lower().replace("-", " ") + " "
    assert pairings.waiting_for(typed) == ORIGIN
    assert pairings.approve(typed) == ORIGIN
    token = pairings.collect(started["pairing"])
    assert token and len(token) >= 40
    assert pairings.token() == token
    assert stat.S_IMODE(pairings.token_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(pairings.directory.stat().st_mode) == 0o700
    with pytest.raises(PairingError, match="unknown or has expired"):
        pairings.collect(started["pairing"])
    # nothing is left waiting: the file of waiting pairings is gone
    assert sorted(p.name for p in pairings.directory.iterdir()) == [
        ".history-pairing.lock", "history-token"]


def test_the_token_is_per_install_and_checked_exactly(pairings):
    first = pairings.start(ORIGIN)
    pairings.approve(first["code"])
    token = pairings.collect(first["pairing"])
    second = pairings.start("moz-extension://1234-5678")
    pairings.approve(second["code"])
    assert pairings.collect(second["pairing"]) == token
    assert pairings.accepts(token)
    for wrong in (None, "", token[:-1], token + "x", token.upper(), "Bearer " + token):
        assert not pairings.accepts(wrong)
    assert pairings.revoke()
    assert not pairings.accepts(token)
    assert not pairings.revoke()


def test_a_wrong_code_approves_nothing(pairings):
    started = pairings.start(ORIGIN)
    with pytest.raises(PairingError, match="no pairing is waiting for the code"):
        pairings.approve("AAAA-AAAA")
    assert pairings.collect(started["pairing"]) is None


def test_a_pairing_expires(pairings, clock):
    started = pairings.start(ORIGIN)
    clock.now += PAIRING_SECONDS + 1
    with pytest.raises(PairingError):
        pairings.approve(started["code"])
    with pytest.raises(PairingError):
        pairings.collect(started["pairing"])


def test_only_a_few_pairings_wait_at_once(pairings):
    started = [pairings.start(ORIGIN) for _ in range(MAX_WAITING + 1)]
    with pytest.raises(PairingError):
        pairings.approve(started[0]["code"])
    assert pairings.approve(started[-1]["code"]) == ORIGIN


def test_a_pairing_id_is_needed_to_collect(pairings):
    started = pairings.start(ORIGIN)
    pairings.approve(started["code"])
    with pytest.raises(PairingError):
        pairings.collect(started["code"])
    with pytest.raises(PairingError):
        pairings.collect("guess")
    assert pairings.collect(started["pairing"])


def test_a_damaged_file_of_waiting_pairings_only_delays_pairing(pairings):
    pairings.directory.mkdir(parents=True)
    (pairings.directory / "history-pairing.json").write_text("{oops", encoding="utf-8")
    started = pairings.start(ORIGIN)
    assert pairings.approve(started["code"]) == ORIGIN


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["history", *args], input=stdin, catch_exceptions=False)


def test_the_pair_command_shows_who_asks_and_needs_a_yes(monkeypatch, tmp_path):
    monkeypatch.setenv("STANDOUT_CONFIG_DIR", str(tmp_path / "config"))
    pairings = Pairings()
    started = pairings.start(ORIGIN)
    refused = run("pair", started["code"], stdin="n\n")
    assert refused.exit_code == 2
    assert f"{ORIGIN} asks to read and add to your application history." in refused.stdout
    assert pairings.collect(started["pairing"]) is None
    allowed = run("pair", started["code"], stdin="y\n")
    assert allowed.exit_code == 0, allowed.output
    assert f"paired {ORIGIN}" in allowed.stdout
    token = pairings.collect(started["pairing"])
    assert pairings.accepts(token)
    unknown = run("pair", "ZZZZ-ZZZZ", "--yes")
    assert unknown.exit_code == 2
    assert "no pairing is waiting for the code 'ZZZZ-ZZZZ'" in unknown.stderr
    assert run("unpair").stdout.startswith("removed ")
    assert not pairings.accepts(token)
    assert run("unpair").stdout == "No extension was paired.\n"
