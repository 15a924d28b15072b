"""tests/needs.py: a missing need skips a test on a developer's machine, fails it in CI."""

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
