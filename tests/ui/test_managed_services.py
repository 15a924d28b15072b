"""Services.setting / Services.locked with an IT-managed configuration (QSettings real)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QSettings

from app.core import managed_config as mc
from app.ui.services import Services

TEXT = """\
[xee]
client_id = "it-app"
client_secret = "it-secret"
redirect_uri = "http://localhost:8765/callback"
state_echoed = false
[roots.zype]
production = "https://zype.example.com"
[lock]
settings = ["xee.redirect_uri", "roots.zype.production"]
"""


def services(tmp_path, text: str = TEXT) -> Services:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return Services(settings, demo=False, sandbox=None, managed=mc.parse(text))


def test_managed_values_preset_and_lock(tmp_path):
    s = services(tmp_path)
    assert s.setting("xee/redirectUri", "") == "http://localhost:8765/callback"
    assert s.setting("xee/stateEchoed", True) is False
    assert s.locked("xee/redirectUri") and not s.locked("xee/stateEchoed")
    # The user may change a preset that is not locked...
    s.settings.setValue("xee/stateEchoed", True)
    assert s.setting("xee/stateEchoed", True) is True
    # ...but not a locked one: the managed value wins, and setters leave it alone.
    s.settings.setValue("xee/redirectUri", "http://127.0.0.1:9/other")
    assert s.setting("xee/redirectUri", "") == "http://localhost:8765/callback"
    s.set_root_override("zype", "production", "https://elsewhere.example.com")
    assert s.root_override("zype", "production") == "https://zype.example.com"
    assert s.xee_sign_in_options()["state_echoed"] is True


def test_client_secret_comes_from_the_file(tmp_path, monkeypatch):
    monkeypatch.delenv("XEE_CLIENT_SECRET", raising=False)
    monkeypatch.delenv("XEE_CLIENT_ID", raising=False)
    s = services(tmp_path)
    assert asyncio.run(s.xee_app_credentials("production")) == ("it-app", "it-secret")
    s.settings.sync()
    stored = (tmp_path / "s.ini").read_text() if (tmp_path / "s.ini").exists() else ""
    assert "it-secret" not in stored


def test_a_bad_file_is_reported_and_ignored(tmp_path, monkeypatch):
    bad = tmp_path / "config.toml"
    bad.write_text('[xee]\nredirect_url = "x"\n', encoding="utf-8")
    monkeypatch.setenv(mc.ENV_VAR, str(bad))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s = Services(settings, demo=False, sandbox=None)
    assert s.managed_error and "line 2" in s.managed_error
    assert s.setting("xee/redirectUri", "") == "" and not s.locked("xee/redirectUri")
