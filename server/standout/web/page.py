"""``/``: Standout's own page (draft check, interview practice, questions to ask).

The page is static: HTML, CSS and ES modules from ``web/page/``, plus the
extension's own rendering modules (underlines and cards, ``extension/content``
and ``extension/lib``) served under ``/ext/`` so the page draws findings exactly
as the extension does, from one copy of the code. The wheel carries both (see
pyproject.toml). The page talks to this server only (``/v1``), same origin.

Content-Security-Policy: scripts from this origin only (no inline script, no
eval), requests to this origin only, no frames, fonts or forms elsewhere. Styles
allow ``'unsafe-inline'`` because the shared underline layer writes its styles
into its own shadow root; no script can come in that way.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort

blueprint = Blueprint("page", __name__)

PAGE_DIR = Path(__file__).resolve().parent / "page"
_PACKAGE = Path(__file__).resolve().parent.parent
# The extension's modules: in the wheel beside the package's data, in a checkout at its root.
EXTENSION_DIRS = (_PACKAGE / "extension", _PACKAGE.parent.parent / "extension")
SHARED = ("content", "lib")  # the extension folders the page may load modules from
TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
         ".png": "image/png", ".html": "text/html"}

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)

_HTML = {"description": "An HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}
_FILE = {"description": "A file of the page", "content": {"*/*": {"schema": {"type": "string"}}}}
_NAME = [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}]
OPENAPI_PATHS = {
    "/": {"get": {
        "summary": "Standout's page: check a draft, practise interview answers and questions",
        "operationId": "page", "tags": ["pages"], "responses": {"200": _HTML},
    }},
    "/page/{name}": {"get": {
        "summary": "The page's scripts and styles", "operationId": "pageFile",
        "tags": ["pages"], "parameters": _NAME,
        "responses": {"200": _FILE, "404": {"description": "No such file"}},
    }},
    "/ext/{folder}/{name}": {"get": {
        "summary": "The extension's rendering modules (content/, lib/), shared with the page",
        "operationId": "extensionModule", "tags": ["pages"],
        "parameters": [{"name": "folder", "in": "path", "required": True,
                        "schema": {"type": "string", "enum": list(SHARED)}}, *_NAME],
        "responses": {"200": _FILE, "404": {"description": "No such module"}},
    }},
}


def extension_dir() -> Path | None:
    return next((d for d in EXTENSION_DIRS if (d / "content").is_dir()), None)


def _serve(directory: Path, name: str) -> Response:
    """A file of ``directory`` by its plain name (no folders, no dot files), read whole."""
    suffix = Path(name).suffix
    path = directory / name
    if suffix not in TYPES or name.startswith(".") or "/" in name or "\\" in name:
        abort(404)
    try:
        body = path.read_bytes()
    except OSError:
        abort(404)
    response = Response(body, mimetype=TYPES[suffix])
    response.headers["Content-Security-Policy"] = CSP
    return response


@blueprint.get("/")
def index() -> Response:
    return _serve(PAGE_DIR, "index.html")


@blueprint.get("/page/<name>")
def page_file(name: str) -> Response:
    if name.endswith(".html"):
        abort(404)
    return _serve(PAGE_DIR, name)


@blueprint.get("/ext/<folder>/<name>")
def extension_module(folder: str, name: str) -> Response:
    root = extension_dir()
    if root is None or folder not in SHARED or not name.endswith(".js"):
        abort(404)
    return _serve(root / folder, name)
