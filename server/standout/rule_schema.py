"""JSON Schema for rule files (``models/rules/*.yaml`` and users' own)."""

from __future__ import annotations

from .checks.registry import CHECK_NAMES

RULE_ID = r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$"
CATEGORY_ID = r"^[a-z][a-z0-9-]*$"
SEVERITIES = ["error", "warning", "info"]
ABOUT = ["writer", "anyone"]

_EXAMPLE = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "required": ["text"],
            "additionalProperties": False,
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "context": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "company": {"type": "string"},
                        "role": {"type": "string"},
                        "question": {"type": "string"},
                        "kind": {"enum": ["letter", "answer", "questions"]},
                        "posting": {"type": "string"},
                    },
                },
                "backed": {"type": "boolean"},
            },
        },
    ]
}

_STRINGS = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}

RULE = {
    "type": "object",
    "required": ["id", "title", "message", "advice", "examples"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": RULE_ID},
        "title": {"type": "string", "minLength": 1, "maxLength": 80},
        "severity": {"enum": SEVERITIES},
        "message": {"type": "string", "minLength": 10},
        "advice": {"type": "string", "minLength": 10},
        "backed_message": {"type": "string", "minLength": 10},
        "claim": {"type": "boolean"},
        "about": {"enum": ABOUT},
        "idea": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$"},
        "frame": {"type": "boolean"},
        "lead_in": {"enum": [True, False, "advert"]},
        "application_object": {"type": "boolean"},
        "literal_words": _STRINGS,
        "concrete_backs": {"type": "boolean"},
        "result_backs": {"type": "boolean"},
        "change_backs": {"type": "boolean"},
        "phrases": _STRINGS,
        "tokens": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "minItems": 1, "items": {"type": "object"}},
        },
        "regex": _STRINGS,
        "check": {"enum": list(CHECK_NAMES)},
        "params": {"type": "object"},
        "antipatterns": _STRINGS,
        "max_gap": {"type": "integer", "minimum": 1, "maximum": 20},
        "examples": {
            "type": "object",
            "required": ["flag", "pass"],
            "additionalProperties": False,
            "properties": {
                "flag": {"type": "array", "minItems": 1, "items": _EXAMPLE},
                "pass": {"type": "array", "minItems": 1, "items": _EXAMPLE},
            },
        },
    },
    "oneOf": [
        {"required": ["phrases"]},
        {"required": ["tokens"]},
        {"required": ["regex"]},
        {"required": ["check"]},
    ],
}

RULE_FILE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["category", "title", "rules"],
    "additionalProperties": False,
    "properties": {
        "category": {"type": "string", "pattern": CATEGORY_ID},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "defaults": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "severity": {"enum": SEVERITIES},
                "claim": {"type": "boolean"},
                "about": {"enum": ABOUT},
                "backed_message": {"type": "string", "minLength": 10},
            },
        },
        "rules": {"type": "array", "minItems": 1, "items": {"type": "object"}},
    },
}
