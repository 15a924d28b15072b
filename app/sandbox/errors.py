"""Error bodies, as tables copied from the documents (and marked where they are ours).

Each provider has its own shape:
- Xee: a JSON *array* holding one `{"type", "message", "tip"}`; "" where the docs
  leave a cell blank. `PARAMETER_ERROR` (device routes) vs `PARAMETERS_ERROR` (token
  endpoint) is the docs' own inconsistency, kept on purpose.
- RUFUS: `{"description": ...}` (ours: the docs show no error bodies).
- Zype: `{"message": ...}`.

A route raises `Reject(response)`; the `@rejects` wrapper turns it into the reply, so
the happy path of a route reads top to bottom without nested returns.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response


class Reject(Exception):
    """A reply that ends a route early (an error the documents list), not a crash."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


Endpoint = Callable[[Request], Awaitable[Response]]


def rejects(endpoint: Endpoint) -> Endpoint:
    @functools.wraps(endpoint)
    async def wrapper(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Reject as reject:
            return reject.response
        except ClientDisconnect:
            # The client went away mid-body (a cancelled pairing): nobody to answer, and
            # nothing was done; not an error of the emulator's.
            return Response(status_code=499)

    return wrapper


# --- Xee -------------------------------------------------------------------------------

_REFRESH_SIGN_IN = "Try to refresh access_token or ask the user to sign-in again"
_ADD_HEADER = "Add the Authorization header with a valid access_token"

# key: (status, type, message, tip). `{scope}` is filled in by `xee_error`.
XEE_ERRORS: dict[str, tuple[int, str, str, str]] = {
    # api-notes.md, "Authentication errors, for every resource route"
    "auth_missing": (401, "AUTHENTICATION_ERROR", "Authorization is missing", _ADD_HEADER),
    "auth_malformed": (401, "AUTHENTICATION_ERROR", "Authorization is malformed", _ADD_HEADER),
    "auth_invalid": (401, "AUTHENTICATION_ERROR", "Invalid token", _REFRESH_SIGN_IN),
    "scope_missing": (403, "AUTHORIZATION_ERROR", "Token does not have the required scope",
                      "Add the {scope} scope to your app scopes and reconnect the user"),
    "token_expired": (403, "AUTHORIZATION_ERROR", "Token has expired",
                      "Refresh the access token and then retry"),
    "token_revoked": (403, "AUTHORIZATION_ERROR", "Token has been revoked",
                      "Create a new access token and then retry"),
    # the seed page (associate)
    "associate_bad_parameter": (400, "PARAMETER_ERROR", "", "Check the device id and the pin"),
    "user_forbidden": (403, "AUTHORIZATION_ERROR", "Token can't access this user",
                       "Make sure the user is accessible with this token"),
    "association_locked": (403, "AUTHORIZATION_ERROR",
                           "The box association already failed 3 times", ""),
    # xee-api-docs api/api/v3/users/me/cars.md
    "user_not_found": (404, "PARAMETERS_ERROR", "User not found",
                       "Please check that the user exists, looks like it does not"),
    "device_or_user_not_found": (404, "NOT_FOUND", "Device or user not found",
                                 "Please check that the device exists, looks like it does not"),
    "already_associated": (409, "CONFLICT", "Device already associated to another user", ""),
    # xee-api-docs api/api/v3/devices/dissociate.md (api-notes.md left the 404's tip out;
    # the page gives it; the 409's is blank there too: "")
    "dissociate_bad_parameter": (400, "PARAMETER_ERROR", "", "Check the device id"),
    "device_or_car_not_found": (404, "NOT_FOUND", "Device or car not found",
                                "Please check that the device exists, looks like it does not"),
    "not_associated": (409, "CONFLICT", "The box is not already associated to a user", ""),
    # api-notes.md, token endpoint 400s
    "token_missing_code": (400, "PARAMETERS_ERROR", "Missing parameter",
                           "Check you've set the grant_type and the code"),
    "token_missing_refresh": (400, "PARAMETERS_ERROR", "Missing parameter",
                              "Check you've set the grant_type and the refresh_token"),
}

# api-notes.md: the token endpoint's 403 is a plain object, not the usual array.
XEE_INVALID_AUTHENTICATION = {"message": "Invalid authentication"}


def xee_error(key: str, type_override: str | None = None, **fmt: str) -> Reject:
    status, type_, message, tip = XEE_ERRORS[key]
    body = [{"type": type_override or type_, "message": message.format(**fmt),
             "tip": tip.format(**fmt)}]
    return Reject(JSONResponse(body, status_code=status))


# --- RUFUS (ours: statuses from the docs, bodies `{"description"}` invented) ------------

RUFUS_ERRORS: dict[str, tuple[int, str]] = {
    "key_missing": (401, "Missing api key"),
    "key_invalid": (401, "Invalid api key"),
    "wrong_access_type": (403, "Wrong api key access type"),
    "no_unbind_permission": (403, "The api key does not have the unbind permission"),
    "bad_json": (400, "Invalid JSON body"),
    "missing_field": (400, "Missing required parameter: {field}"),
    "bad_field": (400, "Invalid parameter: {field} must be a non-empty string"),
    "bad_paging": (400, "Invalid parameter: {field}"),
    "not_found": (404, "Device not found"),  # documented
    "duplicate_serial": (409, "Device already binded with this serial_number"),
}


def rufus_error(key: str, extra: dict[str, Any] | None = None, status: Any = None,
                **fmt: str) -> Reject:
    default_status, description = RUFUS_ERRORS[key]
    status = status or default_status
    body: dict[str, Any] = {"description": description.format(**fmt)}
    body.update(extra or {})
    return Reject(JSONResponse(body, status_code=status))


# --- Zype (documented: 401, 404, 422 with {"message"}; 403 is ours) ---------------------

ZYPE_ERRORS: dict[str, tuple[int, str]] = {
    "key_invalid": (401, "Invalid or missing authentication."),
    "read_only": (403, "This api key is read only and cannot perform this action."),
    "pin_not_found": (404, "Device Pin not found"),  # documented (seed)
    "no_pin_for_device": (404, "Pin does not exist for that device"),  # documented
    "consumer_not_found": (404, "Consumer not found"),
    "missing_parameter": (422, "Missing required parameter: {field}"),
    "bad_parameter": (422, "Invalid parameter: {field}"),
    "pin_not_linked": (422, "Device Pin is not linked to this consumer"),
}


def zype_error(key: str, **fmt: str) -> Reject:
    status, message = ZYPE_ERRORS[key]
    return Reject(JSONResponse({"message": message.format(**fmt)}, status_code=status))
