"""API v1, samples: the extension's options page lists, saves and removes the user's samples.

``GET /v1/samples`` lists them, ``POST /v1/samples`` saves one (``{"text", "title"?}``),
``POST /v1/samples/remove`` removes one (``{"id"}``). Writes go through the same
store as ``standout samples`` (see ``standout/samples/store.py``), and the
engine's sample index is reloaded at once, so the next check sees the change.

Only the extension and this server's own pages may call these (the Origin check
in ``security.py``): a web page cannot read or change the user's samples.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from .. import __version__
from ..samples.store import (
    SampleInputError,
    SampleNotFound,
    SampleStore,
    SampleStoreError,
    StoredSample,
)
from . import payload
from .errors import ApiError
from .extensions import linter, samples

__all__ = ["OPENAPI_PATHS", "OPENAPI_SCHEMAS", "blueprint"]

blueprint = Blueprint("samples_api", __name__, url_prefix="/v1")
PREVIEW_CHARS = 160


def _store() -> SampleStore:
    """The store the engine reads, so what is saved here is what checks match against."""
    matcher = samples()
    return matcher.store if matcher is not None else SampleStore()


def _reload() -> None:
    matcher = samples()
    if matcher is not None:
        matcher.reload()


def _sample_json(sample: StoredSample) -> dict[str, Any]:
    text = " ".join(sample.text.split())
    preview = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"
    return {
        "id": sample.id,
        "title": sample.title,
        "words": sample.to_dict()["words"],
        "added": sample.added,
        "preview": preview,
    }


def _store_error(exc: SampleStoreError) -> ApiError:
    return ApiError(409, "sample_store_unreadable", str(exc))


@blueprint.get("/samples")
def list_samples() -> dict[str, Any]:
    try:
        saved = _store().load()
    except SampleStoreError as exc:
        raise _store_error(exc) from None
    matcher = samples()
    bundled = sum(1 for s in matcher.samples() if s.source == "bundled") if matcher else 0
    return {
        "samples": [_sample_json(sample) for sample in saved],
        "bundled": bundled,
        "enabled": matcher is not None and linter().is_enabled(matcher.rule),
        "version": __version__,
    }


@blueprint.post("/samples")
def add_sample() -> tuple[dict[str, Any], int]:
    body = payload.json_object()
    text = payload.checked_text(body.get("text"))
    title = body.get("title")
    if title is not None and not isinstance(title, str):
        raise payload.bad("invalid_title", "'title' must be a string or null.")
    if title is not None:
        title = payload.checked_text(title, "title")
    try:
        sample = _store().add(text, title)
    except SampleInputError as exc:
        raise payload.bad("invalid_sample", f"{exc}.") from None
    except SampleStoreError as exc:
        raise _store_error(exc) from None
    _reload()
    return {"sample": _sample_json(sample), "version": __version__}, 201


@blueprint.post("/samples/remove")
def remove_sample() -> dict[str, Any]:
    body = payload.json_object()
    sample_id = body.get("id")
    if not isinstance(sample_id, str) or not sample_id:
        raise payload.bad("invalid_id", "'id' is required: the id of a saved sample, as a string.")
    try:
        sample = _store().remove(sample_id)
    except SampleNotFound:
        raise ApiError(404, "unknown_sample", "No saved sample has this id.") from None
    except SampleStoreError as exc:
        raise _store_error(exc) from None
    _reload()
    return {"removed": _sample_json(sample), "version": __version__}


_ERROR = {"$ref": "#/components/schemas/Error"}
_SAMPLE = {"$ref": "#/components/schemas/SavedSample"}

OPENAPI_SCHEMAS: dict[str, Any] = {
    "SavedSample": {
        "type": "object",
        "required": ["id", "title", "words", "added", "preview"],
        "properties": {
            "id": {"type": "string", "example": "user-3"},
            "title": {"type": "string"},
            "words": {"type": "integer"},
            "added": {"type": "string", "format": "date-time"},
            "preview": {"type": "string", "description": "The first 160 characters."},
        },
    },
}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


OPENAPI_PATHS: dict[str, Any] = {
    "/v1/samples": {
        "get": {
            "summary": "The user's saved samples",
            "operationId": "listSamples",
            "tags": ["v1"],
            "responses": {
                "200": {"description": "Saved samples", **_json({
                    "type": "object",
                    "required": ["samples", "bundled", "enabled", "version"],
                    "properties": {
                        "samples": {"type": "array", "items": _SAMPLE},
                        "bundled": {"type": "integer",
                                    "description": "Samples bundled with Standout."},
                        "enabled": {"type": "boolean",
                                    "description": "Whether sample matching is on."},
                        "version": {"type": "string"},
                    },
                })},
                "409": {"description": "The store file cannot be read", **_json(_ERROR)},
            },
        },
        "post": {
            "summary": "Save a sample (at least 20 words)",
            "operationId": "addSample",
            "tags": ["v1"],
            "requestBody": {"required": True, **_json({
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string"},
                    "title": {"type": ["string", "null"]},
                },
            })},
            "responses": {
                "201": {"description": "Saved", **_json({
                    "type": "object",
                    "required": ["sample", "version"],
                    "properties": {"sample": _SAMPLE, "version": {"type": "string"}},
                })},
                "400": {"description": "Bad body, too short or a duplicate", **_json(_ERROR)},
                "409": {"description": "The store file cannot be read", **_json(_ERROR)},
            },
        },
    },
    "/v1/samples/remove": {
        "post": {
            "summary": "Remove a saved sample",
            "operationId": "removeSample",
            "tags": ["v1"],
            "requestBody": {"required": True, **_json({
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}},
            })},
            "responses": {
                "200": {"description": "Removed", **_json({
                    "type": "object",
                    "required": ["removed", "version"],
                    "properties": {"removed": _SAMPLE, "version": {"type": "string"}},
                })},
                "400": {"description": "Bad body", **_json(_ERROR)},
                "404": {"description": "No such sample", **_json(_ERROR)},
                "409": {"description": "The store file cannot be read", **_json(_ERROR)},
            },
        },
    },
}
