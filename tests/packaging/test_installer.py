"""The Windows installer script compiles with makensis (Debian's `nsis`), here on Linux.

It is compiled against a stand-in of PyInstaller's folder: what the script does with
those files is the same whatever their content. Skipped when makensis is missing.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
MAKENSIS = shutil.which("makensis")

pytestmark = pytest.mark.skipif(MAKENSIS is None,
                                reason="makensis not installed (apt-get install nsis)")


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "pairing-wizard"
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "pairing-wizard.exe").write_bytes(b"MZ stand-in")
    (folder / "pairing-wizard-cli.exe").write_bytes(b"MZ stand-in")
    (folder / "_internal" / "resources" / "app.svg").write_text("<svg/>")
    return folder


def makensis(*defines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MAKENSIS, "-V2", *defines, str(SCRIPT)], capture_output=True,
                          text=True, timeout=120)


def utf16_field(data: bytes, key: str) -> str:
    """A value from the exe's version resource (UTF-16 "Key\\0...Value\\0")."""
    start = data.index(key.encode("utf-16-le")) + len(key) * 2
    text = data[start:start + 200].decode("utf-16-le", "replace")
    return text.strip("\x00").split("\x00")[0].strip("\x00")


@pytest.mark.parametrize(("version", "numeric"), [("0.1.0", (0, 1, 0, 0)),
                                                   ("2.10.7-rc1", (2, 10, 7, 0))])
def test_installer_compiles_with_version_info(dist, tmp_path, version, numeric):
    out = tmp_path / f"PairingWizard-{version}-setup.exe"
    done = makensis(f"-DVERSION={version}", f"-DDIST={dist}", f"-DOUTFILE={out}")
    assert done.returncode == 0, done.stdout + done.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    assert utf16_field(data, "ProductVersion") == version
    assert utf16_field(data, "ProductName") == "Pairing Wizard"
    # VS_FIXEDFILEINFO (after its signature): dwFileVersionMS = major << 16 | minor,
    # dwFileVersionLS = patch << 16 | build.
    fixed = data.index(b"\xbd\x04\xef\xfe")
    major, minor, patch, build = numeric
    assert data[fixed + 8:fixed + 16] == struct.pack("<IIII", major << 16 | minor,
                                                     patch << 16 | build, 0, 0)[:8]


def test_installer_refuses_to_build_without_a_version(dist, tmp_path):
    done = makensis(f"-DDIST={dist}", f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert done.returncode != 0
    assert "Pass the version" in done.stdout + done.stderr


def test_installer_fails_when_the_bundle_is_missing(tmp_path):
    done = makensis("-DVERSION=0.1.0", f"-DDIST={tmp_path / 'nothing-here'}",
                    f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert done.returncode != 0
    assert not (tmp_path / "x.exe").exists()


def test_installer_is_per_user_and_keeps_history_unless_asked():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in text
    assert "HKLM" not in text
    # The data-removal section exists and is unticked by default (/o).
    assert 'Section /o "un.Also remove my pairing history and settings"' in text
    assert 'RMDir /r "$INSTDIR"' not in text  # never wipe a folder the user chose
