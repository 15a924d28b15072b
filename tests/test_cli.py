"""The `pairing-wizard` command line against the sandbox over real HTTP, in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx2
import pytest

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict]:
    """Run the CLI with --json; return its exit code and its one JSON object."""
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("RUFUS_API_KEY", "ZYPE_API_KEY", "XEE_ACCESS_TOKEN")}
    full_env.update(env or {})
    done = subprocess.run([sys.executable, "-m", "app", *args, "--json"], cwd=ROOT,
                          capture_output=True, text=True, env=full_env, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, (done.stdout, done.stderr)
    out = json.loads(lines[0])
    # The documented envelope, exactly: scripts depend on it.
    assert set(out) == {"ok", "provider", "action", "result", "error"}, out
    if out["error"] is not None:
        assert set(out["error"]) == {"kind", "status", "type", "message", "tip", "advice"}
        assert out["error"]["advice"] and "Traceback" not in done.stderr
    return done.returncode, out


def rufus_key(fixtures: dict, access: str) -> str:
    return next(k["key"] for k in fixtures["rufus"]["api_keys"] if k["access"] == access)


def zype_key(fixtures: dict, kind: str) -> str:
    return next(k["key"] for k in fixtures["zype"]["api_keys"] if k["type"] == kind)


def free_zype_pin(fixtures: dict) -> str:
    return next(p["pin"] for p in fixtures["zype"]["pins"]
                if p["consumer_id"] is None and not p["expired"])


def test_rufus_pair_prints_the_deviceid_the_sandbox_stored(sandbox):
    fx = sandbox.fixtures()
    code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "CLI-0001",
                    "--alias", "front door", "--base-url", sandbox.rufus_root,
                    "--api-key", rufus_key(fx, "READ_WRITE"))
    assert code == 0, out
    assert out["ok"] is True and out["provider"] == "rufus" and out["action"] == "pair"
    deviceid = out["result"]["deviceid"]
    stored = {d["deviceid"]: d for d in sandbox.fixtures()["rufus"]["devices"]}
    assert stored[deviceid]["serial_number"] == "CLI-0001"
    assert out["error"] is None


def test_pair_and_undo_are_in_history_without_the_key(sandbox, tmp_path):
    fx = sandbox.fixtures()
    key = next(k["key"] for k in fx["rufus"]["api_keys"]
               if k["access"] != "READ" and k["unbind"])
    env = {"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "RUFUS_API_KEY": key}
    code, paired = cli("pair", "rufus", "--model", "Model X1", "--serial", "HIST-0001",
                       "--base-url", sandbox.rufus_root, env=env)
    assert code == 0, paired
    deviceid = paired["result"]["deviceid"]
    code, _ = cli("unpair", "rufus", "--deviceid", deviceid, "--base-url", sandbox.rufus_root,
                  env=env)
    assert code == 0
    code, _ = cli("pair", "rufus", "--model", "Model X1", "--serial", "HIST-0002",
                  "--base-url", sandbox.rufus_root, "--api-key", "ror-ffffffffffffffffffff",
                  env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
    assert code == 3
    done = subprocess.run([sys.executable, "-m", "app", "history", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
    rows = json.loads(done.stdout)
    assert [(r["action"], r["outcome"]) for r in rows] == [
        ("pair", "failed"), ("undo", "ok"), ("pair", "ok")]
    assert rows[2]["identifiers"]["deviceid"] == deviceid
    assert rows[0]["error_status"] == 401
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"HIST-0001" in raw  # the scan can see what it looks for
    assert key.encode() not in raw and b"ror-ffffffffffffffffffff" not in raw


def test_rufus_key_from_environment_and_unpair(sandbox):
    fx = sandbox.fixtures()
    env = {"RUFUS_API_KEY": next(k["key"] for k in fx["rufus"]["api_keys"]
                                 if k["access"] != "READ" and k["unbind"])}
    deviceid = fx["rufus"]["devices"][0]["deviceid"]
    code, out = cli("unpair", "rufus", "--deviceid", deviceid, "--base-url", sandbox.rufus_root,
                    env=env)
    assert code == 0, out
    assert deviceid not in {d["deviceid"] for d in sandbox.fixtures()["rufus"]["devices"]}


def test_invalid_input_exits_2_and_sends_nothing(sandbox):
    fx = sandbox.fixtures()
    before = sandbox.fixtures()["rufus"]["devices"]
    code, out = cli("pair", "rufus", "--model", "   ", "--serial", "S-1",
                    "--base-url", sandbox.rufus_root, "--api-key", rufus_key(fx, "READ_WRITE"))
    assert code == 2
    assert out["ok"] is False and out["error"]["kind"]
    assert "model" in out["error"]["advice"].lower()
    assert sandbox.fixtures()["rufus"]["devices"] == before


def test_missing_api_key_is_invalid_input():
    code, out = cli("pair", "zype", "--consumer", "abc", "--pin", "zabc123",
                    "--base-url", "http://127.0.0.1:9/zype")
    assert code == 2
    assert "ZYPE_API_KEY" in out["error"]["advice"]


def test_read_only_key_is_refused_with_exit_3(sandbox):
    fx = sandbox.fixtures()
    code, out = cli("pair", "rufus", "--model", "M", "--serial", "CLI-0002",
                    "--base-url", sandbox.rufus_root, "--api-key", rufus_key(fx, "READ"))
    assert code == 3
    assert out["error"]["status"] == 403
    assert out["error"]["kind"] == "rufus.write_access_missing"


def test_zype_pair_by_email(sandbox):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = free_zype_pin(fx)
    code, out = cli("pair", "zype", "--email", consumer["email"], "--pin", pin,
                    "--base-url", sandbox.zype_root, "--api-key", zype_key(fx, "admin"))
    assert code == 0, out
    linked = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert linked[pin]["consumer_id"] == consumer["_id"]


def test_zype_unknown_pin_is_refused(sandbox):
    fx = sandbox.fixtures()
    code, out = cli("pair", "zype", "--consumer", fx["zype"]["consumers"][0]["_id"],
                    "--pin", "zzzz999", "--base-url", sandbox.zype_root,
                    "--api-key", zype_key(fx, "admin"))
    assert code == 3
    assert out["error"]["status"] == 404
    assert out["error"]["message"] == "Device Pin not found"


def test_xee_pair_with_token_then_wrong_pin(sandbox):
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    token = sandbox.mint_xee_token(user["id"])["access_token"]
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", device["pin"],
                    "--base-url", sandbox.xee_root, "--token", token)
    assert code == 0, out
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] == user["id"]

    other = next(d for d in sandbox.fixtures()["xee"]["devices"]
                 if d["user_id"] is None and not d["locked"])
    wrong = "0000" if other["pin"] != "0000" else "1111"
    code, out = cli("pair", "xee", "--device", other["id"], "--pin", wrong,
                    "--base-url", sandbox.xee_root, env={"XEE_ACCESS_TOKEN": token})
    assert code == 3
    assert out["error"]["type"] == "PARAMETER_ERROR"
    assert out["error"]["tip"] == "Check the device id and the pin"


def test_network_failure_exits_4():
    # Nothing listens on the discard port: the connection is refused.
    code, out = cli("pair", "rufus", "--model", "M", "--serial", "S",
                    "--base-url", "http://127.0.0.1:9/rufus/v0", "--api-key", "ror-0123456789",
                    "--timeout", "3")
    assert code == 4
    assert out["error"]["kind"] == "network.refused"


def test_html_error_page_exits_4(sandbox):
    fx = sandbox.fixtures()
    sandbox.set_faults(fault="html", rate=1, provider="zype")
    code, out = cli("pair", "zype", "--consumer", fx["zype"]["consumers"][0]["_id"],
                    "--pin", free_zype_pin(fx), "--base-url", sandbox.zype_root,
                    "--api-key", zype_key(fx, "admin"))
    assert code == 4
    assert out["ok"] is False and out["error"]["kind"] == "response.html_page"


def test_duplicate_serial_keeps_the_existing_deviceid_in_the_result(sandbox):
    fx = sandbox.fixtures()
    existing = fx["rufus"]["devices"][0]
    code, out = cli("pair", "rufus", "--model", existing["model"], "--serial",
                    existing["serial_number"], "--base-url", sandbox.rufus_root,
                    "--api-key", rufus_key(fx, "READ_WRITE"))
    assert code == 3
    assert out["error"]["kind"] == "rufus.serial_taken" and out["error"]["status"] == 409
    assert out["result"]["details"]["deviceid"] == existing["deviceid"]


def test_malformed_base_url_is_invalid_input():
    code, out = cli("pair", "rufus", "--model", "M", "--serial", "S",
                    "--base-url", "notaurl", "--api-key", "ror-0123456789")
    assert code == 2
    assert out["error"]["kind"].startswith(("input", "config"))


def test_xee_user_who_cannot_be_reached_is_a_refusal(sandbox):
    fx = sandbox.fixtures()
    alice = fx["xee"]["users"][0]
    others = next(d for d in fx["xee"]["devices"]
                  if d["user_id"] not in (None, alice["id"]) and not d["locked"])
    token = sandbox.mint_xee_token(alice["id"])["access_token"]
    code, out = cli("unpair", "xee", "--device", others["id"], "--base-url", sandbox.xee_root,
                    "--token", token)
    assert code == 3, out
    assert out["error"]["message"] == "Token can't access this user"


def test_sandbox_command_prints_its_address_and_stops_on_sigterm():
    proc = subprocess.Popen([sys.executable, "-m", "app", "sandbox", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline().strip()
        assert first.startswith("Sandbox listening on http://127.0.0.1:"), first
        url = first.rsplit(" ", 1)[1]
        assert httpx2.get(url + "/_sandbox/fixtures", timeout=5).status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_sandbox_command_refuses_a_public_host():
    done = subprocess.run([sys.executable, "-m", "app", "sandbox", "--host", "0.0.0.0"],
                          cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert "--allow-remote" in done.stderr


@pytest.mark.parametrize("argv", [["pair", "xee", "--help"], ["--help"]])
def test_help_works(argv):
    done = subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0 and "usage:" in done.stdout
