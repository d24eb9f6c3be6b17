"""scripts/node_version.py: which Node scripts/test accepts for the extension's dev tools."""

from __future__ import annotations

import pytest
from node_version import parse, requirements, satisfies

ESLINT = "^20.19.0 || ^22.13.0 || >=24"


@pytest.mark.parametrize(
    ("version", "spec", "accepted"),
    [
        ("v20.19.0", ESLINT, True), ("v20.18.9", ESLINT, False), ("v18.19.0", ESLINT, False),
        ("v23.1.0", ESLINT, False), ("v22.13.0", ESLINT, True), ("v24.19.0", ESLINT, True),
        ("v20.20.2", ">=20.0.0", True), ("v17.9.9", ">=18", False), ("v18.0.0", ">=18", True),
        ("v0.2.5", "^0.2.3", True), ("v0.3.0", "^0.2.3", False),
        ("v1.2.9", "~1.2.3", True), ("v1.3.0", "~1.2.3", False),
        ("v1.9.0", "1", True), ("v2.0.0", "1", False), ("v2.0.0", ">1", True),
        ("v1.5.0", ">1", False), ("v1.2.7", "<=1.2", True), ("v1.3.0", "<=1.2", False),
        ("v16.0.0", ">=14 <17", True), ("v17.0.0", ">=14 <17", False), ("v5.0.0", "*", True),
    ],
)
def test_ranges(version, spec, accepted):
    assert satisfies(parse(version), spec) is accepted


def test_the_lockfile_names_eslints_needs():
    (eslint,) = [spec for name, spec in requirements().items() if name.startswith("eslint ")]
    assert not satisfies(parse("v18.19.0"), eslint)  # Debian 12's own nodejs
    assert satisfies(parse("v24.19.0"), eslint)  # what scripts/test installs from PyPI
