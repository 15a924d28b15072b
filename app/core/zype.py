"""Zype device linking: link a consumer to a TV app's pin, and find consumers.

The api_key travels in the query string (as Zype documents), so it is passed
to `ProviderHTTP` as a secret parameter: it never appears in `endpoint`, in
error messages or in our log lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx2

from app.core.http import ProviderHTTP, Reply, opt_bool, opt_int, opt_str
from app.core.validation import (
    validate_email,
    validate_zype_api_key,
    validate_zype_consumer_id,
    validate_zype_linked_device_id,
    validate_zype_pin,
)

MAX_CONSUMER_PAGES = 20


@dataclass(frozen=True)
class DevicePin:
    id: str | None
    pin: str | None
    linked_device_id: str | None
    linked: bool | None
    consumer_id: str | None = None
    device_id: str | None = None
    site_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = None
    pin_expiration: str | None = None
    subscription_count: int | None = None


@dataclass(frozen=True)
class Consumer:
    id: str
    email: str | None = None
    name: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    subscription_count: int | None = None


def _response(reply: Reply, data: dict[str, Any] | None = None) -> Any:
    """The 'response' member of the answer (`data`: the answer's object, if parsed)."""
    if data is None:
        data = reply.json_object()
    if "response" not in data:
        raise reply.fail("response.wrong_shape", "no 'response' in the answer")
    return data["response"]


def parse_device_pin(reply: Reply) -> DevicePin:
    data = _response(reply)
    if not isinstance(data, dict):
        raise reply.fail("response.wrong_shape", "'response' is not a device pin object")
    pin = DevicePin(
        id=opt_str(data, "_id"),
        pin=opt_str(data, "pin"),
        linked_device_id=opt_str(data, "linked_device_id"),
        # The seed's schema spells the flag "linked true" (a typo): read both.
        linked=opt_bool(data, "linked", "linked true"),
        consumer_id=opt_str(data, "consumer_id"),
        device_id=opt_str(data, "device_id"),
        site_id=opt_str(data, "site_id"),
        created_at=opt_str(data, "created_at"),
        updated_at=opt_str(data, "updated_at"),
        deleted_at=opt_str(data, "deleted_at"),
        pin_expiration=opt_str(data, "pin_expiration"),
        subscription_count=opt_int(data, "subscription_count"),
    )
    if pin.pin is None and pin.linked_device_id is None and pin.id is None:
        raise reply.fail("response.wrong_shape", "the device pin has no pin, id or device")
    return pin


def parse_unlink(reply: Reply) -> dict[str, Any]:
    """The unlink body is undocumented: the 'response' object, the object, or {}."""
    if reply.body.kind == "empty":
        return {}
    data = reply.json_object()
    inner = data.get("response", data)
    if not isinstance(inner, dict):
        raise reply.fail("response.wrong_shape", "'response' is not an object")
    return inner


def parse_consumers(reply: Reply) -> tuple[list[Consumer], int | None]:
    """A page of `GET /consumers` -> (consumers, next page number or None)."""
    data = reply.json_object()
    items = _response(reply, data)
    if not isinstance(items, list):
        raise reply.fail("response.wrong_shape", "'response' is not a list of consumers")
    consumers = []
    for item in items:
        if not isinstance(item, dict) or not opt_str(item, "_id"):
            raise reply.fail("response.wrong_shape", "a consumer has no _id")
        consumers.append(
            Consumer(
                id=opt_str(item, "_id") or "",
                email=opt_str(item, "email"),
                name=opt_str(item, "name"),
                created_at=opt_str(item, "created_at"),
                updated_at=opt_str(item, "updated_at"),
                subscription_count=opt_int(item, "subscription_count"),
            )
        )
    pagination = data.get("pagination")
    next_page = opt_int(pagination, "next") if isinstance(pagination, dict) else None
    return consumers, next_page


class ZypeAPI:
    provider = "zype"

    def __init__(
        self,
        client: httpx2.AsyncClient,
        api_root: str,
        api_key: str,
        *,
        timeout: float | httpx2.Timeout | None = None,
    ) -> None:
        key = validate_zype_api_key(api_key)
        self.http = ProviderHTTP(client, api_root, "zype", secret_params={"api_key": key},
                                 timeout=timeout)

    async def link(self, consumer_id: str, pin: str) -> DevicePin:
        params = {"consumer_id": validate_zype_consumer_id(consumer_id),
                  "pin": validate_zype_pin(pin)}
        return parse_device_pin(await self.http.call("link", "PUT", "/pin/link", params=params))

    async def status(self, linked_device_id: str) -> DevicePin:
        params = {"linked_device_id": validate_zype_linked_device_id(linked_device_id)}
        reply = await self.http.call("status", "GET", "/pin/status", params=params)
        return parse_device_pin(reply)

    async def unlink(self, consumer_id: str, pin: str) -> dict[str, Any]:
        params = {"consumer_id": validate_zype_consumer_id(consumer_id),
                  "pin": validate_zype_pin(pin)}
        return parse_unlink(await self.http.call("unlink", "PUT", "/pin/unlink", params=params))

    async def find_consumers(self, email: str) -> list[Consumer]:
        """Consumers with this email (Zype's lookup; pages followed while 'next' is set)."""
        params: dict[str, str | int] = {"email": validate_email(email)}
        found: dict[str, Consumer] = {}
        page = 1
        for _ in range(MAX_CONSUMER_PAGES):
            reply = await self.http.call("consumers", "GET", "/consumers",
                                         params={**params, "page": page})
            consumers, next_page = parse_consumers(reply)
            for consumer in consumers:
                found.setdefault(consumer.id, consumer)
            if not consumers or next_page is None or next_page <= page:
                break
            page = next_page
        return list(found.values())
