"""Under CI=true no test may skip (DEVELOPERS.md: a skip there is a test that never ran
while the run looks green). tests/needs.py fails a missing need itself; this catches
every other way a test can skip (pytest.skip, a skipif marker, importorskip) and
reports it as a failure with its reason. Loaded by tests/conftest.py."""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]
                              ) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") != "true" or not report.skipped or hasattr(report, "wasxfail"):
        return
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped under CI=true, where every test must run: {reason}"
