"""#17 item 4, the sandbox side: with the demo's dialect zype.renew_pins a free pin that
expired is replaced by a fresh one (the documents' expiry stays the default), and
`POST /_sandbox/reset {"keep_sessions": true}` keeps the Xee sign-in's tokens."""

from __future__ import annotations


def _pins(sandbox) -> list[dict]:
    return sandbox.fixtures()["zype"]["pins"]


def test_by_default_pins_expire_as_documented(sandbox):
    sandbox.advance_clock(31 * 60)
    free = [p for p in _pins(sandbox) if p["consumer_id"] is None]
    assert free and all(p["expired"] for p in free)       # 30 minutes, as the documents say


def test_the_demo_dialect_renews_expired_free_pins(client, sandbox):
    before = {p["linked_device_id"]: p["pin"] for p in _pins(sandbox)
              if p["consumer_id"] is None}
    assert sandbox._control("POST", "dialect", {"zype": {"renew_pins": True}})
    sandbox.advance_clock(31 * 60)
    after = [p for p in _pins(sandbox) if p["consumer_id"] is None]
    assert after and not any(p["expired"] for p in after)  # fresh ones
    renewed = {p["linked_device_id"]: p["pin"] for p in after}
    assert set(renewed) == set(before)                     # the same TVs
    assert all(renewed[d] != before[d] for d in before)    # with new pins
    admin = next(k["key"] for k in sandbox.fixtures()["zype"]["api_keys"]
                 if k["type"] == "admin")
    consumer = sandbox.fixtures()["zype"]["consumers"][0]["_id"]
    new_pin = next(iter(renewed.values()))
    linked = client.put(f"{sandbox.zype_root}/pin/link",
                        params={"api_key": admin, "consumer_id": consumer, "pin": new_pin})
    assert linked.status_code == 200
    old_pin = next(iter(before.values()))
    gone = client.put(f"{sandbox.zype_root}/pin/link",
                      params={"api_key": admin, "consumer_id": consumer, "pin": old_pin})
    assert gone.status_code == 404                          # the expired one is gone


def test_reset_can_keep_the_xee_sessions(client, sandbox):
    user = sandbox.fixtures()["xee"]["users"][0]
    token = sandbox.mint_xee_token(user["id"])["access_token"]
    me = f"{sandbox.xee_root}/users/me"
    auth = {"Authorization": f"Bearer {token}"}
    assert client.post(f"{sandbox.url}/_sandbox/reset",
                       json={"keep_sessions": True}).status_code == 200
    assert client.get(me, headers=auth).status_code == 200
    assert client.post(f"{sandbox.url}/_sandbox/reset").status_code == 200
    assert client.get(me, headers=auth).status_code == 401   # a plain reset forgets them
    assert client.post(f"{sandbox.url}/_sandbox/reset",
                       json={"keep_sessions": "yes"}).status_code == 400
