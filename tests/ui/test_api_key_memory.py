"""Issue 17 item 11: the api key survives switching provider and back; no error before typing."""

from __future__ import annotations

from app.core import flow
from app.core.flow import Page

from .conftest import run
from .drive import choose, click, find, type_into, wait_page


def test_select_keeps_the_typed_key_per_provider_and_environment():
    state = flow.select(flow.new_state(), "rufus", flow.DEMO)
    state["api_key"] = "ror-typed-key"
    state = flow.select(state, "zype", flow.DEMO)
    assert state["api_key"] == ""
    state = flow.select(state, "rufus", flow.DEMO)
    assert state["api_key"] == "ror-typed-key"


def test_key_kept_when_switching_provider_and_back(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")
    assert find(wizard, "apiKeyEditNote").property("role") == "help"   # nothing typed yet
    type_into(qtbot, wizard, "apiKeyEdit", "ror-typed-key")
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.PROVIDER)
    choose(qtbot, wizard, "zype")
    assert find(wizard, "apiKeyEdit").text() == ""
    # The zype key was never edited: no "empty" error shown before typing or Next.
    assert find(wizard, "apiKeyEditNote").property("role") == "help"
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.PROVIDER)
    choose(qtbot, wizard, "rufus")
    assert find(wizard, "apiKeyEdit").text() == "ror-typed-key"
    run(qtbot, wizard.shutdown())
