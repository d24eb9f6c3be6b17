"""Schemathesis against /openapi.json, in process: generated requests never get a 5xx,
and responses match the documented status codes, content types and schemas.

Operations are driven one by one inside a test (rather than with
``schema.parametrize()``, whose lazy fixture loading fails under pytest 9). The
app gets its own linter and data folder: generated requests may save samples,
and those must not leak into other tests' checks.

Every built-in check runs except ``positive_data_acceptance``: some rules are
beyond what the schema states (exactly one of ``text`` or ``data`` on /v2/check,
a sample needs enough words), and those requests rightly get a 400.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from standout import Linter
from standout.config import UserConfig
from standout.web import create_app

EXAMPLES_PER_OPERATION = 25


def test_api_conforms_to_its_openapi_document(tmp_path, monkeypatch):
    monkeypatch.setenv("STANDOUT_DATA_DIR", str(tmp_path))
    app = create_app({"TESTING": True, "LINTER": Linter(config=UserConfig())})
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    tested = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case) -> None:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        check()
        tested.append(operation.label)
    assert "POST /v1/check" in tested and "POST /v2/check" in tested
