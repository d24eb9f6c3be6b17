"""Who answers at the server's address: Standout, another program, or nobody."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

State = Literal["standout", "other", "closed", "silent"]


@dataclass(frozen=True)
class Probe:
    """``standout``: /v1/health answered as Standout does; ``other``: something else
    answered; ``closed``: nothing listens; ``silent``: a connection but no answer."""

    state: State
    detail: str
    version: str | None = None


def health_url(base: str) -> str:
    return base.rstrip("/") + "/v1/health"


def probe(base_url: str, timeout: float = 3.0) -> Probe:
    request = urllib.request.Request(health_url(base_url), headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(65536)
            server = response.headers.get("Server", "")
    except urllib.error.HTTPError as exc:
        server = exc.headers.get("Server", "") if exc.headers else ""
        return Probe("other", f"answered HTTP {exc.code}" + (f" ({server})" if server else ""))
    except urllib.error.URLError as exc:
        return _unreachable(exc.reason)
    except TimeoutError:
        return Probe("silent", f"accepted a connection but did not answer within {timeout:g} s")
    except (http.client.HTTPException, ConnectionResetError, BrokenPipeError):
        return Probe("other", "accepted the connection but does not answer HTTP as Standout does")
    except OSError as exc:
        return _unreachable(exc)
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, a number too long
        data = None
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, str) and data.get("status") == "ok":
        return Probe("standout", f"Standout {data['version']} answers", version=data["version"])
    return Probe("other", "answered, but not as Standout does" + (f" ({server})" if server else ""))


def _unreachable(reason: object) -> Probe:
    if isinstance(reason, (ConnectionResetError, http.client.HTTPException)):
        return Probe("other", "accepted the connection but does not answer HTTP as Standout does")
    if isinstance(reason, ConnectionRefusedError):
        return Probe("closed", "nothing is listening there")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Probe("silent", "accepted a connection but did not answer in time")
    if isinstance(reason, socket.gaierror):
        return Probe("closed", f"the host name does not resolve ({reason.strerror})")
    return Probe("closed", f"cannot connect ({getattr(reason, 'strerror', None) or reason})")


def host_port(base_url: str) -> tuple[str, int]:
    parts = urlsplit(base_url)
    return parts.hostname or "127.0.0.1", parts.port or (443 if parts.scheme == "https" else 80)
