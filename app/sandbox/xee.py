"""Xee API v3 device and user routes, under `/xee/v3`, with production semantics.

Xee's own sandbox needs no Authorization; this emulator behaves like production
instead, so that a client's token handling is exercised: every route checks a Bearer
token that the emulator issued (through OAuth or `/_sandbox/xee/token`).

Order of checks (ours, the docs give none): Authorization header, token known, token
revoked, token expired, scope, the token's user, then the route's own parameters.

Choices where the docs are silent (ours):
- Formats: device id = 10 characters, uppercase letters and digits (`E133742015`);
  pin = 4 digits (the dialects `device_id_pattern` / `pin_pattern` replace them).
  Anything else is the documented 400 PARAMETER_ERROR, like a wrong pin.
- "Token can't access this user" (403): the token belongs to a *disabled* account
  (fixture user 1003, carol), on every route; and on dissociate, the device belongs
  to another user. A token whose user does not exist (mint one for an unknown
  user_id) gets the documented 404 "Device or user not found" on associate.
- A device that belongs to another user is 409 CONFLICT on associate; to the same
  user, 204 again (idempotent).
- Lockout: per device. Each wrong pin is the 400 and counts; once a device has 3
  failures every later attempt (even with the right pin) is 403 "The box association
  already failed 3 times", until `/_sandbox/reset`. A success clears the count.
- Token expiry: expired when the emulator clock reaches `expires_at`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.errors import rejects, xee_error
from app.sandbox.state import XEE_CLIENT_ID, SandboxState, XeeToken, XeeUser
from app.sandbox.xee_oauth import SCOPE_DESCRIPTIONS, xee_dialect, xee_format

BEARER = re.compile(r"Bearer ([^\s]+)")


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


# The open_sandbox dialect's caller (Xee's online sandbox needs no Authorization).
OPEN_SANDBOX_USER = 1001


def authenticate(request: Request, scope: str) -> XeeToken:
    """The api-notes' authentication table, in order; returns the live token."""
    state = _state(request)
    if state.dialects.get("xee", {}).get("open_sandbox"):
        return XeeToken(access_token="", refresh_token="", user_id=OPEN_SANDBOX_USER,
                        scopes=tuple(SCOPE_DESCRIPTIONS), client_id=XEE_CLIENT_ID,
                        expires_at=int(state.now()) + 3600)
    header = request.headers.get("authorization")
    if header is None or not header.strip():
        raise xee_error("auth_missing")
    match = BEARER.fullmatch(header.strip())
    if match is None:
        raise xee_error("auth_malformed")
    token = state.xee_tokens.get(match.group(1))
    if token is None:
        raise xee_error("auth_invalid")
    if token.revoked:
        raise xee_error("token_revoked")
    if state.now() >= token.expires_at:
        raise xee_error("token_expired")
    if scope not in token.scopes:
        raise xee_error("scope_missing", scope=scope)
    return token


def _bad_parameter(request: Request, key: str) -> Exception:
    """A device route's 400, in the dialect's spelling of the type."""
    return xee_error(key, type_override=str(xee_dialect(_state(request),
                                                        "parameter_error_type")))


def _user_of(request: Request, token: XeeToken) -> XeeUser | None:
    user = _state(request).xee_users.get(token.user_id)
    if user is not None and user.disabled:
        raise xee_error("user_forbidden")
    return user


@rejects
async def associate(request: Request) -> Response:
    state = _state(request)
    token = authenticate(request, "devices_management")
    with state.lock:
        user = _user_of(request, token)
        device_id = request.path_params["device_id"]
        pin = request.query_params.get("pin", "")
        if (not xee_format(state, "device_id_pattern").fullmatch(device_id)
                or not xee_format(state, "pin_pattern").fullmatch(pin)):
            raise _bad_parameter(request, "associate_bad_parameter")
        device = state.xee_devices.get(device_id)
        if device is None or user is None:
            raise xee_error("device_or_user_not_found")
        if device.locked:
            raise xee_error("association_locked")
        if device.user_id is not None and device.user_id != user.id:
            raise xee_error("already_associated")
        if pin != device.pin:
            device.failed_attempts += 1
            raise _bad_parameter(request, "associate_bad_parameter")
        device.user_id = user.id
        device.failed_attempts = 0
    return Response(status_code=204)


@rejects
async def dissociate(request: Request) -> Response:
    state = _state(request)
    token = authenticate(request, "devices_management")
    with state.lock:
        user = _user_of(request, token)
        device_id = request.path_params["device_id"]
        if not xee_format(state, "device_id_pattern").fullmatch(device_id):
            raise _bad_parameter(request, "dissociate_bad_parameter")
        device = state.xee_devices.get(device_id)
        if device is None or user is None:
            raise xee_error("device_or_car_not_found")
        if device.user_id is None:
            raise xee_error("not_associated")
        if device.user_id != user.id:
            raise xee_error("user_forbidden")
        device.user_id = None
    return Response(status_code=204)


def _iso(day: str) -> str:
    return f"{day}T00:00:00+00:00"


@rejects
async def users_me(request: Request) -> Response:
    token = authenticate(request, "users_read")
    user = _user_of(request, token)
    if user is None:
        raise xee_error("device_or_user_not_found")
    created = datetime(2016, 3, 1, 9, 30, tzinfo=UTC).isoformat()
    return JSONResponse({
        "id": user.id,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "nickName": user.first_name.lower(),
        "gender": user.gender,
        "birthDate": _iso(user.birth_date),
        "licenceDeliveryDate": _iso("2010-06-15"),
        "role": "user",
        "isLocationEnabled": True,
        "creationDate": created,
        "lastUpdateDate": created,
    })


@rejects
async def users_me_cars(request: Request) -> Response:
    """`GET /users/me/cars` (xee-api-docs api/api/v3/users/me/cars.md): the user's cars,
    `deviceId` the box fitted to each (null for a car without one). Ours: one car per
    box of the user (`id` derived from the box), plus a car of their own without a box."""
    state = _state(request)
    token = authenticate(request, "cars_read")
    with state.lock:
        user = _user_of(request, token)
        if user is None:
            raise xee_error("user_not_found")
        boxes = sorted(d.id for d in state.xee_devices.values() if d.user_id == user.id)
    created = datetime(2016, 3, 1, 9, 30, tzinfo=UTC).isoformat()
    cars = [{"id": 1000 * user.id + 1, "name": f"{user.first_name}'s other car",
             "make": "generic", "model": None, "year": 0, "numberPlate": None,
             "deviceId": None, "cardbId": 210, "creationDate": created,
             "lastUpdateDate": created}]
    for n, box in enumerate(boxes, start=2):
        cars.append({"id": 1000 * user.id + n, "name": f"Car with {box}", "make": "Mark",
                     "model": "42", "year": 2014, "numberPlate": f"M-{n:02d}-TS",
                     "deviceId": box, "cardbId": 210, "creationDate": created,
                     "lastUpdateDate": created})
    return JSONResponse(cars)


routes = [
    Route("/xee/v3/devices/{device_id}/associate", associate, methods=["POST"]),
    Route("/xee/v3/devices/{device_id}/dissociate", dissociate, methods=["POST"]),
    Route("/xee/v3/users/me", users_me, methods=["GET"]),
    Route("/xee/v3/users/me/cars", users_me_cars, methods=["GET"]),
]
