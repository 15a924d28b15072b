"""#14: wiring decisions the wizard makes after a pairing, each caught when broken:
wrong Xee pins are counted and kept across a restart (and forgotten after a success),
and a refusal reaches the history (without the pin) while a typo caught before sending
does not."""

from __future__ import annotations

import json

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import click, find, result_text, wait_page
from .test_xee import xee_review


def history(qtbot, wizard) -> list:
    store = run(qtbot, wizard.services.history())
    return store.query(provider="xee")


def test_wrong_pins_are_kept_across_a_restart_and_forgotten_after_a_success(
        qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wrong = "0000" if device["pin"] != "0000" else "1111"

    first = make_wizard(sandbox.url)
    xee_review(qtbot, first, sandbox, user, device["id"], wrong)
    click(qtbot, first, "pairButton")
    wait_page(qtbot, first, Page.RESULT)
    assert "2 attempts left" in result_text(first)
    stored = json.loads(first.services.settings.value("xee/pinFailures") or "{}")
    assert stored == {device["id"]: 1}
    entries = history(qtbot, first)
    assert [(e.action, e.outcome, e.error_kind) for e in entries][:1] == [
        ("pair", "failed", "xee.pin_rejected")]
    assert wrong not in json.dumps(entries[0].identifiers)        # never the pin
    run(qtbot, first.shutdown())

    second = make_wizard(sandbox.url)                               # a restart
    xee_review(qtbot, second, sandbox, user, device["id"], device["pin"])
    assert "1 wrong pin for this box so far" in find(second, "reviewWarning").text()
    click(qtbot, second, "pairButton")
    wait_page(qtbot, second, Page.RESULT)
    assert not second.state.get("error")
    assert json.loads(second.services.settings.value("xee/pinFailures") or "{}") == {}
    run(qtbot, second.shutdown())


def test_an_input_error_is_not_an_attempt_but_a_refusal_and_an_unknown_outcome_are(
        qtbot, sandbox, make_wizard):
    """Services.record: an input error (nothing was sent) stays out of the history; a
    refusal is "failed" and a cut connection "unknown", with the device id, never the pin."""
    wizard = make_wizard(sandbox.url)
    state = {**wizard.state, "provider": "xee", "environment": "demo",
             "xee_device_id": "E133742016", "xee_pin": "4321"}
    before = len(history(qtbot, wizard))
    nothing = run(qtbot, wizard.services.record(
        state, "pair", error={"kind": "input.xee_pin", "category": "input"}))
    assert nothing is None and len(history(qtbot, wizard)) == before
    run(qtbot, wizard.services.record(
        state, "pair", error={"kind": "xee.pin_rejected", "category": "refused",
                              "status": 400}))
    run(qtbot, wizard.services.record(
        state, "pair", error={"kind": "network.read_timeout", "category": "network",
                              "may_have_reached_server": True}))
    entries = history(qtbot, wizard)[:2]
    assert [(e.outcome, e.error_kind) for e in entries] == [
        ("unknown", "network.read_timeout"), ("failed", "xee.pin_rejected")]
    assert all(e.identifiers.get("device_id") == "E133742016" for e in entries)
    assert "4321" not in json.dumps([e.identifiers for e in entries])
    run(qtbot, wizard.shutdown())


def test_one_decision_on_what_the_history_records(qtbot, sandbox, make_wizard):
    """Issue 14 item 1: whether an end of a pairing is an attempt for the history, and
    its outcome, is flow.history_outcome's decision, asked in one place (Services.record,
    which the wizard always calls): no verdict of its own on the pairing's Outcome for the
    wizard to check first."""
    import ast
    from pathlib import Path

    from app.core import flow

    app = Path(__file__).resolve().parents[2] / "app"
    askers = sorted(
        str(path.relative_to(app.parent))
        for path in app.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute | ast.Name)
        and (node.attr if isinstance(node, ast.Attribute) else node.id) == "history_outcome")
    assert askers == ["app/ui/services.py"]
    assert "record" not in flow.Outcome._fields

    # The wizard hands every end to the history, which leaves the input error out.
    wizard = make_wizard(sandbox.url)
    state = {**wizard.state, "provider": "xee", "environment": "demo",
             "xee_device_id": "E133742016", "xee_pin": "4321"}
    wizard.state = state
    before = len(history(qtbot, wizard))
    run(qtbot, wizard.controller.apply(flow.after_pair(
        state, error={"kind": "input.xee_pin", "category": "input"})))
    assert len(history(qtbot, wizard)) == before
    run(qtbot, wizard.controller.apply(flow.after_pair(
        state, error={"kind": "xee.pin_rejected", "category": "refused", "status": 400})))
    assert [(e.outcome, e.error_kind) for e in history(qtbot, wizard)[:1]] == [
        ("failed", "xee.pin_rejected")]
    run(qtbot, wizard.shutdown())


def test_the_provider_page_shows_the_demo_address_once_the_sandbox_is_ready(
        qtbot, make_wizard, settings_path):
    """Issue 15c item 4: PairingWizard tells the page shown when the demo sandbox it
    started answers (WizardPage.sandbox_ready); the provider page then shows the demo's
    API address in its Advanced settings, which it could not show before."""
    from PySide6.QtCore import QSettings

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("last/provider", "rufus")
    settings.setValue("last/environment", "production")   # no sandbox at the start
    settings.sync()
    wizard = make_wizard(demo=False)    # the wizard's own sandbox, started when needed
    sandbox = wizard.services.sandbox
    page = wizard.pages[Page.PROVIDER]
    advanced = page.advanced
    assert wizard.current is Page.PROVIDER and sandbox.url is None
    assert advanced.api_root.placeholderText() == "https://api.runonrufus.com/v0"

    page.environment.setCurrentIndex(page.environment.findData("demo"))
    assert wizard.state["environment"] == "demo"
    assert sandbox.url is None                           # starting in its thread
    assert advanced.api_root.text() == "" and not advanced.api_root.isEnabled()
    assert "its address shows once it has started" in advanced.api_root_note.text()

    detail = find(wizard, "demoBannerDetail")
    qtbot.waitUntil(lambda: sandbox.url is not None and sandbox.url in detail.text(),
                    timeout=WAIT_MS)
    # Announced in the same turn as the banner: the page shows the address now.
    assert advanced.api_root.text() == f"{sandbox.url}/rufus/v0"
    run(qtbot, wizard.shutdown())
