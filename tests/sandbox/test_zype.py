"""Zype device linking and consumers against the seed page and api-notes.md."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

PIN = re.compile(r"z[a-z]{3}[0-9]{3}")
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d")
DEVICE_PIN_FIELDS = {"_id", "consumer_id", "created_at", "deleted_at", "device_id",
                     "linked_device_id", "pin", "pin_expiration", "site_id", "updated_at",
                     "linked", "subscription_count"}


def keys(sandbox) -> dict[str, str]:
    return {k["type"]: k["key"] for k in sandbox.fixtures()["zype"]["api_keys"]}


def consumer_id(sandbox, email: str) -> str:
    return next(c["_id"] for c in sandbox.fixtures()["zype"]["consumers"] if c["email"] == email)


def fixture_pin(sandbox, expired: bool, linked: bool) -> dict:
    return next(p for p in sandbox.fixtures()["zype"]["pins"]
                if p["expired"] == expired and (p["consumer_id"] is not None) == linked)


def check_device_pin(pin: dict) -> None:
    assert set(pin) == DEVICE_PIN_FIELDS
    assert PIN.fullmatch(pin["pin"])
    for field in ("created_at", "updated_at", "pin_expiration"):
        assert TIMESTAMP.fullmatch(pin[field]), pin[field]
    created = datetime.fromisoformat(pin["created_at"])
    assert datetime.fromisoformat(pin["pin_expiration"]) - created == timedelta(minutes=30)
    assert isinstance(pin["linked"], bool)


def test_acquire_status_link_unlink_flow(client, sandbox):
    admin = keys(sandbox)["admin"]
    acquired = client.post(f"{sandbox.zype_root}/pin/acquire",
                           params={"api_key": admin, "linked_device_id": "tv-1"})
    assert acquired.status_code == 200
    pin = acquired.json()["response"]
    check_device_pin(pin)
    assert (pin["linked"], pin["consumer_id"], pin["linked_device_id"]) == (False, None, "tv-1")

    status = client.get(f"{sandbox.zype_root}/pin/status",
                        params={"api_key": admin, "linked_device_id": "tv-1"})
    assert (status.status_code, status.json()["response"]["pin"]) == (200, pin["pin"])

    alice = consumer_id(sandbox, "alice@example.com")
    linked = client.put(f"{sandbox.zype_root}/pin/link",
                        params={"api_key": admin, "consumer_id": alice, "pin": pin["pin"]})
    assert linked.status_code == 200
    body = linked.json()["response"]
    check_device_pin(body)
    assert (body["linked"], body["consumer_id"], body["pin"]) == (True, alice, pin["pin"])
    status = client.get(f"{sandbox.zype_root}/pin/status",
                        params={"api_key": admin, "linked_device_id": "tv-1"})
    assert status.json()["response"]["linked"] is True

    unlinked = client.put(f"{sandbox.zype_root}/pin/unlink",
                          params={"api_key": admin, "consumer_id": alice, "pin": pin["pin"]})
    assert unlinked.status_code == 200
    assert unlinked.json()["response"]["_id"] == alice
    assert unlinked.json()["response"]["email"] == "alice@example.com"
    fixtures_pin = next(p for p in sandbox.fixtures()["zype"]["pins"] if p["pin"] == pin["pin"])
    assert fixtures_pin["consumer_id"] is None


def test_link_unknown_pin_is_404(client, sandbox):
    response = client.put(f"{sandbox.zype_root}/pin/link", params={
        "api_key": keys(sandbox)["admin"], "pin": "zzzz000",
        "consumer_id": consumer_id(sandbox, "alice@example.com")})
    assert (response.status_code, response.json()) == (404, {"message": "Device Pin not found"})


def test_link_expired_fixture_pin_is_404(client, sandbox):
    expired = fixture_pin(sandbox, expired=True, linked=False)
    response = client.put(f"{sandbox.zype_root}/pin/link", params={
        "api_key": keys(sandbox)["admin"], "pin": expired["pin"],
        "consumer_id": consumer_id(sandbox, "alice@example.com")})
    assert (response.status_code, response.json()) == (404, {"message": "Device Pin not found"})


def test_pin_expires_after_30_minutes_on_the_emulator_clock(client, sandbox):
    admin = keys(sandbox)["admin"]
    pin = client.post(f"{sandbox.zype_root}/pin/acquire",
                      params={"api_key": admin, "linked_device_id": "tv-2"}).json()["response"]
    params = {"api_key": admin, "pin": pin["pin"],
              "consumer_id": consumer_id(sandbox, "bob@example.com")}
    sandbox.advance_clock(29 * 60)
    assert client.put(f"{sandbox.zype_root}/pin/link", params=params).status_code == 200
    sandbox.advance_clock(61)
    late = client.put(f"{sandbox.zype_root}/pin/link", params=params)
    assert (late.status_code, late.json()) == (404, {"message": "Device Pin not found"})
    assert next(p for p in sandbox.fixtures()["zype"]["pins"]
                if p["pin"] == pin["pin"])["expired"] is True


def test_status_of_device_without_pin_is_404(client, sandbox):
    response = client.get(f"{sandbox.zype_root}/pin/status", params={
        "api_key": keys(sandbox)["read_only"], "linked_device_id": "never-seen"})
    assert response.status_code == 404
    assert response.json() == {"message": "Pin does not exist for that device"}


def test_acquire_replaces_the_devices_previous_pin(client, sandbox):
    admin = keys(sandbox)["admin"]
    fresh = fixture_pin(sandbox, expired=False, linked=False)
    new = client.post(f"{sandbox.zype_root}/pin/acquire", params={
        "api_key": admin, "linked_device_id": fresh["linked_device_id"]}).json()["response"]
    assert new["pin"] != fresh["pin"]
    pins = {p["pin"] for p in sandbox.fixtures()["zype"]["pins"]}
    assert new["pin"] in pins and fresh["pin"] not in pins


def test_link_unknown_consumer_is_404_and_malformed_is_422(client, sandbox):
    fresh = fixture_pin(sandbox, expired=False, linked=False)
    params = {"api_key": keys(sandbox)["admin"], "pin": fresh["pin"]}
    unknown = client.put(f"{sandbox.zype_root}/pin/link",
                         params={**params, "consumer_id": "0" * 24})
    assert (unknown.status_code, unknown.json()) == (404, {"message": "Consumer not found"})
    malformed = client.put(f"{sandbox.zype_root}/pin/link",
                           params={**params, "consumer_id": "alice@example.com"})
    assert malformed.status_code == 422
    assert "consumer_id" in malformed.json()["message"]


@pytest.mark.parametrize(("method", "path", "params"), [
    ("PUT", "/pin/link", {"pin": "zabc123"}),
    ("PUT", "/pin/link", {"consumer_id": "5f1a2b3c4d5e6f7a8b9c0d01"}),
    ("PUT", "/pin/unlink", {"pin": "zabc123"}),
    ("POST", "/pin/acquire", {}),
    ("GET", "/pin/status", {}),
])
def test_missing_parameter_is_422(client, sandbox, method, path, params):
    response = client.request(method, sandbox.zype_root + path,
                              params={"api_key": keys(sandbox)["admin"], **params})
    assert response.status_code == 422
    assert isinstance(response.json()["message"], str) and response.json()["message"]


@pytest.mark.parametrize(("method", "path"), [
    ("PUT", "/pin/link"), ("PUT", "/pin/unlink"), ("POST", "/pin/acquire"),
    ("GET", "/pin/status"), ("GET", "/consumers"),
])
@pytest.mark.parametrize("api_key", [None, "not-a-key"])
def test_missing_or_invalid_key_is_401(client, sandbox, method, path, api_key):
    params = {"api_key": api_key} if api_key else {}
    response = client.request(method, sandbox.zype_root + path, params=params)
    assert response.status_code == 401
    assert isinstance(response.json()["message"], str)


@pytest.mark.parametrize(("method", "path"), [
    ("PUT", "/pin/link"), ("PUT", "/pin/unlink"), ("POST", "/pin/acquire"),
])
def test_read_only_key_cannot_write(client, sandbox, method, path):
    fresh = fixture_pin(sandbox, expired=False, linked=False)
    response = client.request(method, sandbox.zype_root + path, params={
        "api_key": keys(sandbox)["read_only"], "pin": fresh["pin"],
        "linked_device_id": "tv-9", "consumer_id": consumer_id(sandbox, "alice@example.com")})
    assert response.status_code == 403
    assert isinstance(response.json()["message"], str)
    assert fixture_pin(sandbox, expired=False, linked=False) == fresh


def test_unlink_pin_of_another_consumer_is_refused(client, sandbox):
    linked = fixture_pin(sandbox, expired=False, linked=True)
    alice = consumer_id(sandbox, "alice@example.com")
    assert linked["consumer_id"] != alice
    response = client.put(f"{sandbox.zype_root}/pin/unlink", params={
        "api_key": keys(sandbox)["admin"], "pin": linked["pin"], "consumer_id": alice})
    assert response.status_code == 422
    assert next(p for p in sandbox.fixtures()["zype"]["pins"]
                if p["pin"] == linked["pin"])["consumer_id"] == linked["consumer_id"]


def test_consumers_by_email_with_pagination(client, sandbox):
    response = client.get(f"{sandbox.zype_root}/consumers", params={
        "api_key": keys(sandbox)["read_only"], "email": "Bob@Example.com"})
    assert response.status_code == 200
    body = response.json()
    assert [c["email"] for c in body["response"]] == ["bob@example.com"]
    assert body["response"][0]["_id"] == consumer_id(sandbox, "bob@example.com")
    assert set(body["pagination"]) == {"current", "previous", "next", "per_page", "pages"}
    assert (body["pagination"]["current"], body["pagination"]["pages"]) == (1, 1)
    none = client.get(f"{sandbox.zype_root}/consumers", params={
        "api_key": keys(sandbox)["admin"], "email": "nobody@example.com"}).json()
    assert none["response"] == []
    everyone = sandbox.fixtures()["zype"]["consumers"]
    page = client.get(f"{sandbox.zype_root}/consumers", params={
        "api_key": keys(sandbox)["admin"], "per_page": 2, "page": 1}).json()
    assert [c["_id"] for c in page["response"]] == [c["_id"] for c in everyone[:2]]
    assert page["pagination"]["next"] == 2 and page["pagination"]["previous"] is None


def test_bad_pagination_is_422(client, sandbox):
    response = client.get(f"{sandbox.zype_root}/consumers", params={
        "api_key": keys(sandbox)["admin"], "per_page": "lots"})
    assert response.status_code == 422
