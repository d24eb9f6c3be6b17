"""The app factory: configuration, the engine, security, error handlers, blueprints."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import Any

from flask import Flask

from .. import Linter
from . import errors, extensions, security

# Each module named here exposes ``blueprint`` (a flask.Blueprint) and may expose
# ``OPENAPI_PATHS`` / ``OPENAPI_SCHEMAS`` for /openapi.json. Adding an API is one line.
BLUEPRINT_MODULES: tuple[str, ...] = (
    "api_v1",
    "interview_api",
    "languagetool",
    "openapi",
    "page",
    "rule_pages",
    "samples_api",
)

ONE_MIB = 1024 * 1024

DEFAULTS: dict[str, Any] = {
    # Request bodies larger than this are refused with 413 (documented in docs/api.md).
    "MAX_CONTENT_LENGTH": ONE_MIB,
    "MAX_FORM_MEMORY_SIZE": ONE_MIB,
    # Items accepted by POST /v1/check/batch.
    "MAX_BATCH_ITEMS": 100,
    # Host names (without port) a request may be addressed to; anything else is
    # refused with 403, which stops DNS rebinding. ``serve`` adds the bound address
    # when --allow-remote is given.
    "ALLOWED_HOSTS": ("127.0.0.1", "localhost", "::1"),
    # A ready Linter to use (tests share one); None builds ``Linter()`` once here.
    "LINTER": None,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides :data:`DEFAULTS` and Flask settings."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)
    app.json.sort_keys = False  # keep the documented field order

    modules = [_module(name) for name in BLUEPRINT_MODULES]
    extensions.install(app, app.config["LINTER"] or Linter(), modules)
    errors.init_app(app)
    security.init_app(app)
    for module in modules:
        app.register_blueprint(module.blueprint)
    return app


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__package__}.{name}")
