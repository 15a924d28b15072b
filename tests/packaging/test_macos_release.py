"""macOS signing and notarization: one run from signing to stapling, the keychain
deleted in an always-run step, no credentials that exist only on one Mac."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "macos" / "sign-and-notarize.sh"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def macos_steps() -> list[str]:
    text = WORKFLOW.read_text(encoding="utf-8").split("\n  macos:\n", 1)[1]
    return re.split(r"\n      - ", text)


def test_signing_dmg_and_notarization_share_one_step():
    steps = macos_steps()
    runs = [s for s in steps if "sign-and-notarize.sh" in s]
    assert len(runs) == 2, runs
    release, cleanup = runs
    assert "sign-and-notarize.sh release" in release
    for secret in ("MACOS_CERTIFICATE_P12_BASE64", "APPLE_API_KEY_ID", "APPLE_ID"):
        assert secret in release
    assert "sign-and-notarize.sh cleanup" in cleanup and "if: always()" in cleanup
    assert steps.index(cleanup) == len(steps) - 1  # after everything that may sign
    assert not any("build-dmg.sh" in s for s in steps if s is not release)


def test_no_keychain_profile_anywhere():
    for path in (SCRIPT, WORKFLOW, ROOT / "README.md"):
        text = path.read_text(encoding="utf-8")
        assert "NOTARY_KEYCHAIN_PROFILE" not in text, path
        assert "--keychain-profile" not in text, path


def run_script(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True,
                          env={**os.environ, "RUNNER_TEMP": str(tmp)}, timeout=30)


def test_script_parses_and_refuses_bad_calls(tmp_path):
    assert subprocess.run(["bash", "-n", str(SCRIPT)], timeout=30).returncode == 0
    assert run_script("sign", "x", tmp=tmp_path).returncode == 2  # the old split steps
    done = run_script("release", str(tmp_path / "missing.app"), str(tmp_path / "x.dmg"),
                      tmp=tmp_path)
    assert done.returncode == 1 and "not found" in done.stderr


def test_cleanup_removes_the_api_key_and_passes_without_a_keychain(tmp_path):
    key = tmp_path / "AuthKey_ABC123.p8"
    key.write_text("-----BEGIN PRIVATE KEY-----\n")
    done = run_script("cleanup", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not key.exists()
