"""packaging/entry.py, the frozen app's entry point, run from source.

A windowed build has no stdout/stderr (sys.stdout is None): the demo sandbox's uvicorn
logging asks sys.stdout.isatty() and would crash. entry.py must make that work, and
`pairing-wizard --self-test` must reach app.selftest through the real command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "entry.py"


def run_entry(args: list[str], windowed: bool) -> subprocess.CompletedProcess[str]:
    code = (
        "import runpy, sys\n"
        + ("sys.stdout = None\nsys.stderr = None\n" if windowed else "")
        + f"sys.argv = ['pairing-wizard', *{args!r}]\n"
        f"runpy.run_path({str(ENTRY)!r}, run_name='__main__')\n"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=90)


def test_self_test_through_the_entry_point_prints_its_summary():
    done = run_entry(["--self-test"], windowed=False)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout.splitlines()[-1])
    assert summary["ok"] is True
    assert {c["name"] for c in summary["checks"]} >= {"pair-xee", "pair-rufus", "pair-zype"}


def test_windowed_build_without_stdout_still_runs_the_sandbox():
    # The self-test starts the sandbox (uvicorn): the part that needs a stdout.
    done = run_entry(["--self-test"], windowed=True)
    assert done.returncode == 0, done.stderr


def test_without_the_entry_points_fix_a_windowed_sandbox_would_crash():
    # Proves the previous test can fail: the same start, without entry.py's streams.
    code = ("import sys\nsys.stdout = None\nsys.stderr = None\n"
            "from app.sandbox.server import SandboxServer\n"
            "server = SandboxServer()\nserver.start()\nserver.stop()\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
