"""Control endpoints under `/_sandbox` (never subject to faults or latency).

- `GET /_sandbox/fixtures`: the current state (users, devices, keys, pins...).
- `POST /_sandbox/reset`: fixtures back, faults cleared, clock offset 0; with
  `{"keep_sessions": true}` the Xee tokens issued so far stay valid (ours: the demo's
  "Reset demo data" keeps its sign-in).
- `POST /_sandbox/xee/token` `{"user_id", "scope", "expires_in", "revoked"?}`: mints a
  token (the token endpoint's 200 body). A negative or zero `expires_in` gives an
  already expired token; `revoked: true` a revoked one; an unknown user_id is allowed
  (that is how the 404 "Device or user not found" on associate is reachable).
- `POST /_sandbox/xee/revoke` `{"access_token"}`: revokes a token (ours).
- `POST|GET|DELETE /_sandbox/faults`: see `app.sandbox.faults`.
- `POST /_sandbox/clock` `{"advance_seconds": N}`: moves the emulator clock.
- `POST /_sandbox/dialect` `{"xee": {name: value, ...}}`: answer in a documented variant
  (merged into the current dialect; `null` puts one name back to its default);
  `GET /_sandbox/dialect` shows every provider's current dialect; `DELETE` puts every
  default back. It survives reset.
  Xee's names: `app.sandbox.xee_oauth.XEE_DIALECT`; RUFUS's: `app.sandbox.rufus.RUFUS_DIALECT`;
  Zype's: `app.sandbox.zype.ZYPE_DIALECT`.
Bad input: 400 `{"error": "..."}`.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.errors import Reject, rejects
from app.sandbox.rufus import RUFUS_DIALECT, check_rufus_dialect
from app.sandbox.state import (
    FAULT_KINDS,
    PROVIDERS,
    XEE_ACCESS_TOKEN_LIFETIME,
    XEE_CLIENT_ID,
    Faults,
    SandboxState,
)
from app.sandbox.xee_oauth import SCOPE_DESCRIPTIONS, XEE_DIALECT, check_xee_dialect, token_body
from app.sandbox.zype import ZYPE_DIALECT, check_zype_dialect

DIALECT_CHECKS = {
    "xee": (XEE_DIALECT, check_xee_dialect),
    "rufus": (RUFUS_DIALECT, check_rufus_dialect),
    "zype": (ZYPE_DIALECT, check_zype_dialect),
}


def apply_dialect(state: SandboxState, body: Any) -> str | None:
    """Merges `{provider: {name: value}}` into state.dialects; returns what is wrong, if
    anything (then nothing is changed)."""
    if not isinstance(body, dict):
        return "the dialect is an object {provider: {name: value}}"
    merged = {p: dict(v) for p, v in state.dialects.items()}
    for provider, values in body.items():
        if provider not in DIALECT_CHECKS:
            return f"no dialect for {provider!r}: use one of {', '.join(DIALECT_CHECKS)}"
        defaults, check = DIALECT_CHECKS[provider]
        if not isinstance(values, dict):
            return f"{provider}: an object of names among {', '.join(defaults)}"
        current = merged.setdefault(provider, {})
        for name, value in values.items():
            if name not in defaults:
                return f"{provider}: unknown dialect {name!r}, use {', '.join(defaults)}"
            if value is None:
                current.pop(name, None)
                continue
            problem = check(name, value)
            if problem:
                return f"{provider}.{name}: {problem}"
            current[name] = value
    with state.lock:
        state.dialects = merged
    return None


def dialect_snapshot(state: SandboxState) -> dict[str, Any]:
    return {p: {**defaults, **state.dialects.get(p, {})}
            for p, (defaults, _check) in DIALECT_CHECKS.items()}


@rejects
async def set_dialect(request: Request) -> Response:
    problem = apply_dialect(_state(request), await _json_object(request))
    if problem:
        raise _bad(problem)
    return JSONResponse(dialect_snapshot(_state(request)))


async def get_dialect(request: Request) -> Response:
    return JSONResponse(dialect_snapshot(_state(request)))


async def clear_dialect(request: Request) -> Response:
    state = _state(request)
    with state.lock:
        state.dialects = {}
    return JSONResponse(dialect_snapshot(state))


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


def _bad(message: str) -> Reject:
    return Reject(JSONResponse({"error": message}, status_code=400))


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _bad("the body must be JSON") from None
    if not isinstance(body, dict):
        raise _bad("the body must be a JSON object")
    return body


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


async def fixtures(request: Request) -> Response:
    return JSONResponse(_state(request).snapshot())


@rejects
async def reset(request: Request) -> Response:
    body = await _json_object(request)
    keep = body.get("keep_sessions", False)
    if not isinstance(keep, bool):
        raise _bad("keep_sessions must be true or false")
    state = _state(request)
    state.reset(keep_sessions=keep)
    return JSONResponse(state.snapshot())


@rejects
async def mint_xee_token(request: Request) -> Response:
    body = await _json_object(request)
    user_id = body.get("user_id")
    if isinstance(user_id, str) and user_id.isdigit():
        user_id = int(user_id)
    if not _is_int(user_id):
        raise _bad("user_id (an integer) is required")
    scope = body.get("scope", "devices_management users_read cars_read")
    scopes = scope.split() if isinstance(scope, str) else scope
    if not isinstance(scopes, list) or not all(s in SCOPE_DESCRIPTIONS for s in scopes):
        raise _bad(f"scope: space-separated, among {' '.join(SCOPE_DESCRIPTIONS)}")
    expires_in = body.get("expires_in", XEE_ACCESS_TOKEN_LIFETIME)
    if not _is_int(expires_in):
        raise _bad("expires_in must be an integer (seconds)")
    state = _state(request)
    token = state.issue_xee_token(user_id, tuple(dict.fromkeys(scopes)), XEE_CLIENT_ID,
                                  expires_in)
    token.revoked = bool(body.get("revoked", False))
    return JSONResponse(token_body(token, state.now()))


@rejects
async def revoke_xee_token(request: Request) -> Response:
    body = await _json_object(request)
    state = _state(request)
    with state.lock:
        token = state.xee_tokens.get(str(body.get("access_token", "")))
        if token is None:
            return JSONResponse({"error": "unknown access_token"}, status_code=404)
        token.revoked = True
    return JSONResponse({"revoked": True})


@rejects
async def set_faults(request: Request) -> Response:
    body = await _json_object(request)
    known = {"latency_ms", "fault", "rate", "provider", "retry_after", "chunk_delay_ms"}
    if unknown := set(body) - known:
        raise _bad(f"unknown keys: {', '.join(sorted(unknown))}")
    faults = Faults()
    for name in ("latency_ms", "retry_after", "chunk_delay_ms"):
        if name in body:
            if not _is_int(body[name]) or body[name] < 0:
                raise _bad(f"{name} must be an integer >= 0")
            setattr(faults, name, body[name])
    fault = body.get("fault")
    if fault is not None and str(fault) not in FAULT_KINDS:
        raise _bad(f"fault must be null or one of {', '.join(FAULT_KINDS)}")
    faults.fault = None if fault is None else str(fault)
    rate = body.get("rate", 1.0)
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
        raise _bad("rate must be a number between 0 and 1")
    faults.rate = float(rate)
    provider = body.get("provider")
    if provider is not None and provider not in PROVIDERS:
        raise _bad(f"provider must be null or one of {', '.join(PROVIDERS)}")
    faults.provider = provider
    state = _state(request)
    state.faults = faults
    return JSONResponse(asdict(faults))


async def get_faults(request: Request) -> Response:
    return JSONResponse(asdict(_state(request).faults))


async def clear_faults(request: Request) -> Response:
    state = _state(request)
    state.faults = Faults()
    return JSONResponse(asdict(state.faults))


@rejects
async def clock(request: Request) -> Response:
    body = await _json_object(request)
    seconds = body.get("advance_seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise _bad("advance_seconds (a number) is required")
    state = _state(request)
    state.advance_clock(seconds)
    return JSONResponse({"now": state.now(), "offset_seconds": state.clock_offset})


routes = [
    Route("/_sandbox/fixtures", fixtures, methods=["GET"]),
    Route("/_sandbox/reset", reset, methods=["POST"]),
    Route("/_sandbox/xee/token", mint_xee_token, methods=["POST"]),
    Route("/_sandbox/xee/revoke", revoke_xee_token, methods=["POST"]),
    Route("/_sandbox/faults", set_faults, methods=["POST"]),
    Route("/_sandbox/faults", get_faults, methods=["GET"]),
    Route("/_sandbox/faults", clear_faults, methods=["DELETE"]),
    Route("/_sandbox/clock", clock, methods=["POST"]),
    Route("/_sandbox/dialect", set_dialect, methods=["POST"]),
    Route("/_sandbox/dialect", get_dialect, methods=["GET"]),
    Route("/_sandbox/dialect", clear_dialect, methods=["DELETE"]),
]
