"""The OpenAPI description of the LanguageTool-compatible /v2 endpoint."""

from __future__ import annotations

from typing import Any

from .openapi_v1 import ERROR_RESPONSE, NO_NUL, json_body, ref

LANGUAGE_CODES = ["auto", "en", "en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA"]
_COMMA_LIST = {"type": "string", "description": "Comma-separated ids"}

_FORM_FIELDS: dict[str, Any] = {
    "text": {"type": "string", "pattern": NO_NUL, "description": "Plain text to check"},
    "data": {"type": "string", "description": (
        'Annotated text as JSON: {"annotation": [{"text": ...}, {"markup": ..., '
        '"interpretAs": ...}]}; markup is not checked but counts in offsets')},
    "language": {"type": "string", "enum": LANGUAGE_CODES},
    "mode": {"type": "string", "enum": ["all", "textLevelOnly", "allButTextLevelOnly"]},
    "enabledRules": _COMMA_LIST,
    "disabledRules": _COMMA_LIST,
    "enabledCategories": _COMMA_LIST,
    "disabledCategories": _COMMA_LIST,
    "enabledOnly": {"type": "string", "description": "`true` to use only the enabled ones"},
    "level": {"type": "string", "description": "Ignored (default or picky)"},
    "motherTongue": {"type": "string", "description": "Ignored"},
    "preferredVariants": {"type": "string", "description": "Ignored"},
    "company": {"type": "string", "pattern": NO_NUL,
                "description": "Standout only: the employer the text is for"},
    "role": {"type": "string", "pattern": NO_NUL, "description": "Standout only"},
    "question": {"type": "string", "pattern": NO_NUL, "description": "Standout only"},
}

OPENAPI_SCHEMAS: dict[str, Any] = {
    "LtCheckForm": {
        "type": "object",
        "description": "Exactly one of `text` or `data`; `language` is required.",
        "required": ["language", "text"],
        "properties": _FORM_FIELDS,
    },
    "LtMatch": {
        "type": "object",
        "required": ["message", "shortMessage", "replacements", "offset", "length", "context",
                     "sentence", "type", "rule", "ignoreForIncompleteSentence",
                     "contextForSureMatch"],
        "properties": {
            "message": {"type": "string"},
            "shortMessage": {"type": "string"},
            "replacements": {"type": "array", "maxItems": 0,
                             "description": "Always empty: Standout never rewrites text"},
            "offset": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "length": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "context": {"type": "object", "required": ["text", "offset", "length"],
                        "properties": {"text": {"type": "string"},
                                       "offset": {"type": "integer"},
                                       "length": {"type": "integer"}}},
            "sentence": {"type": "string"},
            "type": {"type": "object", "properties": {"typeName": {"type": "string"}}},
            "rule": {
                "type": "object",
                "required": ["id", "description", "issueType", "urls", "category"],
                "properties": {
                    "id": {"type": "string"},
                    "description": {"type": "string"},
                    "issueType": {"type": "string"},
                    "urls": {"type": "array", "items": {
                        "type": "object", "properties": {"value": {"type": "string"}}}},
                    "category": {"type": "object", "required": ["id", "name"],
                                 "properties": {"id": {"type": "string"},
                                                "name": {"type": "string"}}},
                },
            },
            "ignoreForIncompleteSentence": {"type": "boolean"},
            "contextForSureMatch": {"type": "integer"},
        },
    },
    "LtCheckResult": {
        "type": "object",
        "required": ["software", "warnings", "language", "matches", "sentenceRanges"],
        "properties": {
            "software": {"type": "object"},
            "warnings": {"type": "object"},
            "language": {"type": "object"},
            "matches": {"type": "array", "items": ref("LtMatch")},
            "sentenceRanges": {"type": "array", "items": {
                "type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}},
        },
    },
}

OPENAPI_PATHS: dict[str, Any] = {
    "/v2/languages": {"get": {
        "summary": "LanguageTool-compatible: the languages checked (English variants)",
        "operationId": "ltLanguages",
        "tags": ["languagetool"],
        "responses": {"200": json_body({"type": "array", "items": {
            "type": "object", "required": ["name", "code", "longCode"],
            "properties": {"name": {"type": "string"}, "code": {"type": "string"},
                           "longCode": {"type": "string"}},
        }}, "Languages, sorted by name"), "403": ERROR_RESPONSE},
    }},
    "/v2/check": {
        "post": {
            "summary": "LanguageTool-compatible check (form-encoded)",
            "operationId": "ltCheck",
            "tags": ["languagetool"],
            "requestBody": {"required": True, "content": {
                "application/x-www-form-urlencoded": {"schema": ref("LtCheckForm")},
            }},
            "responses": {
                "200": json_body(ref("LtCheckResult"), "Matches in LanguageTool's shape"),
                "400": ERROR_RESPONSE, "403": ERROR_RESPONSE, "413": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        },

        "head": {
            "summary": "Liveness probe; always 200",
            "operationId": "ltCheckHead",
            "tags": ["languagetool"],
            "responses": {"200": {"description": "The server is up"}},
        },
    },
}
