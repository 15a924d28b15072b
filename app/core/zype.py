"""Zype device linking: link a consumer to a TV app's pin, and find consumers.

The api_key travels in the query string (as Zype documents), so it is passed
to `ProviderHTTP` as a secret parameter: it never appears in `endpoint`, in
error messages or in our log lines.

What `PUT /pin/link` and `PUT /pin/unlink` answer differs between the sources: the
product's seed page (an OpenAPI page) gives `{"response": DevicePin}`, while Zype's
older developer docs (GitHub zype/zype.github.io, `api_docs/device_linking.md`, which
documents only the DevicePin object and the parameters) and the Ruby client
zype/zype-gem treat the answer as the consumer. Both are accepted: when the consumer
comes back, the pin's state is read with `GET /pin/status` for each of the consumer's
`linked_devices`, so the result still carries `linked_device_id` and `linked`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx2

from app.core.errors import InputError, ProviderError
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
    # The consumer's linked devices (their linked_device_ids), shown after a lookup.
    linked_devices: tuple[str, ...] = ()


def _response(reply: Reply, data: dict[str, Any] | None = None) -> Any:
    """The 'response' member of the answer (`data`: the answer's object, if parsed)."""
    if data is None:
        data = reply.json_object()
    if "response" not in data:
        raise reply.fail("response.wrong_shape", "no 'response' in the answer")
    return data["response"]


def _device_pin(data: dict[str, Any]) -> DevicePin:
    return DevicePin(
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


def looks_like_consumer(data: Any) -> bool:
    """A consumer object (the older docs' and the gem's link answer), not a DevicePin."""
    return (isinstance(data, dict) and "pin" not in data and "linked_device_id" not in data
            and bool(opt_str(data, "_id"))
            and any(k in data for k in ("email", "linked_devices", "name")))


def linked_devices(data: dict[str, Any]) -> list[str]:
    """A consumer's `linked_devices`: linked device ids (strings, or objects with one)."""
    found = []
    for item in data.get("linked_devices") or []:
        if isinstance(item, dict):
            item = item.get("linked_device_id") or item.get("_id")
        if isinstance(item, str) and item.strip() and item.strip() not in found:
            found.append(item.strip())
    return found


def parse_device_pin(reply: Reply) -> DevicePin:
    data = _response(reply)
    if not isinstance(data, dict):
        raise reply.fail("response.wrong_shape", "'response' is not a device pin object")
    pin = _device_pin(data)
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
                linked_devices=tuple(linked_devices(item)),
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
        reply = await self.http.call("link", "PUT", "/pin/link", params=params)
        data = _response(reply)
        if not looks_like_consumer(data):
            return parse_device_pin(reply)
        return await self._pin_of_consumer(data, params["consumer_id"], params["pin"])

    async def _pin_of_consumer(self, consumer: dict[str, Any], consumer_id: str,
                               pin: str) -> DevicePin:
        """The link answered with the consumer: find the pin's state with /pin/status.

        The link itself succeeded (200), so a status that cannot be read does not undo
        it: the result then says linked (as the 200 does) without a linked device id."""
        for device in linked_devices(consumer):
            try:
                status = await self.status(device)
            except (ProviderError, InputError):
                continue
            if status.pin == pin:
                return status
        return DevicePin(id=None, pin=pin, linked_device_id=None, linked=True,
                         consumer_id=opt_str(consumer, "_id") or consumer_id)

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
