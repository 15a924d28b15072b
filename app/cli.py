"""The `pairing-wizard` command: the GUI by default, plus sandbox, pair, unpair, login, logout.

Imports are lazy on purpose: `pairing-wizard --demo` must paint its first window
without paying for uvicorn, authlib or the provider layer (nor json: imported where used).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from app.cli_common import (
    CLIENT_SECRET_LABEL,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    add_xee_api_version_option,
    api_root_from_args,
    credential,
    emit,
    fail,
    provider_api,
    seconds,
    secret_from,
)

# Process start as seen by us; the wizard's --smoke measures first paint from here.
STARTED_AT = time.perf_counter()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pairing-wizard",
        description="Pair customers' devices with the Xee, RUFUS and Zype clouds.",
    )
    parser.add_argument("--demo", action="store_true",
                        help="open the wizard on the built-in offline sandbox")
    parser.add_argument("--smoke", action="store_true",
                        help='open the wizard, print {"first_paint_ms": N} once painted, exit')
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a screen (keychain, TLS, "
                        "resources, built-in sandbox, one pairing per provider) and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sandbox = sub.add_parser("sandbox", help="serve the offline emulator of the three APIs")
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=0, help="0 picks a free port")
    sandbox.add_argument("--latency-ms", type=int, default=0)
    sandbox.add_argument("--allow-remote", action="store_true",
                         help="allow a non-loopback --host (the sandbox has no real security)")

    from app.core.providers import SPECS

    # pair, unpair and device: a subcommand per provider that takes the command, its
    # options from the provider's spec, then the shared ones.
    for command, help_text, choose in (("pair", "pair one device", {"metavar": "PROVIDER"}),
                                       ("unpair", "undo a pairing", {"metavar": "PROVIDER"}),
                                       ("device", "show a device as the provider sees it",
                                        {})):
        per_provider = sub.add_parser(command, help=help_text).add_subparsers(
            dest="provider", required=True, **choose)
        for spec in SPECS.values():
            if command not in spec.cli_commands:
                continue
            p = per_provider.add_parser(spec.key, help=spec.cli_commands[command])
            p.register("type", "seconds", seconds)
            spec.add_cli_options(command, p)
            _common(p, spec.key)
            spec.add_format_options(p)

    # login and logout: for the provider whose sign-in app.auth runs (its OAuth in the
    # system browser, its tokens in the keychain; _login and _logout run that one), its
    # own options from its spec. Another provider that signs in has no command-line
    # sign-in until app.auth runs its own.
    from app.core.providers import sign_in_provider

    signing_in = SPECS.get(sign_in_provider())
    for command, help_text in (("login", "sign in ({} only) in the system browser"),
                               ("logout", "forget a stored sign-in")):
        if signing_in is None:
            break
        per_provider = sub.add_parser(
            command, help=help_text.format(signing_in.info.title)).add_subparsers(
            dest="provider", metavar="PROVIDER", required=True)
        p = per_provider.add_parser(signing_in.key)
        p.register("type", "seconds", seconds)   # for the spec's own options
        _endpoint_options(p, signing_in.key)
        signing_in.add_cli_options(command, p)
        p.add_argument("--json", action="store_true")

    p = sub.add_parser("forget-all", help="remove history, settings, stored keys and sign-ins",
                       description="Remove everything Pairing Wizard keeps for you: the "
                       "pairing history and logs, the settings, the stored RUFUS and Zype "
                       "keys and the Xee sign-ins of every API root (the uninstaller runs "
                       "this when asked to remove your data).")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true")

    from app.cli_tools import add_parsers

    add_parsers(sub)
    return parser


def _endpoint_options(p: argparse.ArgumentParser, provider: str) -> None:
    from app.core.providers import SPECS

    spec = SPECS[provider]
    p.add_argument("--base-url", help="the provider's API root, e.g. http://127.0.0.1:PORT/"
                   f"{spec.demo_prefix.lstrip('/')}")
    environments = spec.cli_environments()
    if len(environments) > 1:   # one (production) needs no choice
        p.add_argument("--env", choices=list(environments), default=environments[0],
                       help=f"{spec.info.title} environment when no --base-url is given")
    if spec.info.api_versions:
        add_xee_api_version_option(p)


def _common(p: argparse.ArgumentParser, provider: str) -> None:
    from app.core.providers import SPECS

    _endpoint_options(p, provider)
    env = SPECS[provider].credential_env
    if SPECS[provider].info.signs_in:
        p.add_argument("--token", help=f"access token (default: ${env}, "
                       "then the stored sign-in)")
    else:
        p.add_argument("--api-key", help=f"api key (default: ${env}); "
                       "visible to other local users: prefer --api-key-file")
        p.add_argument("--api-key-file", metavar="PATH",
                       help="read the api key from the first line of PATH (- for stdin); "
                       "without any key, a terminal asks for it without showing it")
    p.add_argument("--timeout", type=seconds, default=30.0, help="seconds per request")
    p.add_argument("--json", action="store_true", help="print exactly one JSON object")


GUI_FLAGS = {"--demo", "--smoke"}


def utf8_streams() -> None:
    """Write stdout and stderr in UTF-8 whatever the console or pipe says.

    On Windows a redirected or piped stream is in the ANSI code page (cp1252...), where
    "Łódź" in `--json` or `history --csv` raises UnicodeEncodeError; JSON and CSV
    readers expect UTF-8 anyway. A console keeps Python's own UTF-8 console writer.
    """
    for name, errors in (("stdout", "strict"), ("stderr", "backslashreplace")):
        stream = getattr(sys, name)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                stream.reconfigure(encoding="utf-8", errors=errors)


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    from app.single_instance import hold_running_mutex

    hold_running_mutex()  # Windows: the installer waits for the app to be closed
    given = sys.argv[1:] if argv is None else list(argv)
    if len(set(given)) == len(given) and set(given) <= GUI_FLAGS:
        # The plain GUI: building the full parser (and app.cli_tools, which imports
        # asyncio) would cost ~40 ms before the first paint, for two flags.
        from app.ui.main import run

        return run(demo="--demo" in given, smoke="--smoke" in given, argv=sys.argv[:1])
    args = build_parser().parse_args(argv)
    from app.cli_tools import handle

    if (code := handle(args)) is not None:
        return code
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from app.ui.main import run

        return run(demo=args.demo, smoke=args.smoke, argv=sys.argv[:1])
    if args.command == "forget-all":
        return forget_all(args)
    if args.command == "sandbox":
        from app.sandbox.server import serve

        return serve(host=args.host, port=args.port, latency_ms=args.latency_ms,
                     allow_remote=args.allow_remote)
    import asyncio  # not before: the GUI path must reach its first paint without it

    try:
        if args.command in ("pair", "unpair"):
            return asyncio.run(_run_action(args))
        if args.command == "login":
            return asyncio.run(_login(args))
        if args.command == "device":
            return asyncio.run(_show_device(args))
        if args.command == "logout":
            return _logout(args)
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return EXIT_INTERRUPTED
    raise AssertionError(args.command)


def _error_text(error: Any) -> str:
    from app.core.errors import provider_name

    lines = [error.advice]
    provider_said = " — ".join(x for x in (error.message, error.tip) if x)
    if provider_said:
        lines.append(f"{provider_name(error.provider)} said: {provider_said}")
    if error.status:
        lines.append(f"(HTTP {error.status}, {error.kind})")
    else:
        lines.append(f"({error.kind})")
    return "\n".join(lines)


def _identifiers(args: argparse.Namespace) -> dict[str, str]:
    """What history keeps of this command: device identifiers, never a secret or Xee pin."""
    names = {"device": "device_id", "model": "model", "serial": "serial_number",
             "alias": "alias", "firmware": "firmware", "device_type": "type",
             "deviceid": "deviceid",
             "consumer": "consumer_id", "email": "email"}
    from app.core.providers import SPECS

    if "pin" in SPECS[args.provider].identifier_fields:
        names["pin"] = "pin"  # a Zype pin is a short-lived public code the TV shows
    return {field: str(getattr(args, option)).strip() for option, field in names.items()
            if getattr(args, option, None)}


async def _run_action(args: argparse.Namespace) -> int:
    from app.core.errors import ProviderError
    from app.core.history import History
    from app.core.transport import make_client

    action_name = "pair" if args.command == "pair" else "undo"
    try:
        root = api_root_from_args(args)
        async with make_client(timeout=args.timeout) as client:
            action = await _build_action(args, client, root)
            with History() as history, history.attempt(
                    args.provider, action_name, environment=root,
                    identifiers=_identifiers(args)) as attempt:
                result, human = await action()
                if isinstance(result, dict) and result.get("deviceid"):
                    attempt.identifiers["deviceid"] = result["deviceid"]
    except ProviderError as error:
        # What the error knows beyond the envelope (e.g. RUFUS's existing deviceid on a
        # duplicate serial) is kept in `result`, so --json loses nothing.
        emit(args, False, {"may_have_reached_server": error.may_have_reached_server,
                           "details": error.details or {}}, error, _error_text(error))
        return error.exit_code
    except Exception as error:
        if type(error).__name__ != "SignInError":  # app.auth is imported only for Xee
            raise
        emit(args, False, None, error, str(error))
        return error.exit_code
    emit(args, True, result, None, human)
    return EXIT_OK


async def _show_device(args: argparse.Namespace) -> int:
    """`device PROVIDER`: the device as the provider sees it (the spec's "device"
    action: RUFUS's status, battery, last telemetry and login). Nothing is recorded."""
    from app.cli_common import managed
    from app.core.errors import ProviderError
    from app.core.providers import known
    from app.core.transport import make_client

    try:
        root = api_root_from_args(args)
        secret = credential(args)
        if secret is None:
            raise _missing_credential(args)
        act = known(args.provider).cli_action(args.command, args, managed().value)
        async with make_client(timeout=args.timeout) as client:
            result, human = await act(provider_api(args.provider, client, root, secret))
    except ProviderError as error:
        emit(args, False, None, error, _error_text(error))
        return error.exit_code
    emit(args, True, result, None, human)
    return EXIT_OK


def _missing_credential(args: argparse.Namespace) -> Exception:
    from app.core.errors import InputError
    from app.core.providers import SPECS

    spec = SPECS[args.provider]
    env = spec.credential_env
    if spec.info.signs_in:
        return InputError("token", f"No {spec.info.title} sign-in: run `pairing-wizard login "
                          f"{spec.key}` first, or pass --token (or set {env}).",
                          provider=spec.key)
    return InputError("api_key", f"No api key: pass --api-key-file PATH (- for standard "
                      f"input) or set {env}.",
                      provider=args.provider)


async def _build_action(
    args: argparse.Namespace, client: Any, root: str
) -> Callable[[], Awaitable[tuple[Any, str]]]:
    """The command as the spec runs it, with the provider's client: built from the
    credential, else (a provider that signs in) through the stored sign-in, whose token
    is refreshed once when it expired."""
    from app.cli_common import managed
    from app.core.providers import known

    spec = known(args.provider)
    secret = credential(args)
    act = spec.cli_action(args.command, args, managed().value)
    # Xee's online sandbox needs no Authorization (api-notes; the official SDK signs
    # nothing in there): no sign-in, no token unless one is given.
    if secret is None and spec.info.needs_sign_in(getattr(args, "env", None)):
        session = _stored_xee_session(root, args)
        if session is None:
            raise _missing_credential(args)

        async def with_session() -> tuple[Any, str]:
            try:
                return await session.call(act)
            finally:
                await session.aclose()
        return with_session
    if secret is None and not spec.info.signs_in:
        raise _missing_credential(args)
    api = provider_api(args.provider, client, root, secret)
    return lambda: act(api)


CLIENT_SERVICE = "pairing-wizard/xee-client"


def _client_credentials(args: argparse.Namespace, root: str) -> tuple[str, str] | None:
    """The Xee app's client id and secret: options or env first, then IT's managed
    configuration file, else those saved at login (a hidden prompt for the secret at login)."""
    from app.cli_common import managed

    config = managed()
    env = getattr(args, "env", None) or "production"
    client_id = (getattr(args, "client_id", None) or os.environ.get("XEE_CLIENT_ID")
                 or config.value(f"xee/{env}/clientId"))
    label = CLIENT_SECRET_LABEL
    secret = (secret_from(args, "client_secret", label, "XEE_CLIENT_SECRET", prompt=False)
              or config.xee_client_secret
              or secret_from(args, "client_secret", label, "XEE_CLIENT_SECRET",
                             prompt=bool(client_id) and getattr(args, "command", None) == "login"))
    if client_id and secret:
        return client_id, secret
    import keyring

    try:
        import json

        saved = json.loads(keyring.get_password(CLIENT_SERVICE, root) or "null")
    except Exception:  # noqa: BLE001 - an unreadable keychain means "not signed in"
        return None
    if isinstance(saved, dict) and saved.get("client_id"):
        return saved["client_id"], saved.get("client_secret", "")
    return None


def _stored_xee_session(root: str, args: argparse.Namespace | None = None) -> Any:
    """The stored sign-in for this API root, or None when there is none."""
    from app.auth.session import XeeSession
    from app.auth.tokens import TokenStore, TokenStoreError

    if not TokenStore.backend_usable():
        return None
    credentials = _client_credentials(args or argparse.Namespace(), root)
    store = TokenStore(root)
    try:
        if credentials is None or store.load() is None:
            return None
        return XeeSession(root, credentials[0], credentials[1], store)
    except TokenStoreError:
        return None


async def _login(args: argparse.Namespace) -> int:
    import asyncio

    import keyring
    import keyring.errors

    from app.auth.errors import SignInError
    from app.auth.oauth import DEFAULT_SCOPES, XeeSignIn
    from app.auth.redirect import RedirectSettingError, parse_registered_redirect
    from app.auth.session import XeeSession
    from app.auth.tokens import TokenStore, TokenStoreError

    if args.env == "sandbox":
        emit(args, True, {"signed_in_as": None, "sign_in_needed": False}, None,
             "Xee's online sandbox needs no sign-in: run `pairing-wizard pair xee --env "
             "sandbox` directly.")
        return EXIT_OK
    from app.cli_common import managed

    config = managed()   # IT's presets, where no option is given
    args.redirect_uri = args.redirect_uri or config.value("xee/redirectUri", "")
    args.redirect_ports = args.redirect_ports or config.value("xee/redirectPorts", "")
    args.scopes = args.scopes or config.value("xee/scopes", "")
    args.no_state_echo = args.no_state_echo or config.value("xee/stateEchoed") is False
    args.no_scope = args.no_scope or config.value("xee/sendScope") is False
    try:
        redirect = parse_registered_redirect(args.redirect_uri, args.redirect_ports)
    except RedirectSettingError as exc:
        return fail(args, EXIT_INPUT, str(exc), kind="input.redirect_uri")
    root = api_root_from_args(args)
    from app.core.errors import ProviderError

    try:
        credentials = _client_credentials(args, root)
    except ProviderError as error:  # an unreadable --client-secret-file
        return fail(args, EXIT_INPUT, error.advice, kind=error.kind)
    if credentials is None:
        return fail(args, EXIT_INPUT, "Xee needs this app's client id and secret: pass "
                    "--client-id and --client-secret-file PATH (- for standard input), or "
                    "set XEE_CLIENT_ID and XEE_CLIENT_SECRET.", kind="input.client_id")
    if not TokenStore.backend_usable():
        return fail(args, EXIT_INPUT, "No usable keychain was found, so a sign-in cannot be "
                    "kept between commands. Pass --token to `pair xee` instead, or install a "
                    f"keychain backend (found: {TokenStore.backend_description()}).",
                    kind="input.keychain")

    def show(attempt: Any) -> None:
        print(f"Sign in with Xee in your browser. If it does not open, open this address:\n"
              f"{attempt.url}\nWaiting up to {int(attempt.seconds_left())} s "
              "(Ctrl+C cancels)...", file=sys.stderr, flush=True)

    attempts: list[Any] = []
    watchers: list[asyncio.Task[None]] = []

    async def say_a_refused_callback_at_once(attempt: Any) -> None:
        # Xee's docs show the redirect with `code` only: when the callback came without
        # `state` and the setting expects it, say so now (the browser's page says it too),
        # not only when the wait ends.
        while not attempt.done():
            if attempt.refused_without_state:
                print(SignInError("state_missing").advice, file=sys.stderr, flush=True)
                return
            await asyncio.sleep(0.2)

    def started(attempt: Any) -> None:
        attempts.append(attempt)
        show(attempt)
        watchers.append(asyncio.ensure_future(say_a_refused_callback_at_once(attempt)))

    scopes = args.scopes.split() if args.scopes.strip() else DEFAULT_SCOPES
    sign_in = XeeSignIn(root, *credentials, scopes, timeout=args.timeout, redirect=redirect,
                        state_echoed=not args.no_state_echo, send_scope=not args.no_scope)
    try:
        token = await sign_in.run(open_browser=(lambda url: False) if args.no_browser else None,
                                  on_started=started)
        if attempts and attempts[0].needs_account_confirmation:
            await _confirm_signed_in_account(root, token)
    except SignInError as error:
        emit(args, False, None, error, str(error))
        return error.exit_code
    finally:
        for watcher in watchers:
            watcher.cancel()
    try:
        import json

        keyring.set_password(CLIENT_SERVICE, root, json.dumps(dict(zip(
            ("client_id", "client_secret"), credentials, strict=True))))
        from app.auth.keychain_index import remember

        remember(CLIENT_SERVICE, root)
        async with XeeSession(root, *credentials, TokenStore(root)) as session:
            await session.set_token(token)
            if session.last_store_error:
                raise TokenStoreError(session.last_store_error)
            try:
                who = (await session.me()).display_name
            except Exception:  # noqa: BLE001 - the sign-in worked; the name is a courtesy
                who = None
    except (TokenStoreError, keyring.errors.KeyringError) as exc:
        error = SignInError("keychain_failed", provider_message=str(exc))
        emit(args, False, None, error, str(error))
        return error.exit_code
    emit(args, True, {"signed_in_as": who}, None,
         f"Signed in{' as ' + who if who else ''}. The sign-in is kept in the keychain.")
    return EXIT_OK


def confirm_account(who: str, stdin: Any = None, stderr: Any = None) -> bool:
    """Ask on the terminal whether `who` is the account to pair for; only "y"/"yes" is a
    yes (an empty line, end of input or anything else is a no)."""
    stdin = stdin or sys.stdin
    stderr = stderr or sys.stderr
    print(f"Xee did not return the sign-in's state, so confirm the account: signed in as "
          f"{who}. Is this the customer's Xee account? [y/N] ", end="", file=stderr,
          flush=True)
    try:
        answer = stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().lower() in ("y", "yes")


async def _confirm_signed_in_account(root: str, token: dict[str, Any]) -> None:
    """With "Xee does not echo state": show who signed in (GET /users/me) and have it
    confirmed before anything is kept or paired; SignInError otherwise."""
    from app.auth.errors import SignInError
    from app.core.errors import ProviderError
    from app.core.transport import make_client
    from app.core.xee import XeeAPI

    try:
        async with make_client(timeout=30) as client:
            user = await XeeAPI(client, root, access_token=token["access_token"]).me()
    except ProviderError as error:
        raise SignInError("account_not_confirmed", provider_message=error.advice) from None
    if not confirm_account(f"{user.display_name} (user {user.id})"):
        raise SignInError("account_not_confirmed")


def _logout(args: argparse.Namespace) -> int:
    import keyring

    from app.auth.errors import SignInError
    from app.auth.tokens import TokenStore, TokenStoreError
    from app.core.errors import ProviderError

    try:
        root = api_root_from_args(args)
        TokenStore(root).clear()
    except ProviderError as error:
        emit(args, False, None, error, error.advice)
        return error.exit_code
    except TokenStoreError as exc:
        error = SignInError("keychain_failed", provider_message=str(exc))
        emit(args, False, None, error, str(error))
        return error.exit_code
    with contextlib.suppress(Exception):  # nothing saved: already signed out
        keyring.delete_password(CLIENT_SERVICE, root)
    emit(args, True, {"signed_out": True}, None, "Signed out: the stored sign-in is forgotten.")
    return EXIT_OK



# Settings: QSettings("pairing-wizard", "Pairing Wizard") (app/ui/main.py): the registry
# key HKCU\Software\pairing-wizard on Windows, ~/Library/Preferences/
# com.pairing-wizard.Pairing Wizard.plist on macOS, ~/.config/pairing-wizard/ on Linux.
SETTINGS_ORGANIZATION = "pairing-wizard"
SETTINGS_APPLICATION = "Pairing Wizard"


def _forget_settings() -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)
    settings.clear()
    settings.sync()
    if sys.platform == "win32":  # clear() leaves the empty keys behind
        import winreg

        def delete_tree(parent: Any, name: str) -> None:
            with winreg.OpenKey(parent, name, 0, winreg.KEY_ALL_ACCESS) as key:
                while True:
                    try:
                        child = winreg.EnumKey(key, 0)
                    except OSError:
                        break
                    delete_tree(key, child)
            winreg.DeleteKey(parent, name)

        with contextlib.suppress(FileNotFoundError):
            delete_tree(winreg.HKEY_CURRENT_USER, f"Software\\{SETTINGS_ORGANIZATION}")
    elif (path := Path(settings.fileName())).is_file():
        path.unlink()


def forget_all(args: argparse.Namespace) -> int:
    """Every stored key and sign-in (from the keychain index), the settings, the data."""
    import shutil

    import keyring
    import keyring.errors

    from app.auth.keychain_index import entries
    from app.core.history import data_dir

    if not args.yes and sys.stdin.isatty():
        answer = input("Remove your pairing history, settings, stored keys and sign-ins? "
                       "[y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was removed.")
            return EXIT_OK
    problems: list[str] = []
    removed = 0
    for service, account in entries():
        try:
            keyring.delete_password(service, account)
            removed += 1
        except keyring.errors.PasswordDeleteError:
            pass  # already gone
        except Exception as exc:  # locked or broken keychain: say so, go on
            problems.append(f"the keychain entry {service} ({exc.__class__.__name__})")
    try:
        _forget_settings()
    except Exception as exc:
        problems.append(f"the settings ({exc.__class__.__name__})")
    folder = data_dir()
    try:
        if folder.exists():
            shutil.rmtree(folder)
    except OSError as exc:
        problems.append(f"{folder} ({exc.__class__.__name__}: close Pairing Wizard first)")
    ok = not problems
    text = (f"Removed {removed} stored keys and sign-ins, the settings and {folder}." if ok
            else "Could not remove " + "; ".join(problems) + ". Close Pairing Wizard and "
            "run `pairing-wizard forget-all` again.")
    if args.json:
        import json

        print(json.dumps({"ok": ok, "keychain_entries_removed": removed,
                          "problems": problems}, ensure_ascii=False))
    else:
        print(text, file=sys.stdout if ok else sys.stderr)
    return EXIT_OK if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
