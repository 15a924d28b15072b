"""What every `pairing-wizard` command shares: exit codes, the --json envelope,
the API root and credentials taken from options or the environment.

Standard library only at import time: the GUI path must not pay for it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

EXIT_OK = 0
EXIT_INPUT = 2  # invalid input: nothing was sent
EXIT_REFUSED = 3  # the provider refused (a documented error)
EXIT_NETWORK = 4  # network failure or unexpected response
EXIT_INTERRUPTED = 130  # Ctrl+C

PROVIDERS = ("xee", "rufus", "zype")
CREDENTIAL_ENV = {"rufus": "RUFUS_API_KEY", "zype": "ZYPE_API_KEY", "xee": "XEE_ACCESS_TOKEN"}
ERROR_KEYS = ("kind", "status", "type", "message", "tip", "advice")


def error_fields(error: Any) -> dict[str, Any]:
    """The envelope's error object: exactly ERROR_KEYS, from an error or a dict."""
    data = error.to_dict() if hasattr(error, "to_dict") else dict(error)
    return {key: data.get(key) for key in ERROR_KEYS}


def input_error(advice: str, kind: str = "input") -> dict[str, Any]:
    return {"kind": kind, "advice": advice}


def emit(args: argparse.Namespace, ok: bool, result: Any = None, error: Any = None,
         human: str = "") -> None:
    """With --json exactly one object on stdout; otherwise `human` (errors on stderr)."""
    if getattr(args, "json", False):
        print(json.dumps({"ok": ok, "provider": getattr(args, "provider", None),
                          "action": args.command, "result": result,
                          "error": None if error is None else error_fields(error)},
                         ensure_ascii=False))
    elif human:
        print(human, file=sys.stdout if ok else sys.stderr)


def fail(args: argparse.Namespace, code: int, advice: str, kind: str = "input",
         result: Any = None) -> int:
    emit(args, False, result, input_error(advice, kind), advice)
    return code


MAX_TIMEOUT_SECONDS = 24 * 3600.0


def seconds(text: str) -> float:
    """argparse type of --timeout: a finite number of seconds above 0 (nan, inf, 0 and
    negative values would give a traceback or an attempt recorded as "unknown")."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_TIMEOUT_SECONDS:  # false for nan too
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds: give a number above 0 and at most "
            f"{int(MAX_TIMEOUT_SECONDS)}, e.g. 30")
    return value


def api_root_from_args(args: argparse.Namespace) -> str:
    """The checked API root: --base-url, else the environment's (InputError if malformed)."""
    from app.core.environments import api_root

    overrides = {args.provider: args.base_url} if getattr(args, "base_url", None) else None
    return api_root(args.provider, getattr(args, "env", None) or "production",
                    overrides=overrides)


def credential(args: argparse.Namespace) -> str | None:
    """--token (Xee) or --api-key, else the provider's environment variable."""
    given = getattr(args, "token" if args.provider == "xee" else "api_key", None)
    return given or os.environ.get(CREDENTIAL_ENV[args.provider]) or None


def provider_api(provider: str, client: Any, root: str, secret: str | None) -> Any:
    """The provider class for a credential (Xee: an access token, or None when `client`
    is a signed-in session's client that adds it)."""
    if provider == "rufus":
        from app.core.rufus import RufusAPI

        return RufusAPI(client, root, secret)
    if provider == "zype":
        from app.core.zype import ZypeAPI

        return ZypeAPI(client, root, secret)
    from app.core.xee import XeeAPI

    return XeeAPI(client, root, access_token=secret)
