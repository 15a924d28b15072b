"""Xee API v3 and v4: associate / dissociate a box, and who is signed in.

v3 (the seed page; xee-api-docs api/api/v3/): `POST devices/{id}/associate?pin=`,
`POST devices/{id}/dissociate`, `GET users/me`; errors `[{type, message, tip}]`.

v4 (Xee's current SDK, xee-lab/sdk-android 4.x, sdk-api XeeApi.kt and endpoints):
- associate: `POST users/me/vehicles` with the JSON body `{"deviceId", "devicePin"}`
  (UsersEndpoint.associateVehicle), answered with the Vehicle
  `{id, userId, name, brand, model, licensePlate, device: {id, vehicleId}, ...}`;
- the user's vehicles: `GET users/me/vehicles` (getUserVehicles);
- dissociate: `DELETE vehicles/{vehicleId}/device` (VehiclesEndpoint.dissociateVehicle:
  "Delete the pairing between a vehicle and a device"): by vehicle, so we find the
  vehicle whose `device.id` is the box first;
- `GET users/me`: `{id (a uuid), firstName, lastName, email, gender, createdAt, ...}`;
- errors: `{"error", "error_description", "error_details": [{field, constraint,
  description}]}`, sometimes inside an array (sdk-core model/Error.kt); an expired token
  is 401 `token_expired` / "Token has expired" (sdk-core Constants.kt, ApiInterceptor).
The version comes from the API root: one ending in `/v4` is v4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx2

from app.core.errors import InputError, ProviderError, build_error
from app.core.errors_table import XEE_V4_NOT_ON_A_VEHICLE
from app.core.http import ProviderHTTP, Reply, opt_bool, opt_str
from app.core.validation import validate_xee_device_id, validate_xee_pin

_TOKEN = re.compile(r"[\x21-\x7e]{1,4096}")


@dataclass(frozen=True)
class XeeUser:
    id: int | str
    first_name: str | None = None
    last_name: str | None = None
    nick_name: str | None = None
    gender: str | None = None
    birth_date: str | None = None
    licence_delivery_date: str | None = None
    role: str | None = None
    is_location_enabled: bool | None = None
    creation_date: str | None = None
    last_update_date: str | None = None

    @property
    def display_name(self) -> str:
        full = " ".join(part for part in (self.first_name, self.last_name) if part)
        if full and self.nick_name:
            return f"{full} ({self.nick_name})"
        return full or self.nick_name or f"user {self.id}"


def parse_user(reply: Reply) -> XeeUser:
    """`GET /users/me` body -> XeeUser; only ProviderError on a bad body."""
    data = reply.json_object()
    user_id: Any = data.get("id")
    if isinstance(user_id, bool) or not isinstance(user_id, int | str) or user_id == "":
        raise reply.fail("response.wrong_shape", "the user has no id")
    return XeeUser(
        id=user_id,
        first_name=opt_str(data, "firstName"),
        last_name=opt_str(data, "lastName"),
        nick_name=opt_str(data, "nickName"),
        gender=opt_str(data, "gender"),
        birth_date=opt_str(data, "birthDate"),
        licence_delivery_date=opt_str(data, "licenceDeliveryDate"),
        role=opt_str(data, "role"),
        is_location_enabled=opt_bool(data, "isLocationEnabled"),
        creation_date=opt_str(data, "creationDate"),
        last_update_date=opt_str(data, "lastUpdateDate"),
    )


def _no_content(reply: Reply) -> None:
    """Xee answers 204 with no body. A 2xx carrying an HTML page (a captive portal, a
    proxy), garbage or a bare JSON value did not come from Xee: the outcome is unknown,
    not a success. An empty body, or a JSON object, is taken as Xee's."""
    if reply.body.kind != "empty":
        reply.json_object()  # raises response.html_page / bad_json / wrong_shape


@dataclass(frozen=True)
class XeeVehicle:
    """A v4 vehicle of the signed-in user, with the box fitted to it (if any)."""

    id: str
    device_id: str | None = None
    name: str | None = None
    brand: str | None = None
    model: str | None = None
    license_plate: str | None = None


def parse_vehicles(reply: Reply) -> list[XeeVehicle]:
    data = reply.json()
    if not isinstance(data, list):
        raise reply.fail("response.wrong_shape", "the vehicles are not a list")
    vehicles = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str | int):
            raise reply.fail("response.wrong_shape", "a vehicle has no id")
        device = item.get("device") if isinstance(item.get("device"), dict) else {}
        device_id = device.get("id")
        vehicles.append(XeeVehicle(
            id=str(item["id"]), device_id=str(device_id) if device_id else None,
            name=opt_str(item, "name"), brand=opt_str(item, "brand"),
            model=opt_str(item, "model"), license_plate=opt_str(item, "licensePlate")))
    return vehicles


def parse_cars(reply: Reply) -> list[XeeVehicle]:
    """v3 `GET /users/me/cars`: the user's cars, `deviceId` the box fitted (or null)."""
    data = reply.json()
    if not isinstance(data, list):
        raise reply.fail("response.wrong_shape", "the cars are not a list")
    cars = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str | int) \
                or isinstance(item.get("id"), bool):
            raise reply.fail("response.wrong_shape", "a car has no id")
        device_id = item.get("deviceId")
        cars.append(XeeVehicle(
            id=str(item["id"]),
            device_id=device_id.strip() if isinstance(device_id, str) and device_id.strip()
            else None,
            name=opt_str(item, "name"), brand=opt_str(item, "make"),
            model=opt_str(item, "model"), license_plate=opt_str(item, "numberPlate")))
    return cars


def version_of_root(api_root: str) -> str:
    return "v4" if api_root.rstrip("/").rsplit("/", 1)[-1].lower() == "v4" else "v3"


class XeeAPI:
    """Xee's device routes.

    With ``access_token=None`` no Authorization header is sent: either the client
    adds it (the sign-in layer passes an authlib AsyncOAuth2Client) or the
    environment needs none (Xee's online sandbox).
    """

    provider = "xee"

    def __init__(
        self,
        client: httpx2.AsyncClient,
        api_root: str,
        access_token: str | None = None,
        *,
        timeout: float | httpx2.Timeout | None = None,
        api_version: str | None = None,
    ) -> None:
        self.api_version = api_version or version_of_root(api_root)
        headers = {}
        if access_token is not None:
            if not isinstance(access_token, str) or not _TOKEN.fullmatch(access_token):
                raise InputError(
                    "access_token",
                    "The Xee access token is not usable (empty or with invalid characters): "
                    "sign in to Xee again.",
                    provider="xee",
                )
            headers["Authorization"] = f"Bearer {access_token}"
        self.http = ProviderHTTP(client, api_root, "xee", headers=headers, timeout=timeout)

    async def associate(self, device_id: str, pin: str) -> None:
        """Associate the box with the signed-in user (204). Raises ProviderError."""
        device_id = validate_xee_device_id(device_id)
        pin = validate_xee_pin(pin)
        if self.api_version == "v4":
            reply = await self.http.call("associate", "POST", "/users/me/vehicles",
                                         json={"deviceId": device_id, "devicePin": pin})
            reply.json_object()  # the Vehicle; anything else is not Xee's answer
            return
        reply = await self.http.call(
            "associate", "POST", f"/devices/{device_id}/associate", params={"pin": pin}
        )
        _no_content(reply)

    async def dissociate(self, device_id: str) -> None:
        """Remove the box from its car (v3: by device; v4: by the vehicle it is fitted to)."""
        device_id = validate_xee_device_id(device_id)
        if self.api_version == "v4":
            vehicle = next((v for v in await self.vehicles()
                            if (v.device_id or "").casefold() == device_id.casefold()), None)
            if vehicle is None:
                row = XEE_V4_NOT_ON_A_VEHICLE
                raise build_error(row.kind, row.category, row.advice, provider="xee",
                                  may_have_reached_server=False,
                                  endpoint="GET /users/me/vehicles")
            _no_content(await self.http.call("dissociate", "DELETE",
                                             f"/vehicles/{vehicle.id}/device"))
            return
        _no_content(await self.http.call("dissociate", "POST",
                                         f"/devices/{device_id}/dissociate"))

    async def vehicles(self) -> list[XeeVehicle]:
        """v4 only: the signed-in user's vehicles and their boxes."""
        return parse_vehicles(await self.http.call("vehicles", "GET", "/users/me/vehicles"))

    async def cars(self) -> list[XeeVehicle]:
        """The signed-in user's cars with their boxes (v3 `users/me/cars`, scope
        cars_read; v4 `users/me/vehicles`)."""
        if self.api_version == "v4":
            return await self.vehicles()
        return parse_cars(await self.http.call("cars", "GET", "/users/me/cars"))

    async def me(self) -> XeeUser:
        reply = await self.http.call("me", "GET", "/users/me")
        return parse_user(reply)


__all__ = ["XeeAPI", "XeeUser", "XeeVehicle", "parse_cars", "parse_user",
           "parse_vehicles",
           "ProviderError"]
