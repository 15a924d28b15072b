"""After the email lookup the device page shows the consumer's linked devices (issue 13)."""

from __future__ import annotations

from app.core.flow import Page

from .drive import choose, click, find, type_into, wait_page


def test_lookup_shows_linked_devices(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    key = next(k["key"] for k in fx["zype"]["api_keys"] if k["type"] == "admin")
    linked_pin = next(p for p in fx["zype"]["pins"] if p["consumer_id"])
    consumer = next(c for c in fx["zype"]["consumers"] if c["_id"] == linked_pin["consumer_id"])
    lonely = next(c for c in fx["zype"]["consumers"]
                  if not any(p["consumer_id"] == c["_id"] for p in fx["zype"]["pins"]))
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", key)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    consumers = find(wizard, "zypeConsumerList")
    for who, expected in ((consumer, linked_pin["linked_device_id"]),
                          (lonely, "No linked device yet")):
        type_into(qtbot, wizard, "zypeEmailEdit", who["email"])
        click(qtbot, wizard, "zypeLookupButton")
        qtbot.waitUntil(lambda w=who: consumers.count() == 1
                        and w["email"] in consumers.item(0).text(), timeout=20000)
        assert expected in consumers.item(0).text()
