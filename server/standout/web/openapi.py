"""``/openapi.json``: the OpenAPI 3.1 document, assembled from each API module's paths."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify

from .. import __version__
from .extensions import api_modules

blueprint = Blueprint("openapi", __name__)

DESCRIPTION = """\
Standout's local server, for the browser extension and local tools.

* Offsets and lengths count **UTF-16 code units** (JavaScript string positions).
* Requests must be addressed to `127.0.0.1`, `localhost` or `[::1]`; requests
  carrying an `Origin` other than a browser extension's or the server's own get 403.
* Request bodies over 1 MiB get 413; a batch holds at most 100 items.
* Every error is JSON: `{"error": {"code", "message"}}`.
* `/v1/history` needs the per-install token a paired extension holds
  (`Authorization: Bearer ...`); without it, checks leave the history out.
"""


def document() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    security: dict[str, Any] = {}
    for module in api_modules():
        paths.update(getattr(module, "OPENAPI_PATHS", {}))
        schemas.update(getattr(module, "OPENAPI_SCHEMAS", {}))
        security.update(getattr(module, "OPENAPI_SECURITY_SCHEMES", {}))
    return {
        "openapi": "3.1.0",
        "info": {"title": "Standout local server", "version": __version__,
                 "description": DESCRIPTION,
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": schemas, **({"securitySchemes": security} if security else {})},
    }


OPENAPI_PATHS = {
    "/openapi.json": {"get": {
        "summary": "This document",
        "operationId": "openapi",
        "tags": ["meta"],
        "responses": {"200": {"description": "OpenAPI 3.1",
                              "content": {"application/json": {"schema": {"type": "object"}}}}},
    }},
}


@blueprint.get("/openapi.json")
def openapi_json() -> Response:
    return jsonify(document())
