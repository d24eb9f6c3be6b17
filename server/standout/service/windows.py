"""Windows: a Task Scheduler task that starts at this user's logon, with no window.

The task runs ``pythonw.exe -m standout serve ...`` (pythonw has no console
window) as the current user with least privilege, so creating it needs no
administrator rights: a logon trigger for one's own account is allowed, one for
"any user" is not. ``RestartOnFailure`` has the Task Scheduler start it again
after a crash (at most every minute, the schema's minimum). The task's XML is
kept in the state folder, registered with ``schtasks /Create /XML``. Written from
the Task Scheduler schema and schtasks documentation; tests here check the XML's
structure, the Windows CI job registers it for real.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from pathlib import Path, PureWindowsPath
from xml.sax.saxutils import escape

from .manager import ManagerState, ServiceManager
from .paths import state_dir
from .runner import Runner, query
from .spec import ServiceSpec

TASK_XML_NAME = "standout-task.xml"
MAX_PATH = 260  # the schema's pathType


def task_name(user: str) -> str:
    # Task names are machine-wide: one task per user.
    return f"Standout server ({user.rsplit(chr(92), 1)[-1]})"


def current_user() -> str:
    """DOMAIN\\user, as a LogonTrigger's UserId expects."""
    user = os.environ.get("USERNAME") or getpass.getuser()
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain else user


def render_task(spec: ServiceSpec, user: str) -> str:
    """The task's XML (a pure function of ``spec`` and ``user``; golden-file tested)."""
    command = spec.argv[0]
    if len(command) > MAX_PATH:
        raise ValueError(f"{command}: longer than {MAX_PATH} characters, which a task cannot run")
    arguments = subprocess.list2cmdline(spec.argv[1:])
    workdir = str(PureWindowsPath(spec.log_file).parent)
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.3" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Standout local server ({escape(spec.url)}), from 'standout service install'\
</Description>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      <UserId>{escape(user)}</UserId>
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>{escape(user)}</UserId>
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>false</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <IdleSettings>
      <StopOnIdleEnd>false</StopOnIdleEnd>
      <RestartOnIdle>false</RestartOnIdle>
    </IdleSettings>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <Priority>7</Priority>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>5</Count>
    </RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(command)}</Command>
      <Arguments>{escape(arguments)}</Arguments>
      <WorkingDirectory>{escape(workdir)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
"""


class TaskScheduler(ServiceManager):
    name = "Task Scheduler"

    def __init__(self, directory: Path | None = None, user: str | None = None) -> None:
        self.directory = directory or state_dir()
        self.user = user or current_user()

    @property
    def xml_path(self) -> Path:
        return self.directory / TASK_XML_NAME

    @property
    def task(self) -> str:
        return task_name(self.user)

    def files(self, spec: ServiceSpec) -> dict[Path, bytes]:
        # schtasks reads task XML as UTF-16 (with its byte-order mark).
        return {self.xml_path: render_task(spec, self.user).encode("utf-16")}

    def known_paths(self) -> list[Path]:
        return [self.xml_path]

    def unavailable(self) -> str | None:
        return None if shutil.which("schtasks") else "schtasks was not found"

    def register(self, spec: ServiceSpec, runner: Runner) -> None:
        runner.run(["schtasks", "/End", "/TN", self.task], check=False)
        runner.run(["schtasks", "/Create", "/TN", self.task, "/XML", str(self.xml_path), "/F"])
        runner.run(["schtasks", "/Run", "/TN", self.task])

    def unregister(self, runner: Runner) -> None:
        runner.run(["schtasks", "/End", "/TN", self.task], check=False)
        runner.run(["schtasks", "/Delete", "/TN", self.task, "/F"], check=False)

    def state(self) -> ManagerState:
        shown = query(["schtasks", "/Query", "/TN", self.task, "/FO", "LIST"], timeout=30)
        if not shown.ok:
            return ManagerState(registered=False, running=False, detail="no such task")
        # Status words are in the system's language; "Running" is only read in English.
        running = True if "Running" in shown.out else None
        return ManagerState(registered=True, running=running, detail=f"task '{self.task}'")
