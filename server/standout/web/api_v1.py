"""API v1: the JSON contract the browser extension and local tools use."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, current_app

from .. import __version__
from ..serialize import api_report_json, rule_json
from . import payload
from .errors import ApiError
from .extensions import budget, linter, samples, uptime
from .history_auth import without_history
from .openapi_v1 import OPENAPI_PATHS, OPENAPI_SCHEMAS

__all__ = ["OPENAPI_PATHS", "OPENAPI_SCHEMAS", "blueprint"]

blueprint = Blueprint("api_v1", __name__, url_prefix="/v1")


@blueprint.post("/check")
def check() -> dict[str, Any]:
    body = payload.json_object()
    text = payload.checked_text(body.get("text"))
    context = payload.context(body.get("context"))
    options = history_gate(payload.options(body.get("options")))
    report = linter().check(text, context, **options.as_kwargs(), budget=budget())
    return {**api_report_json(report, text), **_warnings(), "version": __version__}


@blueprint.post("/check/batch")
def check_batch() -> dict[str, Any]:
    body = payload.json_object()
    items = body.get("items")
    if not isinstance(items, list):
        raise payload.bad("invalid_items", "'items' must be a list of objects.")
    limit = current_app.config["MAX_BATCH_ITEMS"]
    if len(items) > limit:
        raise ApiError(413, "too_many_items", f"A batch holds at most {limit} items.")
    options = history_gate(payload.options(body.get("options")))
    parsed = []
    for number, item in enumerate(items):
        where = f"items[{number}]"
        if not isinstance(item, dict):
            raise payload.bad("invalid_items", f"'{where}' must be an object.")
        item_id = item.get("id", number)
        if isinstance(item_id, bool) or not isinstance(item_id, str | int):
            raise payload.bad("invalid_items", f"'{where}.id' must be a string or an integer.")
        text = payload.checked_text(item.get("text"), f"{where}.text")
        parsed.append((item_id, text, payload.context(item.get("context"), f"{where}.context")))
    engine = linter()
    spend = budget()  # one budget for the whole batch
    results = []
    for item_id, text, context in parsed:
        report = engine.check(text, context, **options.as_kwargs(), budget=spend)
        results.append({"id": item_id, **api_report_json(report, text)})
    return {"results": results, **_warnings(), "version": __version__}


def _warnings() -> dict[str, Any]:
    """What the client should know about how the check was made (nothing, usually)."""
    matcher = samples()
    if matcher is None or not matcher.store_error:
        return {}
    return {"warnings": [{
        "code": "sample_store_unreadable",
        "message": f"{matcher.store_error} Checked without the saved samples it holds.",
    }]}


def history_gate(options: payload.CheckOptions) -> payload.CheckOptions:
    """The history checks run only for a caller with the history token."""
    return replace(options, disabled_categories=without_history(options.disabled_categories))


@blueprint.get("/rules")
def rules() -> dict[str, Any]:
    engine = linter()
    categories = engine.rulebook.categories
    return {
        "rules": [rule_json(rule, engine.is_enabled(rule)) for rule in engine.rules],
        "categories": [
            {"id": c.id, "title": c.title, "description": " ".join(c.description.split())}
            for c in categories.values()
        ],
        "version": __version__,
    }


@blueprint.get("/health")
def health() -> dict[str, Any]:
    engine = linter()
    return {
        "status": "ok",
        "version": __version__,
        "rules": len(engine.rules),
        "uptime": round(uptime(), 3),
        "cache": {"hits": engine.cache_hits, "misses": engine.cache_misses,
                  "bytes": engine.cache_bytes},
    }
