"""Issue 17 item 14: resizable windows that remember their size and place and open on a
screen, Advanced settings that fit the wizard's minimum size, French History columns
that keep their titles, and "Restart now" after a language change."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from app.core.flow import Page
from app.ui import i18n
from app.ui import restart as restarting
from app.ui.screenshots import build_scene
from app.ui.window_geometry import on_screen_geometry
from app.ui.wizard import PairingWizard

from .conftest import WAIT_MS, run
from .drive import answer_dialog, choose, click, find, type_into, wait_page
from .test_layout import clipped, describe, visible_widgets


def screen_area() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def close_for_good(qtbot, wizard: PairingWizard) -> None:
    run(qtbot, wizard.shutdown())
    wizard.close()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)


# -- 1. the wizard ----------------------------------------------------------------------

def test_the_wizard_is_resizable_and_reopens_with_its_size_and_place(qtbot, make_wizard):
    wizard = make_wizard()
    assert wizard.minimumSize() == QSize(*PairingWizard.MINIMUM_SIZE)
    assert wizard.maximumSize().width() > 10_000 and wizard.maximumSize().height() > 10_000
    assert screen_area().contains(wizard.frameGeometry())   # the first start: on screen
    wizard.resize(780, 600)
    wizard.move(12, 34)
    QApplication.processEvents()
    close_for_good(qtbot, wizard)
    settings = wizard.services.settings
    assert settings.value("windows/wizard/size") == QSize(780, 600)

    again = make_wizard()          # the next run, with the same settings file
    assert again.size() == QSize(780, 600)
    assert again.pos() == QPoint(12, 34)


def test_a_wizard_remembered_off_every_screen_comes_back_on_screen(qtbot, make_wizard,
                                                                   settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("windows/wizard/size", QSize(780, 600))
    settings.setValue("windows/wizard/position", QPoint(-5000, 4000))   # a screen unplugged
    settings.sync()
    wizard = make_wizard()
    assert wizard.size() == QSize(780, 600)
    assert screen_area().contains(wizard.frameGeometry())


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_advanced_settings_fit_the_minimum_size(qtbot, qloop, qapp, tmp_path, language):
    """Every provider's Advanced settings at the wizard's minimum size: nothing cut off
    on the right (the page no wider than its scroll area) and no text clipped."""
    assert i18n.install(qapp, language) == language
    try:
        for provider in ("xee", "rufus", "zype"):
            settings = QSettings(str(tmp_path / f"{provider}.ini"), QSettings.Format.IniFormat)
            wizard = build_scene(provider, "1-provider", settings,
                                 size=PairingWizard.MINIMUM_SIZE)
            qtbot.addWidget(wizard)
            if provider == "xee":   # outside the demo: the Xee app's sign-in fields too
                wizard.select("xee", "production")
                wizard.go(Page.PROVIDER)
            wizard.pages[Page.PROVIDER].advanced_toggle.setChecked(True)
            qtbot.waitExposed(wizard)
            QApplication.processEvents()
            page, scroll = wizard.pages[Page.PROVIDER], wizard.scrolls[Page.PROVIDER]
            assert find(wizard, "advancedSettings").isVisible()
            assert page.width() <= scroll.viewport().width(), \
                f"{language} {provider}: the page is cut off on the right"
            problems = [f"{describe(w)} {why}" for w in visible_widgets(wizard)
                        if (why := clipped(w))]
            assert problems == [], f"{language} {provider}: clipped text"
            wizard.close()
    finally:
        i18n.uninstall(qapp)


# -- 2. the tool windows ----------------------------------------------------------------

def test_on_screen_geometry_keeps_a_reachable_place_and_moves_a_lost_one():
    left, right = QRect(0, 0, 1920, 1040), QRect(1920, 0, 1280, 984)
    on_right = QRect(2000, 100, 900, 600)
    assert on_screen_geometry(on_right, [left, right], left) == on_right
    lost = QRect(4000, 100, 900, 600)              # the right screen is gone
    assert on_screen_geometry(lost, [left], left) == QRect(1020, 100, 900, 600)
    above = QRect(100, -700, 900, 600)             # the title bar above every screen
    assert on_screen_geometry(above, [left, right], left) == QRect(100, 0, 900, 600)
    too_big = QRect(-50, 5000, 2500, 1500)         # shrunk to the screen, not below minimum
    assert on_screen_geometry(too_big, [left], left) == QRect(0, 0, 1920, 1040)
    assert on_screen_geometry(too_big, [right], right, QSize(1400, 600)) == \
        QRect(1920, 0, 1400, 984)


def open_tools(wizard: PairingWizard) -> dict[str, QWidget]:
    from app.ui.network_check import NetworkCheckDialog

    wizard.open_history()
    wizard.open_batch()
    assert wizard.batch_dialog is not None
    dialog = NetworkCheckDialog(wizard)
    dialog.show()
    return {"history": wizard.history_window, "batch": wizard.batch_dialog,
            "networkCheck": dialog}


def test_tool_windows_open_centred_over_the_wizard_on_screen(qtbot, make_wizard):
    wizard = make_wizard()
    choose(qtbot, wizard, "rufus")   # the batch needs a provider and a key
    type_into(qtbot, wizard, "apiKeyEdit", "ror-any-key")
    wizard.resize(760, 560)
    wizard.move(20, 30)
    QApplication.processEvents()
    for name, window in open_tools(wizard).items():
        qtbot.waitExposed(window)
        frame = window.frameGeometry()
        assert screen_area().contains(frame), f"{name} opened off screen: {frame}"
        centre, wizard_centre = frame.center(), wizard.frameGeometry().center()
        assert abs(centre.x() - wizard_centre.x()) <= 2 or frame.width() >= \
            screen_area().width() - 2, name
        assert window.minimumSize().width() < window.maximumSize().width(), name  # resizable
        window.close()


def test_tool_windows_remember_their_size_and_come_back_on_screen(qtbot, make_wizard):
    wizard = make_wizard()
    choose(qtbot, wizard, "rufus")
    type_into(qtbot, wizard, "apiKeyEdit", "ror-any-key")
    settings = wizard.services.settings
    for name, window in open_tools(wizard).items():
        qtbot.waitExposed(window)
        window.resize(window.minimumSize() + QSize(10, 20))
        window.move(40, 50)
        QApplication.processEvents()
        window.close()
        assert settings.value(f"windows/{name}/size") == window.minimumSize() + QSize(10, 20)
        assert settings.value(f"windows/{name}/position") == QPoint(40, 50)
        window.show()                  # opened again: where it was left
        qtbot.waitExposed(window)
        assert window.pos() == QPoint(40, 50), name
        assert window.size() == window.minimumSize() + QSize(10, 20), name
        window.close()
        settings.setValue(f"windows/{name}/position", QPoint(6000, -3000))  # screen gone
        window.show()
        qtbot.waitExposed(window)
        assert screen_area().contains(window.frameGeometry()), name
        window.close()


# -- 3. French History columns ------------------------------------------------------------

def test_french_history_titles_fit_their_columns(qtbot, french, make_wizard):
    wizard = make_wizard()
    wizard.open_history()
    window = wizard.history_window
    qtbot.waitExposed(window)
    assert screen_area().contains(window.frameGeometry())   # its default size, on screen
    for width in (window.width(), window.minimumWidth()):
        window.resize(width, window.height())
        QApplication.processEvents()
        header = window.table.horizontalHeader()
        metrics = header.fontMetrics()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin,
                                                None, header)
        for column in range(window.model.columnCount()):
            title = window.model.headerData(column, Qt.Orientation.Horizontal)
            need = metrics.horizontalAdvance(title) + margin
            assert header.sectionSize(column) >= need, \
                f"{title!r} needs {need}px, has {header.sectionSize(column)} at {width}px"
    assert window.model.headerData(4, Qt.Orientation.Horizontal) == "Identifiants"
    window.close()


# -- 4. "Restart now" after a language change ---------------------------------------------

@pytest.fixture
def spawned(monkeypatch) -> list[tuple[str, list[str]]]:
    """The new process's command line instead of a real spawn (a test cannot watch a
    detached process start)."""
    calls: list[tuple[str, list[str]]] = []

    def start_detached(program: str, arguments: list[str]) -> bool:
        calls.append((program, list(arguments)))
        return True

    monkeypatch.setattr(restarting, "start_detached", start_detached)
    return calls


def language_combo(qtbot, wizard: PairingWizard):
    if not find(wizard, "advancedToggle").isChecked():
        click(qtbot, wizard, "advancedToggle")
    return find(wizard, "languageCombo")


def test_a_language_change_offers_restart_now_which_restarts(qtbot, make_wizard, spawned):
    wizard = make_wizard()
    combo = language_combo(qtbot, wizard)
    restart = find(wizard, "languageRestartButton")
    assert not restart.isVisible()
    combo.setCurrentIndex(combo.findData("fr"))
    qtbot.waitUntil(restart.isVisible, timeout=WAIT_MS)
    assert "restart" in find(wizard, "languageNote").text().lower()
    click(qtbot, wizard, "languageRestartButton")
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    assert spawned == [restarting.restart_command()]
    assert spawned[0][0] == sys.executable
    assert wizard.is_shut_down


def test_no_restart_offer_when_the_language_is_unchanged(qtbot, make_wizard, spawned):
    wizard = make_wizard()
    combo = language_combo(qtbot, wizard)
    restart = find(wizard, "languageRestartButton")
    in_use = i18n.in_effect()
    combo.setCurrentIndex(combo.findData(in_use))        # the language already shown
    QApplication.processEvents()
    assert not restart.isVisible()
    other = "es" if in_use != "es" else "fr"
    combo.setCurrentIndex(combo.findData(other))
    qtbot.waitUntil(restart.isVisible, timeout=WAIT_MS)
    combo.setCurrentIndex(combo.findData(in_use))        # changed back: no offer
    QApplication.processEvents()
    assert not restart.isVisible()
    assert spawned == []


def test_restart_now_asks_first_when_typed_input_would_be_lost(qtbot, sandbox, make_wizard,
                                                               spawned):
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")
    type_into(qtbot, wizard, "apiKeyEdit", "ror-typed-key")
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.PROVIDER)
    combo = language_combo(qtbot, wizard)
    combo.setCurrentIndex(combo.findData("es"))
    click(qtbot, wizard, "languageRestartButton")
    answer_dialog(qtbot, "restartDialog", yes=False)
    qtbot.wait(50)
    assert wizard.isVisible() and spawned == []
    assert wizard.state.get("api_key") == "ror-typed-key"
    click(qtbot, wizard, "languageRestartButton")
    answer_dialog(qtbot, "restartDialog", yes=True)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    assert spawned == [restarting.restart_command()]


def test_the_restart_command_is_the_same_command_line(monkeypatch):
    monkeypatch.setattr(sys, "orig_argv", ["/usr/bin/python3", "-m", "app", "--demo"])
    assert restarting.restart_command() == (sys.executable, ["-m", "app", "--demo"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/pairing-wizard/pairing-wizard", "--demo"])
    assert restarting.restart_command() == (sys.executable, ["--demo"])


def test_a_disabled_placement_sizes_the_window_and_remembers_nothing(qtbot, qapp, tmp_path):
    """Issue 14 item 5: every window has its WindowPlacement; the screenshots' (render
    only) is disabled: the default size, no place read or written. Call sites no longer
    build it or skip it themselves."""
    from app.ui.screenshots import build_tool
    from app.ui.window_geometry import WindowPlacement

    settings = QSettings(str(tmp_path / "placement.ini"), QSettings.Format.IniFormat)
    settings.setValue("windows/off/size", QSize(700, 500))
    settings.setValue("windows/off/position", QPoint(40, 50))
    for name, enabled in (("off", False), ("on", True)):
        window = QWidget()
        window.setMinimumSize(300, 200)
        qtbot.addWidget(window)
        placement = WindowPlacement(window, settings, name, QSize(640, 360),
                                    enabled=enabled)
        assert placement.enabled is enabled
        window.show()
        qtbot.waitExposed(window)
        assert window.size() == QSize(640, 360)     # the remembered 700×500 not read
        window.resize(610, 350)
        window.hide()
        assert settings.value(f"windows/{name}/size") == (
            QSize(610, 350) if enabled else QSize(700, 500))   # off: untouched

    for tool in ("history", "batch", "network-check"):
        wizard, window = build_tool(tool, settings)
        qtbot.addWidget(wizard)
        assert wizard.placement.enabled is False and window.placement.enabled is False
        window.close()
        wizard.close()
    assert not any(key.startswith(("windows/wizard", "windows/history", "windows/batch",
                                   "windows/networkCheck")) for key in settings.allKeys())
