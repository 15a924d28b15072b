"""RUFUS Cloud v0 against the seed page and api-notes.md."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

SEED_KEY = "ror-ae4fc6c19681a20fad30"  # the seed's curl example: a WRITE key
DEVICEID = re.compile(r"[0-9A-F]{64}")


def key_with(sandbox, access: str, unbind: bool = False) -> str:
    return next(k["key"] for k in sandbox.fixtures()["rufus"]["api_keys"]
                if k["access"] == access and k["unbind"] == unbind)


def bind(client, sandbox, body, key=SEED_KEY, header="api_key"):
    return client.post(f"{sandbox.rufus_root}/devices", headers={header: key}, json=body)


def test_seed_curl_example_binds_a_device(sandbox):
    command = [
        "curl", "-s", "-w", "\\n%{http_code}", "-X", "POST",
        "-H", "Content-Type: application/json",
        "-H", f"api_key: {SEED_KEY}",
        "-d", '{"model": "Model X1", "serial_number":"DEVICE-123"}',
        f"{sandbox.rufus_root}/devices",
    ]
    if shutil.which("curl"):
        output = subprocess.run(command, capture_output=True, text=True, timeout=10,
                                check=True).stdout
        body_text, status = output.rsplit("\n", 1)
    else:  # same request through httpx2
        import httpx2

        response = httpx2.post(command[-1], headers={"api_key": SEED_KEY},
                               json={"model": "Model X1", "serial_number": "DEVICE-123"})
        body_text, status = response.text, str(response.status_code)
    assert status == "201"
    body = json.loads(body_text)
    assert set(body) == {"description", "deviceid"}
    assert body["description"] == "Device binded succesfully"
    assert DEVICEID.fullmatch(body["deviceid"])
    devices = sandbox.fixtures()["rufus"]["devices"]
    # Fixtures also show device_status and battery_percentage (issue 13).
    assert {"deviceid": body["deviceid"], "serial_number": "DEVICE-123",
            "model": "Model X1"} in [{k: d[k] for k in ("deviceid", "serial_number", "model")}
                                     for d in devices]


def test_bind_then_get_returns_every_documented_field(client, sandbox):
    created = bind(client, sandbox, {"model": "Model X2", "serial_number": "SN-42",
                                     "alias": "Gate 3", "firmware": "2.1.0"})
    assert created.status_code == 201
    deviceid = created.json()["deviceid"]
    key = key_with(sandbox, "READ")
    response = client.get(f"{sandbox.rufus_root}/devices/{deviceid}", headers={"api_key": key})
    assert response.status_code == 200
    body = response.json()
    assert body["description"] == "Success"
    result = body["result"]
    assert set(result) == {"deviceid", "type", "model", "alias", "firmware", "serial_number",
                           "creation_date", "sessions", "passings", "last_seen"}
    assert (result["deviceid"], result["model"], result["alias"], result["firmware"],
            result["serial_number"]) == (deviceid, "Model X2", "Gate 3", "2.1.0", "SN-42")


def test_x_api_key_header_is_accepted(client, sandbox):
    response = bind(client, sandbox, {"model": "M", "serial_number": "SN-X"},
                    header="x-api-key")
    assert response.status_code == 201


@pytest.mark.parametrize(("body", "field"), [
    ({"serial_number": "SN-1"}, "model"),
    ({"model": "Model X1"}, "serial_number"),
    ({"model": "Model X1", "serial_number": None}, "serial_number"),
    ({"model": "", "serial_number": "SN-1"}, "model"),
    ({"model": "Model X1", "serial_number": 123}, "serial_number"),
    ({"model": "Model X1", "serial_number": "SN-1", "alias": 5}, "alias"),
])
def test_bind_missing_or_bad_field_is_400(client, sandbox, body, field):
    before = len(sandbox.fixtures()["rufus"]["devices"])
    response = bind(client, sandbox, body)
    assert response.status_code == 400
    assert field in response.json()["description"]
    assert len(sandbox.fixtures()["rufus"]["devices"]) == before


@pytest.mark.parametrize("raw", [b"", b"{not json", b"[1, 2]", b'"text"'])
def test_bind_with_a_body_that_is_not_a_json_object_is_400(client, sandbox, raw):
    response = client.post(f"{sandbox.rufus_root}/devices", content=raw,
                           headers={"api_key": SEED_KEY, "content-type": "application/json"})
    assert response.status_code == 400
    assert isinstance(response.json()["description"], str)


def test_duplicate_serial_is_409_with_existing_deviceid(client, sandbox):
    existing = sandbox.fixtures()["rufus"]["devices"][0]
    response = bind(client, sandbox, {"model": "X", "serial_number": existing["serial_number"]})
    assert response.status_code == 409
    assert response.json()["deviceid"] == existing["deviceid"]
    assert response.json()["description"]


@pytest.mark.parametrize(("method", "headers"), [
    ("GET", {}), ("POST", {}), ("DELETE", {}),
    ("GET", {"api_key": "ror-00000000000000000000"}),
    ("POST", {"api_key": "ror-00000000000000000000"}),
])
def test_missing_or_unknown_key_is_401(client, sandbox, method, headers):
    deviceid = sandbox.fixtures()["rufus"]["devices"][0]["deviceid"]
    url = (f"{sandbox.rufus_root}/devices" if method == "POST"
           else f"{sandbox.rufus_root}/devices/{deviceid}")
    response = client.request(method, url, headers=headers,
                              json={"model": "M", "serial_number": "S"} if method == "POST"
                              else None)
    assert response.status_code == 401
    assert isinstance(response.json()["description"], str)


def test_access_types(client, sandbox):
    """READ: GET only; WRITE: POST only; READ_WRITE: both (api-notes.md)."""
    deviceid = sandbox.fixtures()["rufus"]["devices"][0]["deviceid"]
    url = f"{sandbox.rufus_root}/devices/{deviceid}"
    read, write = key_with(sandbox, "READ"), key_with(sandbox, "WRITE")
    read_write = key_with(sandbox, "READ_WRITE")
    assert client.get(url, headers={"api_key": read}).status_code == 200
    assert client.get(url, headers={"api_key": read_write}).status_code == 200
    refused = client.get(url, headers={"api_key": write})
    assert refused.status_code == 403
    assert isinstance(refused.json()["description"], str)
    refused = bind(client, sandbox, {"model": "M", "serial_number": "SN-R"}, key=read)
    assert refused.status_code == 403
    assert isinstance(refused.json()["description"], str)
    assert bind(client, sandbox, {"model": "M", "serial_number": "SN-RW"},
                key=read_write).status_code == 201


def test_unbind_needs_the_unbind_permission(client, sandbox):
    deviceid = sandbox.fixtures()["rufus"]["devices"][0]["deviceid"]
    url = f"{sandbox.rufus_root}/devices/{deviceid}"
    for key in (key_with(sandbox, "READ"), key_with(sandbox, "WRITE"),
                key_with(sandbox, "READ_WRITE")):
        response = client.delete(url, headers={"api_key": key})
        assert response.status_code == 403
        assert isinstance(response.json()["description"], str)
    assert deviceid in {d["deviceid"] for d in sandbox.fixtures()["rufus"]["devices"]}
    unbind_key = key_with(sandbox, "READ_WRITE", unbind=True)
    response = client.delete(url, headers={"api_key": unbind_key})
    assert response.status_code == 200
    assert response.json() == {"description": "Device unbinded succesfully", "deviceid": deviceid}
    gone = client.delete(url, headers={"api_key": unbind_key})
    assert gone.status_code == 404
    assert gone.json() == {"description": "Device not found", "deviceid": deviceid}
    missing = client.get(url, headers={"api_key": unbind_key})
    assert missing.status_code == 404
    assert missing.json() == {"description": "Device not found"}


def test_get_unknown_device_is_404(client, sandbox):
    response = client.get(f"{sandbox.rufus_root}/devices/{'A' * 64}",
                          headers={"api_key": key_with(sandbox, "READ")})
    assert (response.status_code, response.json()) == (404, {"description": "Device not found"})


def test_list_paginates_and_filters(client, sandbox):
    headers = {"api_key": key_with(sandbox, "READ")}
    all_serials = [d["serial_number"] for d in sandbox.fixtures()["rufus"]["devices"]]
    assert len(all_serials) >= 3
    page1 = client.get(f"{sandbox.rufus_root}/devices", params={"page": 1, "limit": 2},
                       headers=headers)
    page2 = client.get(f"{sandbox.rufus_root}/devices", params={"page": 2, "limit": 2},
                       headers=headers)
    assert page1.status_code == page2.status_code == 200
    got = [d["serial_number"] for d in page1.json()["result"] + page2.json()["result"]]
    assert got == all_serials[:4]
    assert page1.json()["pagination"] == {"page": 1, "limit": 2, "total": len(all_serials),
                                          "pages": -(-len(all_serials) // 2)}
    one = client.get(f"{sandbox.rufus_root}/devices", headers=headers,
                     params={"serial_number": all_serials[1]}).json()["result"]
    assert [d["serial_number"] for d in one] == [all_serials[1]]


@pytest.mark.parametrize("params", [{"page": 0}, {"limit": 0}, {"limit": 5001},
                                    {"page": "x"}, {"limit": "-1"}])
def test_list_bad_paging_is_400(client, sandbox, params):
    response = client.get(f"{sandbox.rufus_root}/devices", params=params,
                          headers={"api_key": key_with(sandbox, "READ")})
    assert response.status_code == 400
    assert isinstance(response.json()["description"], str)


def test_list_limit_5000_is_allowed(client, sandbox):
    response = client.get(f"{sandbox.rufus_root}/devices", params={"limit": 5000},
                          headers={"api_key": key_with(sandbox, "READ")})
    assert response.status_code == 200
