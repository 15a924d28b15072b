"""Xee's OAuth2 server (authorization code grant), under `/xee/v3/auth`.

`GET /xee/v3/auth/auth` shows a sign-in + consent page; the form posts back to the
same path. `POST /xee/v3/auth/access_token` exchanges a code or a refresh token.

Documented (api-notes.md): unknown client or unregistered redirect URI -> 404 with an
HTML body; code -> `redirect_uri?code=...&state=...`; the token endpoint's 200, 400
and 403 bodies; HTTP Basic client authentication; space-separated scopes.

Ours:
- Registered redirect URIs: any `http://` loopback URI (127.0.0.1, [::1] or
  localhost), any port, path exactly `/callback`, no fragment (RFC 8252 loopback).
- Unknown scopes or an unsupported PKCE method -> redirect with `error=invalid_scope`
  / `error=invalid_request` (RFC 6749 4.1.2.1), once the redirect URI is trusted.
- Only the scopes still ticked on the consent page are granted.
- Codes: single use (consumed by the first exchange attempt, even a failed one),
  valid 60 s on the emulator clock, bound to client, redirect_uri (checked when the
  token request sends one) and PKCE challenge (S256 or plain; verifier required when
  a challenge was sent).
- Refresh rotates: the old refresh token stops working; the old access token lives
  until it expires. Refresh tokens do not expire.
- A disabled account (carol) can sign in; its tokens then meet 403 "Token can't
  access this user" on the API.
- No `scope` parameter (Xee's Android SDK 3.x sends none: scopes are set on the client
  in Xee's developer space): the consent page offers the client's scopes.

Dialects (`XEE_DIALECT`, set with `create_app(dialect={"xee": {...}})` or
`POST /_sandbox/dialect`), each a documented variant of the real service:
- `registered_redirect_uris` (default null = any loopback URI on /callback, as above):
  a list of exact URIs, as registered in Xee's developer space. Xee's auth.md: "if the
  redirect_uri is set but does not match any specified in the developer space, we'll
  throw a 404"; without `redirect_uri`, the first registered one is used.
- `echo_state` (default true): false redirects with `code` only, as auth.md's example
  (`Location: [YOUR REDIRECT URI]?code=theawesomecode`) shows; errors too.
- `device_scope` (default true): false is an app whose client Xee has not enabled for
  `devices_management`: never granted, so the device routes answer 403 "Token does not
  have the required scope".
- `open_sandbox` (default false): Xee's online sandbox, whose device and user routes need
  no Authorization (api-notes; the official SDK signs nothing in there): every request is
  the demo user's (1001), with every scope.
- `parameter_error_type` (default "PARAMETER_ERROR", as the device pages
  devices/associate_user.md and dissociate.md write it): "PARAMETERS_ERROR" is the
  spelling of the v3 README's list of types (api/api/v3/README.md), sent by the device
  routes' 400s instead.
- `device_id_pattern` / `pin_pattern` (default null: exactly 10 uppercase letters or
  digits / exactly 4 digits, the formats xee-sdk-android 3.x checks): a regular
  expression (whole match) for another hardware generation's formats, on v3 and v4 alike.
  The usual formats are then refused; the fixture box `XB7700000001` (pin `770001`) has
  such a format, so that a client whose formats are overridden can pair it end to end.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
import re
from typing import Any
from urllib.parse import unquote_plus, urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from app.sandbox.errors import XEE_INVALID_AUTHENTICATION, Reject, rejects, xee_error
from app.sandbox.state import (
    XEE_CLIENT_ID,
    XEE_CLIENT_SECRET,
    XEE_CODE_LIFETIME,
    SandboxState,
    XeeCode,
    XeeToken,
    random_hex,
)

SCOPE_DESCRIPTIONS = {
    "users_read": "See your profile (name, birth date)",
    "cars_read": "See your cars",
    "trips_read": "See your trips",
    "signals_read": "See your cars' signals",
    "locations_read": "See your cars' locations",
    "status_read": "See your cars' status",
    "devices_management": "Associate and dissociate your Xee boxes",
}
LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}
PKCE_METHODS = {"S256", "plain"}
DEVICE_SCOPE = "devices_management"

XEE_DIALECT: dict[str, object] = {
    "registered_redirect_uris": None,
    "echo_state": True,
    "device_scope": True,
    "open_sandbox": False,
    "parameter_error_type": "PARAMETER_ERROR",
    "device_id_pattern": None,
    "pin_pattern": None,
}
PARAMETER_ERROR_TYPES = ("PARAMETER_ERROR", "PARAMETERS_ERROR")
# The formats of xee-sdk-android 3.x (ours where Xee's docs are silent); the
# device_id_pattern / pin_pattern dialects replace them.
DEVICE_ID_FORMAT = re.compile(r"[A-Z0-9]{10}")
PIN_FORMAT = re.compile(r"[0-9]{4}")
FORMAT_DIALECTS = {"device_id_pattern": DEVICE_ID_FORMAT, "pin_pattern": PIN_FORMAT}


def check_xee_dialect(name: str, value: object) -> str | None:
    """What is wrong with one dialect value, or None."""
    if name == "registered_redirect_uris":
        if not isinstance(value, list) or not value or not all(
                isinstance(u, str) and u.startswith("http") for u in value):
            return "a non-empty list of http(s) URIs, or null for any loopback /callback"
        return None
    if name in FORMAT_DIALECTS:
        if not isinstance(value, str) or not value:
            return "a regular expression (a string), or null for the usual format"
        try:
            re.compile(value)
        except re.error as error:
            return f"not a regular expression ({error})"
        return None
    if name == "parameter_error_type":
        if value not in PARAMETER_ERROR_TYPES:
            return f"one of {', '.join(PARAMETER_ERROR_TYPES)}"
        return None
    if not isinstance(value, bool):
        return "true or false"
    return None


def xee_dialect(state: SandboxState, name: str) -> object:
    return state.dialects.get("xee", {}).get(name, XEE_DIALECT[name])


def xee_format(state: SandboxState, name: str) -> re.Pattern[str]:
    """The device id (`device_id_pattern`) or pin (`pin_pattern`) format in force."""
    pattern = xee_dialect(state, name)
    return re.compile(pattern) if isinstance(pattern, str) else FORMAT_DIALECTS[name]


def client_scopes(state: SandboxState) -> list[str]:
    """The scopes Xee has enabled for the client (ours: all, but devices_management only
    with the device_scope dialect)."""
    return [s for s in SCOPE_DESCRIPTIONS
            if s != DEVICE_SCOPE or xee_dialect(state, "device_scope")]


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


def is_registered_redirect(uri: str, registered: list[str] | None = None) -> bool:
    if registered is not None:
        return uri in registered
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        return False
    return (
        parts.scheme == "http"
        and parts.hostname in LOOPBACK_HOSTS
        and parts.path == "/callback"
        and not parts.fragment
        and not parts.username
    )


def _with_query(uri: str, **params: str | None) -> str:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{uri}{'&' if '?' in uri else '?'}{query}"


def _not_found_page(reason: str) -> HTMLResponse:
    body = (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title>"
        "</head><body><h1>Not Found</h1>"
        f"<p>{html.escape(reason)}</p></body></html>"
    )
    return HTMLResponse(body, status_code=404)


def _consent_page(fields: dict[str, str], requested: list[str], ticked: set[str],
                  login: str = "", error: str | None = None, status: int = 200,
                  action: str = "/xee/v3/auth/auth", accounts: tuple[Any, ...] = ()
                  ) -> HTMLResponse:
    esc = html.escape  # every interpolated value goes through it (quote=True)
    # The offline sandbox's demo accounts, so nobody has to look them up.
    demo = "".join(
        f"<li><code>{esc(u.login)}</code> / <code>{esc(u.password)}</code>"
        f"{' (disabled: its token reaches nothing)' if u.disabled else ''}</li>"
        for u in accounts)
    demo = (f'<section id="demo-accounts"><h2>Demo accounts</h2><ul>{demo}</ul></section>'
            if demo else "")
    hidden = "".join(
        f'<input type="hidden" name="{esc(name)}" value="{esc(value)}">'
        for name, value in fields.items()
    )
    hidden += f'<input type="hidden" name="requested_scope" value="{esc(" ".join(requested))}">'
    scopes = "".join(
        "<li><label>"
        f'<input type="checkbox" name="scope" value="{esc(s)}"'
        f"{' checked' if s in ticked else ''}> "
        f"<code>{esc(s)}</code> {esc(SCOPE_DESCRIPTIONS.get(s, ''))}</label></li>"
        for s in requested
    )
    alert = f'<p id="error" role="alert" class="error">{esc(error)}</p>' if error else ""
    body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Xee - Sign in (sandbox)</title>
<style>
body {{ font-family: sans-serif; max-width: 28rem; margin: 3rem auto; }}
label {{ display: block; margin: .4rem 0; }} .error {{ color: #b00020; font-weight: bold; }}
</style></head>
<body>
<h1>Sign in to Xee</h1>
<p>Offline sandbox. <strong>{esc(fields["client_id"])}</strong> asks to access your account.</p>
{alert}
<form method="post" action="{esc(action)}">
{hidden}
<label>Login <input type="text" name="login" value="{esc(login)}" autocomplete="username"
 required></label>
<label>Password <input type="password" name="password" autocomplete="current-password"
 required></label>
<fieldset><legend>Permissions</legend><ul>{scopes}</ul></fieldset>
<button type="submit" name="approve" value="1">Allow</button>
<button type="submit" name="deny" value="1" formnovalidate>Deny</button>
</form>
{demo}
</body></html>"""
    return HTMLResponse(body, status_code=status)


def _checked_request(params: dict[str, str], sandbox: SandboxState,
                     ) -> tuple[dict[str, str], list[str]]:
    """Validates the authorization request; returns the fields to carry and the
    requested scopes. Raises a 404 page (untrusted redirect) or an error redirect."""
    client_id = params.get("client_id", "")
    redirect_uri = params.get("redirect_uri", "")
    registered = xee_dialect(sandbox, "registered_redirect_uris")
    if not redirect_uri and registered:
        redirect_uri = registered[0]   # "the redirect uri you've specified in developer space"
    if client_id != XEE_CLIENT_ID:
        raise Reject(_not_found_page("Unknown client_id."))
    if not is_registered_redirect(redirect_uri, registered):
        raise Reject(_not_found_page("This redirect_uri is not registered for this client."))
    state = params.get("state") if xee_dialect(sandbox, "echo_state") else None
    fields = {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "state": state or "",
        "code_challenge": params.get("code_challenge", ""),
        "code_challenge_method": params.get("code_challenge_method", ""),
    }
    requested = [s for s in params.get("scope", "").split() if s]
    if any(s not in SCOPE_DESCRIPTIONS for s in requested):
        raise Reject(RedirectResponse(
            _with_query(redirect_uri, error="invalid_scope", state=state), status_code=302))
    # Only what Xee enabled for the client can be granted; no scope = the client's scopes.
    enabled = client_scopes(sandbox)
    requested = [s for s in requested if s in enabled] if requested else enabled
    method = fields["code_challenge_method"] or "plain"  # RFC 7636's default
    if fields["code_challenge"] and method not in PKCE_METHODS:
        raise Reject(RedirectResponse(
            _with_query(redirect_uri, error="invalid_request", state=state), status_code=302))
    return fields, list(dict.fromkeys(requested))


@rejects
async def authorize_page(request: Request) -> Response:
    fields, requested = _checked_request(dict(request.query_params), _state(request))
    return _consent_page(fields, requested, ticked=set(requested), action=request.url.path,
                         accounts=tuple(_state(request).xee_users.values()))


@rejects
async def authorize_submit(request: Request) -> Response:
    form = await request.form()
    params = {k: v for k, v in form.multi_items() if isinstance(v, str) and k != "scope"}
    params["scope"] = str(form.get("requested_scope", ""))
    fields, requested = _checked_request(params, _state(request))
    state_param = fields["state"] or None
    if "deny" in form:
        return RedirectResponse(
            _with_query(fields["redirect_uri"], error="access_denied", state=state_param),
            status_code=302)
    ticked = {str(s) for s in form.getlist("scope")} & set(requested)
    login = str(form.get("login", ""))
    password = str(form.get("password", ""))
    sandbox = _state(request)
    user = next((u for u in sandbox.xee_users.values() if u.login == login), None)
    if user is None or not hmac.compare_digest(user.password, password):
        return _consent_page(fields, requested, ticked, login=login,
                             error="Wrong login or password. Check them and try again.",
                             action=request.url.path,
                             accounts=tuple(sandbox.xee_users.values()))
    code = XeeCode(
        code=random_hex(20), client_id=fields["client_id"], redirect_uri=fields["redirect_uri"],
        user_id=user.id, scopes=tuple(s for s in requested if s in ticked),
        code_challenge=fields["code_challenge"] or None,
        code_challenge_method=(fields["code_challenge_method"] or "plain")
        if fields["code_challenge"] else None,
        expires_at=sandbox.now() + XEE_CODE_LIFETIME,
    )
    with sandbox.lock:
        sandbox.xee_codes[code.code] = code
    return RedirectResponse(
        _with_query(fields["redirect_uri"], code=code.code, state=state_param), status_code=302)


# --- token endpoint --------------------------------------------------------------------


def token_body(token: XeeToken, now: float) -> dict[str, object]:
    return {
        "access_token": token.access_token,
        "expires_at": token.expires_at,
        "expires_in": max(0, token.expires_at - int(now)),
        "refresh_token": token.refresh_token,
        "token_type": "bearer",
        "scope": " ".join(token.scopes),
    }


def _invalid_authentication() -> Reject:
    return Reject(JSONResponse(XEE_INVALID_AUTHENTICATION, status_code=403))


def _client_from_basic(header: str | None) -> str:
    """Returns the client_id of valid HTTP Basic credentials, else rejects (403)."""
    if not header or not header.startswith("Basic "):
        raise _invalid_authentication()
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise _invalid_authentication() from None
    client_id, sep, secret = decoded.partition(":")
    client_id, secret = unquote_plus(client_id), unquote_plus(secret)
    if not sep or client_id != XEE_CLIENT_ID or not hmac.compare_digest(secret, XEE_CLIENT_SECRET):
        raise _invalid_authentication()
    return client_id


def _pkce_ok(code: XeeCode, verifier: str | None) -> bool:
    if code.code_challenge is None:
        return True
    if not verifier:
        return False
    if code.code_challenge_method == "S256":
        digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
        expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    else:
        expected = verifier
    return hmac.compare_digest(expected, code.code_challenge)


@rejects
async def access_token(request: Request) -> Response:
    form = await request.form()
    grant_type = str(form.get("grant_type", ""))
    sandbox = _state(request)
    if grant_type == "refresh_token":
        refresh = str(form.get("refresh_token", ""))
        if not refresh:
            raise xee_error("token_missing_refresh")
        client_id = _client_from_basic(request.headers.get("authorization"))
        with sandbox.lock:
            old_access = sandbox.xee_refresh.get(refresh)
            old = sandbox.xee_tokens.get(old_access or "")
            if old is None or old.client_id != client_id or old.revoked:
                raise _invalid_authentication()
            del sandbox.xee_refresh[refresh]  # rotation: the old refresh token is spent
            token = sandbox.issue_xee_token(old.user_id, old.scopes, client_id)
        return JSONResponse(token_body(token, sandbox.now()))

    code_value = str(form.get("code", ""))
    if grant_type != "authorization_code" or not code_value:
        raise xee_error("token_missing_code")
    client_id = _client_from_basic(request.headers.get("authorization"))
    with sandbox.lock:
        code = sandbox.xee_codes.pop(code_value, None)  # single use, even if it fails
        if (
            code is None
            or code.client_id != client_id
            or sandbox.now() >= code.expires_at
            or ("redirect_uri" in form and form["redirect_uri"] != code.redirect_uri)
            or not _pkce_ok(code, str(form.get("code_verifier", "")) or None)
        ):
            raise _invalid_authentication()
        token = sandbox.issue_xee_token(code.user_id, code.scopes, client_id)
    return JSONResponse(token_body(token, sandbox.now()))


routes = [
    Route("/xee/v3/auth/auth", authorize_page, methods=["GET"]),
    Route("/xee/v3/auth/auth", authorize_submit, methods=["POST"]),
    Route("/xee/v3/auth/access_token", access_token, methods=["POST"]),
    # v4's endpoints (sdk-android AuthEndpoint: oauth/authorize, oauth/token), same server.
    Route("/xee/v4/oauth/authorize", authorize_page, methods=["GET"]),
    Route("/xee/v4/oauth/authorize", authorize_submit, methods=["POST"]),
    Route("/xee/v4/oauth/token", access_token, methods=["POST"]),
]
