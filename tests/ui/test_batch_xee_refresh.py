"""#14 item 2: a Xee batch goes through the signed-in session's call path. An access token
that expires mid-batch is refreshed once and the row sent again; a refresh Xee refuses
stops the batch, resumably, with a sentence that says to sign in again (pytest-qt,
offscreen, the real sandbox with its clock)."""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest
from PySide6.QtWidgets import QSpinBox

from app.auth.oauth import token_endpoint

from .conftest import WAIT_MS, run
from .drive import choose, click, find
from .test_batch_dialog import open_file

ROWS = 4


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(folder))
    return folder


class TokenRequests:
    """httpx2 event hook on the session's client: how many refreshes it sent."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self.count = 0

    async def __call__(self, request: httpx2.Request) -> None:
        if str(request.url) == self.endpoint:
            self.count += 1


def signed_in_batch(qtbot, sandbox, make_wizard, tmp_path):
    """The wizard signed in to the demo's Xee (a minted token, as a finished sign-in
    hands over), the batch dialog open on ROWS free boxes, one request at a time, each
    slowed so the test can move the sandbox's clock between two rows."""
    from app.auth.tokens import SessionOnlyTokenStore

    fx = sandbox.fixtures()
    alice = fx["xee"]["users"][0]
    # The free boxes, then one of Alice's own (associating it again is a 204).
    free = [d for d in fx["xee"]["devices"]
            if d["user_id"] in (None, alice["id"]) and not d["locked"]][:ROWS]
    assert len(free) == ROWS
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    root = sandbox.xee_root
    token = sandbox.mint_xee_token(alice["id"])
    session = run(qtbot, wizard.services.xee_adopt(root, fx["xee"]["client_id"],
                                                   fx["xee"]["client_secret"], token,
                                                   SessionOnlyTokenStore(root)))
    refreshes = TokenRequests(token_endpoint(root))
    session.client.event_hooks["request"].append(refreshes)
    wizard.state.update(xee_account="Alice (demo)", xee_user_id=str(alice["id"]))
    wizard.refresh()
    click(qtbot, wizard, "batchButton")
    dialog = wizard.batch_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    path = tmp_path / "boxes.csv"
    path.write_text("device_id,pin\n" + "".join(f"{d['id']},{d['pin']}\n" for d in free),
                    encoding="utf-8")
    open_file(qtbot, dialog, path)
    find(dialog, "batchConcurrencySpin", QSpinBox).setValue(1)
    sandbox.set_faults(latency_ms=300, provider="xee")
    return wizard, dialog, session, token, refreshes, free, alice


def expire_after_first_row(qtbot, sandbox, dialog) -> None:
    click(qtbot, dialog, "batchStartButton")
    qtbot.waitUntil(lambda: dialog.last_progress is not None and dialog.last_progress.done >= 1,
                    timeout=WAIT_MS)
    sandbox.advance_clock(3700)      # the access token (3600 s) has expired at Xee now


def wait_result(qtbot, dialog, word: str) -> str:
    """The batch's outcome once it has ended (finished or stopped), which must say `word`."""
    status = find(dialog, "batchResultStatus")
    qtbot.waitUntil(lambda: not dialog.running() and ("finished" in status.text()
                                                      or "stopped" in status.text()),
                    timeout=60_000)
    assert word in status.text(), status.text()
    return status.text()


def owners(sandbox) -> dict[str, int | None]:
    return {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}


def test_a_token_that_expires_mid_batch_is_refreshed_once_and_every_row_is_paired(
        qtbot, sandbox, make_wizard, tmp_path):
    wizard, dialog, session, token, refreshes, free, alice = signed_in_batch(
        qtbot, sandbox, make_wizard, tmp_path)
    expire_after_first_row(qtbot, sandbox, dialog)
    wait_result(qtbot, dialog, "finished")
    sandbox.clear_faults()
    assert [row["state"] for row in dialog.model.rows] == ["done"] * ROWS
    assert refreshes.count == 1                          # once, not once per row
    assert session.client.token["access_token"] != token["access_token"]   # rotated
    assert [owners(sandbox)[d["id"]] for d in free] == [alice["id"]] * ROWS
    run(qtbot, wizard.shutdown())


def test_a_refresh_xee_refuses_stops_the_batch_resumably_with_a_sentence(
        qtbot, sandbox, make_wizard, tmp_path):
    from app.auth.tokens import SessionOnlyTokenStore

    wizard, dialog, session, token, refreshes, free, alice = signed_in_batch(
        qtbot, sandbox, make_wizard, tmp_path)
    # The refresh token is spent elsewhere (Xee rotates it: the session's copy is dead).
    fx = sandbox.fixtures()["xee"]
    spent = httpx2.post(token_endpoint(sandbox.xee_root),
                        data={"grant_type": "refresh_token",
                              "refresh_token": token["refresh_token"]},
                        auth=(fx["client_id"], fx["client_secret"]), timeout=10)
    assert spent.status_code == 200
    expire_after_first_row(qtbot, sandbox, dialog)
    text = wait_result(qtbot, dialog, "stopped")
    sandbox.clear_faults()
    assert "The Xee sign-in has expired and Xee refused to renew it." in text
    assert "sign in to Xee again, then run it again with Resume." in text
    assert refreshes.count == 1                          # tried once, not again per row
    states = [row["state"] for row in dialog.model.rows]
    assert states[0] == "done" and "failed" not in states and "unknown" not in states
    assert states.count("pending") >= 2                  # nothing lost: not sent yet
    resume = find(dialog, "batchResumeButton")
    qtbot.waitUntil(resume.isVisible, timeout=WAIT_MS)
    # The dead sign-in is no sign-in: Resume waits for a new one (it would stop at once).
    assert not resume.isEnabled()
    assert dialog.credentials_problem() == "Sign in to Xee first."

    # Signed in again: Resume sends the rest, and nothing twice.
    root = sandbox.xee_root
    fresh = sandbox.mint_xee_token(alice["id"])
    run(qtbot, wizard.services.xee_adopt(root, fx["client_id"], fx["client_secret"], fresh,
                                         SessionOnlyTokenStore(root)))
    assert session.client.is_closed                      # the dead session is closed
    wizard.refresh()   # as the sign-in panel's end does (its page's changed signal)
    qtbot.waitUntil(resume.isEnabled, timeout=WAIT_MS)
    click(qtbot, dialog, "batchResumeButton")
    wait_result(qtbot, dialog, "finished")
    assert [row["state"] for row in dialog.model.rows] == ["done"] * ROWS
    assert [owners(sandbox)[d["id"]] for d in free] == [alice["id"]] * ROWS
    run(qtbot, wizard.shutdown())
