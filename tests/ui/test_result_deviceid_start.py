"""Issue 17, smaller list: the result page's deviceid box showed the end of the id."""

from __future__ import annotations

from app.core.flow import Page


def test_result_deviceid_box_shows_its_start(qtbot, make_wizard):
    wizard = make_wizard()
    page = wizard.pages[Page.RESULT]
    deviceid = "DEV-START-" + "0123456789" * 8
    page.state.update(provider="rufus", result={"deviceid": deviceid, "serial": "S1"})
    page.show_outcome()
    assert page.deviceid.text() == deviceid
    assert page.deviceid.cursorPosition() == 0
