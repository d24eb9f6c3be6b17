"""The files ``standout service install`` writes, against golden files and their formats.

Set STANDOUT_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change
(then read the diff). ``systemd-analyze verify`` runs in tests/platform/.
"""

from __future__ import annotations

import os
import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from service_specs import LINUX, MACOS, WINDOWS, WINDOWS_USER

from standout.service import linux, macos, windows
from standout.service.spec import ServiceSpec, SpecError, current_spec, service_python

GOLDEN = Path(__file__).parent / "golden" / "service"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def assert_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("STANDOUT_UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{name} differs from {path} (STANDOUT_UPDATE_GOLDEN=1)"


def test_systemd_unit_matches_its_golden_file():
    assert_golden("standout.service", linux.render_unit(LINUX).encode("utf-8"))


def test_launch_agent_matches_its_golden_file():
    assert_golden("local.standout.server.plist", macos.render_plist(MACOS))


def test_task_matches_its_golden_file():
    assert_golden("standout-task.xml", windows.render_task(WINDOWS, WINDOWS_USER).encode("utf-8"))


# --- systemd ----------------------------------------------------------------------

def _unit_values(text: str, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def test_unit_restarts_on_failure_and_starts_at_login():
    text = linux.render_unit(LINUX)
    assert _unit_values(text, "Restart") == ["on-failure"]
    assert _unit_values(text, "WantedBy") == ["default.target"]
    assert _unit_values(text, "RestartPreventExitStatus") == ["2"]


def test_unit_records_the_exact_command_port_and_folders():
    text = linux.render_unit(LINUX)
    (exec_start,) = _unit_values(text, "ExecStart")
    assert exec_start.startswith('"/home/ada/.local/share/standout venv/bin/python3" -m standout')
    assert "--port 8765" in exec_start and "--host 127.0.0.1" in exec_start
    assert _unit_values(text, "Environment") == [
        '"STANDOUT_CONFIG_DIR=/home/ada/My Settings/100%% standout"']


@pytest.mark.parametrize(("word", "argument", "quoted"), [
    ("/usr/bin/python3", True, "/usr/bin/python3"),
    ("/a b/python", True, '"/a b/python"'),
    ("50%", True, "50%%"),
    ("$HOME", True, '"$$HOME"'),
    ("$HOME", False, '"$HOME"'),
    ('say "hi"\\', True, '"say \\"hi\\"\\\\"'),
    ("semi;colon", True, '"semi;colon"'),
])
def test_unit_words_are_quoted_for_systemd(word, argument, quoted):
    assert linux.quote(word, argument=argument) == quoted


# --- launchd ----------------------------------------------------------------------

def test_plist_round_trips_through_plistlib():
    data = macos.render_plist(MACOS)
    parsed = plistlib.loads(data, fmt=plistlib.FMT_XML)
    assert parsed == macos.plist_data(MACOS)
    assert parsed["Label"] == macos.LABEL
    assert parsed["ProgramArguments"] == list(MACOS.argv)
    assert all(isinstance(arg, str) for arg in parsed["ProgramArguments"])
    assert parsed["RunAtLoad"] is True
    # Started again after a crash, but not after a clean exit.
    assert parsed["KeepAlive"] == {"SuccessfulExit": False}
    assert parsed["StandardErrorPath"] == "/Users/ada/Library/Logs/standout/launchd-stderr.log"


def test_plist_carries_folder_overrides_as_environment():
    spec = ServiceSpec(**{**MACOS.__dict__, "environment": (("STANDOUT_DATA_DIR", "/d"),)})
    parsed = plistlib.loads(macos.render_plist(spec))
    assert parsed["EnvironmentVariables"] == {"STANDOUT_DATA_DIR": "/d"}


# --- Task Scheduler ---------------------------------------------------------------

def _task(spec=WINDOWS, user=WINDOWS_USER) -> ET.Element:
    data = windows.TaskScheduler(directory=Path("/unused"), user=user).files(spec)
    (raw,) = data.values()
    assert raw.startswith(b"\xff\xfe"), "schtasks reads task XML as UTF-16 with a BOM"
    return ET.fromstring(raw.decode("utf-16").split("?>", 1)[1])


def _text(task: ET.Element, path: str) -> str:
    found = task.find(path, TASK_NS)
    assert found is not None, path
    return found.text or ""


def _minutes(duration: str) -> int:
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", duration)
    assert match, duration
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


def test_task_structure_follows_the_schema():
    task = _task()
    assert task.tag == f"{{{TASK_NS['t']}}}Task" and task.get("version") == "1.3"
    # Principal id referenced by the Actions context (the schema's ContextKeyRef).
    principal = task.find("t:Principals/t:Principal", TASK_NS)
    assert task.find("t:Actions", TASK_NS).get("Context") == principal.get("id")
    # Runs as this user, at this user's logon, without elevation.
    assert _text(task, "t:Triggers/t:LogonTrigger/t:UserId") == WINDOWS_USER
    assert _text(task, "t:Principals/t:Principal/t:UserId") == WINDOWS_USER
    assert _text(task, "t:Principals/t:Principal/t:LogonType") == "InteractiveToken"
    assert _text(task, "t:Principals/t:Principal/t:RunLevel") == "LeastPrivilege"
    # Restart after a failure: interval within PT1M..P31D, count >= 1 (restartType).
    assert _minutes(_text(task, "t:Settings/t:RestartOnFailure/t:Interval")) >= 1
    assert int(_text(task, "t:Settings/t:RestartOnFailure/t:Count")) >= 1
    # No 72-hour default time limit: the server runs until logoff.
    assert _text(task, "t:Settings/t:ExecutionTimeLimit") == "PT0S"
    assert _text(task, "t:Settings/t:DisallowStartIfOnBatteries") == "false"


def test_task_runs_the_windowless_python_with_quoted_arguments():
    task = _task()
    command = _text(task, "t:Actions/t:Exec/t:Command")
    assert command.endswith("pythonw.exe") and len(command) <= windows.MAX_PATH
    arguments = _text(task, "t:Actions/t:Exec/t:Arguments")
    assert arguments.startswith("-m standout serve --host 127.0.0.1 --port 8765 --log-file ")
    logs = "C:\\Users\\Ada Lovelace\\AppData\\Local\\standout\\Logs"
    assert arguments.endswith(f'"{logs}\\server.log"')
    assert _text(task, "t:Actions/t:Exec/t:WorkingDirectory") == logs


def test_task_escapes_xml_in_paths_and_users():
    spec = ServiceSpec(**{**WINDOWS.__dict__, "python": "C:\\R&D <tools>\\pythonw.exe"})
    task = _task(spec, user="R&D\\ada")
    assert _text(task, "t:Actions/t:Exec/t:Command") == "C:\\R&D <tools>\\pythonw.exe"
    assert _text(task, "t:Triggers/t:LogonTrigger/t:UserId") == "R&D\\ada"


def test_task_name_is_per_user():
    assert windows.task_name("ADA-PC\\ada") == "Standout server (ada)"


def test_too_long_a_command_is_refused():
    spec = ServiceSpec(**{**WINDOWS.__dict__, "python": "C:\\" + "x" * 300 + "\\pythonw.exe"})
    with pytest.raises(ValueError, match="260"):
        windows.render_task(spec, WINDOWS_USER)


# --- the spec -------------------------------------------------------------------

def test_windows_uses_pythonw_beside_python(tmp_path):
    (tmp_path / "python.exe").write_bytes(b"")
    (tmp_path / "pythonw.exe").write_bytes(b"")
    python = str(tmp_path / "python.exe")
    assert service_python(python, windows=True) == str(tmp_path / "pythonw.exe")
    assert service_python(python, windows=False) == python


def test_current_spec_records_this_python_and_folder_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("STANDOUT_STATE_DIR", str(tmp_path / "state"))
    spec = current_spec("localhost", 9001, environ={"STANDOUT_DATA_DIR": str(tmp_path / "d")})
    assert spec.argv[1:4] == ("-m", "standout", "serve")
    assert os.path.isabs(spec.python) and os.path.exists(spec.python)
    assert spec.port == 9001 and spec.host == "localhost"
    assert spec.log_file == str(tmp_path / "state" / "log" / "server.log")
    assert spec.environment == (("STANDOUT_DATA_DIR", str((tmp_path / "d").resolve())),)


@pytest.mark.parametrize(("host", "port", "words"), [
    ("0.0.0.0", 8765, "not a loopback address"),
    ("192.168.1.2", 8765, "not a loopback address"),
    ("127.0.0.1", 80, "1024-65535"),
])
def test_specs_a_login_service_must_not_have(host, port, words):
    with pytest.raises(SpecError, match=words):
        current_spec(host, port)
