"""Xee v3 device and user routes against the seed page and api-notes.md."""

from __future__ import annotations

import httpx2
import pytest

from tests.sandbox.conftest import xee_error

FREE_DEVICE, FREE_PIN = "E133742015", "1234"
ALICE, BOB, CAROL = 1001, 1002, 1003

BAD_PARAMETER = xee_error("PARAMETER_ERROR", "", "Check the device id and the pin")
LOCKED = xee_error("AUTHORIZATION_ERROR", "The box association already failed 3 times", "")


def bearer(token: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {token['access_token']}"}


def associate(client, sandbox, device_id, pin, headers) -> httpx2.Response:
    return client.post(f"{sandbox.xee_root}/devices/{device_id}/associate",
                       params={"pin": pin}, headers=headers)


@pytest.fixture
def alice(sandbox) -> dict[str, str]:
    return bearer(sandbox.mint_xee_token(ALICE))


def device(sandbox, device_id: str) -> dict:
    return next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device_id)


def test_associate_success_is_204_and_changes_owner(client, sandbox, alice):
    assert device(sandbox, FREE_DEVICE)["user_id"] is None
    response = associate(client, sandbox, FREE_DEVICE, FREE_PIN, alice)
    assert response.status_code == 204
    assert response.content == b""
    assert device(sandbox, FREE_DEVICE)["user_id"] == ALICE


def test_reassociate_to_same_user_is_204(client, sandbox, alice):
    assert associate(client, sandbox, FREE_DEVICE, FREE_PIN, alice).status_code == 204
    assert associate(client, sandbox, FREE_DEVICE, FREE_PIN, alice).status_code == 204


@pytest.mark.parametrize(("device_id", "pin"), [
    ("E13374201", "1234"),      # 9 characters
    ("E1337420150", "1234"),    # 11 characters
    ("e133742015", "1234"),     # lowercase
    ("E13374201-", "1234"),     # punctuation
    ("E133742015", "123"),      # pin too short
    ("E133742015", "12345"),    # pin too long
    ("E133742015", "12a4"),     # pin not digits
    ("E133742015", ""),         # pin empty
    ("E133742015", "9999"),     # wrong pin
])
def test_associate_bad_format_or_wrong_pin_is_400(client, sandbox, alice, device_id, pin):
    response = associate(client, sandbox, device_id, pin, alice)
    assert response.status_code == 400
    assert response.json() == BAD_PARAMETER


def test_associate_without_pin_is_400(client, sandbox, alice):
    response = client.post(f"{sandbox.xee_root}/devices/{FREE_DEVICE}/associate", headers=alice)
    assert response.status_code == 400
    assert response.json() == BAD_PARAMETER


def test_unknown_device_is_404(client, sandbox, alice):
    response = associate(client, sandbox, "E999999999", "1234", alice)
    assert response.status_code == 404
    assert response.json() == xee_error(
        "NOT_FOUND", "Device or user not found",
        "Please check that the device exists, looks like it does not")


def test_token_of_unknown_user_is_404(client, sandbox):
    ghost = bearer(sandbox.mint_xee_token(4242))
    response = associate(client, sandbox, FREE_DEVICE, FREE_PIN, ghost)
    assert response.status_code == 404
    assert response.json()[0]["message"] == "Device or user not found"


def test_device_of_another_user_is_409(client, sandbox, alice):
    assert device(sandbox, "E133742030")["user_id"] == BOB
    response = associate(client, sandbox, "E133742030", "3030", alice)
    assert response.status_code == 409
    assert response.json() == xee_error("CONFLICT", "Device already associated to another user", "")
    assert device(sandbox, "E133742030")["user_id"] == BOB


def test_token_of_disabled_user_cannot_access_user(client, sandbox):
    carol = bearer(sandbox.mint_xee_token(CAROL))
    expected = xee_error("AUTHORIZATION_ERROR", "Token can't access this user",
                         "Make sure the user is accessible with this token")
    response = associate(client, sandbox, FREE_DEVICE, FREE_PIN, carol)
    assert response.status_code == 403
    assert response.json() == expected
    me = client.get(f"{sandbox.xee_root}/users/me", headers=carol)
    assert (me.status_code, me.json()) == (403, expected)


def test_lockout_after_three_wrong_pins_even_with_the_right_pin(client, sandbox, alice):
    for _ in range(3):
        response = associate(client, sandbox, FREE_DEVICE, "0000", alice)
        assert (response.status_code, response.json()) == (400, BAD_PARAMETER)
    assert device(sandbox, FREE_DEVICE)["locked"] is True
    response = associate(client, sandbox, FREE_DEVICE, FREE_PIN, alice)
    assert response.status_code == 403
    assert response.json() == LOCKED
    # per device: another device still accepts its pin
    assert associate(client, sandbox, "E133742016", "4321", alice).status_code == 204
    # and the emulator's reset clears the lock (and every token)
    sandbox.reset()
    assert associate(client, sandbox, FREE_DEVICE, FREE_PIN, alice).status_code == 401
    fresh = bearer(sandbox.mint_xee_token(ALICE))
    assert associate(client, sandbox, FREE_DEVICE, FREE_PIN, fresh).status_code == 204


def test_two_wrong_pins_then_right_pin_succeeds_and_clears_count(client, sandbox, alice):
    for _ in range(2):
        assert associate(client, sandbox, FREE_DEVICE, "0000", alice).status_code == 400
    assert associate(client, sandbox, FREE_DEVICE, FREE_PIN, alice).status_code == 204
    assert device(sandbox, FREE_DEVICE)["locked"] is False


def test_fixture_locked_device_is_403(client, sandbox, alice):
    locked = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["locked"])
    response = associate(client, sandbox, locked["id"], locked["pin"], alice)
    assert (response.status_code, response.json()) == (403, LOCKED)


# --- authentication rows (api-notes.md), on every resource route ----------------------

ROUTES = [
    ("POST", "/devices/E133742015/associate?pin=1234", "devices_management"),
    ("POST", "/devices/E133742020/dissociate", "devices_management"),
    ("GET", "/users/me", "users_read"),
]
ADD_HEADER = "Add the Authorization header with a valid access_token"


@pytest.mark.parametrize(("method", "path", "scope"), ROUTES)
@pytest.mark.parametrize(("authorization", "message", "tip"), [
    (None, "Authorization is missing", ADD_HEADER),
    ("Basic dXNlcjpwYXNz", "Authorization is malformed", ADD_HEADER),
    ("Bearer", "Authorization is malformed", ADD_HEADER),
    ("Bearer " + "0" * 64, "Invalid token",
     "Try to refresh access_token or ask the user to sign-in again"),
])
def test_authentication_errors_are_401(client, sandbox, method, path, scope,
                                       authorization, message, tip):
    headers = {"Authorization": authorization} if authorization else {}
    response = client.request(method, sandbox.xee_root + path, headers=headers)
    assert response.status_code == 401
    assert response.json() == xee_error("AUTHENTICATION_ERROR", message, tip)


@pytest.mark.parametrize(("method", "path", "scope"), ROUTES)
def test_expired_token_is_403_not_401(client, sandbox, method, path, scope):
    token = sandbox.mint_xee_token(ALICE, expires_in=60)
    assert client.request(method, sandbox.xee_root + path,
                          headers=bearer(token)).status_code != 403
    sandbox.advance_clock(61)
    response = client.request(method, sandbox.xee_root + path, headers=bearer(token))
    assert response.status_code == 403
    assert response.json() == xee_error("AUTHORIZATION_ERROR", "Token has expired",
                                        "Refresh the access token and then retry")


@pytest.mark.parametrize(("method", "path", "scope"), ROUTES)
def test_revoked_token_is_403(client, sandbox, method, path, scope):
    token = sandbox.mint_xee_token(ALICE)
    revoke = client.post(f"{sandbox.url}/_sandbox/xee/revoke",
                         json={"access_token": token["access_token"]})
    assert revoke.status_code == 200
    response = client.request(method, sandbox.xee_root + path, headers=bearer(token))
    assert response.status_code == 403
    assert response.json() == xee_error("AUTHORIZATION_ERROR", "Token has been revoked",
                                        "Create a new access token and then retry")


@pytest.mark.parametrize(("method", "path", "scope"), ROUTES)
def test_missing_scope_is_403_naming_the_scope(client, sandbox, method, path, scope):
    other = "users_read" if scope == "devices_management" else "devices_management"
    token = sandbox.mint_xee_token(ALICE, scope=other)
    response = client.request(method, sandbox.xee_root + path, headers=bearer(token))
    assert response.status_code == 403
    assert response.json() == xee_error(
        "AUTHORIZATION_ERROR", "Token does not have the required scope",
        f"Add the {scope} scope to your app scopes and reconnect the user")


# --- dissociate (api-notes.md) and users/me -------------------------------------------


def dissociate(client, sandbox, device_id, headers) -> httpx2.Response:
    return client.post(f"{sandbox.xee_root}/devices/{device_id}/dissociate", headers=headers)


def test_dissociate_own_device_is_204(client, sandbox, alice):
    response = dissociate(client, sandbox, "E133742020", alice)
    assert (response.status_code, response.content) == (204, b"")
    assert device(sandbox, "E133742020")["user_id"] is None


def test_dissociate_rows(client, sandbox, alice):
    bad = dissociate(client, sandbox, "E1337", alice)
    assert (bad.status_code, bad.json()) == (
        400, xee_error("PARAMETER_ERROR", "", "Check the device id"))
    missing = dissociate(client, sandbox, "E999999999", alice)
    assert (missing.status_code, missing.json()) == (
        404, xee_error("NOT_FOUND", "Device or car not found",
                       "Please check that the device exists, looks like it does not"))
    free = dissociate(client, sandbox, FREE_DEVICE, alice)
    assert (free.status_code, free.json()) == (
        409, xee_error("CONFLICT", "The box is not already associated to a user", ""))
    bobs = dissociate(client, sandbox, "E133742030", alice)
    assert bobs.status_code == 403
    assert bobs.json()[0]["message"] == "Token can't access this user"
    assert device(sandbox, "E133742030")["user_id"] == BOB


def test_users_me_fields(client, sandbox):
    token = sandbox.mint_xee_token(ALICE, scope="users_read")
    response = client.get(f"{sandbox.xee_root}/users/me", headers=bearer(token))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"id", "firstName", "lastName", "nickName", "gender", "birthDate",
                         "licenceDeliveryDate", "role", "isLocationEnabled", "creationDate",
                         "lastUpdateDate"}
    assert body["id"] == ALICE
    assert body["firstName"] == "Alice"
