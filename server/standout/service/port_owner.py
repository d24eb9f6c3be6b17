"""Which program listens on a TCP port, from /proc (Linux only; None elsewhere).

``/proc/net/tcp`` and ``tcp6`` list listening sockets with their inode; the
process holding the port has ``socket:[inode]`` among its ``/proc/<pid>/fd``
links. Processes of other users cannot be looked into without privileges: then
the owner is unknown and callers say "another program".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

LISTEN = "0A"


@dataclass(frozen=True)
class PortOwner:
    pid: int
    name: str
    command: str


def listening_inodes(port: int, proc: Path = Path("/proc")) -> set[str]:
    inodes = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (proc / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) < 10 or fields[3] != LISTEN:
                continue
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[9] != "0":
                inodes.add(fields[9])
    return inodes


def port_owner(port: int, proc: Path = Path("/proc")) -> PortOwner | None:
    """The process listening on ``port``, when this user may see it."""
    inodes = listening_inodes(port, proc)
    if not inodes:
        return None
    wanted = {f"socket:[{inode}]" for inode in inodes}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        if _links(entry / "fd") & wanted:
            return PortOwner(int(entry.name), _read(entry / "comm"), _command(entry))
    return None


def _links(fd_dir: Path) -> set[str]:
    try:
        fds = list(fd_dir.iterdir())
    except OSError:  # the process is gone, or another user's
        return set()
    links = set()
    for fd in fds:
        try:
            links.add(os.readlink(fd))
        except OSError:  # closed meanwhile
            continue
    return links


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace").strip()
    except OSError:
        return "?"


def _command(entry: Path) -> str:
    try:
        raw = (entry / "cmdline").read_bytes()
    except OSError:
        return ""
    return " ".join(part.decode(errors="replace") for part in raw.split(b"\0") if part)
