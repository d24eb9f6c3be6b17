"""API v1, history: the applications the user marked as sent (docs/history.md).

``GET /v1/history`` lists them; ``POST /v1/history/applications`` stores one
("Mark as sent"); ``GET /v1/history/applications/<id>`` shows one;
``POST /v1/history/forget`` deletes one; ``GET /v1/history/export`` exports all.
Each needs the per-install token (``history_auth.py``); ``POST
/v1/history/pairing`` and ``POST /v1/history/pairing/token`` are how an
extension obtains it. Writes go to the store the engine reads, which notices
them on the next check.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from .. import __version__
from ..history.database import HistoryStoreError
from ..history.pairing import PairingError
from ..history.records import HistoryInputError
from ..history.store import ApplicationNotFound, HistoryStore
from ..history.transfer import export_document
from . import payload
from .errors import ApiError
from .extensions import linter
from .history_auth import pairings, require_extension, require_token
from .history_openapi import OPENAPI_PATHS, OPENAPI_SCHEMAS, OPENAPI_SECURITY_SCHEMES

__all__ = ["OPENAPI_PATHS", "OPENAPI_SCHEMAS", "OPENAPI_SECURITY_SCHEMES", "blueprint"]

blueprint = Blueprint("history_api", __name__, url_prefix="/v1/history")
FIELDS = ("company", "role", "texts", "url", "posting", "sent_on")


def _store() -> HistoryStore:
    """The store the history checks read, so what is stored here is what checks see."""
    detector = linter().detector("history-applied-before") or linter().detector(
        "history-reused-paragraph") or linter().detector("history-previous-employer")
    source = getattr(detector, "source", None)
    return source.store if source is not None else HistoryStore()


def _unreadable(exc: HistoryStoreError) -> ApiError:
    return ApiError(409, "history_store_unreadable", str(exc))


@blueprint.get("")
def list_applications() -> dict[str, Any]:
    require_token()
    store = _store()
    try:
        applications = store.applications()
    except HistoryStoreError as exc:
        raise _unreadable(exc) from None
    return {"enabled": store.exists(), "applications": [a.summary() for a in applications],
            "version": __version__}


@blueprint.post("/applications")
def add_application() -> tuple[dict[str, Any], int]:
    require_token()
    body = payload.json_object()
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise payload.bad("invalid_application", f"Unknown field '{unknown[0]}'.")
    try:
        application = _store().add(
            body.get("company"), body.get("role"), body.get("texts"), url=body.get("url"),
            posting=body.get("posting"), sent_on=body.get("sent_on"),
        )
    except HistoryInputError as exc:
        raise payload.bad("invalid_application", _sentence(str(exc))) from None
    except HistoryStoreError as exc:
        raise _unreadable(exc) from None
    return {"application": application.summary(), "version": __version__}, 201


@blueprint.get("/applications/<int:application_id>")
def show_application(application_id: int) -> dict[str, Any]:
    require_token()
    try:
        application = _store().get(application_id)
    except ApplicationNotFound:
        raise ApiError(404, "unknown_application", "No stored application has this id.") from None
    except HistoryStoreError as exc:
        raise _unreadable(exc) from None
    return {"application": application.to_dict(), "version": __version__}


@blueprint.post("/forget")
def forget_application() -> dict[str, Any]:
    require_token()
    body = payload.json_object()
    application_id = body.get("id")
    if isinstance(application_id, bool) or not isinstance(application_id, int):
        raise payload.bad("invalid_id", "'id' is required: the id of a stored application.")
    try:
        application = _store().forget(application_id)
    except ApplicationNotFound:
        raise ApiError(404, "unknown_application", "No stored application has this id.") from None
    except HistoryStoreError as exc:
        raise _unreadable(exc) from None
    return {"forgotten": application.summary(), "version": __version__}


@blueprint.get("/export")
def export() -> dict[str, Any]:
    require_token()
    try:
        return export_document(_store().applications())
    except HistoryStoreError as exc:
        raise _unreadable(exc) from None


@blueprint.post("/pairing")
def start_pairing() -> dict[str, Any]:
    origin = require_extension()
    try:
        started = pairings().start(origin)
    except PairingError as exc:
        raise ApiError(409, "pairing_unavailable", str(exc)) from None
    return {**started, "version": __version__}


@blueprint.post("/pairing/token")
def collect_token() -> tuple[dict[str, Any], int]:
    require_extension()
    body = payload.json_object()
    pairing = body.get("pairing")
    if not isinstance(pairing, str) or not pairing or len(pairing) > 200:
        raise payload.bad("invalid_pairing", "'pairing' is required: the id the pairing gave.")
    try:
        token = pairings().collect(pairing)
    except PairingError as exc:
        raise ApiError(410, "pairing_expired", str(exc)) from None
    if token is None:
        return {"status": "waiting", "version": __version__}, 202
    return {"status": "paired", "token": token, "version": __version__}, 200


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + "."
