"""Who may use the history: requests with the per-install token, and pairing for extensions.

History endpoints need ``Authorization: Bearer <token>`` (see
``standout/history/pairing.py`` for the token and the pairing that hands it to
the extension; docs/history.md for the threat model). ``/v1/check`` and
``/v2/check`` run the history checks only for requests that carry it, so a
caller without it learns nothing from the history, not even through messages.
"""

from __future__ import annotations

from flask import current_app, request

from ..history.pairing import Pairings
from .errors import ApiError
from .security import EXTENSION_ORIGIN

HISTORY_CATEGORY = "history"


def pairings() -> Pairings:
    """The token and waiting pairings (the config folder, or ``HISTORY_CONFIG_DIR``)."""
    return Pairings(current_app.config.get("HISTORY_CONFIG_DIR"))


def presented_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def has_token() -> bool:
    token = presented_token()
    return token is not None and pairings().accepts(token)


def require_token() -> None:
    if not has_token():
        raise ApiError(401, "history_token_required",
                       "History needs the token this install gives a paired extension"
                       " (see docs/history.md: 'standout history pair').")


def require_extension() -> str:
    """Pairing is for browser extensions: their Origin, or nothing."""
    origin = request.headers.get("Origin")
    if origin is None or not EXTENSION_ORIGIN.match(origin):
        raise ApiError(403, "pairing_needs_extension",
                       "Only a browser extension can ask to pair (its Origin is shown to you"
                       " when you approve).")
    return origin.rstrip("/")


def without_history(categories: frozenset[str]) -> frozenset[str]:
    """The categories to turn off for this request: the history's too, without the token."""
    if HISTORY_CATEGORY in categories or has_token():
        return categories
    return categories | {HISTORY_CATEGORY}
