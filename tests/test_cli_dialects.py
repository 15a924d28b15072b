"""The CLI against the sandbox's RUFUS and Zype dialects (issue 13), over real HTTP."""

from __future__ import annotations

from tests.test_cli import cli, free_zype_pin, zype_key


def test_zype_pair_when_link_answers_the_consumer(sandbox):
    sandbox.set_dialect("zype", link_returns="consumer")
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = free_zype_pin(fx)
    device = next(p["linked_device_id"] for p in fx["zype"]["pins"] if p["pin"] == pin)
    code, out = cli("pair", "zype", "--consumer", consumer["_id"], "--pin", pin,
                    "--base-url", sandbox.zype_root, "--api-key", zype_key(fx, "admin"))
    assert code == 0, out
    assert out["result"]["linked"] is True and out["result"]["linked_device_id"] == device


def test_zype_read_only_key_401_on_link_says_it_may_not_modify(sandbox):
    sandbox.set_dialect("zype", read_only_status=401)
    fx = sandbox.fixtures()
    code, out = cli("pair", "zype", "--consumer", fx["zype"]["consumers"][0]["_id"],
                    "--pin", free_zype_pin(fx), "--base-url", sandbox.zype_root,
                    "--api-key", zype_key(fx, "read_only"))
    assert code != 0 and out["error"]["status"] == 401
    assert "this key may not modify" in out["error"]["advice"]


def test_rufus_unknown_key_403_is_advised_without_guessing(sandbox):
    sandbox.set_dialect("rufus", unknown_key_status=403)
    code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "CLI-403",
                    "--base-url", sandbox.rufus_root, "--api-key", "ror-ffffffffffffffffffff")
    assert code != 0 and out["error"]["status"] == 403
    assert "unknown to RUFUS" in out["error"]["advice"]
