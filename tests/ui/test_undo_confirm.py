"""Issue 15 item 3: the undo's confirmation names what the undo acts on, for every
provider (the box, the RUFUS serial number, the Zype pin and consumer), in the UI
language: the wizard asks flow.undo_confirm, never a Xee state key of its own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core import flow
from app.core.flow import Page
from tests.core.test_flow import PAIRED

from .drive import answer_dialog


def undo_question(qtbot) -> str:
    def dialog() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.objectName() == "undoDialog"
                     and w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
    return dialog().text()


@pytest.mark.parametrize("language_code", ["en", "fr"])
@pytest.mark.parametrize("provider", ["xee", "rufus", "zype"])
def test_the_undo_question_names_the_paired_device(qtbot, make_wizard, language,
                                                   provider, language_code):
    language(language_code)
    wizard = make_wizard(render_only=True)   # no network: the question is all we need
    wizard.select(provider, "production")
    values, result, named = PAIRED[provider]
    wizard.state.update(values, result=result, error=None, undone=False)
    wizard.go(Page.RESULT)

    wizard.start_undo()
    text = undo_question(qtbot)
    for value in named:
        assert value in text
    assert "{" not in text
    english = flow.undo_confirm(wizard.state)
    assert (text == english) is (language_code == "en")   # translated, names and all
    answer_dialog(qtbot, "undoDialog", yes=False)
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=10_000)
    assert not wizard.state["undone"]
