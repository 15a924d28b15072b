"""The compiled Windows installer, run silently by Debian's Wine (64-bit prefix):
install, upgrade, refusal while the app runs, uninstall keeping and removing the data.

`make installer-check` runs this file; skipped without wine or makensis, except under
CI=true (tests/needs.py), where `make packaging-deps` installs both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.needs import unavailable

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
EXIT_APP_RUNNING = 3
# A stand-in for the running app: it holds the app's named mutex for a while.
HOLDER = r"""Unicode true
Target amd64-unicode
OutFile "{out}"
SilentInstall silent
RequestExecutionLevel user
Section
  System::Call 'kernel32::CreateMutexW(p 0, i 0, w "Local\PairingWizard-Running") p .r0'
  Sleep 15000
SectionEnd
"""


@pytest.fixture(scope="module")
def wine(tmp_path_factory):
    for tool in ("wine", "makensis"):
        if shutil.which(tool) is None:
            unavailable(f"{tool} is not installed (make packaging-deps)")
    prefix = tmp_path_factory.mktemp("wineprefix")
    env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
           "WINEDLLOVERRIDES": "mscoree,mshtml=", "WINEARCH": "win64"}
    env.pop("DISPLAY", None)
    subprocess.run(["wineboot", "-i"], env=env, capture_output=True, timeout=300, check=True)
    users = [p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
    return env, users[0]


def build(tmp: Path, version: str, internal: str) -> Path:
    dist = tmp / f"dist-{version}" / "pairing-wizard"
    (dist / "_internal").mkdir(parents=True)
    (dist / "pairing-wizard.exe").write_bytes(b"MZ " + version.encode())
    (dist / "pairing-wizard-cli.exe").write_bytes(b"MZ " + version.encode())
    (dist / "_internal" / internal).write_text(version)
    out = tmp / f"PairingWizard-{version}-setup.exe"
    done = subprocess.run(["makensis", "-V2", f"-DVERSION={version}", f"-DDIST={dist}",
                           f"-DOUTFILE={out}", str(SCRIPT)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def run(env, *argv: str, flush: bool = True) -> int:
    code = subprocess.run(["wine", *argv], env=env, capture_output=True, timeout=120).returncode
    if flush:  # wait for every Wine process to end: the registry is then written to disk
        subprocess.run(["wineserver", "-w"], env=env, timeout=60)
    return code


def user_reg(env) -> str:
    return (Path(env["WINEPREFIX"]) / "user.reg").read_text(encoding="utf-8", errors="replace")


def test_silent_install_upgrade_and_uninstall(wine, tmp_path):
    env, home = wine
    local = home / "AppData" / "Local"
    folder = local / "Programs" / "Pairing Wizard"
    windows_folder = "C:\\users\\" + home.name + r"\AppData\Local\Programs\Pairing Wizard"
    first, second = build(tmp_path, "0.1.0", "old.txt"), build(tmp_path, "0.2.0", "new.txt")

    assert run(env, str(first), "/S") == 0
    assert (folder / "_internal" / "old.txt").is_file()
    assert (folder / "Uninstall.exe").is_file()
    assert '"DisplayVersion"="0.1.0"' in user_reg(env)

    assert run(env, str(second), "/S") == 0  # the upgrade leaves no old library behind
    assert (folder / "_internal" / "new.txt").is_file()
    assert not (folder / "_internal" / "old.txt").exists()
    assert (folder / "pairing-wizard.exe").read_bytes() == b"MZ 0.2.0"
    assert '"DisplayVersion"="0.2.0"' in user_reg(env)

    # Uninstall, data box unticked (the default): history and settings stay.
    data = local / "pairing-wizard"
    data.mkdir(parents=True, exist_ok=True)
    (data / "history.sqlite3").write_text("keep me")
    assert run(env, "reg", "add", r"HKCU\Software\pairing-wizard\Pairing Wizard", "/v",
               "language", "/d", "fr", "/f") == 0
    assert run(env, str(folder / "Uninstall.exe"), "/S", f"_?={windows_folder}") == 0
    assert not (folder / "pairing-wizard.exe").exists()
    assert (data / "history.sqlite3").read_text() == "keep me"
    assert "[Software\\\\pairing-wizard\\\\Pairing Wizard]" in user_reg(env)

    # Again, with the data box ticked: the files and the settings' registry key go too.
    assert run(env, str(second), "/S") == 0
    assert run(env, str(folder / "Uninstall.exe"), "/S", "/REMOVEDATA",
               f"_?={windows_folder}") == 0
    assert not (folder / "pairing-wizard.exe").exists()
    assert not data.exists()
    assert "[Software\\\\pairing-wizard" not in user_reg(env)


def test_silent_upgrade_refuses_while_the_app_runs(wine, tmp_path):
    env, home = wine
    folder = home / "AppData" / "Local" / "Programs" / "Pairing Wizard"
    first, second = build(tmp_path, "0.1.0", "old.txt"), build(tmp_path, "0.2.0", "new.txt")
    assert run(env, str(first), "/S") == 0
    holder = tmp_path / "holder.exe"
    (tmp_path / "holder.nsi").write_text(HOLDER.format(out=holder))
    subprocess.run(["makensis", "-V1", str(tmp_path / "holder.nsi")], check=True, timeout=60)
    app = subprocess.Popen(["wine", str(holder)], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        time.sleep(3)  # the stand-in has created its mutex
        assert app.poll() is None
        assert run(env, str(second), "/S", flush=False) == EXIT_APP_RUNNING
        assert (folder / "pairing-wizard.exe").read_bytes() == b"MZ 0.1.0"  # untouched
        # The uninstaller refuses too: nothing is removed while the app runs. (Wine gives
        # back 0 for its exit code here, where Windows gives 3: the files are the proof.)
        windows_folder = "C:\\users\\" + home.name + r"\AppData\Local\Programs\Pairing Wizard"
        run(env, str(folder / "Uninstall.exe"), "/S", f"_?={windows_folder}", flush=False)
        assert (folder / "pairing-wizard.exe").is_file()
        assert (folder / "_internal" / "old.txt").is_file()
    finally:
        app.wait(timeout=60)
    assert run(env, str(second), "/S") == 0  # closed: the upgrade goes through
    assert (folder / "pairing-wizard.exe").read_bytes() == b"MZ 0.2.0"
