"""Zype device linking and consumer lookup, under `/zype`.

Documented: `api_key` in the query string; `{"message"}` errors; 401 for a missing or
invalid key; `/pin/link` 200 `{"response": DevicePin}` and 404 "Device Pin not found"
(unknown or expired pin); `/pin/status` 404 "Pin does not exist for that device";
DevicePin fields; pins `z` + 3 letters + 3 digits that expire 30 minutes after creation
(`pin_expiration` = `created_at` + 30 min); consumers with pagination.

Ours:
- Writes (acquire, link, unlink) need an admin key; a read_only key gets 403.
- A missing required parameter, or a `consumer_id` that is not a 24-hex id -> 422.
- Link: the pin is checked first (documented 404), then the consumer: a well-formed
  but unknown consumer -> 404 "Consumer not found". Any unexpired pin can be
  (re)linked; a pin of another format is simply not found (404).
- Acquire always makes a new pin for the device and drops its previous one.
- Unlink: 200 `{"response": consumer}`; the pin must be linked to that consumer
  (else 422 "Device Pin is not linked to this consumer"); expiry does not matter.
- Status returns the device's pin even when expired (`pin_expiration` tells).
- `GET /consumers?email=` matches email case-insensitively; without `email` it lists
  everyone; `page` (from 1) and `per_page` (1..500, default 10) paginate.
- Timestamps are rendered in a fixed -04:00 offset, like the docs' example.

Dialects (`ZYPE_DIALECT`, set with `create_app(dialect={"zype": {...}})` or
`POST /_sandbox/dialect`), variants the public sources allow:
- `link_returns` (default "pin"): "consumer" answers `PUT /pin/link` with
  `{"response": consumer}` as Zype's older docs (zype/zype.github.io) and the Ruby
  client zype/zype-gem have it; "pin" is the seed page's DevicePin.
- `unlink_returns` (default "consumer"): "pin" answers `PUT /pin/unlink` with the
  DevicePin (now unlinked).
- `read_only_status` (default 403): Zype documents only 401 for key problems; 401
  answers a Read Only key's write with 401 `{"message"}` as for an invalid key.
- `renew_pins` (default false; ours, for the offline demo): a free pin that has expired
  is replaced by a fresh one for the same TV (state.renew_expired_zype_pins).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.errors import rejects, zype_error
from app.sandbox.state import (
    ZYPE_DEVICE_ID,
    ZYPE_SITE_ID,
    SandboxState,
    ZypeConsumer,
    ZypeKey,
    ZypePin,
    object_id,
)

OBJECT_ID_FORMAT = re.compile(r"[0-9a-f]{24}")
ZYPE_TZ = timezone(timedelta(hours=-4))
DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 500
ZYPE_DIALECT: dict[str, object] = {
    "link_returns": "pin",
    "unlink_returns": "consumer",
    "read_only_status": 403,
    "renew_pins": False,
}


def check_zype_dialect(name: str, value: object) -> str | None:
    """What is wrong with one dialect value, or None."""
    if name == "renew_pins":
        return None if isinstance(value, bool) else "true or false"
    if name == "read_only_status":
        return None if value in (401, 403) and not isinstance(value, bool) else "401 or 403"
    return None if value in ("pin", "consumer") else '"pin" or "consumer"'


def zype_dialect(state: SandboxState, name: str) -> object:
    return state.dialects.get("zype", {}).get(name, ZYPE_DIALECT[name])


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


def _authorize(request: Request, write: bool) -> ZypeKey:
    key = _state(request).zype_keys.get(request.query_params.get("api_key", ""))
    if key is None:
        raise zype_error("key_invalid")
    if write and key.type != "admin":
        if zype_dialect(_state(request), "read_only_status") == 401:
            raise zype_error("key_invalid")
        raise zype_error("read_only")
    return key


def _required(request: Request, name: str) -> str:
    value = request.query_params.get(name, "").strip()
    if not value:
        raise zype_error("missing_parameter", field=name)
    return value


def timestamp(epoch: float | None) -> str | None:
    """`2016-04-15T15:23:50.198-04:00`, the documents' format."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, ZYPE_TZ).isoformat(timespec="milliseconds")


def pin_json(pin: ZypePin, state: SandboxState) -> dict[str, Any]:
    consumer = state.zype_consumers.get(pin.consumer_id or "")
    return {
        "_id": pin.id,
        "consumer_id": pin.consumer_id,
        "created_at": timestamp(pin.created_at),
        "deleted_at": None,
        "device_id": ZYPE_DEVICE_ID,
        "linked_device_id": pin.linked_device_id,
        "pin": pin.pin,
        "pin_expiration": timestamp(pin.expires_at),
        "site_id": ZYPE_SITE_ID,
        "updated_at": timestamp(pin.updated_at),
        "linked": pin.linked,
        "subscription_count": consumer.subscription_count if consumer else 0,
    }


def consumer_json(consumer: ZypeConsumer, state: SandboxState) -> dict[str, Any]:
    return {
        "_id": consumer.id,
        "email": consumer.email,
        "name": consumer.name,
        "created_at": timestamp(consumer.created_at),
        "updated_at": timestamp(consumer.created_at),
        "site_id": ZYPE_SITE_ID,
        "subscription_count": consumer.subscription_count,
        "linked_devices": [p.linked_device_id for p in state.zype_pins.values()
                           if p.consumer_id == consumer.id],
    }


def _consumer(request: Request, consumer_id: str) -> ZypeConsumer:
    if not OBJECT_ID_FORMAT.fullmatch(consumer_id):
        raise zype_error("bad_parameter", field="consumer_id")
    consumer = _state(request).zype_consumers.get(consumer_id)
    if consumer is None:
        raise zype_error("consumer_not_found")
    return consumer


@rejects
async def acquire(request: Request) -> Response:
    _authorize(request, write=True)
    linked_device_id = _required(request, "linked_device_id")
    state = _state(request)
    with state.lock:
        for old in [p for p in state.zype_pins.values()
                    if p.linked_device_id == linked_device_id]:
            del state.zype_pins[old.pin]
        now = state.now()
        pin = ZypePin(object_id(), state.new_zype_pin_value(), linked_device_id, now, now)
        state.zype_pins[pin.pin] = pin
        return JSONResponse({"response": pin_json(pin, state)})


@rejects
async def status(request: Request) -> Response:
    _authorize(request, write=False)
    linked_device_id = _required(request, "linked_device_id")
    state = _state(request)
    with state.lock:
        pin = next((p for p in state.zype_pins.values()
                    if p.linked_device_id == linked_device_id), None)
        if pin is None:
            raise zype_error("no_pin_for_device")
        return JSONResponse({"response": pin_json(pin, state)})


@rejects
async def link(request: Request) -> Response:
    _authorize(request, write=True)
    consumer_id = _required(request, "consumer_id")
    pin_value = _required(request, "pin")
    state = _state(request)
    with state.lock:
        pin = state.zype_pins.get(pin_value)
        if pin is None or state.now() >= pin.expires_at:
            raise zype_error("pin_not_found")
        consumer = _consumer(request, consumer_id)
        pin.consumer_id = consumer.id
        pin.updated_at = state.now()
        if zype_dialect(state, "link_returns") == "consumer":
            return JSONResponse({"response": consumer_json(consumer, state)})
        return JSONResponse({"response": pin_json(pin, state)})


@rejects
async def unlink(request: Request) -> Response:
    _authorize(request, write=True)
    consumer_id = _required(request, "consumer_id")
    pin_value = _required(request, "pin")
    state = _state(request)
    with state.lock:
        pin = state.zype_pins.get(pin_value)
        if pin is None:
            raise zype_error("pin_not_found")
        consumer = _consumer(request, consumer_id)
        if pin.consumer_id != consumer.id:
            raise zype_error("pin_not_linked")
        pin.consumer_id = None
        pin.updated_at = state.now()
        if zype_dialect(state, "unlink_returns") == "pin":
            return JSONResponse({"response": pin_json(pin, state)})
        return JSONResponse({"response": consumer_json(consumer, state)})


def _page_param(request: Request, name: str, default: int, maximum: int) -> int:
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise zype_error("bad_parameter", field=name)
    return int(raw)


@rejects
async def consumers(request: Request) -> Response:
    _authorize(request, write=False)
    email = request.query_params.get("email")
    page = _page_param(request, "page", 1, 10**6)
    per_page = _page_param(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    state = _state(request)
    with state.lock:
        found = [c for c in state.zype_consumers.values()
                 if email is None or c.email.lower() == email.strip().lower()]
        pages = -(-len(found) // per_page)
        start = (page - 1) * per_page
        return JSONResponse({
            "response": [consumer_json(c, state) for c in found[start:start + per_page]],
            "pagination": {
                "current": page,
                "previous": page - 1 if page > 1 else None,
                "next": page + 1 if page < pages else None,
                "per_page": per_page,
                "pages": pages,
            },
        })


routes = [
    Route("/zype/pin/acquire", acquire, methods=["POST"]),
    Route("/zype/pin/status", status, methods=["GET"]),
    Route("/zype/pin/link", link, methods=["PUT"]),
    Route("/zype/pin/unlink", unlink, methods=["PUT"]),
    Route("/zype/consumers", consumers, methods=["GET"]),
]
