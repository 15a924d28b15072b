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


# --- the IT-managed configuration file (PAIRING_WIZARD_CONFIG) --------------------------


def test_cli_uses_the_managed_root_and_refuses_a_hidden_environment(sandbox, tmp_path):
    from tests.test_cli import rufus_key

    fx = sandbox.fixtures()
    config = tmp_path / "config.toml"
    config.write_text(f'[roots.rufus]\nproduction = "{sandbox.rufus_root}"\n', encoding="utf-8")
    env = {"PAIRING_WIZARD_CONFIG": str(config), "RUFUS_API_KEY": rufus_key(fx, "READ_WRITE")}
    code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "CLI-MANAGED-1",
                    env=env)
    assert code == 0, out
    stored = {d["deviceid"] for d in sandbox.fixtures()["rufus"]["devices"]}
    assert out["result"]["deviceid"] in stored

    config.write_text('[lock]\nhide_environments = ["production"]\n', encoding="utf-8")
    code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "CLI-MANAGED-2",
                    env=env)
    assert code == 2 and "hides the production environment" in out["error"]["advice"]


def test_cli_says_a_bad_managed_file_and_goes_on(sandbox, tmp_path):
    import os
    import subprocess
    import sys

    from tests.test_cli import ROOT, rufus_key

    config = tmp_path / "config.toml"
    config.write_text("[roots.rufus\n", encoding="utf-8")
    env = {**os.environ, "PAIRING_WIZARD_CONFIG": str(config)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "pair", "rufus", "--model", "Model X1", "--serial",
         "CLI-BADCONF", "--base-url", sandbox.rufus_root, "--api-key",
         rufus_key(sandbox.fixtures(), "READ_WRITE"), "--json"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stdout
    assert "line 1" in done.stderr and str(config) in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_type_option_and_managed_default(sandbox, tmp_path):
    import httpx2

    from tests.test_cli import rufus_key

    sandbox.set_dialect("rufus", require_type=True)
    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    base = ("pair", "rufus", "--model", "Model X1", "--base-url", sandbox.rufus_root,
            "--api-key", key)
    code, out = cli(*base, "--serial", "CLI-TYPE-0")
    assert code == 3 and "model, serial number and type" in out["error"]["advice"]
    code, out = cli(*base, "--serial", "CLI-TYPE-1", "--type", "GATE")
    assert code == 0, out
    config = tmp_path / "config.toml"
    config.write_text('[rufus]\ndefault_type = "TRACKER"\n', encoding="utf-8")
    code, second = cli(*base, "--serial", "CLI-TYPE-2",
                       env={"PAIRING_WIZARD_CONFIG": str(config)})
    assert code == 0, second
    with httpx2.Client() as client:
        types = [client.get(f"{sandbox.rufus_root}/devices/{o['result']['deviceid']}",
                            headers={"api_key": key}).json()["result"]["type"]
                 for o in (out, second)]
    assert types == ["GATE", "TRACKER"]


def test_cli_device_rufus_shows_status_battery_telemetry_and_login(sandbox):
    from tests.test_cli import rufus_key

    sandbox.set_dialect("rufus", list_wrapped=True)   # the list in its wrapped shape too
    fx = sandbox.fixtures()
    device = next(d for d in fx["rufus"]["devices"] if d["battery_percentage"] is not None)
    key = rufus_key(fx, "READ_WRITE")
    for option, value in (("--serial", device["serial_number"]),
                          ("--deviceid", device["deviceid"])):
        code, out = cli("device", "rufus", option, value, "--base-url", sandbox.rufus_root,
                        "--api-key", key)
        assert code == 0, out
        [shown] = out["result"]["devices"]
        assert shown["deviceid"] == device["deviceid"]
        assert shown["device_status"] == device["device_status"]
        assert shown["battery_percentage"] == device["battery_percentage"]
        assert shown["last_telemetry_at"] and shown["last_login"]


def test_zype_unpair_when_unlink_answers_the_devicepin(sandbox):
    sandbox.set_dialect("zype", link_returns="consumer", unlink_returns="pin")
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = free_zype_pin(fx)
    device = next(p["linked_device_id"] for p in fx["zype"]["pins"] if p["pin"] == pin)
    key = zype_key(fx, "admin")
    code, out = cli("pair", "zype", "--consumer", consumer["_id"], "--pin", pin,
                    "--base-url", sandbox.zype_root, "--api-key", key)
    assert code == 0, out
    assert out["result"]["linked"] is True and out["result"]["linked_device_id"] == device
    code, out = cli("unpair", "zype", "--consumer", consumer["_id"], "--pin", pin,
                    "--base-url", sandbox.zype_root, "--api-key", key)
    assert code == 0, out
    assert out["result"]["linked"] is False and out["result"]["pin"] == pin
    after = next(p for p in sandbox.fixtures()["zype"]["pins"] if p["pin"] == pin)
    assert after["consumer_id"] is None


def test_rufus_pair_with_a_write_only_key_binds(sandbox):
    from tests.test_cli import rufus_key

    fx = sandbox.fixtures()
    code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "CLI-WRITE-1",
                    "--base-url", sandbox.rufus_root, "--api-key", rufus_key(fx, "WRITE"))
    assert code == 0, out
    assert out["ok"] is True and out["error"] is None
    stored = {d["deviceid"]: d for d in sandbox.fixtures()["rufus"]["devices"]}
    assert stored[out["result"]["deviceid"]]["serial_number"] == "CLI-WRITE-1"


def test_zype_pair_by_email_shows_the_consumer_s_linked_devices(sandbox):
    import subprocess
    import sys

    from tests.test_cli import ROOT

    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    first, second = [p for p in fx["zype"]["pins"]
                     if p["consumer_id"] is None and not p["expired"]][:2]
    key = zype_key(fx, "admin")
    code, _ = cli("pair", "zype", "--consumer", consumer["_id"], "--pin", first["pin"],
                  "--base-url", sandbox.zype_root, "--api-key", key)
    assert code == 0
    code, out = cli("pair", "zype", "--email", consumer["email"], "--pin", second["pin"],
                    "--base-url", sandbox.zype_root, "--api-key", key)
    assert code == 0, out
    assert out["result"]["consumer_linked_devices"] == [first["linked_device_id"],
                                                        second["linked_device_id"]]
    code, _ = cli("unpair", "zype", "--consumer", consumer["_id"], "--pin", second["pin"],
                  "--base-url", sandbox.zype_root, "--api-key", key)
    assert code == 0
    done = subprocess.run(
        [sys.executable, "-m", "app", "pair", "zype", "--email", consumer["email"], "--pin",
         second["pin"], "--base-url", sandbox.zype_root, "--api-key", key],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (f"Linked devices of {consumer['email']}: {first['linked_device_id']}, "
            f"{second['linked_device_id']}.") in done.stdout
