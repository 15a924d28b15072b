"""XeeAPI against the sandbox over real loopback HTTP: successes and every documented row."""

from __future__ import annotations

import httpx2
import pytest

from app.core.errors import InputError, ProviderError, XeeTokenExpired
from app.core.xee import XeeAPI, XeeUser
from tests.core.helpers import xee_free_device

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def api(sandbox, client, user_id=None, scope="devices_management users_read", **token_kw):
    fx = sandbox.fixtures()
    user_id = fx["xee"]["users"][0]["id"] if user_id is None else user_id
    token = sandbox.mint_xee_token(user_id, scope, **token_kw)["access_token"]
    return XeeAPI(client, sandbox.xee_root, token)


async def failure(coro) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await coro
    return info.value


def owned_by_other(fx: dict, user_id) -> dict:
    return next(d for d in fx["xee"]["devices"] if d["user_id"] not in (None, user_id))


async def test_associate_then_dissociate(sandbox, client):
    fx = sandbox.fixtures()
    device = xee_free_device(fx)
    xee = api(sandbox, client)
    assert await xee.associate(f"  {device['id']} ", device["pin"]) is None
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert owner["user_id"] == fx["xee"]["users"][0]["id"]
    assert await xee.dissociate(device["id"]) is None
    freed = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert freed["user_id"] is None


async def test_me(sandbox, client):
    user = await api(sandbox, client).me()
    assert isinstance(user, XeeUser)
    assert user.id == sandbox.fixtures()["xee"]["users"][0]["id"]
    assert user.display_name and user.display_name != f"user {user.id}"


async def test_400_pin_rejected_for_values_we_accept_but_xee_refuses(sandbox, client):
    device = xee_free_device(sandbox.fixtures())
    xee = api(sandbox, client)
    wrong_pin = "9" * len(device["pin"]) if device["pin"] != "9" * len(device["pin"]) else "1"
    from app.core.validation import set_xee_formats

    set_xee_formats(r"[A-Za-z0-9_-]+", r"[A-Za-z0-9]+")  # formats we would refuse first
    try:
        errors = [await failure(xee.associate(device_id, pin)) for device_id, pin in (
            (device["id"].lower() + "-x", device["pin"]), (device["id"], "ABCDEFGH"),
            (device["id"], wrong_pin))]
    finally:
        set_xee_formats()
    for err in errors:
        assert err.kind == "xee.pin_rejected" and err.status == 400
        assert err.type == "PARAMETER_ERROR" and err.tip == "Check the device id and the pin"
        assert err.category == "refused" and not err.may_have_reached_server
        assert err.endpoint.startswith("POST /devices/") and "?" not in err.endpoint


async def test_three_failures_lock_the_box(sandbox, client):
    device = xee_free_device(sandbox.fixtures())
    xee = api(sandbox, client)
    wrong = "0000" if device["pin"] != "0000" else "1111"
    kinds = [(await failure(xee.associate(device["id"], wrong))).kind for _ in range(3)]
    assert kinds == ["xee.pin_rejected"] * 3
    err = await failure(xee.associate(device["id"], device["pin"]))
    assert err.kind == "xee.box_locked" and err.message == (
        "The box association already failed 3 times")
    assert "Xee support" in err.advice


async def test_locked_fixture_device(sandbox, client):
    locked = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["locked"])
    err = await failure(api(sandbox, client).associate(locked["id"], locked["pin"]))
    assert err.kind == "xee.box_locked"


async def test_403_scope_missing_on_associate(sandbox, client):
    device = xee_free_device(sandbox.fixtures())
    err = await failure(api(sandbox, client, scope="users_read").associate(device["id"],
                                                                          device["pin"]))
    assert err.kind == "xee.associate_scope_missing" and err.category == "auth"
    assert "devices_management" in err.tip and "devices_management" in err.advice


async def test_403_scope_missing_on_me(sandbox, client):
    err = await failure(api(sandbox, client, scope="devices_management").me())
    assert err.kind == "xee.scope_missing" and err.status == 403


async def test_403_token_cannot_access_this_user(sandbox, client):
    fx = sandbox.fixtures()
    disabled = next((u for u in fx["xee"]["users"] if u.get("disabled")), None)
    assert disabled is not None, "the sandbox fixtures must hold a disabled user"
    device = xee_free_device(fx)
    err = await failure(api(sandbox, client, disabled["id"]).associate(device["id"],
                                                                      device["pin"]))
    assert err.kind == "xee.user_not_accessible" and err.category == "auth"


async def test_403_token_cannot_access_this_user_on_every_route(sandbox, client):
    # Documented on associate only, but Xee sends it on dissociate (another user's box)
    # and /users/me (a disabled account) too: it must be the same documented row.
    fx = sandbox.fixtures()
    user_id = fx["xee"]["users"][0]["id"]
    others_box = owned_by_other(fx, user_id)
    errors = [await failure(api(sandbox, client, user_id).dissociate(others_box["id"]))]
    disabled = next((u for u in fx["xee"]["users"] if u.get("disabled")), None)
    if disabled is not None:
        errors.append(await failure(api(sandbox, client, disabled["id"]).me()))
        errors.append(await failure(api(sandbox, client, disabled["id"])
                                    .dissociate(others_box["id"])))
    for err in errors:
        assert err.kind == "xee.user_not_accessible", err.kind
        assert err.category == "auth" and err.exit_code == 3 and err.status == 403
        assert err.message == "Token can't access this user"
        assert err.tip  # Xee's own tip travels with it
    # Nothing was dissociated.
    after = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == others_box["id"])
    assert after["user_id"] == others_box["user_id"]


async def test_404_device_or_user_not_found(sandbox, client):
    fx = sandbox.fixtures()
    known = {d["id"] for d in fx["xee"]["devices"]}
    unknown = next(f"Z{n:09d}" for n in range(1000) if f"Z{n:09d}" not in known)
    err = await failure(api(sandbox, client).associate(unknown, "1234"))
    assert err.kind == "xee.device_not_found" and err.type == "NOT_FOUND"
    ghost_user = max(u["id"] for u in fx["xee"]["users"]) + 1000
    device = xee_free_device(fx)
    err = await failure(api(sandbox, client, ghost_user).associate(device["id"], device["pin"]))
    assert err.kind == "xee.device_not_found"


async def test_409_already_associated_to_another_user(sandbox, client):
    fx = sandbox.fixtures()
    me = fx["xee"]["users"][0]["id"]
    taken = owned_by_other(fx, me)
    err = await failure(api(sandbox, client, me).associate(taken["id"], taken["pin"]))
    assert err.kind == "xee.device_taken" and err.status == 409 and err.type == "CONFLICT"


async def test_dissociate_rows(sandbox, client):
    fx = sandbox.fixtures()
    xee = api(sandbox, client)
    from app.core.validation import set_xee_formats

    set_xee_formats(r"[A-Za-z0-9_-]+")  # a format we would refuse before sending
    try:
        err = await failure(xee.dissociate("bad-format-id"))
    finally:
        set_xee_formats()
    assert err.kind == "xee.dissociate_bad_device_id" and err.tip == "Check the device id"
    known = {d["id"] for d in fx["xee"]["devices"]}
    unknown = next(f"Z{n:09d}" for n in range(1000) if f"Z{n:09d}" not in known)
    assert (await failure(xee.dissociate(unknown))).kind == "xee.dissociate_not_found"
    free = xee_free_device(fx)
    assert (await failure(xee.dissociate(free["id"]))).kind == "xee.not_associated"


async def test_auth_rows(sandbox, client):
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]["id"]
    device = xee_free_device(fx)
    missing = await failure(XeeAPI(client, sandbox.xee_root).associate(device["id"],
                                                                        device["pin"]))
    assert missing.kind == "xee.auth_missing" and missing.status == 401
    async with httpx2.AsyncClient(headers={"Authorization": "Token abc"}) as odd:
        malformed = await failure(XeeAPI(odd, sandbox.xee_root).me())
    assert malformed.kind == "xee.auth_malformed"
    invalid = await failure(XeeAPI(client, sandbox.xee_root, "f" * 64).me())
    assert invalid.kind == "xee.token_invalid" and invalid.category == "auth"
    expired = await failure(_expired(sandbox, client))
    assert isinstance(expired, XeeTokenExpired) and expired.kind == "xee.token_expired"
    token = sandbox.mint_xee_token(user)["access_token"]
    httpx2.post(f"{sandbox.url}/_sandbox/xee/revoke",
                json={"access_token": token}).raise_for_status()
    revoked = await failure(XeeAPI(client, sandbox.xee_root, token).me())
    assert revoked.kind == "xee.token_revoked" and revoked.tip


async def _expired(sandbox, client):
    xee = api(sandbox, client, expires_in=60)
    await xee.me()  # valid now
    sandbox.advance_clock(120)
    await xee.me()


async def test_input_errors_send_nothing(sandbox, client):
    device = xee_free_device(sandbox.fixtures())
    sandbox.set_faults(fault="500", rate=1.0, provider="xee")  # anything sent would fail
    xee = api(sandbox, client)
    with pytest.raises(InputError) as info:
        await xee.associate("E13/../x", device["pin"])
    assert info.value.field == "device_id"
    with pytest.raises(InputError):
        await xee.associate(device["id"], "")
    with pytest.raises(InputError):
        XeeAPI(client, sandbox.xee_root, "bad token")
