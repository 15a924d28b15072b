"""The documented error rows of the three providers, as data.

Sources: ../shared/seeds/*.txt and ../shared/api-notes.md. Each documented row
has its own ``kind``; ``advice`` is one sentence for a support engineer (what
happened, what to do next). Templates may use ``{provider}``, ``{status}``,
``{wait}``, ``{message}`` and ``{deviceid}``.

Matching (done in `http.py`):
- Xee rows match on (status, type, message); when the message differs from the
  documented one, a row still matches if it is the only row of the operation
  with that (status, type). The operation's rows come before the auth rows.
- RUFUS and Zype rows match on (operation, status): their bodies only carry
  ``{"description": ...}`` / ``{"message": ...}``; where two rows share a status
  the message decides, and ``exact_message_only`` rows never match otherwise.
- Then the generic status rows (429, 500, 502, 503, 504) for every provider.
- Anything else becomes one of the undocumented-outcome kinds below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    kind: str
    category: str
    status: int
    advice: str
    type: str | None = None  # Xee's error type; None for RUFUS/Zype
    message: str | None = None  # Xee's documented message (matched); informative elsewhere
    reason: str = ""  # the "Reason" column of the docs, or "(ours)" when undocumented
    may_have_reached_server: bool = False
    detail_keys: tuple[str, ...] = ()  # body keys copied into ProviderError.details
    # An undocumented row that only matches its exact message (never the fallback).
    exact_message_only: bool = False


# --------------------------------------------------------------------------- Xee

_XEE_RELOGIN = "Sign in to Xee again"

# Xee's docs spell the parameter error two ways: `PARAMETER_ERROR` on the device pages
# (xee-api-docs api/api/v3/devices/associate_user.md and dissociate.md), but
# `PARAMETERS_ERROR` in the v3 README's "List of types" (api/api/v3/README.md) and on the
# token endpoint (auth/access_token.md). A row written with one spelling matches both;
# the error keeps the type as Xee sent it.
XEE_TYPE_SPELLINGS: dict[str, str] = {"PARAMETERS_ERROR": "PARAMETER_ERROR"}


def same_xee_type(documented: str | None, sent: str | None) -> bool:
    """Whether a row's documented type matches the type sent (None matches any)."""
    if documented is None:
        return True
    return (XEE_TYPE_SPELLINGS.get(documented, documented)
            == XEE_TYPE_SPELLINGS.get(sent or "", sent))

XEE_AUTH_ROWS: tuple[Row, ...] = (
    Row(
        "xee.auth_missing", "auth", 401,
        "Xee received no access token with the request. " + _XEE_RELOGIN
        + "; if it keeps happening, report it as a Pairing Wizard bug.",
        "AUTHENTICATION_ERROR", "Authorization is missing", "no Authorization header",
    ),
    Row(
        "xee.auth_malformed", "auth", 401,
        "Xee could not read the access token sent with the request. " + _XEE_RELOGIN
        + "; if it keeps happening, report it as a Pairing Wizard bug.",
        "AUTHENTICATION_ERROR", "Authorization is malformed", "not `Bearer <token>`",
    ),
    Row(
        "xee.token_invalid", "auth", 401,
        "Xee does not recognise the access token (it may belong to another environment "
        "or have been replaced). " + _XEE_RELOGIN + ".",
        "AUTHENTICATION_ERROR", "Invalid token", "unknown token",
    ),
    Row(
        "xee.scope_missing", "auth", 403,
        "The Xee sign-in did not grant the permission (scope) this action needs. Xee sets "
        "an app's scopes on its client: if the consent page did not offer it, Xee must "
        "enable it for this Xee app first. " + _XEE_RELOGIN + " and accept every "
        "permission the consent page asks for.",
        "AUTHORIZATION_ERROR", "Token does not have the required scope", "scope missing",
    ),
    Row(
        "xee.token_expired", "auth", 403,
        "The Xee sign-in has expired and could not be renewed. " + _XEE_RELOGIN + ".",
        "AUTHORIZATION_ERROR", "Token has expired", "expired token",
    ),
    Row(
        "xee.token_revoked", "auth", 403,
        "The Xee sign-in was revoked (the user or Xee withdrew this app's access). "
        + _XEE_RELOGIN + ".",
        "AUTHORIZATION_ERROR", "Token has been revoked", "revoked token",
    ),
    # Documented on associate, but Xee sends it on every route (a disabled account on
    # /users/me, another user's box on dissociate): it belongs with the auth rows.
    Row(
        "xee.user_not_accessible", "auth", 403,
        "The signed-in Xee account may not act for this user or box (the account may be "
        "disabled, or the box may belong to another user). Sign in with the customer's own "
        "Xee account (or one allowed to manage it) and try again.",
        "AUTHORIZATION_ERROR", "Token can't access this user",
        "The token does not have access to this user",
    ),
)

XEE_ROWS: dict[str, tuple[Row, ...]] = {
    "associate": (
        Row(
            "xee.pin_rejected", "refused", 400,
            "Xee rejected the device id or the pin (wrong format or wrong pin). Check both "
            "against the box's label and try again, carefully: Xee locks a box after 3 "
            "failed attempts.",
            "PARAMETER_ERROR", "",
            "Wrong device id format, or wrong pin format, or wrong pin code",
        ),
        Row(
            "xee.associate_scope_missing", "auth", 403,
            "The Xee sign-in lacks the devices_management permission (the device scope) "
            "needed to associate a box. Xee sets an app's scopes on its client: if the "
            "consent page did not offer device management, ask Xee to enable the device "
            "scope for this Xee app. " + _XEE_RELOGIN + " and accept the device-management "
            "permission.",
            "AUTHORIZATION_ERROR", "Token does not have the required scope",
            "Scope `devices_management` is missing",
        ),
        Row(
            "xee.box_locked", "refused", 403,
            "This box has already failed 3 association attempts, so Xee refuses any further "
            "pin for it: do not try again, ask Xee support (or the box owner, from their Xee "
            "account) to unlock the box, then associate it.",
            "AUTHORIZATION_ERROR", "The box association already failed 3 times",
            "Too many association attempts",
        ),
        Row(
            "xee.device_not_found", "refused", 404,
            "Xee knows no box with this device id (or the signed-in user no longer exists). "
            "Check the device id on the box's label and that you use the right environment.",
            "NOT_FOUND", "Device or user not found", "Device or user does not exist",
        ),
        Row(
            "xee.device_taken", "refused", 409,
            "This box is already associated to another Xee user. Its current owner must "
            "dissociate it (or ask Xee support to) before it can be associated here.",
            "CONFLICT", "Device already associated to another user", "Device already associated",
        ),
    ),
    "dissociate": (
        Row(
            "xee.dissociate_bad_device_id", "refused", 400,
            "Xee rejected the device id. Check it against the box's label and try again.",
            "PARAMETER_ERROR", "", "wrong device id",
        ),
        Row(
            "xee.dissociate_not_found", "refused", 404,
            "Xee knows no box (or car) with this device id. Check the device id and that you "
            "use the right environment.",
            "NOT_FOUND", "Device or car not found", "Device or car not found",
        ),
        Row(
            "xee.not_associated", "refused", 409,
            "This box is not associated to any user, so there is nothing to dissociate: no "
            "action is needed.",
            "CONFLICT", "The box is not already associated to a user", "not associated",
        ),
    ),
    # GET /users/me/cars (xee-api-docs api/api/v3/users/me/cars.md): Check now reads
    # which boxes the signed-in user's cars carry.
    "cars": (
        Row(
            "xee.cars_scope_missing", "auth", 403,
            "The Xee sign-in lacks the cars_read permission needed to list the account's "
            "cars, so Pairing Wizard cannot see whether the box was associated. Add "
            "cars_read to the Xee scopes (Advanced settings, or ask IT), sign in to Xee "
            "again and accept it; meanwhile ask the customer whether the box shows in the "
            "Xee app.",
            "AUTHORIZATION_ERROR", "Token does not have the required scope",
            "You did not required `cars_read`",
        ),
        Row(
            "xee.user_not_found", "refused", 404,
            "Xee no longer knows the signed-in user. " + _XEE_RELOGIN + " with the "
            "customer's account.",
            "PARAMETERS_ERROR", "User not found", "User does not exist",
        ),
    ),
    "me": (),
}

# Xee API v4 (xee-lab/sdk-android 4.x). Its error body is `{"error", "error_description",
# "error_details"}` (sdk-core model/Error.kt): `type` is read from `error`, `message`
# from `error_description`. The one documented row is the expired token, 401
# `token_expired` / "Token has expired" (sdk-core Constants.kt; ApiInterceptor refreshes
# on it). The v4 OpenAPI (dev.xee.com/v4-openapi) is not in the public sources we could
# read, so the other rows match on the status alone, within the operation (ours).
XEE_V4_NOT_ON_A_VEHICLE = Row(
    "xee.not_on_a_vehicle", "refused", 404,
    "None of the signed-in Xee account's vehicles has this box, so there is nothing to "
    "remove: check the device id, or that the box is associated with this account.",
    reason="(ours) no vehicle of GET users/me/vehicles has the box",
)

XEE_V4_AUTH_ROWS: tuple[Row, ...] = (
    Row("xee.token_expired", "auth", 401, XEE_AUTH_ROWS[4].advice, "token_expired",
        "Token has expired", "expired token (sdk-core Constants.kt)"),
    Row("xee.token_invalid", "auth", 401, XEE_AUTH_ROWS[2].advice,
        reason="(ours) any other 401"),
    Row("xee.scope_missing", "auth", 403, XEE_AUTH_ROWS[3].advice, "insufficient_scope",
        reason="(ours) scope missing"),
    Row("xee.user_not_accessible", "auth", 403, XEE_AUTH_ROWS[6].advice, "forbidden",
        reason="(ours) the token may not act for this user"),
)

XEE_V4_ROWS: dict[str, tuple[Row, ...]] = {
    "associate": (
        Row("xee.pin_rejected", "refused", 400, XEE_ROWS["associate"][0].advice,
            reason="(ours) deviceId or devicePin refused"),
        Row("xee.box_locked", "refused", 423, XEE_ROWS["associate"][2].advice,
            reason="(ours) too many association attempts"),
        Row("xee.device_not_found", "refused", 404, XEE_ROWS["associate"][3].advice,
            reason="(ours) unknown device"),
        Row("xee.device_taken", "refused", 409, XEE_ROWS["associate"][4].advice,
            reason="(ours) device already on a vehicle"),
    ),
    "dissociate": (
        Row("xee.dissociate_not_found", "refused", 404, XEE_ROWS["dissociate"][1].advice,
            reason="(ours) unknown vehicle"),
    ),
    "vehicles": (),
    "me": (),
}

# ------------------------------------------------------------------------- RUFUS

_RUFUS_KEY_REJECTED = Row(
    "rufus.key_rejected", "auth", 401,
    # RUFUS does not document the status of a missing or unknown key: 401 and 403 get
    # the same advice, which does not claim to know which of the causes it is.
    "RUFUS refused the api key: it may be mistyped, unknown to RUFUS, or lack the access "
    "type this needs (reading: READ or READ_WRITE; binding: WRITE or READ_WRITE). Check "
    "the key and its access type in the RUFUS console, then enter it again or use another "
    "key.",
    reason="missing or unknown key (undocumented status: 401 or 403)",
)
_RUFUS_READ_ACCESS = Row(
    "rufus.read_access_missing", "auth", 403,
    "RUFUS refused to read devices with this api key: it may lack read access (READ or "
    "READ_WRITE; a WRITE key may only bind), or be mistyped or unknown to RUFUS. Check "
    "the key and its access type in the RUFUS console, or use a key with read access.",
    reason="wrong api key access type",
)

RUFUS_ROWS: dict[str, tuple[Row, ...]] = {
    "bind": (
        Row(
            "rufus.missing_field", "refused", 400,
            # Model and serial number are validated before sending, so a real 400 means
            # RUFUS objects to something else: its own description says what.
            "RUFUS rejected the bind's fields ({message}). RUFUS may require model, "
            "serial number and type (alias and firmware are optional): fill in the field it "
            "names (the Type field, or the default type in the settings), then bind again.",
            reason="If any of the required parameters is missing.",
        ),
        _RUFUS_KEY_REJECTED,
        Row(
            "rufus.write_access_missing", "auth", 403,
            "RUFUS refused to bind with this api key: it may lack write access (WRITE or "
            "READ_WRITE; a READ key may only read), or be mistyped or unknown to RUFUS. "
            "Check the key and its access type in the RUFUS console, or use a key with "
            "write access.",
            reason="If wrong api key access type.",
        ),
        Row(
            "rufus.serial_taken", "refused", 409,
            "A device with this serial number is already bound to this RUFUS account "
            "(deviceid {deviceid}). Hand over that deviceid, or unbind that device first "
            "if it must be bound again.",
            reason="duplicate serial number (ours: 409 with the existing deviceid)",
            detail_keys=("deviceid",),
        ),
    ),
    "get": (
        _RUFUS_KEY_REJECTED,
        _RUFUS_READ_ACCESS,
        Row(
            "rufus.device_not_found", "refused", 404,
            "RUFUS knows no device with this deviceid on this account. Check the deviceid "
            "(64 hexadecimal characters) and that the api key belongs to the right account.",
            message="Device not found", reason="Device not found",
        ),
    ),
    "list": (_RUFUS_KEY_REJECTED, _RUFUS_READ_ACCESS),
    "unbind": (
        _RUFUS_KEY_REJECTED,
        Row(
            "rufus.unbind_not_allowed", "auth", 403,
            "This RUFUS api key may not unbind devices: it needs WRITE or READ_WRITE access "
            "with the unbind permission. Enable unbind on the key in the RUFUS console, or "
            "use another key.",
            reason="key without the unbind permission",
        ),
        Row(
            "rufus.unbind_not_found", "refused", 404,
            "RUFUS knows no device with this deviceid, so nothing was unbound (it may "
            "already have been unbound). Check the deviceid and the account.",
            message="Device not found", reason="Device not found", detail_keys=("deviceid",),
        ),
    ),
}

# -------------------------------------------------------------------------- Zype

_ZYPE_COMMON: tuple[Row, ...] = (
    Row(
        "zype.key_rejected", "auth", 401,
        "Zype refused the api key: it is missing or invalid. Check the key in the Zype "
        "dashboard (Settings, API keys) and enter it again.",
        reason="missing or invalid key",
    ),
    Row(
        "zype.key_read_only", "auth", 403,
        "Zype refused this change: this key may not modify anything (it is a Read Only or "
        "Player key). Use an Admin api key from the Zype dashboard (Settings, API keys).",
        reason="Read Only key on a write (ours)",
    ),
    Row(
        "zype.unprocessable", "refused", 422,
        "Zype could not process the request ({message}). Check the values entered and try "
        "again.",
        reason="documented status 422",
    ),
    # Zype's documented 500 is the generic `server.error` row: its kind lets the link's
    # "check the pin's status" advice (UNCERTAIN_OUTCOME_ADVICE) apply.
)

# On a change (link, unlink) Zype's documented 401 may also be a Read Only or Player key
# (a Read Only key passes every read): the advice names both, and says "may not modify".
_ZYPE_WRITE: tuple[Row, ...] = (
    Row(
        "zype.key_rejected_on_write", "auth", 401,
        "Zype refused this change with this api key: either the key is invalid, or this key "
        "may not modify anything (a Read Only or Player key, which can still look consumers "
        "up). Use an Admin api key from the Zype dashboard (Settings, API keys).",
        reason="missing or invalid key; a Read Only key on a write",
    ),
    _ZYPE_COMMON[1],
    *_ZYPE_COMMON[2:],
)

ZYPE_ROWS: dict[str, tuple[Row, ...]] = {
    "link": (
        Row(
            "zype.pin_not_found", "refused", 404,
            "Zype knows no active pin with this value: it is mistyped or expired (pins last "
            "30 minutes). Ask the customer to show a new pin in the TV app and enter it.",
            message="Device Pin not found", reason="unknown or expired pin",
        ),
        Row(
            "zype.consumer_not_found", "refused", 404,
            "Zype knows no consumer with this id. Look the customer up by email to get the "
            "right consumer id, then link again.",
            message="Consumer not found", reason="(ours) unknown consumer",
            exact_message_only=True,
        ),
        *_ZYPE_WRITE,
    ),
    "status": (
        Row(
            "zype.no_pin_for_device", "refused", 404,
            "Zype has no pin for this linked device id: the TV app has not asked for one. "
            "Ask the customer to open the app's link screen, then check again.",
            message="Pin does not exist for that device", reason="no pin for that device",
        ),
        *_ZYPE_COMMON,
    ),
    "unlink": _ZYPE_WRITE,
    "consumers": _ZYPE_COMMON,
}

PROVIDER_ROWS: dict[str, dict[str, tuple[Row, ...]]] = {
    "xee": XEE_ROWS,
    "rufus": RUFUS_ROWS,
    "zype": ZYPE_ROWS,
}

# Rows that apply to every operation of a provider, after the operation's own.
PROVIDER_COMMON_ROWS: dict[str, tuple[Row, ...]] = {
    "xee": XEE_AUTH_ROWS,
    "rufus": (),
    "zype": (),
}

# ------------------------------------------------------- every provider, by status
# None of the three documents rate limits; 429/503 are reported with Retry-After
# and never retried automatically.

GENERIC_STATUS_ROWS: tuple[Row, ...] = (
    Row(
        "server.rate_limited", "network", 429,
        "{provider} is limiting requests (status 429){wait}. Wait, then try again; the "
        "wizard does not retry by itself.",
        reason="rate limited (undocumented)",
    ),
    Row(
        "server.unavailable", "network", 503,
        "{provider} is temporarily unavailable (status 503){wait}. Wait, then try again; "
        "the wizard does not retry by itself.",
        reason="unavailable (undocumented)",
    ),
    Row(
        "server.error", "unexpected", 500,
        "{provider} had an internal error (status 500), so the action may or may not have "
        "been done. Check the result, then try again in a few minutes.",
        reason="internal error", may_have_reached_server=True,
    ),
    Row(
        "server.bad_gateway", "network", 502,
        "A gateway between this computer and {provider} failed (status 502). Check the "
        "result, then try again in a few minutes.",
        reason="gateway error", may_have_reached_server=True,
    ),
    Row(
        "server.gateway_timeout", "network", 504,
        "A gateway timed out waiting for {provider} (status 504), so the action may have "
        "been done. Check the result before trying again.",
        reason="gateway timeout", may_have_reached_server=True,
    ),
)

# An HTML body wins over the generic rows (it says more: a proxy or portal is in the
# way), except for these statuses, whose Retry-After matters more.
STATUSES_BEFORE_HTML = (429, 503)

# ------------------------------------------------------- undocumented outcomes
# kind -> (category, may_have_reached_server, advice template)

OUTCOMES: dict[str, tuple[str, bool, str]] = {
    # answers the documents do not describe
    "response.html_page": (
        "unexpected", True,
        "{provider} answered with an HTML page (status {status}) instead of API data: a "
        "proxy, a captive portal or a wrong API address is in the way. Check the network "
        "and the API address, then check the result before trying again.",
    ),
    "response.bad_json": (
        "unexpected", True,
        "{provider} sent an unreadable answer (status {status}, not valid JSON). Check the "
        "result before trying again; if it persists, report it with the copied details.",
    ),
    "response.wrong_shape": (
        "unexpected", True,
        "{provider} sent data in an unexpected layout (status {status}: {message}), so "
        "the answer could not be read. Check the result before trying again; if it "
        "persists, report it with the copied details.",
    ),
    "response.unexpected_status": (
        "unexpected", True,
        "{provider} answered with status {status}, which its documentation does not list "
        "for this action. Check the result before trying again; if it persists, report it "
        "with the copied details.",
    ),
    # A 4xx carrying the provider's own error: it understood and refused (exit 3).
    "response.unlisted_error": (
        "refused", False,
        "{provider} refused the request with an error its documentation does not list "
        "(status {status}: {message}). Follow the provider's tip if there is one, or report "
        "it with the copied details.",
    ),
    # transport failures
    "network.connect_timeout": (
        "network", False,
        "{provider} did not accept the connection in time, so nothing was sent. Check the "
        "internet connection (and any proxy or firewall), then try again.",
    ),
    "network.read_timeout": (
        "network", True,
        "{provider} did not answer in time after the request was sent, so it may have been "
        "carried out. Check the result before trying again.",
    ),
    "network.write_timeout": (
        "network", True,
        "The request could not be sent to {provider} in time and may have partly reached "
        "it. Check the result before trying again.",
    ),
    "network.reset": (
        "network", True,
        "The connection to {provider} was cut after the request was sent, so it may have "
        "been carried out. Check the result before trying again.",
    ),
    "network.tls": (
        "network", False,
        "The secure connection to {provider} failed (certificate or TLS error), so nothing "
        "was sent. Check the computer's date and time and any proxy that inspects HTTPS.",
    ),
    "network.refused": (
        "network", False,
        "Nothing accepted the connection at the {provider} API address, so nothing was "
        "sent. Check the address and that the service (or the demo sandbox) is running.",
    ),
    "network.dns": (
        "network", False,
        "The {provider} server name could not be found, so nothing was sent. Check the "
        "internet connection and the API address.",
    ),
    "network.connect_failed": (
        "network", False,
        "The connection to {provider} could not be opened ({message}), so nothing was "
        "sent. Check the internet connection and the API address, then try again.",
    ),
    "network.proxy": (
        "network", False,
        "The proxy refused or failed the connection to {provider}, so nothing was sent. "
        "Check the proxy settings of this computer.",
    ),
    "network.failed": (
        "network", True,
        "The connection to {provider} failed ({message}) and the request may have been "
        "sent. Check the result before trying again.",
    ),
    "config.bad_api_root": (
        "input", False,
        "The {provider} API address is not a usable http(s) address ({message}). Fix the "
        "address in the settings.",
    ),
    # an operation-specific unknown outcome
    "rufus.bind_unconfirmed": (
        "unexpected", True,
        "RUFUS answered the bind with status {status} but no readable deviceid, so the "
        "device may have been bound. Look up its serial number in the device list (or the "
        "RUFUS console) before binding again.",
    ),
    "rufus.bad_deviceid": (
        "unexpected", True,
        "RUFUS answered the bind with a deviceid that does not look like one ({deviceid}), "
        "so the device was probably bound. Save this value and check the device list "
        "before binding again.",
    ),
}

# Transport failures that certainly happened before anything was sent, and how many
# times they are retried automatically (after 0.25 s, then 1 s). Anything that may
# have reached the server is never retried: a RUFUS bind is not idempotent.
CONNECT_RETRIES: dict[str, int] = {
    "network.refused": 2,
    "network.connect_failed": 1,
    "network.connect_timeout": 1,
}
RETRY_DELAYS: tuple[float, ...] = (0.25, 1.0)

# When an operation's outcome is unknown (the request may have reached the server),
# this advice replaces the generic one: it says how to find out what happened.
UNCERTAIN_OUTCOME_ADVICE: dict[tuple[str, str], str] = {
    ("rufus", "bind"): (
        "The answer to the RUFUS bind was lost ({reason}), so the device may have been "
        "bound: look up its serial number in the device list before binding again, as "
        "binding twice can create a duplicate."
    ),
    ("xee", "associate"): (
        "The answer to the Xee association was lost ({reason}), so the box may be "
        "associated already: check in the customer's Xee app before trying again, as every "
        "failed attempt counts towards Xee's 3-failure lock."
    ),
    ("zype", "link"): (
        "The answer to the Zype link was lost ({reason}), so the pin may be linked already: "
        "check the pin's status before linking again."
    ),
}

ALL_ROWS: tuple[Row, ...] = tuple(
    {
        id(row): row
        for rows in (
            *(r for table in PROVIDER_ROWS.values() for r in table.values()),
            *PROVIDER_COMMON_ROWS.values(),
            # The other v4 rows reuse v3's kinds and advice: one row per kind here.
            (XEE_V4_NOT_ON_A_VEHICLE,),
            GENERIC_STATUS_ROWS,
        )
        for row in rows
    }.values()
)

# Short phrases for {reason} in UNCERTAIN_OUTCOME_ADVICE.
UNCERTAIN_REASONS: dict[str, str] = {
    "network.read_timeout": "no answer in time",
    "network.write_timeout": "the request could not be sent in time",
    "network.reset": "the connection was cut",
    "network.failed": "the connection failed",
    "server.error": "the server had an internal error",
    "server.bad_gateway": "a gateway failed",
    "server.gateway_timeout": "a gateway timed out",
    "response.html_page": "an HTML page came back instead",
    "response.bad_json": "the answer was unreadable",
    "response.wrong_shape": "the answer had an unexpected layout",
    "response.unexpected_status": "an undocumented status came back",
}


def kind_categories() -> dict[str, str]:
    """Every kind this layer can raise (besides ``input.<field>``) -> its category."""
    kinds = {row.kind: row.category for row in ALL_ROWS}
    kinds.update({kind: category for kind, (category, _, _) in OUTCOMES.items()})
    return kinds
