"""Issue 17 (smaller list) item 1: the focus ring follows the selected provider card."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from app.core.flow import Page

from .conftest import run
from .drive import find, wait_page

NAMES = {"xee": "providerXee", "rufus": "providerRufus", "zype": "providerZype"}


def focused_cards(wizard) -> list[str]:
    """The provider cards holding the focus (their radio, or the card itself)."""
    page = wizard.pages[Page.PROVIDER]
    focus = QApplication.focusWidget()
    return [key for key, card in page.cards.items()
            if focus is not None and (focus is card or card.isAncestorOf(focus))]


def selected(wizard) -> str | None:
    return wizard.state.get("provider")


def test_clicking_a_card_moves_the_focus_to_it(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.show()
    qtbot.waitExposed(wizard)
    wait_page(qtbot, wizard, Page.PROVIDER)
    page = wizard.pages[Page.PROVIDER]
    xee = find(wizard, NAMES["xee"], QRadioButton)
    xee.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(xee, Qt.Key.Key_Space)
    assert selected(wizard) == "xee"
    assert focused_cards(wizard) == ["xee"]
    # A click on the RUFUS card's text (not on its radio) picks RUFUS: the focus follows.
    card = page.cards["rufus"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(card.width() // 2,
                                                                 card.height() - 8))
    assert selected(wizard) == "rufus"
    qtbot.waitUntil(lambda: focused_cards(wizard) == ["rufus"], timeout=2000)
    assert find(wizard, NAMES["rufus"]).hasFocus()
    assert not xee.hasFocus()
    run(qtbot, wizard.shutdown())


def test_a_card_chosen_from_another_takes_the_focus_and_the_arrows_follow(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.show()
    qtbot.waitExposed(wizard)
    wait_page(qtbot, wizard, Page.PROVIDER)
    page = wizard.pages[Page.PROVIDER]
    xee = find(wizard, NAMES["xee"], QRadioButton)
    qtbot.waitUntil(xee.hasFocus, timeout=2000)   # the page starts on the first card
    assert selected(wizard) is None
    # RUFUS chosen without moving the focus (an accessibility tool's "press" action).
    find(wizard, NAMES["rufus"], QRadioButton).click()
    assert selected(wizard) == "rufus"
    assert focused_cards(wizard) == ["rufus"]
    # The arrows (the cards are side by side) now move from the chosen card and choose
    # the card they reach.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert (focused_cards(wizard), selected(wizard)) == (["zype"], "zype")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert (focused_cards(wizard), selected(wizard)) == (["rufus"], "rufus")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert (focused_cards(wizard), selected(wizard)) == (["xee"], "xee")
    # Only the chosen card has the chosen border, and it is the one with the focus.
    assert [k for k, c in page.cards.items() if c.property("selected") == "true"] == ["xee"]
    run(qtbot, wizard.shutdown())


def test_a_card_chosen_while_the_focus_is_elsewhere_leaves_it_there(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wait_page(qtbot, wizard, Page.PROVIDER)
    qtbot.mouseClick(find(wizard, NAMES["xee"]), Qt.MouseButton.LeftButton)
    combo = find(wizard, "environmentCombo")
    combo.setFocus()
    find(wizard, NAMES["zype"], QRadioButton).click()
    assert selected(wizard) == "zype"
    assert combo.hasFocus() and focused_cards(wizard) == []
    run(qtbot, wizard.shutdown())
