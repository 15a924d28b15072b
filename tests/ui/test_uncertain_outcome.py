"""#17 item 6: after an unknown outcome, "Try again" leads to a Review that says the last
request may have been carried out, and "Check now" asks the provider with the credentials
held (RUFUS: its device list by serial number; Xee: the user's cars), showing what it
found."""

from __future__ import annotations

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import click, find, wait_idle, wait_page
from .test_errors import rufus_to_review
from .test_rufus import rufus_key
from .test_xee import xee_review


def test_try_again_after_an_unknown_outcome_says_so_and_checks_now(
        qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "MAYBE-0001")
    assert "Nothing has been sent yet" in find(wizard, "pageSubtitle").text()
    assert not find(wizard, "reviewCheckNowButton").isVisible()
    sandbox.set_faults(latency_ms=800)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    qtbot.wait(200)
    wizard.cancel()                                   # the request had left: unknown
    wait_page(qtbot, wizard, Page.RESULT)
    assert wizard.state["error"]["may_have_reached_server"]
    sandbox.clear_faults()
    qtbot.wait(1000)                                  # the sandbox finishes what it got
    click(qtbot, wizard, "fixInputButton")            # "Try again"
    wait_page(qtbot, wizard, Page.REVIEW)
    subtitle = find(wizard, "pageSubtitle").text()
    assert "Nothing has been sent yet" not in subtitle
    assert "may have been carried out" in subtitle
    click(qtbot, wizard, "reviewCheckNowButton")
    wait_idle(qtbot, wizard)
    status = find(wizard, "reviewCheckStatus")
    qtbot.waitUntil(lambda: "carried out" in status.text(), timeout=WAIT_MS)
    bound = [d for d in sandbox.fixtures()["rufus"]["devices"]
             if d["serial_number"] == "MAYBE-0001"]
    if bound:       # what the check found is what RUFUS holds
        assert "It was carried out" in status.text() and bound[0]["deviceid"] in status.text()
    else:
        assert "It was not carried out" in status.text()
    run(qtbot, wizard.shutdown())


def test_check_now_asks_xee_for_the_users_cars(qtbot, sandbox, make_wizard):
    """Xee: Check now lists the signed-in user's cars and finds the box on one of them."""
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    xee_review(qtbot, wizard, sandbox, user, device["id"], device["pin"])
    sandbox.set_faults(latency_ms=800)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    qtbot.wait(200)
    wizard.cancel()                                   # the request had left: unknown
    wait_page(qtbot, wizard, Page.RESULT)
    sandbox.clear_faults()
    qtbot.wait(1000)                                  # the sandbox finishes what it got
    click(qtbot, wizard, "fixInputButton")
    wait_page(qtbot, wizard, Page.DEVICE if wizard.current is Page.DEVICE else Page.REVIEW)
    if wizard.current is Page.DEVICE:
        click(qtbot, wizard, "nextButton")
        wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "reviewCheckNowButton")
    wait_idle(qtbot, wizard)
    status = find(wizard, "reviewCheckStatus")
    qtbot.waitUntil(lambda: "carried out" in status.text(), timeout=WAIT_MS)
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"]
                 if d["id"] == device["id"])["user_id"]
    if owner == user["id"]:     # what the check found is what Xee holds
        assert "It was carried out" in status.text() and device["id"] in status.text()
    else:
        assert "It was not carried out" in status.text()
    run(qtbot, wizard.shutdown())
