"""One version, pyproject.toml's, reported by the package (extension: test/version.test.js)."""

from __future__ import annotations

from importlib.metadata import version

from extension_build import project_version

import standout


def test_the_package_reports_the_pyproject_version():
    assert standout.__version__ == version("standout") == project_version()
