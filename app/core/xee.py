"""Xee API v3: associate / dissociate a box, and who is signed in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx2

from app.core.errors import InputError, ProviderError
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
    ) -> None:
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
        reply = await self.http.call(
            "associate", "POST", f"/devices/{device_id}/associate", params={"pin": pin}
        )
        _no_content(reply)

    async def dissociate(self, device_id: str) -> None:
        device_id = validate_xee_device_id(device_id)
        _no_content(await self.http.call("dissociate", "POST",
                                         f"/devices/{device_id}/dissociate"))

    async def me(self) -> XeeUser:
        reply = await self.http.call("me", "GET", "/users/me")
        return parse_user(reply)


__all__ = ["XeeAPI", "XeeUser", "parse_user", "ProviderError"]
