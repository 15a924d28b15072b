"""RUFUS Cloud public API v0: bind, read, list and unbind devices.

The deviceid a bind returns must never be lost: a 201 without a readable
deviceid is an error that says the device may have been bound, and a deviceid
of the wrong format is kept in the error's details. A bind is never retried
automatically once the request may have reached the server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx2

from app.core.errors import InputError
from app.core.http import ProviderHTTP, Reply, clean_field, opt_int, opt_str
from app.core.validation import (
    validate_rufus_alias,
    validate_rufus_api_key,
    validate_rufus_deviceid,
    validate_rufus_firmware,
    validate_rufus_model,
    validate_rufus_serial_number,
    validate_rufus_type,
)

DEVICEID = re.compile(r"[0-9A-Fa-f]{64}")
PAGE_LIMIT = 500  # devices per page when walking the list (the API allows 1..5000)
MAX_PAGES = 200  # a guard against a server that ignores `page`


@dataclass(frozen=True)
class RufusBinding:
    deviceid: str
    description: str = ""


@dataclass(frozen=True)
class RufusDevice:
    deviceid: str
    serial_number: str | None = None
    model: str | None = None
    alias: str | None = None
    firmware: str | None = None
    type: str | None = None
    creation_date: str | None = None
    last_seen: str | None = None
    sessions: int | None = None  # a count; a list is read as its length
    passings: int | None = None
    # What a support engineer checks (list items of RUFUS's OpenAPI devices.md).
    device_status: str | None = None
    battery_percentage: int | None = None
    last_telemetry_at: str | None = None
    last_login: str | None = None


def _count(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    return len(value) if isinstance(value, list) else opt_int(data, key)


def device_from_json(data: Any) -> RufusDevice | None:
    """One device object -> RufusDevice, or None when it has no deviceid."""
    if not isinstance(data, dict):
        return None
    deviceid = opt_str(data, "deviceid")
    if not deviceid:
        return None
    return RufusDevice(
        deviceid=deviceid,
        serial_number=opt_str(data, "serial_number"),
        model=opt_str(data, "model"),
        alias=opt_str(data, "alias"),
        firmware=opt_str(data, "firmware"),
        type=opt_str(data, "type"),
        creation_date=opt_str(data, "creation_date"),
        last_seen=opt_str(data, "last_seen"),
        sessions=_count(data, "sessions"),
        passings=_count(data, "passings"),
        device_status=opt_str(data, "device_status"),
        battery_percentage=opt_int(data, "battery_percentage"),
        last_telemetry_at=opt_str(data, "last_telemetry_at"),
        last_login=opt_str(data, "last_login"),
    )


def parse_binding(reply: Reply) -> RufusBinding:
    """The bind's 201 body -> RufusBinding; anything unreadable says 'may be bound'."""
    data = reply.body.data if reply.body.kind == "json" else None
    deviceid = data.get("deviceid") if isinstance(data, dict) else None
    if not isinstance(deviceid, str) or not deviceid.strip():
        raise reply.fail(
            "rufus.bind_unconfirmed",
            reply.body.snippet or "no deviceid in the answer",
        )
    deviceid = deviceid.strip()
    if not DEVICEID.fullmatch(deviceid):
        # Keep the raw value whole in details: it may be the only copy.
        error = reply.fail("rufus.bad_deviceid", "deviceid of unexpected format",
                           deviceid=deviceid[:200])
        error.details["deviceid"] = clean_field(deviceid)  # no terminal escapes, bounded
        raise error
    assert isinstance(data, dict)
    return RufusBinding(deviceid=deviceid, description=opt_str(data, "description") or "")


def parse_device(reply: Reply) -> RufusDevice:
    data = reply.json_object()
    result = data.get("result", data)
    device = device_from_json(result)
    if device is None:
        raise reply.fail("response.wrong_shape", "no device with a deviceid in the answer")
    return device


def parse_device_page(reply: Reply) -> tuple[list[RufusDevice], int | None]:
    """A page of `GET /devices` -> (devices, number of pages if given).

    Both shapes are read: `{"description", "result": [...], "pagination"}` and the same
    object wrapped in `{"body": ...}`."""
    data = reply.json()
    if isinstance(data, dict) and isinstance(data.get("body"), dict) and "result" not in data:
        # The wrapped rendering of the list answer (RUFUS's OpenAPI devices.md):
        # {"body": {"description", "result": [...], "pagination"}}.
        data = data["body"]
    items: Any = data
    pages = None
    if isinstance(data, dict):
        items = next(
            (data[k] for k in ("result", "devices", "data", "items") if isinstance(data.get(k),
                                                                                   list)),
            None,
        )
        pagination = data.get("pagination")
        if isinstance(pagination, dict):
            pages = opt_int(pagination, "pages")
    if not isinstance(items, list):
        raise reply.fail("response.wrong_shape", "no list of devices in the answer")
    devices = [device_from_json(item) for item in items]
    if any(device is None for device in devices):
        raise reply.fail("response.wrong_shape", "a device in the list has no deviceid")
    return [d for d in devices if d is not None], pages


def parse_unbind(reply: Reply, sent_deviceid: str) -> str:
    data = reply.body.data if reply.body.kind == "json" else None
    deviceid = opt_str(data, "deviceid") if isinstance(data, dict) else None
    return deviceid if deviceid and DEVICEID.fullmatch(deviceid) else sent_deviceid


class RufusAPI:
    provider = "rufus"

    def __init__(
        self,
        client: httpx2.AsyncClient,
        api_root: str,
        api_key: str,
        *,
        timeout: float | httpx2.Timeout | None = None,
    ) -> None:
        key = validate_rufus_api_key(api_key)
        self.http = ProviderHTTP(client, api_root, "rufus", headers={"api_key": key},
                                 timeout=timeout)

    async def bind(
        self,
        model: str,
        serial_number: str,
        alias: str | None = None,
        firmware: str | None = None,
        type: str | None = None,  # noqa: A002 - the API's own field name
    ) -> RufusBinding:
        """POST /devices. Never retried once the request may have reached RUFUS.

        `type` is sent only when given: one rendering of RUFUS's help-centre bind page
        lists a required `type` beside model and serial_number, the seed does not."""
        payload = {
            "model": validate_rufus_model(model),
            "serial_number": validate_rufus_serial_number(serial_number),
        }
        if (alias := validate_rufus_alias(alias)) is not None:
            payload["alias"] = alias
        if (firmware := validate_rufus_firmware(firmware)) is not None:
            payload["firmware"] = firmware
        if (device_type := validate_rufus_type(type)) is not None:
            payload["type"] = device_type
        reply = await self.http.call("bind", "POST", "/devices", json=payload)
        return parse_binding(reply)

    async def get(self, deviceid: str) -> RufusDevice:
        deviceid = validate_rufus_deviceid(deviceid)
        return parse_device(await self.http.call("get", "GET", f"/devices/{deviceid}"))

    async def unbind(self, deviceid: str) -> str:
        """DELETE /devices/{deviceid}; returns the unbound deviceid."""
        deviceid = validate_rufus_deviceid(deviceid)
        reply = await self.http.call("unbind", "DELETE", f"/devices/{deviceid}")
        return parse_unbind(reply, deviceid)

    async def list_devices(
        self, page: int = 1, limit: int = PAGE_LIMIT, serial_number: str | None = None
    ) -> tuple[list[RufusDevice], int | None]:
        """One page of GET /devices -> (devices, pages if the answer says)."""
        if not (isinstance(page, int) and page >= 1 and isinstance(limit, int)
                and 1 <= limit <= 5000):
            raise InputError("page", "Pages start at 1 and hold 1 to 5000 devices.",
                             provider="rufus")
        params: dict[str, str | int] = {"page": page, "limit": limit}
        if serial_number is not None:
            params["serial_number"] = serial_number
        return parse_device_page(await self.http.call("list", "GET", "/devices", params=params))

    async def find_by_serial(self, serial_number: str) -> list[RufusDevice]:
        """Every device with this serial number (walks the pages).

        The `serial_number` filter is sent (our sandbox honours it), but the
        documented API does not list it, so results are filtered here as well.
        """
        serial = validate_rufus_serial_number(serial_number)
        found: dict[str, RufusDevice] = {}
        seen_first: set[str] = set()
        for page in range(1, MAX_PAGES + 1):
            devices, pages = await self.list_devices(page, PAGE_LIMIT, serial)
            if not devices or devices[0].deviceid in seen_first:
                break  # empty page, or the server ignores `page`
            seen_first.add(devices[0].deviceid)
            for device in devices:
                if device.serial_number is not None and device.serial_number.strip() == serial:
                    found.setdefault(device.deviceid, device)
            if len(devices) < PAGE_LIMIT or (pages is not None and page >= pages):
                break
        return list(found.values())
