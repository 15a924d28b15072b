"""The command line and Xee's documented variants, in a subprocess against the sandbox
over real HTTP: the device id and pin formats (flags shared with the batch)."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import cli
from tests.test_cli_tools import cli as tools_cli


def _free(fixtures: dict) -> dict:
    return next(d for d in fixtures["xee"]["devices"] if d["user_id"] is None and not d["locked"])


def test_pair_refuses_a_pin_typo_before_sending_and_the_box_keeps_its_attempts(sandbox,
                                                                                tmp_path):
    fx = sandbox.fixtures()
    device = _free(fx)
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
    env = {"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "XEE_ACCESS_TOKEN": token}
    for _ in range(3):
        code, out = cli("pair", "xee", "--device", device["id"], "--pin", device["pin"] + "9",
                        "--base-url", sandbox.xee_root, env=env)
        assert code == 2 and out["error"]["kind"] == "input.pin"
        assert "exactly 4 digits" in out["error"]["advice"]
    after = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert after["failed_attempts"] == 0
    code, out = cli("pair", "xee", "--device", device["id"][:9], "--pin", device["pin"],
                    "--base-url", sandbox.xee_root, env=env)
    assert code == 2 and out["error"]["kind"] == "input.device_id"


def test_wrong_pin_answered_with_parameters_error_keeps_the_pin_advice(sandbox, tmp_path):
    # The v3 README's spelling of the type: still the documented row with the 3-failure
    # warning, not an unlisted error.
    sandbox.set_xee_dialect(parameter_error_type="PARAMETERS_ERROR")
    fx = sandbox.fixtures()
    device = _free(fx)
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
    wrong = "0000" if device["pin"] != "0000" else "1111"
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", wrong,
                    "--base-url", sandbox.xee_root,
                    env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "XEE_ACCESS_TOKEN": token})
    assert code == 3, out
    assert out["error"]["type"] == "PARAMETERS_ERROR"  # as Xee sent it
    assert out["error"]["kind"] == "xee.pin_rejected"
    assert out["error"]["tip"] == "Check the device id and the pin"
    assert "locks a box after 3 failed attempts" in out["error"]["advice"]


def test_token_without_the_device_scope_says_to_enable_it(sandbox, tmp_path):
    fx = sandbox.fixtures()
    device = _free(fx)
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"], scope="users_read")
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", device["pin"],
                    "--base-url", sandbox.xee_root,
                    env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path),
                         "XEE_ACCESS_TOKEN": token["access_token"]})
    assert code == 3, out
    assert out["error"]["status"] == 403
    assert "enable the device scope" in out["error"]["advice"]
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] is None


def test_pattern_flags_override_the_formats_and_a_bad_one_is_a_sentence(sandbox, tmp_path):
    fx = sandbox.fixtures()
    device = _free(fx)
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
    env = {"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "XEE_ACCESS_TOKEN": token}
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", "12345",
                    "--pin-pattern", r"\d{5}", "--base-url", sandbox.xee_root, env=env)
    assert code == 3 and out["error"]["kind"] == "xee.pin_rejected"  # sent: Xee refused it
    code, out = cli("unpair", "xee", "--device", device["id"], "--device-id-pattern", "[x",
                    "--base-url", sandbox.xee_root, env=env)
    assert code == 2 and "xee/deviceIdPattern" in out["error"]["advice"]
    assert "regular expression" in out["error"]["advice"]


def test_batch_checks_the_same_formats_and_takes_the_same_flags(sandbox, tmp_path: Path):
    device = _free(sandbox.fixtures())
    file = tmp_path / "xee.csv"
    file.write_text(f"device_id,pin\n{device['id']},123\n", encoding="utf-8")
    refused = tools_cli("batch", str(file), "--provider", "xee", "--check-only",
                        data_dir=tmp_path)
    assert refused.returncode == 2 and "exactly 4 digits" in refused.stderr
    allowed = tools_cli("batch", str(file), "--provider", "xee", "--check-only",
                        "--pin-pattern", r"\d{3}", data_dir=tmp_path)
    assert allowed.returncode == 0, allowed.stderr


def test_pair_and_unpair_through_api_v4(sandbox, tmp_path):
    fx = sandbox.fixtures()
    device = _free(fx)
    user = fx["xee"]["users"][0]
    token = sandbox.mint_xee_token(user["id"])["access_token"]
    env = {"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "XEE_ACCESS_TOKEN": token}
    root = sandbox.url + "/xee/v4"
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", device["pin"],
                    "--base-url", root, env=env)
    assert code == 0, out
    assert {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}[
        device["id"]] == user["id"]
    code, out = cli("unpair", "xee", "--device", device["id"], "--base-url", root, env=env)
    assert code == 0, out
    assert {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}[
        device["id"]] is None


def test_api_version_flag_picks_the_v4_roots():
    from app.cli import build_parser
    from app.cli_common import api_root_from_args

    parser = build_parser()
    args = parser.parse_args(["pair", "xee", "--device", "E133742015", "--pin", "1234",
                              "--api-version", "v4"])
    assert api_root_from_args(args) == "https://api.xee.com/v4"
    args = parser.parse_args(["login", "xee", "--env", "sandbox", "--api-version", "v4"])
    assert api_root_from_args(args) == "https://sandbox.xee.com/v4"
    args = parser.parse_args(["unpair", "xee", "--device", "E133742015"])
    assert api_root_from_args(args) == "https://cloud.xee.com/v3"     # v3 stays the default


def test_managed_api_version_and_formats_apply_to_the_cli_unless_an_option_says_otherwise(
        sandbox, tmp_path, monkeypatch):
    from app import cli_common
    from app.cli import build_parser
    from app.core.managed_config import ManagedConfig
    from app.core.validation import set_xee_formats

    monkeypatch.setattr(cli_common, "_MANAGED", [ManagedConfig(values={"xee/apiVersion": "v4"})])
    parser = build_parser()
    args = parser.parse_args(["unpair", "xee", "--device", "E133742015"])
    assert cli_common.api_root_from_args(args) == "https://api.xee.com/v4"
    args = parser.parse_args(["unpair", "xee", "--device", "E133742015", "--api-version", "v3"])
    assert cli_common.api_root_from_args(args).endswith("/v3")
    set_xee_formats()

    # The pin format from IT's file, in a subprocess that reads the file itself.
    fx = sandbox.fixtures()
    device = _free(fx)
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
    config = tmp_path / "config.toml"
    config.write_text('[xee]\npin_pattern = "[0-9]{5}"\n', encoding="utf-8")
    env = {"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "XEE_ACCESS_TOKEN": token,
           "PAIRING_WIZARD_CONFIG": str(config)}
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", "12345",
                    "--base-url", sandbox.xee_root, env=env)
    assert code == 3 and out["error"]["kind"] == "xee.pin_rejected", out   # sent, refused
    code, out = cli("pair", "xee", "--device", device["id"], "--pin", "12345",
                    "--pin-pattern", "[0-9]{4}", "--base-url", sandbox.xee_root, env=env)
    assert code == 2 and out["error"]["kind"] == "input.pin", out          # the option wins


def test_unpair_xee_is_named_and_reported_as_removing_the_box_from_its_car(sandbox, tmp_path):
    import os
    import subprocess
    import sys

    from tests.test_cli import ROOT

    helped = subprocess.run([sys.executable, "-m", "app", "unpair", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert "Remove the box from the car" in " ".join(helped.stdout.split())
    fx = sandbox.fixtures()
    device = _free(fx)
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
    env = {**os.environ, "PAIRING_WIZARD_DATA_DIR": str(tmp_path), "XEE_ACCESS_TOKEN": token}
    code, _ = cli("pair", "xee", "--device", device["id"], "--pin", device["pin"],
                  "--base-url", sandbox.xee_root, env=env)
    assert code == 0
    done = subprocess.run([sys.executable, "-m", "app", "unpair", "xee", "--device",
                           device["id"], "--base-url", sandbox.xee_root], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Box {device['id']} removed from its car."
    assert {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}[
        device["id"]] is None
