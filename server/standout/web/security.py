"""Being safe on localhost.

Any web page the user visits can make the browser send requests to 127.0.0.1.
Two checks stop that from leaking the user's text or acting on their behalf:

* **Host**: the request must be addressed to a loopback name (``127.0.0.1``,
  ``localhost``, ``[::1]``, any port). A page on ``evil.example`` that rebinds
  its DNS name to 127.0.0.1 still sends ``Host: evil.example``, so it gets 403.
* **Origin**: browsers send ``Origin`` on cross-origin requests. Only browser
  extensions and the server's own pages may call it; any other origin gets 403
  on every endpoint. Tools that are not browsers send no ``Origin`` and pass.
* **Sec-Fetch-Site**: an ``<img>``, a ``<script>``, a link or a GET form sends no
  ``Origin`` at all, but every current browser sends ``Sec-Fetch-Site``. A
  request marked ``cross-site`` or ``same-site`` (another port of 127.0.0.1 is
  the same site) is refused with 403 on every endpoint unless its ``Origin`` is
  an extension's; ``same-origin`` (the server's own pages), ``none`` (typed in
  the address bar) and no header at all (programs) pass. One exception: a link
  followed to a rule page or to Standout's page at ``/`` (``Sec-Fetch-Mode:
  navigate``) opens it from anywhere.

Allowed origins are echoed back in ``Access-Control-Allow-Origin`` (with
``Vary: Origin``); there is never a wildcard.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache

from flask import Flask, Response, current_app, request

from .errors import ApiError

EXTENSION_ORIGIN = re.compile(
    r"^(?:chrome-extension|moz-extension|safari-web-extension)://[A-Za-z0-9._-]+/?$"
)
_HOST = re.compile(r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[^:\[\]]+))(?::(?P<port>\d{1,5}))?$")
ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"
FOREIGN_SITES = {"cross-site", "same-site"}
LINKABLE_BLUEPRINTS = {"rule_pages"}
LINKABLE_ENDPOINTS = {"page.index"}  # Standout's page at /, not its files
PREFLIGHT_MAX_AGE = "600"


def init_app(app: Flask) -> None:
    app.before_request(_check_request)
    app.after_request(_add_headers)


def host_name(host: str) -> str | None:
    """The host name of a ``Host`` header value without its port (IPv6 unbracketed), lowercase."""
    match = _HOST.match(host.strip())
    if not match:
        return None
    return (match.group("v6") or match.group("name")).lower().rstrip(".")


def host_allowed(host: str, allowed, own_addresses: bool = False) -> bool:
    name = host_name(host)
    if name is None:
        return False
    return name in {a.lower() for a in allowed} or (own_addresses and is_own_address(name))


@lru_cache(maxsize=64)
def is_own_address(name: str) -> bool:
    """Whether ``name`` is an IP address of one of this machine's interfaces.

    Binding a socket to an address succeeds only where the machine has it, on
    every OS, with no list of interfaces to read.
    """
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if address.is_unspecified or address.is_multicast:
        return False
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.bind((name, 0))
    except OSError:
        return False
    return True


def _host_ok() -> bool:
    config = current_app.config
    return host_allowed(request.host, config["ALLOWED_HOSTS"], config["ALLOW_OWN_ADDRESSES"])


def origin_allowed(origin: str) -> bool:
    """An extension's origin, or this server's own (same scheme and Host)."""
    if EXTENSION_ORIGIN.match(origin):
        return True
    own = f"{request.scheme}://{request.host}"
    return origin.rstrip("/").lower() == own.lower()


def _check_request() -> Response | None:
    if not _host_ok():
        raise ApiError(403, "forbidden_host",
                       "Requests must be addressed to 127.0.0.1, localhost or [::1].")
    origin = request.headers.get("Origin")
    if origin is not None and not origin_allowed(origin):
        raise ApiError(403, "forbidden_origin",
                       "Only browser extensions and this server's own pages may call it.")
    if _from_another_site(origin):
        raise ApiError(403, "forbidden_site",
                       "Requests from web pages are refused; only browser extensions and this"
                       " server's own pages may call it.")
    if (
        request.method == "OPTIONS"
        and origin is not None
        and "Access-Control-Request-Method" in request.headers
        and request.url_rule is not None
    ):
        return _preflight()
    return None


def _from_another_site(origin: str | None) -> bool:
    """A browser request made by another site's page (not by an extension)."""
    site = request.headers.get("Sec-Fetch-Site", "").strip().lower()
    if site not in FOREIGN_SITES or (origin is not None and EXTENSION_ORIGIN.match(origin)):
        return False
    # A link to a rule page opens it, wherever the link is (a /v2 client's match, a
    # card): the pages explain rules, hold nothing of the user's and cost a template.
    # So does a link to Standout's page (the README's, a bookmark page's): it is a
    # static file; its drafts live in its own origin's storage, out of the linking
    # page's reach, and it is never framed (frame-ancestors 'none').
    return not (
        (request.blueprint in LINKABLE_BLUEPRINTS or request.endpoint in LINKABLE_ENDPOINTS)
        and request.method in ("GET", "HEAD")
        and request.headers.get("Sec-Fetch-Mode", "").strip().lower() == "navigate"
    )


def _preflight() -> Response:
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    requested = request.headers.get("Access-Control-Request-Headers")
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
    if requested:
        response.vary.add("Access-Control-Request-Headers")
    if request.headers.get("Access-Control-Request-Private-Network") == "true":
        response.headers["Access-Control-Allow-Private-Network"] = "true"
    response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def _add_headers(response: Response) -> Response:
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    if (
        origin is not None
        and _host_ok()
        and origin_allowed(origin)
    ):
        response.headers["Access-Control-Allow-Origin"] = origin
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response
