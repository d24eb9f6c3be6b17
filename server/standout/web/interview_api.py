"""``/v1/interview/questions``: the interview question bank, for the page's practice."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from .. import __version__
from ..interview.bank import question_bank

blueprint = Blueprint("interview_api", __name__, url_prefix="/v1/interview")

OPENAPI_SCHEMAS: dict[str, Any] = {
    "InterviewQuestion": {
        "type": "object",
        "required": ["id", "text", "family", "listens_for", "seconds", "parts"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "family": {"type": "string"},
            "listens_for": {"type": "string", "description": "What the interviewer listens for"},
            "seconds": {"type": "array", "items": {"type": "integer"}, "minItems": 2,
                        "maxItems": 2, "description": "Expected spoken length, in seconds"},
            "parts": {"type": "array", "items": {"enum": ["situation", "action", "result"]}},
            "aliases": {"type": "array", "items": {"type": "string"}},
            "sample": {"type": ["string", "null"]},
            "answer": {"type": ["string", "null"]},
        },
    },
}
OPENAPI_PATHS = {
    "/v1/interview/questions": {"get": {
        "summary": "The interview question bank (models/interview/questions.yaml)",
        "operationId": "interviewQuestions",
        "tags": ["interview"],
        "responses": {"200": {"description": "Every question", "content": {"application/json": {
            "schema": {"type": "object", "required": ["questions", "version"], "properties": {
                "questions": {"type": "array",
                              "items": {"$ref": "#/components/schemas/InterviewQuestion"}},
                "version": {"type": "string"},
            }},
        }}}},
    }},
}


@blueprint.get("/questions")
def questions() -> dict[str, Any]:
    return {"questions": [q.to_dict() for q in question_bank()], "version": __version__}
