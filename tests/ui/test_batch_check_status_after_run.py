"""Issue 17, smaller list: the check's "Nothing has been sent yet" stayed after the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from .drive import click
from .test_batch_dialog import open_batch, open_file, rufus_csv, wait_result
from .test_rufus import rufus_key


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(folder))
    return folder


def test_nothing_sent_is_gone_after_the_run(qtbot, sandbox, make_wizard, tmp_path):
    wizard = make_wizard(sandbox.url)
    dialog = open_batch(qtbot, wizard, rufus_key(sandbox.fixtures(), "READ_WRITE"))
    open_file(qtbot, dialog, rufus_csv(tmp_path / "two.csv", 2, "AFTER"))
    status = dialog.check_status
    assert "Nothing has been sent yet" in status.message()
    click(qtbot, dialog, "batchStartButton")
    wait_result(qtbot, dialog, "finished")
    assert not status.isVisible()
    assert "Nothing has been sent" not in status.message()
