"""XeeAPI against each documented variant of Xee (the sandbox's dialects), over real
loopback HTTP: the parameter error's two spellings, the device id and pin formats."""

from __future__ import annotations

import httpx2
import pytest

from app.core.errors import ProviderError
from app.core.xee import XeeAPI
from tests.core.helpers import xee_free_device

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def api(sandbox, client, root=None) -> XeeAPI:
    user_id = sandbox.fixtures()["xee"]["users"][0]["id"]
    token = sandbox.mint_xee_token(user_id)["access_token"]
    return XeeAPI(client, root or sandbox.xee_root, token)


async def failure(coro) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await coro
    return info.value


# --- 1. PARAMETER_ERROR / PARAMETERS_ERROR -------------------------------------------


@pytest.mark.parametrize("spelling", ["PARAMETER_ERROR", "PARAMETERS_ERROR"])
async def test_wrong_pin_is_pin_rejected_in_either_spelling_then_locked(sandbox, client,
                                                                        spelling):
    sandbox.set_xee_dialect(parameter_error_type=spelling)
    device = xee_free_device(sandbox.fixtures())
    wrong = "0000" if device["pin"] != "0000" else "1111"
    xee = api(sandbox, client)
    errors = [await failure(xee.associate(device["id"], wrong)) for _ in range(3)]
    assert [e.kind for e in errors] == ["xee.pin_rejected"] * 3
    assert {e.type for e in errors} == {spelling}          # Xee's type kept as sent
    assert all(e.tip == "Check the device id and the pin" for e in errors)
    assert all("3 failed attempts" in e.advice for e in errors)
    locked = await failure(xee.associate(device["id"], device["pin"]))
    assert locked.kind == "xee.box_locked"
async def test_plural_on_dissociate_is_the_documented_row(sandbox, client):
    sandbox.set_xee_dialect(parameter_error_type="PARAMETERS_ERROR")
    # A device id the sandbox refuses (lowercase) but a permissive format lets through.
    from app.core import validation

    validation.set_xee_formats(device_id_pattern=r"[a-z0-9]{10}")
    try:
        err = await failure(api(sandbox, client).dissociate("e133742015"))
    finally:
        validation.set_xee_formats()
    assert err.kind == "xee.dissociate_bad_device_id" and err.type == "PARAMETERS_ERROR"


# --- 2. the device id and pin formats, checked before sending -------------------------


@pytest.mark.parametrize(("device_id", "pin", "field"), [
    ("E13374201", None, "device_id"),      # 9 characters: a typo
    ("E1337420150", None, "device_id"),    # 11
    (None, "123", "pin"), (None, "12345", "pin"), (None, "12a4", "pin"),
])
async def test_a_typo_is_refused_before_sending_and_never_counts(sandbox, client, device_id,
                                                                  pin, field):
    from app.core.errors import InputError

    device = xee_free_device(sandbox.fixtures())
    xee = api(sandbox, client)
    for _ in range(4):  # more than the 3 failures that would lock the box
        with pytest.raises(InputError) as info:
            await xee.associate(device_id or device["id"], pin or device["pin"])
        assert info.value.field == field and "exactly" in info.value.advice
    after = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert after["failed_attempts"] == 0 and not after["locked"]
    await xee.associate(device["id"], device["pin"])  # the box still associates


async def test_override_formats_let_other_boxes_through_and_refuse_the_rest(sandbox,
                                                                          client):
    from app.core.errors import InputError
    from app.core.validation import set_xee_formats

    device = xee_free_device(sandbox.fixtures())
    xee = api(sandbox, client)
    set_xee_formats(device_id_pattern=r"E\d{9}", pin_pattern=r"\d{4,6}")
    try:
        with pytest.raises(InputError) as info:
            await xee.associate("X133742015", device["pin"])
        assert "xee/deviceIdPattern" in info.value.advice
        err = await failure(xee.associate(device["id"], "12345"))  # allowed, then refused
        assert err.kind == "xee.pin_rejected"
    finally:
        set_xee_formats()


@pytest.mark.parametrize("version", ["v3", "v4"])
async def test_an_overridden_format_associates_a_box_of_that_format(sandbox, client,
                                                                     version):
    """End to end: the sandbox's format dialects stand for another hardware generation
    (the fixture box XB7700000001, pin 770001); the client's override lets it through."""
    from app.core.errors import InputError
    from app.core.validation import set_xee_formats

    other = next(d for d in sandbox.fixtures()["xee"]["devices"] if len(d["id"]) != 10)
    sandbox.set_xee_dialect(device_id_pattern="[A-Z]{2}[0-9]{10}", pin_pattern="[0-9]{6}")
    xee = api(sandbox, client, root=f"{sandbox.url}/xee/{version}")
    with pytest.raises(InputError):   # the usual formats refuse it before sending
        await xee.associate(other["id"], other["pin"])
    set_xee_formats(device_id_pattern=r"[A-Z]{2}\d{10}", pin_pattern=r"\d{6}")
    try:
        await xee.associate(other["id"], other["pin"])
        owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
        assert owners[other["id"]] == sandbox.fixtures()["xee"]["users"][0]["id"]
        await xee.dissociate(other["id"])
        owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
        assert owners[other["id"]] is None
    finally:
        set_xee_formats()


def test_a_bad_override_is_a_sentence_and_changes_nothing():
    from app.core.errors import InputError
    from app.core.validation import set_xee_formats, xee_format_patterns

    set_xee_formats(pin_pattern=r"\d{6}")
    try:
        with pytest.raises(InputError) as info:
            set_xee_formats(device_id_pattern="[unclosed")
        assert "xee/deviceIdPattern" in info.value.advice and "regular expression" in (
            info.value.advice)
        assert xee_format_patterns() == {"device_id": None, "pin": r"\d{6}"}
    finally:
        set_xee_formats()


# --- 4. API v4 (POST users/me/vehicles, DELETE vehicles/{id}/device) -------------------


def v4(sandbox, client, **token_kw) -> XeeAPI:
    user_id = sandbox.fixtures()["xee"]["users"][0]["id"]
    token = sandbox.mint_xee_token(user_id, **token_kw)["access_token"]
    return XeeAPI(client, sandbox.url + "/xee/v4", token)


async def test_v4_associate_list_dissociate_and_me(sandbox, client):
    device = xee_free_device(sandbox.fixtures())
    xee = v4(sandbox, client)
    assert xee.api_version == "v4"
    await xee.associate(device["id"], device["pin"])
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert owner["user_id"] == sandbox.fixtures()["xee"]["users"][0]["id"]
    assert device["id"] in {v.device_id for v in await xee.vehicles()}
    await xee.dissociate(device["id"])
    freed = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert freed["user_id"] is None
    user = await xee.me()
    assert user.first_name and user.display_name != f"user {user.id}"


async def test_v4_errors_are_the_same_kinds_as_v3(sandbox, client):
    from app.core.errors import XeeTokenExpired

    device = xee_free_device(sandbox.fixtures())
    wrong = "0000" if device["pin"] != "0000" else "1111"
    xee = v4(sandbox, client)
    errors = [await failure(xee.associate(device["id"], wrong)) for _ in range(3)]
    assert [e.kind for e in errors] == ["xee.pin_rejected"] * 3
    assert errors[0].tip == "Check the device id and the pin"   # from error_details
    assert (await failure(xee.associate(device["id"], device["pin"]))).kind == (
        "xee.box_locked")
    other = xee_free_device(sandbox.fixtures())
    not_on = await failure(xee.dissociate(other["id"]))
    assert not_on.kind == "xee.not_on_a_vehicle" and "nothing to remove" in not_on.advice
    with pytest.raises(XeeTokenExpired):
        await v4(sandbox, client, expires_in=0).me()
    scope = await failure(v4(sandbox, client, scope="users_read").associate(other["id"],
                                                                           other["pin"]))
    assert scope.kind == "xee.scope_missing"


async def test_v4_roots_per_environment(sandbox):
    from app.core.environments import api_root

    assert api_root("xee", "production", api_version="v4") == "https://api.xee.com/v4"
    assert api_root("xee", "sandbox", api_version="v4") == "https://sandbox.xee.com/v4"
    assert api_root("xee", "demo", sandbox.url, api_version="v4") == sandbox.url + "/xee/v4"
    assert api_root("xee", "production") == "https://cloud.xee.com/v3"     # v3 default
    from app.core.errors import InputError

    with pytest.raises(InputError) as info:
        api_root("xee", "production", api_version="v5")
    assert "v3 (the default) or v4" in info.value.advice
