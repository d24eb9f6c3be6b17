"""A LanguageTool-compatible ``/v2`` endpoint, so editors that speak LanguageTool's
HTTP API (language_tool_python, ltex-ls, editor plugins, LanguageTool's browser
extension with "other server") can show Standout's findings.

Standout-only form fields ``company``, ``role`` and ``question`` give the context
the v1 API takes in ``context``; LanguageTool clients simply do not send them.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from flask import Blueprint, Response, jsonify, request, url_for

from .. import Context, __version__
from ..context import max_length
from ..documents import DocumentError, decode
from . import payload
from .annotated_text import AnnotatedText, parse_data
from .errors import error_response
from .extensions import budget, linter
from .history_auth import HISTORY_CATEGORY, has_token
from .lt_matches import MatchBuilder
from .openapi_v2 import OPENAPI_PATHS, OPENAPI_SCHEMAS

__all__ = ["OPENAPI_PATHS", "OPENAPI_SCHEMAS", "blueprint"]

blueprint = Blueprint("languagetool", __name__, url_prefix="/v2")

# (name, code, longCode), sorted by name as LanguageTool sorts them.
LANGUAGES = sorted([
    ("English", "en", "en"),
    ("English (Australian)", "en", "en-AU"),
    ("English (British)", "en", "en-GB"),
    ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"),
    ("English (South African)", "en", "en-ZA"),
    ("English (US)", "en", "en-US"),
])
_BY_CODE = {long.lower(): (name, long) for name, _, long in LANGUAGES}
_BY_CODE["auto"] = ("English (US)", "en-US")
MODES = ("all", "textLevelOnly", "allButTextLevelOnly")
MAX_FIELDS = 100


@blueprint.get("/languages")
def languages() -> Response:
    return jsonify([{"name": n, "code": c, "longCode": lc} for n, c, lc in LANGUAGES])


@blueprint.get("/healthcheck")
def healthcheck() -> Response:
    return Response("OK", mimetype="text/plain")


@blueprint.route("/check", methods=["GET", "POST", "HEAD"])
def check() -> Response:
    if request.method == "HEAD":  # liveness probe used by some clients
        return Response(status=200, mimetype="application/json")
    if request.method == "GET":
        # LanguageTool clients POST (language_tool_python, ltex-ls, the editor plugins, the
        # browser extension). A GET is what an <img> or a link sends: never work for one.
        response = error_response(
            405, "method_not_allowed",
            "Send the text in a POST body (form-encoded or JSON); GET is not accepted.")
        response.headers["Allow"] = "HEAD, OPTIONS, POST"
        return response
    if "text" in request.args or "data" in request.args:
        raise payload.bad("text_in_query",
                          "Send 'text' or 'data' in the request body, not in the URL.")
    params = _params()
    annotated = _document(params)
    language_name, language_code = _language(params.get("language"))
    engine = linter()
    disabled = _disabled_rules(params, engine)
    context = Context.coerce({
        key: _context_value(params, key) for key in ("company", "role", "question")
    })
    report = engine.check(annotated.plain, context, disabled_rules=disabled, budget=budget())
    categories = {c.id: c.title for c in engine.rulebook.categories.values()}
    builder = MatchBuilder(
        annotated, report.sentences, categories,
        lambda rule_id: url_for("rule_pages.rule_page", rule_id=rule_id, _external=True),
    )
    return jsonify({
        "software": {
            "name": "Standout",
            "version": __version__,
            "buildDate": "",
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": language_name,
            "code": language_code,
            "detectedLanguage": {"name": language_name, "code": language_code,
                                 "confidence": 1.0},
        },
        "matches": [builder.match(f) for f in report.findings],
        "sentenceRanges": builder.sentence_ranges(),
    })


def _params() -> dict[str, str]:
    """Query and body fields. A body labelled JSON that is really a form is read as a form.

    Form bodies are decoded here, strictly: a percent-escape that is not UTF-8 is a
    400, as a JSON body that is not UTF-8 is (Werkzeug would replace it silently).
    """
    params = {key: value for key, value in request.args.items()}
    mimetype = request.mimetype
    if mimetype == "multipart/form-data":
        params.update(request.form.items())
        return params
    raw = request.get_data(cache=True)
    if not raw.strip():
        return params
    try:
        text = decode(raw)
    except DocumentError:
        raise payload.bad("invalid_body", "The request body is not UTF-8.") from None
    parsed = None if mimetype == "application/x-www-form-urlencoded" else _json_params(text)
    if parsed is None:
        try:
            pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS,
                              errors="strict")
        except (ValueError, UnicodeDecodeError):
            raise payload.bad("invalid_body",
                              "The request body is neither a UTF-8 form nor a JSON object."
                              ) from None
        parsed = dict(pairs)
    params.update(parsed)
    return params


def _json_params(text: str) -> dict[str, str] | None:
    try:
        body = json.loads(text)
    except json.JSONDecodeError:
        return None  # perhaps a form (ltex-ls labels forms as JSON)
    except (ValueError, RecursionError):  # JSON, but a number too long or nesting too deep
        raise payload.bad("invalid_body",
                          "The JSON body holds a number too long or nests too deeply.") from None
    if not isinstance(body, dict):
        raise payload.bad("invalid_body", "A JSON body must be an object of fields.")
    out = {}
    for key, value in body.items():
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, str):
            out[key] = value
        elif isinstance(value, dict | list) and key == "data":
            out[key] = json.dumps(value)
        elif isinstance(value, int | float):
            out[key] = str(value)
        else:
            raise payload.bad("invalid_body", f"Field '{key}' must be a string.")
    return out


def _document(params: dict[str, str]) -> AnnotatedText:
    has_text, has_data = "text" in params, "data" in params
    if has_text == has_data:
        raise payload.bad("missing_text", "Send exactly one of 'text' or 'data'.")
    if has_text:
        return AnnotatedText.plain_text(payload.checked_text(params["text"]))
    return parse_data(params["data"])


def _language(code: str | None) -> tuple[str, str]:
    if not code:
        raise payload.bad("missing_language",
                          "'language' is required (for example en-US or auto).")
    found = _BY_CODE.get(code.strip().lower())
    if found is None:
        raise payload.bad("unsupported_language",
                          "Standout checks English only: use en, en-US, en-GB, ... or auto.")
    return found


def _ids(params: dict[str, str], key: str) -> set[str]:
    return {part.strip().lower() for part in params.get(key, "").split(",") if part.strip()}


def _disabled_rules(params: dict[str, str], engine) -> set[str]:
    """The rule ids to turn off for this request, from LanguageTool's selection fields."""
    mode = params.get("mode") or "all"
    if mode not in MODES:
        raise payload.bad("invalid_mode", f"'mode' must be one of {', '.join(MODES)}.")
    enabled_only = params.get("enabledOnly", "false").strip().lower() == "true"
    enabled_rules, enabled_categories = _ids(params, "enabledRules"), _ids(
        params, "enabledCategories")
    if enabled_only and not (enabled_rules or enabled_categories):
        raise payload.bad("invalid_selection",
                          "'enabledOnly' needs 'enabledRules' or 'enabledCategories'.")
    disabled_rules, disabled_categories = _ids(params, "disabledRules"), _ids(
        params, "disabledCategories")
    off = set()
    if not has_token():  # the history checks only for a caller with the history token
        disabled_categories.add(HISTORY_CATEGORY)
    for rule in engine.rules:
        rule_id, category = rule.id.lower(), rule.category.lower()
        text_level = rule.id in engine.passage_rules
        if (
            rule_id in disabled_rules
            or category in disabled_categories
            or (enabled_only and rule_id not in enabled_rules
                and category not in enabled_categories)
            or (mode == "textLevelOnly" and not text_level)
            or (mode == "allButTextLevelOnly" and text_level)
        ):
            off.add(rule.id)
    return off


def _context_value(params: dict[str, str], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    if len(value.strip()) > max_length(key):
        raise payload.bad("context_too_long", f"'{key}' is longer than {max_length(key):,}"
                          " characters.")
    return payload.checked_text(value, key)


