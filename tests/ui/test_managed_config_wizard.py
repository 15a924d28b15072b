"""The wizard with an IT-managed configuration file (PAIRING_WIZARD_CONFIG): hidden
environments not offered, locked settings disabled with a line, a bad file said and
ignored."""

from __future__ import annotations

from app.core import flow
from app.core import managed_config as mc

from .drive import click, find, wait_page

RADIOS = {"xee": "providerXee", "rufus": "providerRufus", "zype": "providerZype"}


def pick(qtbot, wizard, provider: str) -> None:
    wait_page(qtbot, wizard, flow.Page.PROVIDER)
    click(qtbot, wizard, RADIOS[provider])

MANAGED = """\
[roots.rufus]
production = "https://rufus.example.com/v0"
[browser]
command = "true {url}"
[lock]
settings = ["roots.rufus.sandbox", "browser.command"]
hide_environments = ["production"]
"""


def offered(wizard) -> list[str]:
    combo = find(wizard, "environmentCombo")
    return [combo.itemData(i) for i in range(combo.count())]


def test_hidden_environment_is_not_offered_and_locks_show(qtbot, sandbox, make_wizard,
                                                         tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text(MANAGED, encoding="utf-8")
    monkeypatch.setenv(mc.ENV_VAR, str(path))
    wizard = make_wizard(sandbox.url)
    for provider in ("rufus", "zype", "xee"):
        pick(qtbot, wizard, provider)
        assert flow.PRODUCTION not in offered(wizard) and flow.DEMO in offered(wizard)
    assert wizard.state["environment"] != flow.PRODUCTION
    find(wizard, "advancedToggle").setChecked(True)
    qtbot.waitUntil(lambda: find(wizard, "browserCommandEdit") is not None, timeout=10000)
    browser = find(wizard, "browserCommandEdit")
    qtbot.waitUntil(lambda: browser.text() == "true {url}", timeout=10000)
    assert not browser.isEnabled()
    assert find(wizard, "managedSettingsNote").isVisibleTo(wizard)
    assert not find(wizard, "managedConfigError").isVisibleTo(wizard)


def test_a_remembered_hidden_environment_is_replaced(qtbot, sandbox, make_wizard, tmp_path,
                                                    monkeypatch, settings_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("last/provider", "rufus")
    settings.setValue("last/environment", flow.PRODUCTION)
    settings.sync()
    path = tmp_path / "config.toml"
    path.write_text('[lock]\nhide_environments = ["production"]\n', encoding="utf-8")
    monkeypatch.setenv(mc.ENV_VAR, str(path))
    wizard = make_wizard(sandbox.url)
    qtbot.waitUntil(lambda: wizard.state.get("environment") != flow.PRODUCTION, timeout=10000)
    assert flow.PRODUCTION not in offered(wizard)


def test_a_bad_file_is_said_and_the_wizard_goes_on(qtbot, sandbox, make_wizard, tmp_path,
                                                   monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text('[xee]\nclient_id = "a"\nredirect_url = "x"\n', encoding="utf-8")
    monkeypatch.setenv(mc.ENV_VAR, str(path))
    wizard = make_wizard(sandbox.url)
    note = find(wizard, "managedConfigError")
    assert note.isVisibleTo(wizard) and "line 3" in note.text() and str(path) in note.text()
    pick(qtbot, wizard, "rufus")
    assert flow.PRODUCTION in offered(wizard)


def test_a_managed_request_timeout_is_used_and_locked(qtbot, sandbox, make_wizard, tmp_path,
                                                      monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text("[network]\ntimeout_seconds = 45\n"
                    '[lock]\nsettings = ["network.timeout_seconds"]\n', encoding="utf-8")
    monkeypatch.setenv(mc.ENV_VAR, str(path))
    wizard = make_wizard(sandbox.url)
    assert wizard.services.request_timeout() == 45
    pick(qtbot, wizard, "rufus")
    find(wizard, "advancedToggle").setChecked(True)
    qtbot.waitUntil(lambda: find(wizard, "requestTimeoutSpin") is not None, timeout=10000)
    spin = find(wizard, "requestTimeoutSpin")
    qtbot.waitUntil(lambda: spin.value() == 45, timeout=10000)
    assert not spin.isEnabled()
    assert find(wizard, "managedSettingsNote").isVisibleTo(wizard)
