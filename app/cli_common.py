"""What every `pairing-wizard` command shares: exit codes, the --json envelope,
the API root and credentials taken from options or the environment.

Standard library only at import time: the GUI path must not pay for it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

EXIT_OK = 0
EXIT_INPUT = 2  # invalid input: nothing was sent
EXIT_REFUSED = 3  # the provider refused (a documented error)
EXIT_NETWORK = 4  # network failure or unexpected response
EXIT_INTERRUPTED = 130  # Ctrl+C

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
        import json  # here: the GUI's start goes through this module without needing it

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


def add_xee_api_version_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--api-version", choices=["v3", "v4"], default=None,
                   help="Xee API version (default: IT's managed xee.api_version, else v3; v4 "
                   "is what Xee's current SDK uses; setting xee/apiVersion)")


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


_MANAGED: list[Any] = []


def managed() -> Any:
    """IT's managed configuration (app.core.managed_config), read once per command. A bad
    file is said on stderr, and the command goes on without it (as the wizard does)."""
    if not _MANAGED:
        from app.core.managed_config import load_or_error

        config, error = load_or_error()
        if error:
            print(error, file=sys.stderr)
        _MANAGED.append(config)
    return _MANAGED[0]


def api_root_from_args(args: argparse.Namespace) -> str:
    """The checked API root: --base-url, else the managed configuration's root, else the
    environment's (InputError if malformed, or if IT hides that environment). For Xee it
    also puts the --device-id-pattern / --pin-pattern formats in force (the same
    validation as the wizard's), before anything is checked or sent."""
    from app.core.environments import api_root
    from app.core.errors import InputError
    from app.core.providers import known

    config = managed()
    spec = known(args.provider)
    if spec.format_settings:
        # The options first, then IT's managed file, as the wizard's settings do.
        spec.use_formats({setting: getattr(args, option, "") or config.value(setting)
                          or None for option, setting in spec.format_settings})

    env = getattr(args, "env", None) or "production"
    base_url = getattr(args, "base_url", None)
    if not base_url:
        if env in config.hidden_environments:
            raise InputError("env", f"IT's managed configuration hides the {env} environment "
                             "on this computer: use another environment, or ask IT.",
                             provider=args.provider)
        base_url = config.value(f"roots/{args.provider}/{env}") or None
    overrides = {args.provider: base_url} if base_url else None
    return api_root(args.provider, env, overrides=overrides,
                    api_version=getattr(args, "api_version", None)
                    or config.value("xee/apiVersion") or "v3")


CLIENT_SECRET_LABEL = "Xee client secret"  # noqa: S105 - a label, not a secret


def secret_label(provider: str) -> str:
    """What the provider's credential is called ("RUFUS api key", "Xee access token")."""
    from app.core.providers import known

    info = known(provider).info
    return f"{info.title} {'access token' if info.signs_in else 'api key'}"


def read_secret_file(path: str, label: str, stdin: Any = None) -> str:
    """The first line of PATH, or of standard input for "-" (a secret on argv is visible
    to every local user; a file or a pipe is not). Raises InputError with a sentence."""
    from app.core.errors import InputError

    field = "client_secret" if label == CLIENT_SECRET_LABEL else "api_key"
    try:
        if path == "-":
            text = (stdin or sys.stdin).readline()
        else:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.readline(64 * 1024)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise InputError(field, f"Cannot read the {label} from {path}: {reason}. Check the "
                         "path (or pass - to read it from standard input).") from None
    value = text.strip()
    if not value:
        raise InputError(field, f"The {label} file {path} is empty: put the {label} on its "
                         "first line.")
    return value


def secret_from(args: argparse.Namespace, option: str, label: str, env: str | None = None,
                *, prompt: bool = True) -> str | None:
    """--OPTION, else --OPTION-file (PATH or -), else $ENV, else a hidden prompt when both
    standard input and standard error are a terminal (never in --json mode)."""
    given = getattr(args, option, None)
    if given:
        return str(given)
    path = getattr(args, f"{option}_file", None)
    if path:
        return read_secret_file(path, label)
    if env and os.environ.get(env):
        return os.environ[env]
    if (prompt and not getattr(args, "json", False) and sys.stdin is not None
            and sys.stdin.isatty() and sys.stderr.isatty()):
        import getpass

        try:
            value = getpass.getpass(f"{label} (not shown): ").strip()
        except EOFError:
            return None
        return value or None
    return None


def credential(args: argparse.Namespace) -> str | None:
    """--token (a provider that signs in: Xee) or --api-key (or --api-key-file), else the
    provider's environment variable, else a hidden prompt on a terminal (api keys only:
    Xee has its sign-in)."""
    from app.core.providers import known

    spec = known(args.provider)
    signs_in = spec.info.signs_in
    return secret_from(args, "token" if signs_in else "api_key", secret_label(args.provider),
                       spec.credential_env, prompt=not signs_in)


def provider_api(provider: str, client: Any, root: str, secret: str | None) -> Any:
    """The provider's client for a credential (the spec's class; Xee: an access token, or
    None when `client` is a signed-in session's client that adds it)."""
    from app.core.flow import api_class

    return api_class(provider)(client, root, secret)
