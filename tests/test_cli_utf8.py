"""`--json` and `history --csv` are UTF-8 even where the stream's encoding is not.

Windows gives a redirected or piped stdout the ANSI code page; PYTHONIOENCODING=cp1252
makes Python do the same here, in a real `python -m app` process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.core.history import History

ROOT = Path(__file__).resolve().parents[1]


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PAIRING_WIZARD_DATA_DIR": str(data_dir)}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                          env=env, cwd=ROOT, timeout=60)


def record_lodz(data_dir: Path) -> None:
    with History(data_dir / "history.sqlite3") as history:
        history.record("rufus", "pair", "ok", environment="sandbox",
                       identifiers={"serial_number": "SN-1", "alias": "Łódź"})


def test_history_csv_and_json_are_utf8_on_a_cp1252_stream(tmp_path):
    record_lodz(tmp_path)
    for option in ("--csv", "--json"):
        done = run_cli(tmp_path, "history", option)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        text = done.stdout.decode("utf-8")  # strict: cp1252 bytes would not decode
        assert "Łódź" in text
    assert json.loads(run_cli(tmp_path, "history", "--json").stdout)[0]


def test_without_the_fix_cp1252_cannot_write_it():
    # The failure the fix prevents, so this test's setup is known to reproduce it.
    done = subprocess.run([sys.executable, "-c", "print('Łódź')"], capture_output=True,
                          env={**os.environ, "PYTHONIOENCODING": "cp1252"}, timeout=30)
    assert done.returncode != 0
    assert b"UnicodeEncodeError" in done.stderr
