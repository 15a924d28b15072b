"""tests/needs.py: a missing need skips a test on a developer's machine, fails it in CI;
tests/ci_no_skips.py: under CI=true any other skip fails too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEEDY = """
from tests.needs import unavailable

def test_needs_a_thing_this_machine_lacks():
    unavailable("no such thing here")
"""


@pytest.mark.parametrize(("ci", "outcome"), [("true", "1 failed"), ("", "1 skipped")])
def test_a_missing_need_fails_under_ci_and_skips_elsewhere(tmp_path, ci, outcome):
    test_file = tmp_path / "test_needy.py"
    test_file.write_text(NEEDY, encoding="utf-8")
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(test_file)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert outcome in done.stdout, done.stdout + done.stderr
    if ci:
        assert "CI must provide it" in done.stdout


SKIPPING = """
import pytest

def test_skips_by_call():
    pytest.skip("not today")

@pytest.mark.skipif(True, reason="never here")
def test_skips_by_marker():
    pass

@pytest.mark.xfail(reason="known")
def test_expected_to_fail():
    raise AssertionError
"""


# A skipif marker skips in setup: under CI it is reported as an error (red all the same).
@pytest.mark.parametrize(("ci", "outcome"), [("true", "1 failed, 1 xfailed, 1 error"),
                                             ("", "2 skipped, 1 xfailed")])
def test_any_skip_fails_under_ci(tmp_path, ci, outcome):
    test_file = tmp_path / "test_skipping.py"
    test_file.write_text(SKIPPING, encoding="utf-8")
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-p", "tests.ci_no_skips", "--tb=line", str(test_file)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert outcome in done.stdout, done.stdout + done.stderr
    if ci:
        for reason in ("not today", "never here"):
            assert f"skipped under CI=true, where every test must run: Skipped: {reason}" \
                in done.stdout, done.stdout
