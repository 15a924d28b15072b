"""The benchmark harness must not rot: a tiny run of it, and its README rewriting.

Not a speed test (speed goals live in bench/, DEVELOPERS.md rule 4): it checks that
`python -m bench.run` runs end to end against a real sandbox process and reports
its figures, and that the README's Performance section is put in place and rewritten.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_overhead_run_reports_each_provider(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--only", "overhead", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    for provider in ("rufus", "zype", "xee"):
        figures = results["overhead"][provider]
        assert figures["raw_us"] > 0 and figures["provider_us"] > 0
        assert math.isclose(figures["ratio"], figures["provider_us"] / figures["raw_us"])
    assert [row["figure"].split(", ")[1].split(" ")[0] for row in results["table"]] == [
        "`RufusAPI.get`", "`ZypeAPI.status`", "`XeeAPI.me`"]
    assert all(row["result"] in ("pass", "**FAIL**") for row in results["table"])
    # A partial run leaves the committed results and the README alone.
    assert "bench: overhead done" in proc.stderr


def test_readme_section_goes_before_layout_and_is_rewritten(tmp_path: Path) -> None:
    from bench import run

    readme = tmp_path / "README.md"
    readme.write_text("# App\n\nIntro.\n\n## Layout\n\nFolders.\n", encoding="utf-8")
    results = {
        "meta": {"date": "2026-01-01 00:00 UTC", "machine": "test", "minutes": 1.0},
        "idle": {"window_s": 10.0, "cpu_s": 0.01, "cpu_percent": 0.1},
    }
    run.update_readme(results, readme)
    first = readme.read_text(encoding="utf-8")
    assert first.index(run.START) < first.index("## Performance") < first.index(run.END) \
        < first.index("## Layout")
    assert "0.10 % of a core" in first and "| pass |" in first

    results["idle"]["cpu_percent"] = 5.0
    run.update_readme(results, readme)
    second = readme.read_text(encoding="utf-8")
    assert second.count(run.START) == 1 and second.count("## Performance") == 1
    assert "5.00 % of a core" in second and "**FAIL**" in second
    assert second.endswith("## Layout\n\nFolders.\n")


def test_quick_startup_run_reports_the_fresh_and_the_everyday_start(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--only", "startup", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    startup = results["startup"]
    for kind in ("fresh", "everyday"):
        assert startup[kind]["measured_ms"] > 0
        assert math.isclose(startup[kind]["ratio"],
                            startup[kind]["measured_ms"] / startup["baseline_ms"])
    figures = [row["figure"] for row in results["table"]]
    assert len(figures) == 2 and "fresh start" in figures[0] and "everyday" in figures[1]
    assert [row["target"] for row in results["table"]] == ["≤ 1.5×", "≤ 1.5×"]


def test_the_everyday_start_has_its_provider_environment_and_sign_in(tmp_path: Path) -> None:
    """What bench.startup's everyday start remembers is what the app reads back."""
    from bench import startup

    env = startup.everyday_env(tmp_path)
    probe = (
        "import json\n"
        "from PySide6.QtCore import QCoreApplication, QSettings\n"
        "QCoreApplication.setOrganizationName('pairing-wizard')\n"
        "QCoreApplication.setApplicationName('Pairing Wizard')\n"
        "s = QSettings()\n"
        "from app.auth.tokens import TokenStore\n"
        f"token = TokenStore({startup.EVERYDAY_ROOT!r}).load()\n"
        "print(json.dumps({'provider': s.value('last/provider'),\n"
        "                  'environment': s.value('last/environment'),\n"
        "                  'plaintext': s.value('keyring/allowPlaintext', False, type=bool),\n"
        "                  'usable': TokenStore.backend_usable(allow_plaintext=True),\n"
        "                  'client_id': (token or {}).get('client_id')}))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "provider": "xee", "environment": "sandbox", "plaintext": True, "usable": True,
        "client_id": "bench-client"}
