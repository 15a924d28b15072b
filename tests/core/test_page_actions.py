"""What each page may do besides Next, as data (flow.PAGE_ACTIONS), without Qt: which
page pairs and where Pair leads (the page that waits for the request), where its end
leads, which shows the outcome (Undo, a late Cancel ignored) and where Back means "Try again".
The window asks these (issue 15 item 4) instead of naming pages."""

from __future__ import annotations

from typing import Any

from app.core import flow
from app.core.flow import Control, Page


def ready(**values: Any) -> dict[str, Any]:
    state = flow.select(flow.new_state(), "rufus", "demo")
    state.update(api_key="ror-ae4fc6c19681a20fad30", rufus_model="Model X1",
                 rufus_serial="DEVICE-123", **values)
    return state


def pages_that(capability: str) -> list[Page]:
    return [p for p in flow.PAGE_ORDER if getattr(flow.page_actions(p), capability)]


def test_each_capability_has_its_one_page():
    assert set(flow.PAGE_ACTIONS) == set(flow.PAGE_ORDER)
    assert pages_that("pairs") == [Page.REVIEW]
    assert pages_that("shows_outcome") == [Page.RESULT]
    assert pages_that("back_tries_again") == [Page.RESULT]


def test_the_capabilities_agree_with_the_navigation_and_the_bar():
    """Pair leads to the page that waits; its end, to the page that shows the outcome;
    the bar shows Pair where one pairs and Finish where the outcome is."""
    pairs, = pages_that("pairs")
    waits = flow.NAVIGATION[pairs]
    assert waits is Page.PAIRING and flow.NAVIGATION[waits] is flow.outcome_page()
    assert Control.PAIR in flow.BAR_BUTTONS[pairs]
    assert Control.NEXT not in flow.BAR_BUTTONS[pairs]      # Pair is its way on, not Next
    assert Control.FINISH in flow.BAR_BUTTONS[flow.outcome_page()]


def test_pair_is_refused_off_the_review_and_on_an_invalid_one():
    state = ready()
    assert flow.pair_target(Page.REVIEW, state) is Page.PAIRING
    assert flow.pair_target(Page.REVIEW, {**state, "rufus_serial": ""}) is None
    assert flow.pair_target(Page.REVIEW, {**state, "api_key": ""}) is None
    for page in (Page.PROVIDER, Page.CREDENTIALS, Page.DEVICE, Page.PAIRING, Page.RESULT):
        assert flow.pair_target(page, state) is None, page


def test_the_requests_end_leads_to_the_page_that_shows_the_outcome():
    assert flow.outcome_page() is Page.RESULT


def test_undo_only_from_the_outcome_of_a_success_not_undone_yet():
    paired = ready(result={"deviceid": "AB" * 32, "serial_number": "DEVICE-123"})
    assert flow.can_undo(Page.RESULT, paired)
    assert not flow.can_undo(Page.RESULT, {**paired, "undone": True})
    failed = ready(result=None, error={"kind": "rufus.serial_taken", "category": "refused"})
    assert not flow.can_undo(Page.RESULT, failed)
    for page in (Page.PROVIDER, Page.CREDENTIALS, Page.DEVICE, Page.REVIEW, Page.PAIRING):
        assert not flow.can_undo(page, paired), page


def test_back_from_the_outcome_is_try_again_and_elsewhere_a_step_back():
    failed = ready(result=None, error={"kind": "rufus.serial_taken", "category": "refused",
                                       "may_have_reached_server": False})
    assert flow.page_actions(Page.RESULT).back_tries_again
    assert flow.previous_page(Page.RESULT, failed) is Page.DEVICE
    assert not flow.page_actions(Page.DEVICE).back_tries_again
    assert flow.previous_page(Page.DEVICE, failed) is Page.CREDENTIALS


def test_the_results_fix_goes_where_try_again_does_and_names_that_page():
    """Issue 15c item 2: the Fix button's label and whether it is offered are flow's
    (fix_action), from the same page try_again() leads to: the result page names no page."""
    failures = {
        Page.PROVIDER: {"kind": "config.bad_api_root", "category": "input"},
        Page.CREDENTIALS: {"kind": "rufus.bad_key", "category": "auth"},
        Page.DEVICE: {"kind": "rufus.serial_taken", "category": "refused"},
        Page.REVIEW: {"kind": "timeout", "category": "network",
                      "may_have_reached_server": True},
    }
    labels = {}
    for page, error in failures.items():
        failed = ready(result=None, error=error)
        fix = flow.fix_action(failed)
        assert fix is not None and fix.offered
        assert fix.page is page is flow.try_again(dict(failed))
        labels[page] = fix.label
    assert labels == {Page.PROVIDER: "Change the &settings",
                      Page.CREDENTIALS: "Change the c&redentials",
                      Page.DEVICE: "Fix the &device details", Page.REVIEW: "T&ry again"}
    assert flow.fix_action(ready(result={"deviceid": "AB" * 32})) is None   # a success
    # A locked Xee box: the device page would fix it, but another pin will not help.
    locked = {**flow.select(flow.new_state(), "xee", "demo"), "xee_device_id": "E133742015",
              "error": {"kind": "xee.box_locked", "category": "refused", "provider": "xee"}}
    assert flow.fix_action(locked) == flow.FixAction(Page.DEVICE, "Fix the &device details",
                                                     False)
