"""Every error the server returns is JSON: ``{"error": {"code", "message"}}``.

Messages describe what was wrong with the request, never its content: the
user's text must not end up in a response to someone else or in a log.
"""

from __future__ import annotations

import logging
import traceback

from flask import Flask, Response, current_app, jsonify
from werkzeug.exceptions import HTTPException

from ..budget import BudgetExceeded, CheckCancelled
from .extensions import stopping

log = logging.getLogger("standout.web")

# Default ``code`` for errors raised by Flask/Werkzeug themselves.
HTTP_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
}


class ApiError(Exception):
    """A request the server refuses, with an HTTP status and a stable error code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(BudgetExceeded, _over_budget)
    app.register_error_handler(CheckCancelled, _cancelled)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)


def _api_error(exc: ApiError) -> Response:
    return error_response(exc.status, exc.code, exc.message)


def _over_budget(exc: BudgetExceeded) -> Response:
    seconds = current_app.config["CHECK_BUDGET_SECONDS"]
    return error_response(
        422, "check_budget_exceeded",
        f"Checking this took longer than the {seconds:g} s a request may take; send less text"
        " (or fewer items) at once.",
    )


def _cancelled(exc: CheckCancelled) -> Response:
    if stopping():
        return error_response(503, "server_stopping",
                              "Standout is stopping; check again once it is running.")
    # The client has gone: nobody reads this, but waitress needs a response to finish.
    return error_response(499, "client_closed_request", "The client closed the connection.")


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    response = error_response(status, HTTP_CODES.get(status, "http_error"), _message(exc))
    # Keep headers such as ``Allow`` on 405.
    for key, value in exc.get_response().headers.items():
        if key.lower() not in {"content-type", "content-length"}:
            response.headers[key] = value
    return response


def _message(exc: HTTPException) -> str:
    if exc.code == 413:
        return "The request body is larger than this server accepts (see docs/api.md)."
    if exc.code == 404:
        return "No such endpoint; see /openapi.json for the API."
    if exc.code == 405:
        return "This endpoint does not accept that method."
    return (exc.description or exc.name).strip()


def _unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):  # pragma: no cover - routed to _http_error first
        return _http_error(exc)
    # Log where it failed, not the exception's message: it may quote the user's text.
    where = "".join(traceback.format_tb(exc.__traceback__))
    log.error("internal error %s in request\n%s", type(exc).__name__, where)
    return error_response(500, "internal_error", "The server failed to handle this request.")
