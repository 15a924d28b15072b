"""Xee API v4's user and vehicle routes, under `/xee/v4`, on the same boxes as v3.

Written from Xee's v4 Android SDK (xee-lab/sdk-android 4.x), the only public v4 source
we could read (the OpenAPI at dev.xee.com/v4-openapi is not in it):
- `POST users/me/vehicles` `{"deviceId", "devicePin"}` associates the box and answers
  the Vehicle (sdk-api UsersEndpoint.associateVehicle, model/Vehicle.kt, Device.kt);
- `GET users/me/vehicles`: the user's vehicles, each with its `device`;
- `DELETE vehicles/{vehicleId}/device`: "Delete the pairing between a vehicle and a
  device" (VehiclesEndpoint.dissociateVehicle), 204;
- `GET users/me`: `{id, firstName, lastName, email, gender, createdAt, updatedAt}`
  (model/User.kt);
- errors: `{"error", "error_description", "error_details": [{field, constraint,
  description}]}` (sdk-core model/Error.kt); an expired token is 401 `token_expired`,
  "Token has expired" (sdk-core Constants.kt).
OAuth: `/xee/v4/oauth/authorize` and `/xee/v4/oauth/token` (AuthEndpoint), served by
`app.sandbox.xee_oauth`. The `open_sandbox` dialect applies here too.

Ours, where the SDK says nothing: a vehicle per associated box, id
`uuid5(box id)`; statuses 400 (bad or wrong deviceId/devicePin, counted toward the
same 3-failure lock as v3), 423 (locked box), 404 (unknown box or vehicle), 409 (box on
another user's vehicle), 401 `invalid_token`, 403 `insufficient_scope` / `forbidden`;
the v3 scope names or the v4 SDK's (`vehicles.management`, `account.read`) both grant.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.errors import Reject, rejects
from app.sandbox.state import SandboxState, XeeDevice, XeeToken, XeeUser
from app.sandbox.xee import OPEN_SANDBOX_USER
from app.sandbox.xee_oauth import xee_dialect, xee_format

BEARER = re.compile(r"Bearer ([^\s]+)")
SCOPES = {"devices": ("devices_management", "vehicles.management"),
          "user": ("users_read", "account.read")}
_NAMESPACE = uuid.UUID("6f1c2c3e-8a0d-4c55-9a3e-2f6b1d7e0a41")
_CREATED = datetime(2016, 3, 1, 9, 30, tzinfo=UTC).isoformat().replace("+00:00", "Z")


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


def v4_error(status: int, error: str, description: str,
             details: list[dict[str, str]] | None = None) -> Reject:
    body: dict[str, Any] = {"error": error, "error_description": description}
    if details:
        body["error_details"] = details
    return Reject(JSONResponse(body, status_code=status))


def vehicle_id(device: XeeDevice) -> str:
    return str(uuid.uuid5(_NAMESPACE, device.id))


def authenticate(request: Request, need: str) -> XeeToken:
    state = _state(request)
    if xee_dialect(state, "open_sandbox"):  # as v3's: no Authorization, the demo user
        return XeeToken(access_token="", refresh_token="", user_id=OPEN_SANDBOX_USER,
                        scopes=(*SCOPES["devices"], *SCOPES["user"]), client_id="",
                        expires_at=int(state.now()) + 3600)
    header = (request.headers.get("authorization") or "").strip()
    match = BEARER.fullmatch(header)
    token = state.xee_tokens.get(match.group(1)) if match else None
    if token is None:
        raise v4_error(401, "invalid_token", "Missing or invalid access token")
    if token.revoked:
        raise v4_error(401, "invalid_token", "Token has been revoked")
    if state.now() >= token.expires_at:
        raise v4_error(401, "token_expired", "Token has expired")
    if not set(SCOPES[need]) & set(token.scopes):
        raise v4_error(403, "insufficient_scope", "Token does not have the required scope")
    return token


def _user(request: Request, token: XeeToken) -> XeeUser:
    user = _state(request).xee_users.get(token.user_id)
    if user is None:
        raise v4_error(404, "not_found", "User not found")
    if user.disabled:
        raise v4_error(403, "forbidden", "Token can't access this user")
    return user


def _vehicle(device: XeeDevice) -> dict[str, Any]:
    vid = vehicle_id(device)
    return {"id": vid, "userId": str(device.user_id), "name": f"Car with {device.id}",
            "brand": None, "model": None, "kType": None, "licensePlate": None,
            "device": {"id": device.id, "vehicleId": vid},
            "createdAt": _CREATED, "updatedAt": _CREATED}


@rejects
async def associate(request: Request) -> Response:
    state = _state(request)
    token = authenticate(request, "devices")
    try:
        body = json.loads(await request.body() or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        raise v4_error(400, "bad_request", "The body must be a JSON object")
    device_id, pin = str(body.get("deviceId", "")), str(body.get("devicePin", ""))
    with state.lock:
        user = _user(request, token)
        bad = v4_error(400, "bad_request", "Invalid deviceId or devicePin", [
            {"field": "devicePin", "constraint": "invalid",
             "description": "Check the device id and the pin"}])
        if (not xee_format(state, "device_id_pattern").fullmatch(device_id)
                or not xee_format(state, "pin_pattern").fullmatch(pin)):
            raise bad
        device = state.xee_devices.get(device_id)
        if device is None:
            raise v4_error(404, "not_found", "Device not found")
        if device.locked:
            raise v4_error(423, "locked", "The box association already failed 3 times")
        if device.user_id is not None and device.user_id != user.id:
            raise v4_error(409, "conflict", "Device already associated to another vehicle")
        if pin != device.pin:
            device.failed_attempts += 1
            raise bad
        device.user_id = user.id
        device.failed_attempts = 0
        return JSONResponse(_vehicle(device), status_code=201)


@rejects
async def vehicles(request: Request) -> Response:
    state = _state(request)
    token = authenticate(request, "devices")
    with state.lock:
        user = _user(request, token)
        return JSONResponse([_vehicle(d) for d in state.xee_devices.values()
                             if d.user_id == user.id])


@rejects
async def dissociate(request: Request) -> Response:
    state = _state(request)
    token = authenticate(request, "devices")
    with state.lock:
        user = _user(request, token)
        wanted = request.path_params["vehicle_id"]
        device = next((d for d in state.xee_devices.values()
                       if d.user_id == user.id and vehicle_id(d) == wanted), None)
        if device is None:
            raise v4_error(404, "not_found", "Vehicle not found")
        device.user_id = None
    return Response(status_code=204)


@rejects
async def users_me(request: Request) -> Response:
    token = authenticate(request, "user")
    user = _user(request, token)
    return JSONResponse({"id": str(uuid.uuid5(_NAMESPACE, f"user-{user.id}")),
                         "firstName": user.first_name, "lastName": user.last_name,
                         "email": user.login, "gender": user.gender,
                         "createdAt": _CREATED, "updatedAt": _CREATED})


routes = [
    Route("/xee/v4/users/me", users_me, methods=["GET"]),
    Route("/xee/v4/users/me/vehicles", vehicles, methods=["GET"]),
    Route("/xee/v4/users/me/vehicles", associate, methods=["POST"]),
    Route("/xee/v4/vehicles/{vehicle_id}/device", dissociate, methods=["DELETE"]),
]
