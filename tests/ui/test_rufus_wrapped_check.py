"""Issue 13: Review's "Check now" (after an unknown outcome) when RUFUS wraps its device
list in {"body": {"description", "result": [...], "pagination"}} (the sandbox's
`rufus.list_wrapped` dialect, over real HTTP): it still finds the device and shows its
status, battery and last telemetry."""

from __future__ import annotations

import httpx2

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import click, find, wait_idle, wait_page
from .test_errors import rufus_to_review
from .test_local_times import shown_as_qt_would
from .test_rufus import rufus_key


def test_check_now_reads_the_wrapped_list_and_shows_status_battery_telemetry(
        qtbot, sandbox, make_wizard):
    sandbox.set_dialect("rufus", list_wrapped=True)
    fx = sandbox.fixtures()
    key = rufus_key(fx, "READ_WRITE")
    known = next(d for d in fx["rufus"]["devices"] if d["battery_percentage"] is not None)
    listed = httpx2.get(f"{sandbox.rufus_root}/devices", headers={"api_key": key},
                        params={"serial_number": known["serial_number"]}, timeout=10).json()
    [item] = listed["body"]["result"]          # the sandbox really answers wrapped
    assert item["last_telemetry_at"]

    wizard = make_wizard(sandbox.url)
    # A bind whose answer never comes (cancelled in flight) for a serial RUFUS holds.
    rufus_to_review(qtbot, wizard, key, known["serial_number"])
    sandbox.set_faults(latency_ms=800)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    qtbot.wait(200)
    wizard.cancel()
    wait_page(qtbot, wizard, Page.RESULT)
    assert wizard.state["error"]["may_have_reached_server"]
    sandbox.clear_faults()
    qtbot.wait(1000)                                  # the sandbox finishes what it got
    click(qtbot, wizard, "fixInputButton")            # "Try again"
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "reviewCheckNowButton")
    wait_idle(qtbot, wizard)
    status = find(wizard, "reviewCheckStatus")
    qtbot.waitUntil(lambda: "carried out" in status.text(), timeout=WAIT_MS)
    text = status.text()
    assert "It was carried out" in text and known["deviceid"] in text
    assert f"status {known['device_status']}" in text
    assert f"battery {known['battery_percentage']} %" in text
    # As a local date-time (issue 17's smaller list), read independently by Qt.
    assert f"last telemetry {shown_as_qt_would(item['last_telemetry_at'])}" in text
    assert "could not be understood" not in text
    run(qtbot, wizard.shutdown())
