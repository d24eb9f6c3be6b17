"""The OpenAPI description of API v1 (merged into /openapi.json by openapi.py)."""

from __future__ import annotations

from typing import Any

from ..context import KINDS, MAX_POSTING_CHARS, max_length
from ..rulebook import SEVERITY_RANK


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"content": {"application/json": {"schema": schema}}}
    if description:
        body["description"] = description
    return body


ERROR_RESPONSE = json_body(ref("Error"), "An error; `code` is stable, `message` is for people")
SEVERITIES = list(SEVERITY_RANK)[::-1]  # info, warning, error
NO_NUL = "^[^\\u0000]*$"
MAX_BATCH_ITEMS = 100  # the default of MAX_BATCH_ITEMS in app.py

OPENAPI_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }},
    },
    "Context": {
        "type": "object",
        "description": "What the text is for. Unknown fields are ignored.",
        "properties": {
            **{
                name: {"type": ["string", "null"], "pattern": NO_NUL,
                       "maxLength": max_length(name)}
                for name in ("company", "role", "question", "url")
            },
            "kind": {
                "type": ["string", "null"], "enum": [*KINDS, None],
                "description": "letter, answer or questions; inferred when null or missing "
                               "(docs/interview.md)",
            },
            "posting": {
                "type": ["string", "null"], "pattern": NO_NUL, "maxLength": MAX_POSTING_CHARS,
                "description": (
                    "The job posting as plain text. A longer one gets 413 (posting_too_long). "
                    "Without company or role, they are read from it when it states them."),
            },
        },
    },
    "PostingAsk": {
        "type": "object",
        "required": ["text", "terms", "section", "status", "offset", "length", "proof"],
        "properties": {
            "text": {"type": "string", "description": "The ask as the posting puts it"},
            "terms": {"type": "array", "items": {"type": "string"},
                      "description": "Its key terms, as the posting writes them, best first"},
            "section": {"type": "string",
                        "enum": ["requirements", "responsibilities", "nice_to_have"]},
            "status": {"type": "string", "enum": ["shown", "claimed", "absent"]},
            "offset": {"type": ["integer", "null"], "minimum": 0,
                       "description": "UTF-16 offset of the sentence that shows or claims it"},
            "length": {"type": ["integer", "null"], "minimum": 0},
            "proof": {"type": "array", "items": {"type": "string"},
                      "description": "The evidence that makes it shown"},
        },
    },
    "PostingReport": {
        "type": "object",
        "required": ["match", "asks", "role", "company", "notes"],
        "description": "Present when context.posting was given: the posting's top asks.",
        "properties": {
            "match": {"type": ["number", "null"], "minimum": 0, "maximum": 1,
                      "description": "Share of the asks that are shown; null without asks"},
            "asks": {"type": "array", "maxItems": 8, "items": ref("PostingAsk")},
            "role": {"type": ["string", "null"], "description": "As read from the posting"},
            "company": {"type": ["string", "null"]},
            "notes": {"type": "array", "items": {"type": "string",
                                                  "enum": ["no-asks", "not-english"]}},
        },
    },
    "Options": {
        "type": "object",
        "description": "Unknown rule and category ids are ignored.",
        "properties": {
            "disabled_rules": {"type": "array", "items": {"type": "string"}},
            "disabled_categories": {"type": "array", "items": {"type": "string"}},
            "min_severity": {"type": "string", "enum": SEVERITIES, "default": "info"},
        },
    },
    "CheckRequest": {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "pattern": NO_NUL,
                     "description": "No NUL characters or lone surrogates."},
            "context": ref("Context"),
            "options": ref("Options"),
        },
    },
    "Finding": {
        "type": "object",
        "required": ["rule", "category", "severity", "offset", "length", "text", "message",
                     "advice", "title"],
        "properties": {
            "rule": {"type": "string"},
            "category": {"type": "string"},
            "severity": {"type": "string", "enum": SEVERITIES},
            "offset": {"type": "integer", "minimum": 0,
                       "description": "UTF-16 code units from the start of the text"},
            "length": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "text": {"type": "string", "description": "The flagged text (the slice)"},
            "message": {"type": "string", "description": "Why this blends in"},
            "advice": {"type": "string", "description": "What to write instead"},
            "title": {"type": "string", "description": "The rule's short name"},
        },
    },
    "Stats": {
        "type": "object",
        "required": ["words", "sentences", "paragraphs", "specifics", "findings", "categories"],
        "properties": {
            "words": {"type": "integer"},
            "sentences": {"type": "integer"},
            "specific_sentences": {"type": "integer",
                                   "description": "Sentences holding a specific the score counts"},
            "paragraphs": {"type": "integer"},
            "specifics": {"type": "object", "additionalProperties": {"type": "integer"}},
            "findings": {"type": "object", "additionalProperties": {"type": "integer"}},
            "categories": {"type": "object", "additionalProperties": {"type": "integer"}},
            "kind": {"type": "string", "enum": list(KINDS),
                     "description": "What the text was checked as (given or inferred)"},
            "score_parts": {
                "type": "object", "required": ["specificity", "originality"],
                "description": "The score's two parts, out of 60 and 40 (docs/score.md)",
                "properties": {"specificity": {"type": "number"},
                               "originality": {"type": "number"},
                               "trust": {"type": "number", "minimum": 0.5, "maximum": 1,
                                         "description": "The share of the specifics counted:"
                                                        " less among stock phrases"},
                               "coverage": {"type": "number", "minimum": 0.5, "maximum": 1,
                                            "description": "The share of originality counted:"
                                                           " less when under two sentences in"
                                                           " three hold a specific"}},
            },
            "speaking_seconds": {
                "type": "integer", "minimum": 0,
                "description": "Answers only: time to say it at 140 words a minute",
            },
            "speaking": {"type": "object", "description": "Answers only: docs/interview.md"},
            "answer": {"type": "object", "description": "Answers only: docs/interview.md"},
            "asks": {"type": "object", "description": "Questions only: docs/interview.md"},
        },
    },
    "Paragraph": {
        "type": "object",
        "required": ["offset", "length", "words", "specifics"],
        "properties": {
            "offset": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "length": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "words": {"type": "integer", "minimum": 0},
            "specifics": {"type": "integer", "minimum": 0},
        },
    },
    "Specific": {
        "type": "object",
        "required": ["label", "offset", "length", "text"],
        "description": "A number, date, name or concrete action (docs/score.md)",
        "properties": {
            "label": {"type": "string", "enum": ["NUMBER", "DATE", "NAME", "ACTION"]},
            "offset": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "length": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
            "text": {"type": "string"},
        },
    },
    "CheckResult": {
        "type": "object",
        "required": ["findings", "score", "stats", "paragraphs", "specifics", "version"],
        "properties": {
            "findings": {"type": "array", "items": ref("Finding")},
            "score": {"type": "integer", "minimum": 0, "maximum": 100},
            "stats": ref("Stats"),
            "paragraphs": {"type": "array", "items": ref("Paragraph")},
            "specifics": {"type": "array", "items": ref("Specific")},
            "posting": ref("PostingReport"),
            "warnings": ref("Warnings"),
            "version": {"type": "string"},
        },
    },
    "Warnings": {
        "type": "array",
        "description": "Present when the check was made differently than asked: the saved"
                       " samples could not be read (code sample_store_unreadable).",
        "items": {"type": "object", "required": ["code", "message"],
                  "properties": {"code": {"type": "string"}, "message": {"type": "string"}}},
    },
    "BatchRequest": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "maxItems": MAX_BATCH_ITEMS,
                "items": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "id": {"type": ["string", "integer"],
                               "description": "Echoed back; defaults to the item's index"},
                        "text": {"type": "string", "pattern": NO_NUL},
                        "context": ref("Context"),
                    },
                },
            },
            "options": ref("Options"),
        },
    },
    "BatchResult": {
        "type": "object",
        "required": ["results", "version"],
        "properties": {
            "results": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "findings", "score", "stats", "paragraphs", "specifics"],
                "properties": {
                    "id": {"type": ["string", "integer"]},
                    "findings": {"type": "array", "items": ref("Finding")},
                    "score": {"type": "integer"},
                    "stats": ref("Stats"),
                    "paragraphs": {"type": "array", "items": ref("Paragraph")},
                    "specifics": {"type": "array", "items": ref("Specific")},
                    "posting": ref("PostingReport"),
                },
            }},
            "warnings": ref("Warnings"),
            "version": {"type": "string"},
        },
    },
    "Rule": {
        "type": "object",
        "required": ["id", "category", "severity", "title", "message", "advice", "enabled"],
        "properties": {
            "id": {"type": "string"},
            "category": {"type": "string"},
            "severity": {"type": "string", "enum": SEVERITIES},
            "title": {"type": "string"},
            "message": {"type": "string"},
            "advice": {"type": "string"},
            "enabled": {"type": "boolean",
                        "description": "False when the user's config turns it off"},
        },
    },
    "Rules": {
        "type": "object",
        "required": ["rules", "categories", "version"],
        "properties": {
            "rules": {"type": "array", "items": ref("Rule")},
            "categories": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "title", "description"],
                "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                               "description": {"type": "string"}},
            }},
            "version": {"type": "string"},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "version", "rules", "uptime", "cache"],
        "properties": {
            "status": {"type": "string", "enum": ["ok"]},
            "version": {"type": "string"},
            "rules": {"type": "integer", "description": "How many rules are loaded"},
            "uptime": {"type": "number", "description": "Seconds since start-up"},
            "cache": {"type": "object", "properties": {
                "hits": {"type": "integer"}, "misses": {"type": "integer"},
                "bytes": {"type": "integer",
                          "description": "What the caches hold, estimated (they are capped)"},
            }},
        },
    },
}

_CHECK_ERRORS = {
    "400": ERROR_RESPONSE,
    "403": ERROR_RESPONSE,
    "413": ERROR_RESPONSE,
    "422": {**ERROR_RESPONSE, "description": "The check took longer than its budget"},
}

OPENAPI_PATHS: dict[str, Any] = {
    "/v1/check": {"post": {
        "summary": "Check one text",
        "operationId": "check",
        "tags": ["v1"],
        "requestBody": {**json_body(ref("CheckRequest")), "required": True},
        "responses": {"200": json_body(ref("CheckResult"), "Findings, score and stats"),
                      **_CHECK_ERRORS},
    }},
    "/v1/check/batch": {"post": {
        "summary": f"Check up to {MAX_BATCH_ITEMS} texts at once",
        "operationId": "checkBatch",
        "tags": ["v1"],
        "requestBody": {**json_body(ref("BatchRequest")), "required": True},
        "responses": {"200": json_body(ref("BatchResult"), "One result per item, in order"),
                      **_CHECK_ERRORS},
    }},
    "/v1/rules": {"get": {
        "summary": "Every rule, with whether it is enabled",
        "operationId": "rules",
        "tags": ["v1"],
        "responses": {"200": json_body(ref("Rules"), "The rules and categories"),
                      "403": ERROR_RESPONSE},
    }},
    "/v1/health": {"get": {
        "summary": "Whether the server is up",
        "operationId": "health",
        "tags": ["v1"],
        "responses": {"200": json_body(ref("Health"), "Status"), "403": ERROR_RESPONSE},
    }},
}
