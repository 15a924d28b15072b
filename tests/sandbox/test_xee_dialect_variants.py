"""The sandbox's Xee dialects for the API variants: each answers as documented
(in-process through httpx2.ASGITransport)."""

from __future__ import annotations

import httpx2
import pytest

from app.sandbox.app import create_app

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _client(app) -> httpx2.AsyncClient:
    return httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app),
                              base_url="http://sandbox")


async def _auth(client: httpx2.AsyncClient, user_id: int = 1001) -> dict[str, str]:
    reply = await client.post("/_sandbox/xee/token", json={"user_id": user_id})
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


@pytest.mark.parametrize("spelling", ["PARAMETER_ERROR", "PARAMETERS_ERROR"])
async def test_device_routes_answer_the_dialects_spelling(spelling):
    async with _client(create_app(dialect={"xee": {"parameter_error_type": spelling}})) as c:
        auth = await _auth(c)
        bad_pin = await c.post("/xee/v3/devices/E133742015/associate?pin=9999", headers=auth)
        bad_id = await c.post("/xee/v3/devices/bad/dissociate", headers=auth)
    assert bad_pin.status_code == 400 and bad_id.status_code == 400
    assert bad_pin.json()[0]["type"] == spelling and bad_id.json()[0]["type"] == spelling


async def test_parameter_error_type_through_the_control_api():
    async with _client(create_app()) as c:
        shown = (await c.get("/_sandbox/dialect")).json()["xee"]["parameter_error_type"]
        assert shown == "PARAMETER_ERROR"
        bad = await c.post("/_sandbox/dialect", json={"xee": {"parameter_error_type": "OOPS"}})
        assert bad.status_code == 400 and "PARAMETERS_ERROR" in bad.json()["error"]
        ok = await c.post("/_sandbox/dialect",
                          json={"xee": {"parameter_error_type": "PARAMETERS_ERROR"}})
        assert ok.json()["xee"]["parameter_error_type"] == "PARAMETERS_ERROR"
        auth = await _auth(c)
        reply = await c.post("/xee/v3/devices/E133742015/associate?pin=9999", headers=auth)
    assert reply.json()[0]["type"] == "PARAMETERS_ERROR"


async def test_v4_routes_answer_v4_bodies_and_honour_open_sandbox():
    async with _client(create_app()) as c:
        missing = await c.get("/xee/v4/users/me")
        assert missing.status_code == 401 and missing.json()["error"] == "invalid_token"
        auth = await _auth(c)
        wrong = await c.post("/xee/v4/users/me/vehicles", headers=auth,
                             json={"deviceId": "E133742015", "devicePin": "9999"})
        assert wrong.status_code == 400 and wrong.json()["error_details"][0]["description"]
        made = await c.post("/xee/v4/users/me/vehicles", headers=auth,
                            json={"deviceId": "E133742015", "devicePin": "1234"})
        assert made.status_code == 201 and made.json()["device"]["id"] == "E133742015"
        listed = (await c.get("/xee/v4/users/me/vehicles", headers=auth)).json()
        assert made.json()["id"] in {v["id"] for v in listed}
        gone = await c.delete(f"/xee/v4/vehicles/{made.json()['id']}/device", headers=auth)
        assert gone.status_code == 204
        await c.post("/_sandbox/dialect", json={"xee": {"open_sandbox": True}})
        assert (await c.get("/xee/v4/users/me")).status_code == 200


async def test_v3_users_me_cars_lists_the_users_boxes_and_needs_cars_read():
    """xee-api-docs api/api/v3/users/me/cars.md: cars with `deviceId` (null without a box);
    403 AUTHORIZATION_ERROR without the cars_read scope."""
    async with _client(create_app()) as c:
        auth = await _auth(c, 1001)
        cars = (await c.get("/xee/v3/users/me/cars", headers=auth)).json()
        fixtures = (await c.get("/_sandbox/fixtures")).json()["xee"]["devices"]
        mine = {d["id"] for d in fixtures if d["user_id"] == 1001}
        assert {car["deviceId"] for car in cars} == mine | {None}
        assert all({"id", "name", "make", "numberPlate", "cardbId"} <= set(car) for car in cars)
        narrow = await c.post("/_sandbox/xee/token",
                              json={"user_id": 1001, "scope": "devices_management"})
        refused = await c.get("/xee/v3/users/me/cars", headers={
            "Authorization": f"Bearer {narrow.json()['access_token']}"})
    assert refused.status_code == 403
    assert refused.json()[0]["type"] == "AUTHORIZATION_ERROR"
    assert "cars_read" in refused.json()[0]["tip"]


OTHER_BOX, OTHER_PIN = "XB7700000001", "770001"   # the fixture box of another format
OTHER_FORMATS = {"device_id_pattern": "[A-Z]{2}[0-9]{10}", "pin_pattern": "[0-9]{6}"}


async def test_a_box_of_another_format_is_refused_by_default_and_pairs_with_the_dialect():
    async with _client(create_app()) as c:
        auth = await _auth(c)
        refused = await c.post(f"/xee/v3/devices/{OTHER_BOX}/associate?pin={OTHER_PIN}",
                               headers=auth)
        assert refused.status_code == 400 and refused.json()[0]["type"] == "PARAMETER_ERROR"
        refused4 = await c.post("/xee/v4/users/me/vehicles", headers=auth,
                                json={"deviceId": OTHER_BOX, "devicePin": OTHER_PIN})
        assert refused4.status_code == 400
        box = next(d for d in (await c.get("/_sandbox/fixtures")).json()["xee"]["devices"]
                   if d["id"] == OTHER_BOX)
        assert box["failed_attempts"] == 0   # a wrong format is no wrong pin

    async with _client(create_app(dialect={"xee": OTHER_FORMATS})) as c:
        auth = await _auth(c)
        # The dialect's formats replace the usual ones: a 10-character id is now refused.
        usual = await c.post("/xee/v3/devices/E133742015/associate?pin=1234", headers=auth)
        assert usual.status_code == 400
        made = await c.post(f"/xee/v3/devices/{OTHER_BOX}/associate?pin={OTHER_PIN}",
                            headers=auth)
        assert made.status_code == 204
        gone = await c.post(f"/xee/v3/devices/{OTHER_BOX}/dissociate", headers=auth)
        assert gone.status_code == 204
        made4 = await c.post("/xee/v4/users/me/vehicles", headers=auth,
                             json={"deviceId": OTHER_BOX, "devicePin": OTHER_PIN})
        assert made4.status_code == 201 and made4.json()["device"]["id"] == OTHER_BOX


async def test_format_dialects_are_checked_and_settable_at_run_time():
    async with _client(create_app()) as c:
        shown = (await c.get("/_sandbox/dialect")).json()["xee"]
        assert shown["device_id_pattern"] is None and shown["pin_pattern"] is None
        bad = await c.post("/_sandbox/dialect", json={"xee": {"pin_pattern": "[0-9"}})
        assert bad.status_code == 400 and "regular expression" in bad.json()["error"]
        bad = await c.post("/_sandbox/dialect", json={"xee": {"device_id_pattern": 10}})
        assert bad.status_code == 400
        ok = await c.post("/_sandbox/dialect", json={"xee": OTHER_FORMATS})
        assert ok.status_code == 200 and ok.json()["xee"]["pin_pattern"] == "[0-9]{6}"
        auth = await _auth(c)
        made = await c.post(f"/xee/v3/devices/{OTHER_BOX}/associate?pin={OTHER_PIN}",
                            headers=auth)
        assert made.status_code == 204
    with pytest.raises(ValueError):
        create_app(dialect={"xee": {"device_id_pattern": "(unclosed"}})
