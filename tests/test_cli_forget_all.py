"""`pairing-wizard forget-all` (the uninstaller's "remove my data"): every stored sign-in
and key (custom API roots too, through the keychain index), the settings, the data."""

from __future__ import annotations

import json

import keyring

from app.auth.keychain_index import entries
from app.auth.tokens import SERVICE_NAME, TokenStore
from app.cli import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION, main
from app.core.history import History

CUSTOM_ROOT = "https://xee.staging.example.com/v3"




def test_forget_all_removes_sign_ins_keys_settings_and_history(cli_home, capsys):
    from PySide6.QtCore import QSettings

    TokenStore(CUSTOM_ROOT).save({"access_token": "secret-token", "token_type": "Bearer"})
    assert (SERVICE_NAME, CUSTOM_ROOT) in entries()  # indexed when stored
    keyring.set_password("pairing-wizard/rufus", "sandbox", "rufus-key")
    from app.auth.keychain_index import remember

    remember("pairing-wizard/rufus", "sandbox")
    settings = QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)
    settings.setValue("language", "fr")
    settings.sync()
    with History() as history:
        history.record("rufus", "pair", "ok", environment="sandbox",
                       identifiers={"serial_number": "SN-1"})
    assert (cli_home / "data").is_dir()

    assert main(["forget-all", "--yes", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"ok": True, "keychain_entries_removed": 2, "problems": []}
    assert keyring.get_password(SERVICE_NAME, CUSTOM_ROOT) is None
    assert keyring.get_password("pairing-wizard/rufus", "sandbox") is None
    assert QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION).value("language") is None
    assert not (cli_home / "data").exists()
    assert entries() == []


def test_forget_all_with_nothing_stored_is_fine(cli_home, capsys):
    assert main(["forget-all", "--yes"]) == 0
    assert "Removed 0 stored keys" in capsys.readouterr().out


def test_the_uninstallers_data_box_runs_forget_all():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[1] / "packaging" / "windows" / "installer.nsi")
    text = script.read_text(encoding="utf-8")
    section = text.split('Section /o "un.Also remove my pairing history and settings"')[1]
    section = section.split("SectionEnd")[0]
    assert "forget-all --yes" in section
    assert 'DeleteRegKey HKCU "Software\\pairing-wizard"' in section
