"""SignInError as data: exit codes on the CLI's contract, the shared error shape, and
the one token-endpoint hook (sign-in exchange and refresh) fed real sandbox answers."""

from __future__ import annotations

import asyncio

import httpx2
import pytest
from authlib.integrations.httpx_client import AsyncOAuth2Client

from app.auth.errors import ADVICE, EXIT_CODES, SignInError
from app.auth.oauth import raise_for_token_response
from app.auth.session import XeeSession
from app.auth.tokens import SessionOnlyTokenStore
from app.core import providers
from app.core.errors import EXIT_CODES as CATEGORY_EXIT_CODES
from app.core.errors import ProviderError

ERROR_KEYS = ["kind", "status", "type", "message", "tip", "advice"]


@pytest.mark.parametrize(("kind", "code"), [
    ("denied", 3), ("authorization_failed", 3), ("token_exchange_failed", 3),
    ("session_expired", 3), ("not_signed_in", 3),
    ("network", 4), ("listener_failed", 4), ("timeout", 4), ("state_mismatch", 4),
    ("keychain_failed", 2), ("cancelled", 130),
])
def test_exit_codes_follow_the_cli_contract(kind, code):
    assert SignInError(kind).exit_code == code


def test_refusals_exit_like_provider_auth_errors_and_every_kind_has_a_code():
    assert SignInError("session_expired").exit_code == CATEGORY_EXIT_CODES["auth"]
    assert SignInError("network").exit_code == CATEGORY_EXIT_CODES["network"]
    assert set(ADVICE) <= set(EXIT_CODES)  # no kind falls through to the default
    assert SignInError("something_new").exit_code == 4


def test_to_dict_has_the_same_shape_and_blanks_as_provider_error():
    plain = SignInError("not_signed_in").to_dict()
    provider = ProviderError("x.y", "auth", "advice").to_dict()
    assert list(plain) == ERROR_KEYS
    assert {key: provider[key] for key in ("type", "message", "tip")} == {
        key: plain[key] for key in ("type", "message", "tip")} == {
        "type": None, "message": "", "tip": ""}
    assert plain["advice"] == ADVICE["not_signed_in"] and plain["status"] is None
    said = SignInError("session_expired", provider_message="Invalid authentication",
                       status=403).to_dict()
    assert (said["message"], said["status"]) == ("Invalid authentication", 403)


async def _sandbox_token_answer(sandbox, form: dict[str, str]) -> httpx2.Response:
    xee = sandbox.fixtures()["xee"]
    async with httpx2.AsyncClient() as client:
        return await client.post(sandbox.xee_root + "/auth/access_token", data=form,
                                 auth=(xee["client_id"], xee["client_secret"]))


@pytest.mark.parametrize(("status_kind", "expected_kind"), [
    (lambda status: "token_exchange_failed", "token_exchange_failed"),  # the sign-in's
    (lambda status: "session_expired" if status < 500 else "network", "session_expired"),
])
def test_token_hook_keeps_xees_type_message_and_tip_apart(sandbox, status_kind,
                                                          expected_kind):
    answer = asyncio.run(_sandbox_token_answer(sandbox, {"grant_type": "refresh_token"}))
    assert answer.status_code == 400  # Xee's [{type, message, tip}] array
    with pytest.raises(SignInError) as caught:
        raise_for_token_response(status_kind)(answer)
    error = caught.value
    assert error.kind == expected_kind and error.status == 400
    assert error.to_dict() == {
        "kind": expected_kind, "status": 400, "type": "PARAMETERS_ERROR",
        "message": "Missing parameter",
        "tip": "Check you've set the grant_type and the refresh_token",
        "advice": ADVICE[expected_kind],
    }
    # For display (the wizard, the CLI's text) both still show.
    assert error.provider_message == ("Missing parameter — Check you've set the grant_type "
                                      "and the refresh_token")


def test_token_hook_on_the_403_object_and_on_a_body_that_is_no_error(sandbox):
    hook = raise_for_token_response(lambda status: "session_expired")
    answer = asyncio.run(_sandbox_token_answer(
        sandbox, {"grant_type": "refresh_token", "refresh_token": "not-a-refresh-token"}))
    with pytest.raises(SignInError) as caught:
        hook(answer)
    assert caught.value.to_dict()["message"] == "Invalid authentication"
    assert caught.value.type is None
    html = httpx2.Response(502, headers={"content-type": "text/html"},
                           content=b"<html><title>Bad Gateway</title></html>")
    with pytest.raises(SignInError) as caught:
        hook(html)
    assert caught.value.message == "HTTP 502 from the token endpoint"
    assert hook(httpx2.Response(200, json={"access_token": "a"})).status_code == 200


def test_authlibs_private_refresh_lock_is_still_there_to_share():
    # XeeSession.refresh() shares authlib's own lock (checked against authlib 1.9.9) so
    # an explicit refresh and authlib's refresh-ahead-of-expiry never spend one refresh
    # token twice. If authlib renames it, the session would silently fall back to a lock
    # of its own: fail here instead.
    async def scenario():
        session = XeeSession("http://127.0.0.1:9/xee/v3", "id", "secret",
                             SessionOnlyTokenStore("x"), AsyncOAuth2Client)
        try:
            return getattr(session.client, "_token_refresh_lock", None)
        finally:
            await session.aclose()

    lock = asyncio.run(scenario())
    assert lock is not None, "authlib no longer has AsyncOAuth2Client._token_refresh_lock"
    assert hasattr(lock, "__aenter__") and hasattr(lock, "__aexit__")


@pytest.mark.parametrize("kind", [*EXIT_CODES, "something_new"])
def test_the_wizard_and_the_batch_give_a_sign_in_error_one_category(kind):
    """flow.sign_in_error (the wizard's result page, the history of a failed sign-in)
    and as_provider_error (the batch, the CLI) read one mapping, SignInError's own."""
    from app.auth.wizard_sign_in import history_error
    from app.core import flow

    error = SignInError(kind)
    assert flow.sign_in_error(error)["category"] == error.as_provider_error().category \
        == history_error(error)["category"] == error.category


def test_a_sign_in_that_could_not_reach_xee_is_a_network_problem_not_an_auth_one():
    """Xee's token endpoint unreachable (a refresh while pairing, or the sign-in itself):
    nothing was refused, so the wizard does not call it a sign-in or key problem."""
    from app.auth.wizard_sign_in import history_error
    from app.core import flow

    unreachable = SignInError("network")
    data = flow.sign_in_error(unreachable)
    assert data["category"] == "network" and history_error(unreachable)["category"] == "network"
    assert flow.failure_title(data) == "Network problem: the request did not complete"
    assert CATEGORY_EXIT_CODES[data["category"]] == unreachable.exit_code
    expired = flow.sign_in_error(SignInError("session_expired"))
    assert expired["category"] == "auth" and flow.failure_title(expired) == (
        "Sign-in or key problem")


def test_describe_names_the_provider_signed_in_to():
    """#16b item 3b: "(<provider> said: …)" is the error's provider's title, not always
    Xee's; Xee's text is as it was."""
    from tests.core.test_providers import AcmeSignInSpec

    xee = SignInError("session_expired", provider_message="Invalid authentication")
    assert str(xee) == xee.describe() == (
        "The Xee sign-in has expired or was revoked. Sign in again. "
        "(Xee said: Invalid authentication)")
    providers.register(AcmeSignInSpec())
    try:
        acme = SignInError("denied", "Acme declined it.", provider_message="no thanks",
                           provider="acme")
    finally:
        providers.unregister("acme")
    assert str(acme) == "Acme declined it. (Acme said: no thanks)"
