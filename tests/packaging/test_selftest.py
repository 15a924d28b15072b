"""`app.selftest.run_self_test()` from source: every check runs against the real sandbox.

The frozen app runs the same checks (`pairing-wizard --self-test`); `make bundle` runs
them inside the PyInstaller build. Here the faults a bundle can have (keyring's entry
points lost, resources left out) are injected to prove the self-test catches them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = "from app.selftest import run_self_test; raise SystemExit(run_self_test())"
CHECKS = ["start-imports", "keyring-discovery", "keychain", "tls", "resources", "qt-icu", "sandbox",
          "sandbox-fixtures", "pair-xee", "pair-rufus", "pair-zype"]


def run(code: str = RUN, env: dict[str, str] | None = None,
        wrapper: list[str] | None = None) -> tuple[int, list[str], dict]:
    environ = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    environ.update(env or {})
    done = subprocess.run([*(wrapper or []), sys.executable, "-c", code], cwd=ROOT,
                          env=environ, capture_output=True, text=True, timeout=90)
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    summary = json.loads(lines[-1])
    return done.returncode, lines, summary


def statuses(summary: dict) -> dict[str, str]:
    return {check["name"]: check["status"] for check in summary["checks"]}


def test_self_test_passes_from_source_and_pairs_once_per_provider():
    code, lines, summary = run()
    assert code == 0, "\n".join(lines)
    assert summary["ok"] is True
    assert summary["frozen"] is False
    assert [c["name"] for c in summary["checks"]] == CHECKS
    got = statuses(summary)
    for name in CHECKS:
        if name == "keychain":  # no Secret Service on a CI box: a warning, not a failure
            assert got[name] in ("pass", "warn"), summary
        else:
            assert got[name] == "pass", summary
    details = {c["name"]: c["detail"] for c in summary["checks"]}
    assert "deviceid" in details["pair-rufus"]
    assert "E1337" in details["pair-xee"]
    # One line per check before the summary, in the same order.
    check_lines = [line for line in lines[:-1] if line.split(" ", 1)[0] in ("PASS", "WARN",
                                                                             "FAIL")]
    assert [line.split()[1].rstrip(":") for line in check_lines] == CHECKS


def test_lost_keyring_metadata_fails_the_self_test():
    # What PyInstaller does without copy_metadata("keyring"): no entry points at all.
    code = (
        "import importlib.metadata as m\n"
        "real = m.entry_points\n"
        "def no_backends(**params):\n"
        "    return [] if params.get('group') == 'keyring.backends' else real(**params)\n"
        "m.entry_points = no_backends\n" + RUN
    )
    exit_code, lines, summary = run(code)
    assert exit_code == 1
    assert summary["ok"] is False
    got = statuses(summary)
    assert got["keyring-discovery"] == "fail"
    assert any(line.startswith("FAIL keyring-discovery:") and "copy_metadata" in line
               for line in lines)
    assert got["pair-zype"] == "pass"  # the other checks still ran


def test_setuptools_imported_at_start_fails_the_self_test():
    # What a bundle with setuptools in it does: PyInstaller's runtime hook imports it
    # before the app's first line (~100 ms of every start). Injected as a module of that
    # name: the venv need not have setuptools (a plain 3.12 venv has none).
    exit_code, lines, summary = run(
        "import sys, types\nsys.modules['setuptools'] = types.ModuleType('setuptools')\n"
        + RUN)
    assert exit_code == 1
    assert statuses(summary)["start-imports"] == "fail"
    assert any(line.startswith("FAIL start-imports:") and "pairing-wizard.spec" in line
               for line in lines)


def test_missing_resources_fail_the_self_test(tmp_path):
    empty = tmp_path / "resources"
    empty.mkdir()
    code = ("import app.auth.pages as pages\n"
            f"pages.resource_dirs = lambda: [__import__('pathlib').Path({str(empty)!r})]\n"
            + RUN)
    exit_code, _lines, summary = run(code)
    assert exit_code == 1
    assert statuses(summary)["resources"] == "fail"


def test_tls_checks_the_context_api_calls_use():
    # API calls verify through app.core.transport.system_ssl_context (truststore), not
    # httpx2's default context: a build whose API context stops verifying must fail.
    code = ("import ssl, app.core.transport as transport\n"
            "def unverified():\n"
            "    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n"
            "    ctx.check_hostname = False\n"
            "    ctx.verify_mode = ssl.CERT_NONE\n"
            "    return ctx\n"
            "transport.system_ssl_context = unverified\n" + RUN)
    exit_code, lines, summary = run(code)
    assert exit_code == 1
    assert statuses(summary)["tls"] == "fail"
    assert any(line.startswith("FAIL tls:") and "does not verify" in line for line in lines)


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="on Windows and macOS an unusable keychain is a failure")
def test_unusable_keychain_is_a_warning_on_linux_and_named():
    exit_code, lines, summary = run(env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert exit_code == 0
    assert statuses(summary)["keychain"] == "warn"
    assert any(line.startswith("WARN keychain: keyring chose keyring.backends.fail.Keyring")
               for line in lines)


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, "
                    "gnome-keyring)")
def test_self_test_round_trips_a_secret_through_a_real_secret_service():
    wrapper = ["dbus-run-session", "--", "sh", "-c",
               'printf selftest | gnome-keyring-daemon --unlock --components=secrets '
               '>/dev/null 2>&1; exec "$@"', "sh"]
    exit_code, _lines, summary = run(wrapper=wrapper)
    assert exit_code == 0
    keychain = next(c for c in summary["checks"] if c["name"] == "keychain")
    assert keychain["status"] == "pass", keychain
    assert "SecretService" in keychain["detail"]
