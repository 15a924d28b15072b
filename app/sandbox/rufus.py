"""RUFUS Cloud public API v0, under `/rufus/v0`.

Documented: the `api_key` header (or `x-api-key`), access types READ (GET), WRITE
(POST, PATCH), READ_WRITE (all three), the "unbind" permission for DELETE; the bind's
201 body with its spelling ("binded succesfully"); GET's 200 and 404; DELETE's 200/404;
400 for a missing required field; 403 for a wrong access type.

Ours (the docs are silent):
- Error bodies `{"description": "..."}`; missing or unknown key -> 401; a missing
  unbind permission -> 403; a body that is not a JSON object, or a field that is not
  a non-empty string (alias and firmware may be null or absent) -> 400.
- Duplicate serial_number -> 409 `{"description", "deviceid": <existing>}`.
- `GET /devices?page=&limit=&serial_number=`: page from 1 (default 1), limit 1..5000
  (default 100), optional exact `serial_number` filter; body
  `{"description": "Success", "result": [device...], "pagination": {"page", "limit",
  "total", "pages"}}`. Bad page/limit -> 400.
- Device `type` is "DEVICE"; dates are ISO 8601 UTC with milliseconds and "Z";
  `last_seen` is null until the device talks to the cloud (never, here).

Dialects (`RUFUS_DIALECT`, set with `create_app(dialect={"rufus": {...}})` or
`POST /_sandbox/dialect`), variants the public sources allow:
- `list_wrapped` (default false): `GET /devices` answers
  `{"body": {"description", "result": [...], "pagination"}}`, the wrapped rendering of
  the list answer in RUFUS's OpenAPI `public-api/specifications/devices.md`.
- `unknown_key_status` (default 401): the status of a missing or unknown key is
  undocumented; 403 answers those with 403 (as for a wrong access type).
- `require_type` (default false): the bind needs a `type` (one rendering of RUFUS's
  help-centre bind page lists it as required): without one, 400 "Missing required
  parameter: type". The device keeps the type sent (else "DEVICE").
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.errors import rejects, rufus_error
from app.sandbox.state import RufusDevice, RufusKey, SandboxState, random_hex

READ_METHODS = {"GET", "HEAD"}
RUFUS_DIALECT: dict[str, object] = {
    "list_wrapped": False,
    "unknown_key_status": 401,
    "require_type": False,
}


def check_rufus_dialect(name: str, value: object) -> str | None:
    """What is wrong with one dialect value, or None."""
    if name == "unknown_key_status":
        return None if value in (401, 403) and not isinstance(value, bool) else "401 or 403"
    return None if isinstance(value, bool) else "true or false"


def rufus_dialect(state: SandboxState, name: str) -> object:
    return state.dialects.get("rufus", {}).get(name, RUFUS_DIALECT[name])
MAX_LIMIT = 5000
DEFAULT_LIMIT = 100


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


def _authorize(request: Request, unbind: bool = False) -> RufusKey:
    value = request.headers.get("api_key") or request.headers.get("x-api-key")
    status = rufus_dialect(_state(request), "unknown_key_status")
    if not value:
        raise rufus_error("key_missing", status=status)
    key = _state(request).rufus_keys.get(value)
    if key is None:
        raise rufus_error("key_invalid", status=status)
    if unbind:
        # DELETE needs the optional permission, on a key that can write.
        if key.access == "READ":
            raise rufus_error("wrong_access_type")
        if not key.unbind:
            raise rufus_error("no_unbind_permission")
        return key
    wanted = "READ" if request.method in READ_METHODS else "WRITE"
    if key.access not in (wanted, "READ_WRITE"):
        raise rufus_error("wrong_access_type")
    return key


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def device_json(device: RufusDevice, listed: bool = False) -> dict[str, Any]:
    """A device as GET /devices/{id} shows it; `listed`: as a list item, which also
    carries device_status, battery_percentage, last_telemetry_at and last_login
    (RUFUS's OpenAPI devices.md)."""
    body = {
        "deviceid": device.deviceid,
        "type": device.type,
        "model": device.model,
        "alias": device.alias,
        "firmware": device.firmware,
        "serial_number": device.serial_number,
        "creation_date": _iso(device.creation_date),
        "sessions": device.sessions,
        "passings": device.passings,
        "last_seen": _iso(device.last_seen),
    }
    if listed:
        body.update(device_status=device.device_status,
                    battery_percentage=device.battery_percentage,
                    last_telemetry_at=_iso(device.last_telemetry_at),
                    last_login=_iso(device.last_login))
    return body


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise rufus_error("bad_json") from None
    if not isinstance(body, dict):
        raise rufus_error("bad_json")
    return body


@rejects
async def bind(request: Request) -> Response:
    _authorize(request)
    body = await _json_object(request)
    required = ["model", "serial_number"]
    if rufus_dialect(_state(request), "require_type"):
        required.append("type")
    for field in required:
        if field not in body or body[field] is None:
            raise rufus_error("missing_field", field=field)
    for field in ("model", "serial_number", "alias", "firmware", "type"):
        value = body.get(field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise rufus_error("bad_field", field=field)
    state = _state(request)
    with state.lock:
        existing = next((d for d in state.rufus_devices.values()
                         if d.serial_number == body["serial_number"]), None)
        if existing is not None:
            raise rufus_error("duplicate_serial", extra={"deviceid": existing.deviceid})
        device = RufusDevice(
            deviceid=random_hex(32).upper(), serial_number=body["serial_number"],
            model=body["model"], alias=body.get("alias"), firmware=body.get("firmware"),
            creation_date=state.now(),
        )
        if body.get("type"):
            device.type = body["type"]
        state.rufus_devices[device.deviceid] = device
    return JSONResponse(
        {"description": "Device binded succesfully", "deviceid": device.deviceid},
        status_code=201)


def _positive_int(request: Request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1 or (maximum is not None and int(raw) > maximum):
        raise rufus_error("bad_paging", field=name)
    return int(raw)


@rejects
async def list_devices(request: Request) -> Response:
    _authorize(request)
    page = _positive_int(request, "page", 1)
    limit = _positive_int(request, "limit", DEFAULT_LIMIT, MAX_LIMIT)
    serial = request.query_params.get("serial_number")
    state = _state(request)
    with state.lock:
        devices = [d for d in state.rufus_devices.values()
                   if serial is None or d.serial_number == serial]
        start = (page - 1) * limit
        result = [device_json(d, listed=True) for d in devices[start:start + limit]]
    body = {
        "description": "Success",
        "result": result,
        "pagination": {"page": page, "limit": limit, "total": len(devices),
                       "pages": -(-len(devices) // limit)},
    }
    if rufus_dialect(state, "list_wrapped"):
        body = {"body": body}
    return JSONResponse(body)


@rejects
async def get_device(request: Request) -> Response:
    _authorize(request)
    device = _state(request).rufus_devices.get(request.path_params["deviceid"])
    if device is None:
        raise rufus_error("not_found")
    return JSONResponse({"description": "Success", "result": device_json(device)})


@rejects
async def unbind(request: Request) -> Response:
    _authorize(request, unbind=True)
    deviceid = request.path_params["deviceid"]
    state = _state(request)
    with state.lock:
        # Sessions and passings live on the device object: they go with it.
        if state.rufus_devices.pop(deviceid, None) is None:
            raise rufus_error("not_found", extra={"deviceid": deviceid})
    return JSONResponse({"description": "Device unbinded succesfully", "deviceid": deviceid})


routes = [
    Route("/rufus/v0/devices", bind, methods=["POST"]),
    Route("/rufus/v0/devices", list_devices, methods=["GET"]),
    Route("/rufus/v0/devices/{deviceid}", get_device, methods=["GET"]),
    Route("/rufus/v0/devices/{deviceid}", unbind, methods=["DELETE"]),
]
