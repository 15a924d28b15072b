"""Issue 17 (smaller list) item 4: the results CSV numbers the rows as the batch dialog
shows them (the file's line: the header is line 1, blank lines count), so "line 7" in
the table, in the check report and in the saved results is the same row."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QCheckBox

from .conftest import WAIT_MS, run
from .drive import click, find
from .test_batch_dialog import cell, data_dir, open_batch, open_file, wait_result  # noqa: F401
from .test_history_window import accept_file_dialog
from .test_rufus import rufus_key

ROOT = Path(__file__).resolve().parents[2]

# Line 1 the header, line 4 blank (skipped, still counted), line 6 invalid (no model).
FILE = ("model,serial_number,alias,firmware\n"
        "Model X1,NUM-0001,Shelf 1,1.4.2\n"
        "Model X1,NUM-0002,Shelf 2,1.4.2\n"
        "\n"
        "Model X1,NUM-0003,Shelf 3,1.4.2\n"
        ",NUM-0004,no model,1.4.2\n"
        "Model X1,NUM-0005,Shelf 5,1.4.2\n")
LINES = {"NUM-0001": "2", "NUM-0002": "3", "NUM-0003": "5", "NUM-0004": "6",
         "NUM-0005": "7"}


def read_results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_results_csv_numbers_rows_as_the_dialog_does(qtbot, sandbox, make_wizard,
                                                          tmp_path):
    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    wizard = make_wizard(sandbox.url)
    dialog = open_batch(qtbot, wizard, key)
    path = tmp_path / "numbers.csv"
    path.write_text(FILE, encoding="utf-8")
    open_file(qtbot, dialog, path)
    shown = {cell(dialog, i, "serial_number"): cell(dialog, i, "line")
             for i in range(dialog.model.rowCount())}
    assert shown == LINES                      # the dialog: the file's lines
    find(dialog, "batchSkipInvalidCheck", QCheckBox).setChecked(True)
    click(qtbot, dialog, "batchStartButton")
    wait_result(qtbot, dialog, "finished")

    results = tmp_path / "numbers-results.csv"
    click(qtbot, dialog, "batchSaveResultsButton")
    accept_file_dialog(qtbot, results)
    qtbot.waitUntil(lambda: "Saved 5 rows" in find(dialog, "batchResultStatus").text(),
                    timeout=WAIT_MS)
    saved = read_results(results)
    assert list(saved[0])[0] == "line"
    # Row by row, in the table's order: the same number (a left-out row keeps no
    # identifiers in the journal, so it is matched by its place).
    assert [line["line"] for line in saved] == [cell(dialog, i, "line")
                                                for i in range(dialog.model.rowCount())]
    assert {line["serial_number"]: line["line"] for line in saved if line["serial_number"]} \
        == {serial: n for serial, n in shown.items() if serial != "NUM-0004"}
    assert [line["state"] for line in saved if line["line"] == "6"] == ["skipped"]
    run(qtbot, wizard.shutdown())


def test_the_command_lines_results_csv_numbers_rows_as_the_dialog_does(sandbox, tmp_path):
    """The same file through `pairing-wizard batch --results`: the same numbers."""
    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    path = tmp_path / "numbers.csv"
    path.write_text(FILE.replace("NUM-", "CLI-"), encoding="utf-8")
    results = tmp_path / "cli-results.csv"
    env = {"RUFUS_API_KEY": key, "PAIRING_WIZARD_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "batch", str(path), "--provider", "rufus",
         "--base-url", f"{sandbox.url}/rufus/v0", "--skip-invalid", "--results",
         str(results), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env=env)
    assert done.returncode == 0, done.stderr
    saved = read_results(results)
    assert [line["line"] for line in saved] == sorted(LINES.values())
    expected = {serial.replace("NUM-", "CLI-"): line for serial, line in LINES.items()
                if serial != "NUM-0004"}
    assert {line["serial_number"]: line["line"] for line in saved if line["serial_number"]} \
        == expected
    rows = json.loads(done.stdout)["result"]["rows"]
    assert [r["line"] for r in rows] == [int(n) for n in sorted(LINES.values())]
