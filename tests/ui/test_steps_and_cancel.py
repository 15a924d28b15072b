"""Issue 17 item 15: sidebar steps go back to passed steps; Cancel with typed input asks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core import flow
from app.core.flow import Page

from .conftest import run
from .drive import answer_dialog, choose, click, find, type_into, wait_page


def test_step_target_only_goes_back():
    assert flow.step_target(Page.DEVICE, Page.PROVIDER) is Page.PROVIDER
    assert flow.step_target(Page.CREDENTIALS, Page.DEVICE) is None       # not forward
    assert flow.step_target(Page.PAIRING, Page.PROVIDER) is None         # not while pairing
    assert not flow.has_typed_input(flow.new_state("rufus"))
    assert flow.has_typed_input({**flow.new_state("rufus"), "api_key": "ror-x"})


def test_click_a_passed_step_goes_back(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.show()
    choose(qtbot, wizard, "rufus")
    qtbot.mouseClick(find(wizard, "stepReview"), Qt.MouseButton.LeftButton)
    assert wizard.current is Page.CREDENTIALS                          # not a passed step
    qtbot.mouseClick(find(wizard, "stepProvider"), Qt.MouseButton.LeftButton)
    wait_page(qtbot, wizard, Page.PROVIDER)
    run(qtbot, wizard.shutdown())


def test_cancel_with_typed_input_asks_first(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.show()
    choose(qtbot, wizard, "rufus")
    type_into(qtbot, wizard, "apiKeyEdit", "ror-typed-key")
    click(qtbot, wizard, "cancelButton")
    answer_dialog(qtbot, "cancelDialog", yes=False)
    qtbot.wait(50)
    assert wizard.isVisible() and find(wizard, "apiKeyEdit").text() == "ror-typed-key"
    qtbot.wait(600)   # past the click guard
    click(qtbot, wizard, "cancelButton")
    answer_dialog(qtbot, "cancelDialog", yes=True)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20000)
    run(qtbot, wizard.shutdown())
