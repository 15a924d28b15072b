"""Light/dark switches while the app runs: every window restyles itself (item 9).

The OS switch arrives as an application palette change (and, on Qt 6.5+, the style
hints' colorSchemeChanged); QApplication.setPalette delivers the same events here."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.ui import theme


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def light_then_restore(qapp):
    previous = QApplication.palette()
    QApplication.setPalette(theme.light_palette())
    yield
    QApplication.setPalette(previous)


def test_wizard_and_history_window_follow_a_switch_to_dark(qtbot, make_wizard,
                                                           light_then_restore):
    wizard = make_wizard()
    wizard.open_history()
    history = wizard.history_window
    assert history is not None
    light_error = theme.colors(theme.light_palette())["error"]
    dark_error = theme.colors(theme.dark_palette())["error"]
    assert light_error != dark_error
    assert light_error in wizard.styleSheet()
    assert light_error in history.styleSheet()

    QApplication.setPalette(theme.dark_palette())
    qtbot.waitUntil(lambda: dark_error in wizard.styleSheet(), timeout=3000)
    qtbot.waitUntil(lambda: dark_error in history.styleSheet(), timeout=3000)
    assert "#historyWindow" in history.styleSheet()
    assert light_error not in wizard.styleSheet()

    QApplication.setPalette(theme.light_palette())  # and back
    qtbot.waitUntil(lambda: light_error in wizard.styleSheet(), timeout=3000)
    history.close()
