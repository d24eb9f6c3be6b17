"""The OpenAPI description of the history endpoints (history_api.py)."""

from __future__ import annotations

from typing import Any

_ERROR = {"$ref": "#/components/schemas/Error"}
_SUMMARY = {"$ref": "#/components/schemas/ApplicationSummary"}
_VERSION = {"type": "string"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _errors(*statuses: str) -> dict[str, Any]:
    described = {
        "400": "Bad body", "401": "No token, or not this install's",
        "403": "Not a browser extension's origin", "404": "No such application",
        "409": "The history file cannot be read", "410": "Unknown or expired pairing",
    }
    return {status: {"description": described[status], **_json(_ERROR)} for status in statuses}


_TOKEN = [{"historyToken": []}]
OPENAPI_SECURITY_SCHEMES: dict[str, Any] = {
    "historyToken": {"type": "http", "scheme": "bearer",
                     "description": "The per-install history token (docs/history.md)."},
}

OPENAPI_SCHEMAS: dict[str, Any] = {
    "ApplicationSummary": {
        "type": "object",
        "required": ["id", "company", "role", "sent_on", "url", "texts", "words"],
        "properties": {
            "id": {"type": "integer"},
            "company": {"type": "string"},
            "role": {"type": "string"},
            "sent_on": {"type": "string", "format": "date"},
            "url": {"type": ["string", "null"]},
            "texts": {"type": "array", "items": {"type": "string"},
                      "description": "The texts' labels (never their content)."},
            "words": {"type": "integer"},
        },
    },
    "Application": {
        "type": "object",
        "required": ["id", "company", "role", "sent_on", "added_at", "url", "posting", "texts"],
        "properties": {
            "id": {"type": "integer"}, "company": {"type": "string"},
            "role": {"type": "string"}, "sent_on": {"type": "string", "format": "date"},
            "added_at": {"type": "string"}, "url": {"type": ["string", "null"]},
            "posting": {"type": ["string", "null"]},
            "texts": {"type": "array", "items": {
                "type": "object", "required": ["label", "text"],
                "properties": {"label": {"type": "string"}, "text": {"type": "string"}}}},
        },
    },
}

OPENAPI_PATHS: dict[str, Any] = {
    "/v1/history": {
        "get": {
            "summary": "The applications marked as sent (no texts)",
            "operationId": "listHistory", "tags": ["history"], "security": _TOKEN,
            "responses": {
                "200": {"description": "Stored applications", **_json({
                    "type": "object", "required": ["enabled", "applications", "version"],
                    "properties": {"enabled": {"type": "boolean"},
                                   "applications": {"type": "array", "items": _SUMMARY},
                                   "version": _VERSION}})},
                **_errors("401", "409"),
            },
        },
    },
    "/v1/history/applications": {
        "post": {
            "summary": "Mark an application as sent",
            "operationId": "addApplication", "tags": ["history"], "security": _TOKEN,
            "requestBody": {"required": True, **_json({
                "type": "object", "required": ["company", "texts"],
                "properties": {
                    "company": {"type": "string"}, "role": {"type": ["string", "null"]},
                    "texts": {"type": "array", "items": {
                        "type": "object", "required": ["text"],
                        "properties": {"label": {"type": "string"}, "text": {"type": "string"}}}},
                    "url": {"type": ["string", "null"]}, "posting": {"type": ["string", "null"]},
                    "sent_on": {"type": ["string", "null"], "format": "date"},
                }})},
            "responses": {
                "201": {"description": "Stored", **_json({
                    "type": "object", "required": ["application", "version"],
                    "properties": {"application": _SUMMARY, "version": _VERSION}})},
                **_errors("400", "401", "409"),
            },
        },
    },
    "/v1/history/applications/{application_id}": {
        "get": {
            "summary": "One application with everything stored about it",
            "operationId": "showApplication", "tags": ["history"], "security": _TOKEN,
            "parameters": [{"name": "application_id", "in": "path", "required": True,
                            "schema": {"type": "integer", "minimum": 0}}],
            "responses": {
                "200": {"description": "The application", **_json({
                    "type": "object", "required": ["application", "version"],
                    "properties": {"application": {"$ref": "#/components/schemas/Application"},
                                   "version": _VERSION}})},
                **_errors("401", "404", "409"),
            },
        },
    },
    "/v1/history/forget": {
        "post": {
            "summary": "Delete one application",
            "operationId": "forgetApplication", "tags": ["history"], "security": _TOKEN,
            "requestBody": {"required": True, **_json({
                "type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}})},
            "responses": {
                "200": {"description": "Deleted", **_json({
                    "type": "object", "required": ["forgotten", "version"],
                    "properties": {"forgotten": _SUMMARY, "version": _VERSION}})},
                **_errors("400", "401", "404", "409"),
            },
        },
    },
    "/v1/history/export": {
        "get": {
            "summary": "The whole history, as 'standout history export' writes it",
            "operationId": "exportHistory", "tags": ["history"], "security": _TOKEN,
            "responses": {
                "200": {"description": "The export document", **_json({"type": "object"})},
                **_errors("401", "409"),
            },
        },
    },
    "/v1/history/pairing": {
        "post": {
            "summary": "Start pairing: a code for the user to approve in a terminal",
            "operationId": "startPairing", "tags": ["history"],
            "responses": {
                "200": {"description": "Waiting for approval", **_json({
                    "type": "object", "required": ["pairing", "code", "expires_in", "version"],
                    "properties": {"pairing": {"type": "string"}, "code": {"type": "string"},
                                   "expires_in": {"type": "integer"}, "version": _VERSION}})},
                **_errors("403", "409"),
            },
        },
    },
    "/v1/history/pairing/token": {
        "post": {
            "summary": "The token, once the user approved the pairing",
            "operationId": "collectToken", "tags": ["history"],
            "requestBody": {"required": True, **_json({
                "type": "object", "required": ["pairing"],
                "properties": {"pairing": {"type": "string"}}})},
            "responses": {
                "200": {"description": "Paired", **_json({
                    "type": "object", "required": ["status", "token", "version"],
                    "properties": {"status": {"const": "paired"}, "token": {"type": "string"},
                                   "version": _VERSION}})},
                "202": {"description": "Not approved yet", **_json({
                    "type": "object", "required": ["status", "version"],
                    "properties": {"status": {"const": "waiting"}, "version": _VERSION}})},
                **_errors("400", "403", "410"),
            },
        },
    },
}
