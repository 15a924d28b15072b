"""Secrets go to a usable OS keychain or nowhere: never to a plaintext-file backend
the user has not allowed (keyring's own file backend stands in for one here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.ui.services import Services
from tests.ui.conftest import run


def _services(tmp_path: Path, allow_plaintext: bool) -> Services:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("keyring/allowPlaintext", allow_plaintext)
    return Services(settings, demo=False, sandbox=None)


def test_a_secret_is_not_written_to_a_plaintext_keyring(qtbot, qloop, keychain, tmp_path):
    services = _services(tmp_path, allow_plaintext=False)
    secret = "xee-app-secret-0123456789"  # noqa: S105
    assert run(qtbot, services.save_key("xee-app", "production", secret)) is False
    assert keychain.get_password("pairing-wizard/xee-app", "production") is None
    keyring_file = Path(keychain.file_path)
    assert not keyring_file.exists() or secret not in keyring_file.read_text()


def test_a_secret_is_saved_when_the_backend_is_allowed(qtbot, qloop, keychain, tmp_path):
    services = _services(tmp_path, allow_plaintext=True)
    key = "ror-ae4fc6c19681a20fad30"
    assert run(qtbot, services.save_key("rufus", "production", key)) is True
    assert run(qtbot, services.load_key("rufus", "production")) == key
