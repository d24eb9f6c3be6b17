"""``/rules/<id>``: a page explaining one rule, for the extension's "learn more" link
and the ``urls`` of LanguageTool matches. ``/rules/`` lists them all."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from .. import __version__
from ..messages import generic
from .extensions import linter

blueprint = Blueprint("rule_pages", __name__, url_prefix="/rules", template_folder="templates")

# Pages are self-contained: inline style, nothing loaded from anywhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"

_HTML = {"description": "An HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}
OPENAPI_PATHS = {
    "/rules/": {"get": {
        "summary": "An HTML page listing every rule",
        "operationId": "rulesPage",
        "tags": ["pages"],
        "responses": {"200": _HTML},
    }},
    "/rules/{rule_id}": {"get": {
        "summary": "An HTML page explaining one rule (title, message, advice, examples)",
        "operationId": "rulePage",
        "tags": ["pages"],
        "parameters": [{"name": "rule_id", "in": "path", "required": True,
                        "schema": {"type": "string"}}],
        "responses": {"200": _HTML, "404": {**_HTML, "description": "No such rule"}},
    }},
}


def _page(html: str, status: int = 200) -> Response:
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    return response


@blueprint.get("/")
def index() -> Response:
    engine = linter()
    categories = engine.rulebook.categories
    groups = [
        (category, [r for r in engine.rules if r.category == category.id])
        for category in categories.values()
    ]
    return _page(render_template("rules.html", groups=groups, version=__version__))


@blueprint.get("/<rule_id>")
def rule_page(rule_id: str) -> Response:
    engine = linter()
    rule = engine.rulebook.rules.get(rule_id)
    if rule is None:
        missing = render_template("rule_missing.html", rule_id=rule_id, version=__version__)
        return _page(missing, 404)
    category = engine.rulebook.categories.get(rule.category)
    return _page(render_template(
        "rule.html",
        rule=rule,
        category=category,
        message=generic(rule.message),
        advice=generic(rule.advice),
        backed_message=generic(rule.backed_message) if rule.claim else "",
        enabled=engine.is_enabled(rule),
        version=__version__,
    ))
