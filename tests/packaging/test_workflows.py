"""The release workflow, linted here as in CI: zizmor (GitHub Actions' linter, its
binary in the wheel) and GitHub's workflow schema (check-jsonschema's built-in copy).
Both are test extras; under CI=true a missing one fails (tests/needs.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.needs import unavailable

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        unavailable(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_workflows_pass_zizmor():
    done = subprocess.run([tool("zizmor"), "--offline", "--format", "plain", str(WORKFLOWS)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_match_githubs_schema():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert files
    done = subprocess.run([tool("check-jsonschema"), "--builtin-schema",
                           "vendor.github-workflows", *files],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


# The first major of each action whose action.yml says `runs.using: node24` (the
# node20 ones warn, and stop running once the runners drop Node 20).
NODE24_MAJOR = {"actions/checkout": 5, "actions/setup-python": 6,
                "actions/upload-artifact": 6}


def test_actions_run_on_node24():
    uses = re.findall(r"uses:\s*([\w.-]+/[\w.-]+)@v(\d+)",
                      (WORKFLOWS / "release.yml").read_text(encoding="utf-8"))
    assert uses
    for action, major in uses:
        assert action in NODE24_MAJOR, f"{action}: add its first node24 major here"
        assert int(major) >= NODE24_MAJOR[action], f"{action}@v{major} runs on Node 20"


def test_qasync_requirement_excludes_the_release_that_broke_windows():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    qasync = next(Requirement(r) for r in project["project"]["dependencies"]
                  if Requirement(r).name == "qasync")
    assert not qasync.specifier.contains("0.27.0")  # its Windows event loop was broken
    assert not qasync.specifier.contains("0.27.1")
    assert qasync.specifier.contains("0.28.0")


@pytest.mark.parametrize("name", ["zizmor", "check-jsonschema"])
def test_workflow_linters_run_from_make_lint(name):
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert name in lint
