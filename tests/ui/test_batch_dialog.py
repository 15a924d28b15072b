"""The batch dialog against the real sandbox: the check report, nothing sent while a
row is invalid, progress to the end, one outcome per row, the results CSV; cancel
then Resume without binding twice; a 503 with Retry-After shown as a slow-down."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox

from app.core.batch import template_path
from app.core.flow import Page
from tests.core.helpers import rufus_types

from .conftest import WAIT_MS, run
from .drive import choose, click, find, type_into, wait_page
from .test_history_window import accept_file_dialog
from .test_rufus import rufus_key


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(folder))
    return folder


def rufus_csv(path: Path, count: int, prefix: str, invalid: dict[int, str] | None = None
              ) -> Path:
    """`count` rows; `invalid` replaces some rows (1-based) by a bad line."""
    lines = ["model,serial_number,alias,firmware"]
    for n in range(1, count + 1):
        lines.append((invalid or {}).get(n, f"Model X1,{prefix}-{n:04d},Shelf {n},1.4.2"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_batch(qtbot, wizard, key: str):
    choose(qtbot, wizard, "rufus")
    assert not find(wizard, "batchButton").isEnabled()     # no key yet
    type_into(qtbot, wizard, "apiKeyEdit", key)
    assert find(wizard, "batchButton").isEnabled()
    click(qtbot, wizard, "batchButton")
    dialog = wizard.batch_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def open_file(qtbot, dialog, path: Path) -> None:
    before = dialog.files_checked
    click(qtbot, dialog, "batchOpenButton")
    accept_file_dialog(qtbot, path)
    qtbot.waitUntil(lambda: dialog.files_checked > before, timeout=WAIT_MS)


def states(dialog) -> Counter:
    return Counter(row["state"] for row in dialog.model.rows)


def cell(dialog, row: int, column: str) -> str:
    model = dialog.model
    return model.data(model.index(row, model.columns.index(column)))


def wait_result(qtbot, dialog, word: str) -> str:
    status = find(dialog, "batchResultStatus")
    qtbot.waitUntil(lambda: word in status.text() and not dialog.running(), timeout=60_000)
    return status.text()


def rufus_devices(sandbox) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for device in sandbox.fixtures()["rufus"]["devices"]:
        found.setdefault(device["serial_number"], []).append(device["deviceid"])
    return found


def test_batch_from_csv_with_invalid_rows_left_out(qtbot, sandbox, make_wizard, tmp_path):
    fx = sandbox.fixtures()
    key = rufus_key(fx, "READ_WRITE")
    wizard = make_wizard(sandbox.url)
    dialog = open_batch(qtbot, wizard, key)
    assert "RUFUS" in find(dialog, "batchTitle").text()

    # The template: a copy of resources/templates/rufus.csv.
    saved = tmp_path / "my-template.csv"
    click(qtbot, dialog, "batchTemplateButton")
    accept_file_dialog(qtbot, saved)
    qtbot.waitUntil(saved.exists, timeout=WAIT_MS)
    assert saved.read_bytes() == template_path("rufus").read_bytes()

    path = rufus_csv(tmp_path / "shop.csv", 30, "BATCH", invalid={
        7: ",BATCH-0007,no model,1.0",          # the model is missing
        19: "Model X1,,no serial,1.0",          # the serial number is missing
    })
    open_file(qtbot, dialog, path)
    check = find(dialog, "batchCheckStatus").text()
    assert "30 rows for RUFUS: 28 valid, 2 invalid" in check
    assert states(dialog) == Counter(ready=28, invalid=2)
    assert cell(dialog, 6, "state") == "Invalid" and "model" in cell(dialog, 6, "details")
    assert cell(dialog, 18, "state") == "Invalid"
    assert "serial number" in cell(dialog, 18, "details").lower()
    start = find(dialog, "batchStartButton")
    leave_out = find(dialog, "batchSkipInvalidCheck", QCheckBox)
    assert leave_out.isVisible() and "Leave out the 2 invalid rows" in leave_out.text()
    assert not start.isEnabled()                       # nothing sent while a row is invalid
    assert "BATCH-0001" not in rufus_devices(sandbox)

    leave_out.setChecked(True)
    assert start.isEnabled()
    assert find(dialog, "batchConcurrencySpin").value() == 8
    click(qtbot, dialog, "batchStartButton")
    text = wait_result(qtbot, dialog, "finished")
    assert "28 done, 0 failed, 0 to check by hand, 2 left out" in text
    progress = find(dialog, "batchProgress")
    assert (progress.value(), progress.maximum()) == (30, 30)
    assert find(dialog, "batchStatusLabel").text().startswith("30 of 30 rows · 28 done")
    assert states(dialog) == Counter(done=28, skipped=2)

    devices = rufus_devices(sandbox)
    for index, row in enumerate(dialog.model.rows):
        serial = row["values"].get("serial_number")
        if row["state"] == "done":
            assert devices[serial] == [row["result"]]          # bound once, this deviceid
            assert f"deviceid {row['result']}" in cell(dialog, index, "details")
    assert "BATCH-0007" not in devices                         # left out: never sent
    assert not find(dialog, "batchStartButton").isEnabled()    # never the same file twice

    results = tmp_path / "shop-results.csv"
    click(qtbot, dialog, "batchSaveResultsButton")
    accept_file_dialog(qtbot, results)
    qtbot.waitUntil(lambda: "Saved 30 rows" in find(dialog, "batchResultStatus").text(),
                    timeout=WAIT_MS)
    with results.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert len(lines) == 30
    assert Counter(line["state"] for line in lines) == Counter(done=28, skipped=2)
    for line in lines:
        if line["state"] == "done":
            assert devices[line["serial_number"]] == [line["deviceid"]]
    assert key not in results.read_text(encoding="utf-8-sig")

    # The rows are in the history too, tied to the batch.
    click(qtbot, wizard, "historyButton")
    window = wizard.history_window
    qtbot.waitUntil(lambda: window.model.rowCount() == 28, timeout=WAIT_MS)
    assert all(entry.batch_id is not None and entry.outcome == "ok"
               for entry in window.model.entries)
    run(qtbot, wizard.shutdown())


def test_rows_without_a_type_are_bound_with_the_default_type(qtbot, sandbox, make_wizard,
                                                             tmp_path):
    """The rufus/defaultType setting (as the device page's Type) is sent for the rows of
    a batch that give no type; a row's own type wins."""
    sandbox.set_dialect("rufus", require_type=True)
    wizard = make_wizard(sandbox.url)
    wizard.services.settings.setValue("rufus/defaultType", "TRACKER")
    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    dialog = open_batch(qtbot, wizard, key)
    path = tmp_path / "typed.csv"
    path.write_text("model,serial_number,alias,firmware,type\n"
                    "Model X1,TYPED-1,,,GATE\nModel X1,TYPED-2,,,\n", encoding="utf-8")
    open_file(qtbot, dialog, path)
    click(qtbot, dialog, "batchStartButton")
    assert "2 done" in wait_result(qtbot, dialog, "finished")
    types = rufus_types(sandbox, key, "TYPED-")
    assert types == {"TYPED-1": "GATE", "TYPED-2": "TRACKER"}
    run(qtbot, wizard.shutdown())


def test_cancel_then_resume_never_binds_twice(qtbot, sandbox, make_wizard, tmp_path):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    dialog = open_batch(qtbot, wizard, rufus_key(fx, "READ_WRITE"))
    path = rufus_csv(tmp_path / "slow.csv", 24, "RESUME")
    open_file(qtbot, dialog, path)
    assert find(dialog, "batchCheckStatus").text().startswith("24 rows for RUFUS, all valid")
    sandbox.set_faults(latency_ms=250, provider="rufus")
    find(dialog, "batchConcurrencySpin").setValue(2)
    click(qtbot, dialog, "batchStartButton")
    progress = find(dialog, "batchProgress")
    qtbot.waitUntil(lambda: progress.value() >= 4, timeout=WAIT_MS)
    assert "about" in find(dialog, "batchStatusLabel").text()     # an ETA
    click(qtbot, dialog, "batchCancelButton")
    text = wait_result(qtbot, dialog, "stopped")
    done_before = states(dialog)["done"]
    assert 4 <= done_before < 24, text
    assert "Resume continues" in text
    assert len(rufus_devices(sandbox)) - 3 == done_before        # 3 fixture devices

    # Opening the same file again finds the interrupted batch: Resume, not Start.
    open_file(qtbot, dialog, path)
    qtbot.waitUntil(lambda: find(dialog, "batchResumeButton").isVisible(), timeout=WAIT_MS)
    assert "interrupted before" in find(dialog, "batchResultStatus").text()
    assert not find(dialog, "batchStartButton").isVisible()
    assert states(dialog)["done"] == done_before                  # the journal's outcomes
    sandbox.clear_faults()
    click(qtbot, dialog, "batchResumeButton")
    wait_result(qtbot, dialog, "finished")
    assert states(dialog) == Counter(done=24)
    devices = rufus_devices(sandbox)
    for n in range(1, 25):
        assert len(devices[f"RESUME-{n:04d}"]) == 1                # bound once each
    run(qtbot, wizard.shutdown())


def test_503_with_retry_after_is_shown_as_a_slow_down(qtbot, sandbox, make_wizard, tmp_path):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    dialog = open_batch(qtbot, wizard, rufus_key(fx, "READ_WRITE"))
    open_file(qtbot, dialog, rufus_csv(tmp_path / "busy.csv", 4, "BUSY"))
    sandbox.set_faults(fault="503", rate=1.0, retry_after=2, provider="rufus")
    click(qtbot, dialog, "batchStartButton")
    notice = find(dialog, "batchNoticeLabel")
    qtbot.waitUntil(lambda: notice.isVisible() and "slow down" in notice.text(),
                    timeout=WAIT_MS)
    assert notice.text().startswith("RUFUS asked us to slow down: waiting 2 s")
    assert dialog.running()
    sandbox.clear_faults()
    wait_result(qtbot, dialog, "finished")
    assert states(dialog) == Counter(done=4)
    assert sorted(rufus_devices(sandbox))[:4] == ["BUSY-0001", "BUSY-0002", "BUSY-0003",
                                                  "BUSY-0004"]
    run(qtbot, wizard.shutdown())


def test_batch_needs_the_wizard_credentials(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wait_page(qtbot, wizard, Page.PROVIDER)
    button = find(wizard, "batchButton")
    assert not button.isEnabled()
    assert "Choose the provider" in button.toolTip()
    choose(qtbot, wizard, "zype")
    assert not button.isEnabled() and "api key" in button.toolTip()
    run(qtbot, wizard.shutdown())


def test_the_window_and_the_batch_window_give_one_sentence(qtbot, sandbox, make_wizard):
    """Issue 15c item 3: an account name left in the state without a session in use (a
    sign-in gone) is no sign-in for the wizard's batch button either: both ask
    flow.batch_problem with the sign-in state and say the same sentence."""
    from app.ui.batch_dialog import BatchDialog

    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    assert wizard.services.xee_session is None
    wizard.state.update(xee_account="Alice (demo)", xee_user_id="1")
    wizard.refresh()
    button = find(wizard, "batchButton")
    dialog = BatchDialog(wizard)
    dialog.sync()
    assert wizard.batch_problem() == dialog.credentials_problem() == "Sign in to Xee first."
    assert not button.isEnabled()
    assert button.toolTip() == "Batch from CSV: Sign in to Xee first."
    # With no provider yet, and with an api key to enter: the same sentence in both.
    for provider, said in ((None, "Choose the provider first."),
                           ("rufus", "Enter the api key first.")):
        wizard.select(provider, "demo")
        dialog.sync()
        assert wizard.batch_problem() == dialog.credentials_problem() == said, provider
    dialog.close()
    dialog.deleteLater()
    run(qtbot, wizard.shutdown())


def test_xee_batch_uses_the_signed_in_session(qtbot, sandbox, make_wizard, tmp_path):
    """The sign-in itself is tested in a real browser (test_xee.py); here the session
    adopts a token the sandbox minted, as a finished sign-in would."""
    from app.auth.tokens import SessionOnlyTokenStore

    fx = sandbox.fixtures()
    alice = fx["xee"]["users"][0]
    free = [d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"]][:2]
    bobs = next(d for d in fx["xee"]["devices"] if d["user_id"] not in (None, alice["id"]))
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    assert not find(wizard, "batchButton").isEnabled()          # not signed in
    root = sandbox.xee_root
    token = sandbox.mint_xee_token(alice["id"])
    run(qtbot, wizard.services.xee_adopt(root, fx["xee"]["client_id"],
                                         fx["xee"]["client_secret"], token,
                                         SessionOnlyTokenStore(root)))
    wizard.state.update(xee_account="Alice (demo)", xee_user_id=str(alice["id"]))
    wizard.refresh()
    click(qtbot, wizard, "batchButton")
    dialog = wizard.batch_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert "as Alice (demo)" in find(dialog, "batchSubtitle").text()
    rows = [f"{d['id']},{d['pin']}" for d in (*free, bobs)]
    path = tmp_path / "boxes.csv"
    path.write_text("device_id,pin\n" + "\n".join(rows) + "\n", encoding="utf-8")
    open_file(qtbot, dialog, path)
    assert "pin" not in dialog.model.columns                    # never shown, never kept
    click(qtbot, dialog, "batchStartButton")
    wait_result(qtbot, dialog, "finished")
    assert [row["state"] for row in dialog.model.rows] == ["done", "done", "failed"]
    assert "409" in cell(dialog, 2, "details")
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert [owners[d["id"]] for d in free] == [alice["id"]] * 2
    assert owners[bobs["id"]] != alice["id"]

    click(qtbot, wizard, "historyButton")
    window = wizard.history_window
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT_MS)
    for entry in window.model.entries:
        assert set(entry.identifiers) == {"device_id"}           # no pin in the history
    run(qtbot, wizard.shutdown())


def test_tool_screenshots_render(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from app.ui.screenshots import render_tools

    files = render_tools(tmp_path)
    assert sorted(p.name for p in files) == sorted(
        f"tools-{name}-{theme}.png" for name in ("history", "batch", "network-check")
        for theme in ("light", "dark"))
    for path in files:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 600, path
        colors = {image.pixel(x, y) for x in range(0, image.width(), 37)
                  for y in range(0, image.height(), 29)}
        assert len(colors) > 8, path
    light = QImage(str(tmp_path / "tools-history-light.png"))
    dark = QImage(str(tmp_path / "tools-history-dark.png"))
    assert light.pixelColor(5, 5).lightness() > 180
    assert dark.pixelColor(5, 5).lightness() < 80
