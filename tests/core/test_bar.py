"""The wizard's button bar as data (flow.bar_for), without Qt: which buttons each page
shows and enables, the default button, where the focus starts, and when Next is refused."""

from __future__ import annotations

from typing import Any

import pytest

from app.core import flow
from app.core.flow import Button, Control, Page

HIDDEN = Button(False, False)


def state_for(provider: str | None = "xee", **values: Any) -> dict[str, Any]:
    state = flow.new_state()
    if provider:
        state = flow.select(state, provider, "demo")
    state.update(values)
    return state


def ready() -> dict[str, Any]:
    """Everything valid: the review can pair."""
    return state_for("xee", xee_account="Alice Martin", xee_device_id="E133742015",
                     xee_pin="1234")


def shown(bar: flow.Bar) -> set[Control]:
    return {c for c in Control if c is not Control.PAGE and getattr(bar, c.value).visible}


@pytest.mark.parametrize(("page", "buttons"), [
    (Page.PROVIDER, {Control.NEXT, Control.CANCEL}),
    (Page.CREDENTIALS, {Control.BACK, Control.NEXT, Control.CANCEL}),
    (Page.DEVICE, {Control.BACK, Control.NEXT, Control.CANCEL}),
    (Page.REVIEW, {Control.BACK, Control.PAIR, Control.CANCEL}),
    (Page.PAIRING, {Control.PAIR, Control.CANCEL}),
    (Page.RESULT, {Control.BACK, Control.FINISH}),
])
def test_each_page_shows_its_buttons(page, buttons):
    assert shown(flow.bar_for(page, ready())) == buttons


def test_the_title_is_the_windows_except_on_the_result():
    assert [flow.bar_for(p, ready()).title for p in flow.PAGE_ORDER] == [
        True, True, True, True, True, False]


def test_a_fresh_start_can_only_go_on_once_a_provider_is_chosen():
    bar = flow.bar_for(Page.PROVIDER, flow.new_state(None, "demo"))
    assert bar.next == Button(True, False)
    assert bar.back == HIDDEN
    assert bar.cancel == Button(True, True)
    assert bar.default is Control.NEXT and bar.focus == (Control.PAGE,)
    assert flow.bar_for(Page.PROVIDER, state_for("rufus")).next == Button(True, True)


def test_credentials_next_waits_for_the_sign_in_and_focus_falls_back_to_next():
    signed_out = flow.bar_for(Page.CREDENTIALS, state_for("xee"))
    assert signed_out.next == Button(True, False) and signed_out.back == Button(True, True)
    signed_in = flow.bar_for(Page.CREDENTIALS, state_for("xee", xee_account="Alice"))
    assert signed_in.next == Button(True, True)
    assert signed_in.focus == (Control.PAGE, Control.NEXT)
    key = flow.bar_for(Page.CREDENTIALS, state_for("rufus", api_key="ror-ae4fc6c19681a20fad30"))
    assert key.next.enabled


def test_next_is_refused_on_an_invalid_page_and_where_next_is_not_the_way_on():
    state = ready()
    assert flow.next_target(Page.DEVICE, state) is Page.REVIEW
    assert flow.next_target(Page.DEVICE, {**state, "xee_pin": "12"}) is None
    # The review pairs with Pair, the pairing page ends by itself, the result is the end.
    assert flow.next_page(Page.REVIEW, state) is Page.PAIRING
    assert flow.next_target(Page.REVIEW, state) is None
    assert flow.next_target(Page.PAIRING, {**state, "result": {"ok": 1}}) is None
    assert flow.next_target(Page.RESULT, state) is None
    assert not flow.bar_for(Page.REVIEW, state).next.enabled


def test_review_pairs_only_when_every_page_is_valid():
    bar = flow.bar_for(Page.REVIEW, ready())
    assert bar.pair == Button(True, True)
    assert bar.default is Control.PAIR and bar.focus == (Control.PAIR,)
    assert flow.bar_for(Page.REVIEW, {**ready(), "xee_account": ""}).pair == Button(True, False)


def test_busy_disables_navigation_and_the_pages_actions_but_not_cancel():
    for page in flow.PAGE_ORDER:
        bar = flow.bar_for(page, {**ready(), "error": {"kind": "x", "category": "network"}},
                           busy=True)
        assert not (bar.back.enabled or bar.next.enabled or bar.pair.enabled
                    or bar.finish.enabled or bar.page_actions), page
        assert bar.cancel.enabled, page
    assert flow.bar_for(Page.RESULT, ready()).page_actions


def test_while_pairing_pair_stays_disabled_and_cancel_works_once():
    bar = flow.bar_for(Page.PAIRING, ready(), busy=True, pairing=True)
    assert bar.pair == Button(True, False)
    assert bar.back == HIDDEN and bar.next == HIDDEN and bar.finish == HIDDEN
    assert bar.cancel == Button(True, True) and bar.focus == (Control.CANCEL,)
    cancelled = flow.bar_for(Page.PAIRING, ready(), busy=True, pairing=True, cancelling=True)
    assert cancelled.cancel == Button(True, False)
    # Once the request is over, a cancel pressed earlier does not disable it.
    assert flow.bar_for(Page.REVIEW, ready(), cancelling=True).cancel.enabled


def test_a_success_offers_finish_and_no_way_back():
    bar = flow.bar_for(Page.RESULT, {**ready(), "result": {"device_id": "E133742015"}})
    assert bar.finish == Button(True, True) and not bar.cancel.visible
    assert bar.back == Button(True, False)
    assert bar.default is Control.FINISH and bar.focus == (Control.FINISH,)


def test_a_failure_goes_back_to_fix_it_and_focuses_the_fix():
    error = {"kind": "xee.pin_rejected", "category": "refused", "status": 400}
    bar = flow.bar_for(Page.RESULT, {**ready(), "error": error})
    assert bar.back == Button(True, True)
    assert bar.default is Control.FINISH and bar.focus == (Control.PAGE,)


def test_an_uncertain_outcome_goes_back_to_the_review():
    error = flow.cancelled_error(ready())
    state = {**ready(), "error": error}
    assert flow.previous_page(Page.RESULT, state) is Page.REVIEW
    bar = flow.bar_for(Page.RESULT, state)
    assert bar.back == Button(True, True) and bar.focus == (Control.PAGE,)
    # "Try again": the review after it pairs as usual.
    again = flow.bar_for(Page.REVIEW, {**ready(), "uncertain": True})
    assert again.pair == Button(True, True)


def test_a_locked_box_has_no_fix_to_focus_finish_instead():
    locked = {**ready(), "error": {"kind": "xee.box_locked", "category": "refused",
                                   "status": 403}}
    assert flow.box_locked(locked)
    assert flow.bar_for(Page.RESULT, locked).focus == (Control.FINISH,)
    # The third wrong pin locks it too (our own count).
    third = {**ready(), "error": {"kind": "xee.pin_rejected", "category": "refused"},
             "pin_failures": {"xee": {"E133742015": 3}}}
    assert flow.bar_for(Page.RESULT, third).focus == (Control.FINISH,)
    second = {**third, "pin_failures": {"xee": {"E133742015": 2}}}
    assert flow.bar_for(Page.RESULT, second).focus == (Control.PAGE,)
