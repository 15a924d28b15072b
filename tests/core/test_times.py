"""Issue 17 (smaller list) item 2 without Qt: the providers' ISO 8601 times become local
date-times for people (a formatter the GUI passes, or app.core.times.local_text), field
names become labels, and what cannot be read stays readable, never a crash."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import UTC, datetime, timedelta, timezone

import httpx2
import pytest

from app.core import flow, times
from app.core.rufus import RufusAPI
from app.sandbox.app import create_app

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


@pytest.fixture
def paris(monkeypatch):
    """The computer's zone: Paris (UTC+1 in December), so "local" shows."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-03T14:05:00Z", datetime(2026, 12, 3, 14, 5, tzinfo=UTC)),
    ("2026-12-03T14:05:00+00:00", datetime(2026, 12, 3, 14, 5, tzinfo=UTC)),
    ("2026-12-03T14:05:00.198Z", datetime(2026, 12, 3, 14, 5, 0, 198000, tzinfo=UTC)),
    ("2026-12-03T14:05:00.123456789Z", datetime(2026, 12, 3, 14, 5, 0, 123456, tzinfo=UTC)),
    ("2016-04-15T15:23:50.198-04:00",
     datetime(2016, 4, 15, 15, 23, 50, 198000, tzinfo=timezone(timedelta(hours=-4)))),
    ("2026-12-03T14:05:00", datetime(2026, 12, 3, 14, 5, tzinfo=UTC)),   # no zone: UTC
])
def test_iso_times_are_read_with_their_offset(text, expected):
    moment = times.parse_time(text)
    assert moment == expected and moment.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ["soon", "2026-13-03T14:05:00Z", "2026-12-03", "", "  ",
                                   None, 1764770700, "T"])
def test_what_is_not_a_time_stays_readable(value):
    assert times.parse_time(value) is None
    text = times.time_text(value)
    assert text == (str(value).strip() if str(value or "").strip() else "—")


def test_local_text_is_the_computers_local_time(paris):
    assert times.time_text("2026-12-03T14:05:00Z") == "2026-12-03 15:05"
    assert times.time_text("2016-04-15T15:23:50.198-04:00") == "2016-04-15 21:23"


def test_zype_result_rows_have_labels_and_local_times(paris):
    result = {"pin": "zabc123", "consumer_id": "c-1", "linked_device_id": "roku-4f2a9c",
              "linked": True, "_id": "dp-1", "device_id": "dev-9", "site_id": "site-3",
              "pin_expiration": "2026-12-03T14:35:00.250Z", "subscription_count": 1,
              "created_at": "2026-12-03T14:05:00Z", "updated_at": "not yet"}
    rows = flow.result_rows({"provider": "zype", "result": result})
    labels = dict(rows)
    assert all("_" not in label for label, _ in rows)      # no raw API field name
    assert labels["TV device id"] == "roku-4f2a9c"
    assert labels["Zype device id"] == "dev-9" and "Device id" not in labels
    assert labels["Created"] == "2026-12-03 15:05"
    assert labels["Pin expires"] == "2026-12-03 15:35"
    assert labels["Updated"] == "not yet"                   # unreadable: as it came
    # The GUI's own format (QLocale's in the wizard) gets the parsed, aware datetime.
    seen: list[datetime] = []
    shown = dict(flow.result_rows({"provider": "zype", "result": result},
                                  lambda moment: seen.append(moment) or "LOCAL"))
    assert shown["Created"] == shown["Pin expires"] == "LOCAL"
    assert datetime(2026, 12, 3, 14, 5, tzinfo=UTC) in seen
    assert not any(ISO.search(value) for _, value in rows)


def test_the_rufus_check_shows_local_times(paris):
    async def main() -> None:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fx = (await c.get("/_sandbox/fixtures")).json()
            key = next(k["key"] for k in fx["rufus"]["api_keys"] if k["access"] == "READ")
            device = fx["rufus"]["devices"][0]
            api = RufusAPI(c, "http://sandbox/rufus/v0", key)
            telemetry = (await api.find_by_serial(device["serial_number"]))[0] \
                .last_telemetry_at
            assert ISO.match(telemetry) and telemetry.endswith("Z")   # what RUFUS sends
            state = {**flow.new_state("rufus"), "rufus_serial": device["serial_number"]}
            found = await flow.check_last_request(api, state)
            local = times.parse_time(telemetry).astimezone().strftime("%Y-%m-%d %H:%M")
            assert f"last telemetry {local}," in found.message
            assert not ISO.search(found.message)
    asyncio.run(main())
