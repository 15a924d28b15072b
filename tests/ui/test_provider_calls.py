"""Issue 15 item 1: one place decides how a provider call is made (app.ui.services:
call_provider for a request, provider_client for the batch's client): the api key's
client, Xee's online sandbox without a sign-in, the signed-in Xee session's own client,
and a refusal for a session made for another API root. The batch dialog asks it instead
of building the client itself (tests/test_layers.py checks that no other module does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.auth.errors import SignInError
from app.auth.tokens import SessionOnlyTokenStore
from app.core.rufus import RufusAPI
from app.core.xee import XeeAPI

from .conftest import WAIT_MS, run
from .drive import click, find
from .test_batch_xee_refresh import owners, signed_in_batch
from .test_rufus import rufus_key


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(folder))
    return folder


def adopt(qtbot, services, sandbox, root: str):
    fx = sandbox.fixtures()
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])
    return run(qtbot, services.xee_adopt(root, fx["xee"]["client_id"],
                                         fx["xee"]["client_secret"], token,
                                         SessionOnlyTokenStore(root)))


def test_the_provider_client_follows_the_credential_and_the_sign_in(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    services = wizard.services
    run(qtbot, services.sandbox.ready())

    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    rufus = run(qtbot, services.provider_client(
        {"provider": "rufus", "environment": "demo", "api_key": key}))
    assert isinstance(rufus, RufusAPI)
    assert rufus.http.api_root == sandbox.rufus_root
    assert rufus.http.client is services.client()

    # Xee's online sandbox needs no sign-in: the plain client, Xee's own sandbox root.
    online = run(qtbot, services.provider_client({"provider": "xee", "environment": "sandbox"}))
    assert isinstance(online, XeeAPI) and online.http.client is services.client()
    assert online.http.api_root == "https://sandbox.xee.com/v3"

    demo = {"provider": "xee", "environment": "demo"}
    with pytest.raises(SignInError) as refused:
        run(qtbot, services.provider_client(demo))
    assert refused.value.kind == "not_signed_in"

    session = adopt(qtbot, services, sandbox, sandbox.xee_root)
    signed_in = run(qtbot, services.provider_client(demo))
    assert isinstance(signed_in, XeeAPI)
    assert signed_in.http.client is session.client      # it adds and refreshes the bearer
    assert signed_in.http.api_root == sandbox.xee_root

    # A sign-in belongs to one root: a session made for v4 is no client for v3.
    adopt(qtbot, services, sandbox, f"{sandbox.url}/xee/v4")
    with pytest.raises(SignInError):
        run(qtbot, services.provider_client(demo))
    run(qtbot, wizard.shutdown())


def test_a_batch_whose_sign_in_is_for_another_root_prepares_and_sends_nothing(
        qtbot, sandbox, make_wizard, tmp_path):
    """The dialog's client comes from Services: a session that no longer fits the chosen
    root stops the batch before its journal is written (it used to build a client on the
    session's HTTP client for the chosen root, prepare the batch, and stop on row 1)."""
    wizard, dialog, _session, _token, _refreshes, free, _alice = signed_in_batch(
        qtbot, sandbox, make_wizard, tmp_path)
    sandbox.clear_faults()
    before = owners(sandbox)
    adopt(qtbot, wizard.services, sandbox, f"{sandbox.url}/xee/v4")
    click(qtbot, dialog, "batchStartButton")
    status = find(dialog, "batchResultStatus")
    qtbot.waitUntil(lambda: not dialog.running() and bool(status.text()), timeout=WAIT_MS)
    assert "Nothing was sent" in status.text(), status.text()
    assert "Sign in" in status.text() or "sign in" in status.text()
    assert [row["state"] for row in dialog.model.rows] == ["ready"] * len(free)
    assert owners(sandbox) == before
    history = run(qtbot, wizard.services.history())
    from app.core.batch import Journal

    assert Journal(history.db).find("xee", sandbox.xee_root, dialog.report.sha256) is None
    run(qtbot, wizard.shutdown())


def test_a_dead_sign_in_reads_sign_in_again_on_every_single_pairing(
        qtbot, sandbox, make_wizard):
    """The wizard's single pairing (Services.call_provider through the session, its error
    as flow.sign_in_error): Xee refuses the refresh token, and this pairing and the next
    both say the sign-in expired (sign in again, the Credentials page), not "No one is
    signed in" once the dead token is forgotten; nothing is associated."""
    import httpx2

    from app.core import flow

    wizard = make_wizard(sandbox.url)
    services = wizard.services
    run(qtbot, services.sandbox.ready())
    fx = sandbox.fixtures()["xee"]
    box = next(d for d in fx["devices"] if d["user_id"] is None and not d["locked"])
    token = sandbox.mint_xee_token(fx["users"][0]["id"], expires_in=30)  # refreshed first
    with httpx2.Client() as spender:   # the refresh token is spent elsewhere
        assert spender.post(sandbox.xee_root + "/auth/access_token",
                            data={"grant_type": "refresh_token",
                                  "refresh_token": token["refresh_token"]},
                            auth=(fx["client_id"], fx["client_secret"])).status_code == 200
    run(qtbot, services.xee_adopt(sandbox.xee_root, fx["client_id"], fx["client_secret"],
                                  token, SessionOnlyTokenStore(sandbox.xee_root)))
    state = {"provider": "xee", "environment": "demo"}
    errors = []
    for _ in range(2):
        with pytest.raises(SignInError) as refused:
            run(qtbot, services.call_provider(
                state, lambda api: api.associate(box["id"], box["pin"])))
        errors.append(flow.sign_in_error(refused.value))
    assert [e["kind"] for e in errors] == ["xee.sign_in.session_expired"] * 2
    assert all("Sign in again" in str(e["advice"]) for e in errors)
    assert {flow.page_for_error(e) for e in errors} == {flow.Page.CREDENTIALS}
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == box["id"])
    assert owner["user_id"] is None
    # The dead session stays installed, signed out: no sign-in for the batch either.
    wizard.select("xee", "demo")
    wizard.state.update(xee_account="Alice (demo)", xee_user_id="1")
    assert services.xee_session is not None and not services.xee_session.signed_in
    assert wizard.batch_problem() == "Sign in to Xee first."
    run(qtbot, wizard.shutdown())
