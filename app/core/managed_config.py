"""The IT-managed configuration file: settings preset (and optionally locked) by IT.

Where it is read (the first that applies):
- the file named by the environment variable PAIRING_WIZARD_CONFIG;
- Windows: %ProgramData%\\pairing-wizard\\config.toml;
- macOS: /Library/Application Support/pairing-wizard/config.toml;
- Linux and others: /etc/pairing-wizard/config.toml.
No file is fine (nothing is managed). A file that cannot be read or parsed is a
ManagedConfigError whose sentence names the file and the line; the caller shows it and
goes on without the file. Parsed with tomllib; GUI-free (no Qt).

The format (every key optional; each maps to one setting key in MAPPING):

    [xee]
    client_id = "..."            # all environments (or [xee.production] client_id = ...)
    client_secret = "..."        # never shown, never stored in settings or logs
    redirect_uri = "http://localhost:8765/callback"
    redirect_ports = "8765, 8766"
    state_echoed = true
    send_scope = false
    scopes = "devices_management users_read cars_read"
    api_version = "v3"
    device_id_pattern = "..."
    pin_pattern = "..."
    [roots.xee]                  # likewise [roots.rufus], [roots.zype]
    production = "https://cloud.xee.com/v3"
    sandbox = "https://sandbox.xee.com/v3"
    [rufus]
    default_type = "..."
    [browser]
    command = "..."
    [lock]
    settings = ["xee.redirect_uri", "roots.xee.production"]   # names as in this file
    hide_environments = ["production"]

A key the mapping does not know, or a value of the wrong type, is an error naming its
line (a typo in a managed file must not be silently ignored).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

ENV_VAR = "PAIRING_WIZARD_CONFIG"
ENVIRONMENTS = ("production", "sandbox", "demo")
# The providers' keys (standard library only here: app.core.providers, the registry, is
# not imported for this; tests/core/test_providers.py checks they are its keys).
PROVIDERS = ("xee", "rufus", "zype")

# file name (dotted) -> (settings key, type). New keys are one line each.
MAPPING: dict[str, tuple[str, type]] = {
    "xee.client_id": ("xee/clientId", str),
    "xee.production.client_id": ("xee/production/clientId", str),
    "xee.sandbox.client_id": ("xee/sandbox/clientId", str),
    "xee.redirect_uri": ("xee/redirectUri", str),
    "xee.redirect_ports": ("xee/redirectPorts", str),
    "xee.state_echoed": ("xee/stateEchoed", bool),
    "xee.send_scope": ("xee/sendScope", bool),
    "xee.scopes": ("xee/scopes", str),
    "xee.api_version": ("xee/apiVersion", str),
    "xee.device_id_pattern": ("xee/deviceIdPattern", str),
    "xee.pin_pattern": ("xee/pinPattern", str),
    "rufus.default_type": ("rufus/defaultType", str),
    "browser.command": ("browser/command", str),
    "network.timeout_seconds": ("network/timeoutSeconds", int),
    "batch.max_retry_after_seconds": ("batch/maxRetryAfterSeconds", int),
    **{f"roots.{p}.{e}": (f"roots/{p}/{e}", str)
       for p in PROVIDERS for e in ("production", "sandbox")},
}
# Secrets: read from the file, never turned into settings.
SECRETS = {"xee.client_secret": str}
CHOICES = {"xee.api_version": ("v3", "v4")}


class ManagedConfigError(Exception):
    """A managed configuration file that cannot be used; str() is the sentence."""


class Secret:
    """A secret read from the file (Xee's client secret): its text is given only to who
    asks for it by name (`reveal()`). repr() and str() are masked, so the secret shows
    nowhere a ManagedConfig is turned into text or data by a generic path (repr, str,
    tuple(), iteration, indexing, _asdict(), _replace, copies); pickling refuses: a
    secret never goes into a byte stream. A plain class with __slots__: no __dict__."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def reveal(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return "Secret(<hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._text == self._text

    def __hash__(self) -> int:
        return hash(Secret)   # equal secrets hash alike; the hash says nothing of the text

    def __reduce__(self) -> Any:
        raise TypeError("a managed secret is not pickled")

    def __copy__(self) -> Secret:
        return self   # immutable

    def __deepcopy__(self, memo: Any) -> Secret:
        return self


# A NamedTuple, not a frozen dataclass: this module loads before the wizard's first
# paint, and dataclasses (its import and each class) cost ~2-3 ms there. The secret is a
# Secret in it (the tuple's generic paths show it masked); `xee_client_secret` reveals it.
class ManagedConfig(NamedTuple):
    path: Path | None = None
    # settings key -> value; the default is read-only: it is shared by every instance
    values: Mapping[str, Any] = MappingProxyType({})
    locked: frozenset[str] = frozenset()                  # settings keys
    hidden_environments: frozenset[str] = frozenset()
    client_secret: Secret | None = None   # Xee's: masked wherever the tuple is shown

    @property
    def xee_client_secret(self) -> str | None:
        """Xee's client secret from the file (the text), or None."""
        return None if self.client_secret is None else self.client_secret.reveal()

    def __repr__(self) -> str:
        secret = "" if self.client_secret is None else ", xee_client_secret=<hidden>"
        return (f"ManagedConfig(path={self.path!r}, values={self.values!r}, "
                f"locked={set(self.locked) or '{}'}, "
                f"hidden_environments={set(self.hidden_environments) or '{}'}{secret})")

    def value(self, key: str, default: Any = None) -> Any:
        """The managed value of a settings key, or `default`. `xee/{env}/clientId` falls
        back to the file's `xee.client_id` (one app for every environment)."""
        if key in self.values:
            return self.values[key]
        if re.fullmatch(r"xee/[a-z]+/clientId", key) and "xee/clientId" in self.values:
            return self.values["xee/clientId"]
        return default

    def manages(self, key: str) -> bool:
        return self.value(key, _MISSING) is not _MISSING

    def is_locked(self, key: str) -> bool:
        if key in self.locked:
            return True
        return bool(re.fullmatch(r"xee/[a-z]+/clientId", key)) and "xee/clientId" in self.locked


_MISSING = object()


def default_path() -> Path:
    """Where IT puts the file on this system (PAIRING_WIZARD_CONFIG aside)."""
    if sys.platform == "win32":
        base = os.environ.get("ProgramData") or os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(base) / "pairing-wizard" / "config.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/pairing-wizard/config.toml")
    return Path("/etc/pairing-wizard/config.toml")


def config_path(environ: dict[str, str] | None = None) -> Path | None:
    """The file to read, or None when there is none."""
    environ = os.environ if environ is None else environ
    named = (environ.get(ENV_VAR) or "").strip()
    if named:
        return Path(named)  # named explicitly: a missing one is an error (load says so)
    path = default_path()
    return path if path.exists() else None


def _line_of(text: str, dotted: str) -> int | None:
    """The line where a key of the file is written (best effort, for the sentence)."""
    section, _, name = dotted.rpartition(".")
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = re.sub(r"\s*\.\s*", ".", header.group(1))
            continue
        key = re.match(r"([A-Za-z0-9_.\-\s\"]+?)\s*=", stripped)
        if key:
            full = ".".join(x for x in (current, key.group(1).replace('"', "").strip()) if x)
            if full == dotted or (current == section and key.group(1).strip() == name):
                return number
    return None


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def parse(text: str, path: Path | None = None) -> ManagedConfig:
    """The file's text -> ManagedConfig; ManagedConfigError names the line."""
    where = str(path) if path else "the managed configuration"

    def fail(dotted: str, problem: str) -> ManagedConfigError:
        line = _line_of(text, dotted)
        at = f", line {line}" if line else ""
        return ManagedConfigError(
            f"The managed configuration file {where}{at} is not valid: {problem}. Ask IT to "
            "correct it; until then the wizard runs without it.")

    import tomllib  # here: without a file (most starts), not before the first paint

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        at = f", line {match.group(1)}" if match else ""
        reason = re.sub(r"\s*\(at .*\)$", "", str(error))
        raise ManagedConfigError(
            f"The managed configuration file {where}{at} is not valid TOML ({reason}). Ask "
            "IT to correct it; until then the wizard runs without it.") from None

    lock = data.pop("lock", {})
    if not isinstance(lock, dict):
        raise fail("lock", "[lock] must be a table")
    values: dict[str, Any] = {}
    secret: str | None = None
    for dotted, value in _flatten(data).items():
        if dotted in SECRETS:
            if not isinstance(value, str) or not value.strip():
                raise fail(dotted, f"{dotted} must be a non-empty text")
            secret = value.strip()
            continue
        if dotted not in MAPPING:
            raise fail(dotted, f"unknown setting {dotted!r} (known: "
                       + ", ".join(sorted([*MAPPING, *SECRETS])) + ")")
        key, kind = MAPPING[dotted]
        if kind is str and dotted.endswith("redirect_ports") and isinstance(value, list) \
                and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            value = ", ".join(str(v) for v in value)
        if kind is str and isinstance(value, int) and not isinstance(value, bool) \
                and dotted.endswith("redirect_ports"):
            value = str(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise fail(dotted, f"{dotted} must be {'true or false' if kind is bool else 'a text'}")
        if isinstance(value, str):
            value = value.strip()
        if dotted in CHOICES and value not in CHOICES[dotted]:
            raise fail(dotted, f"{dotted} must be one of {', '.join(CHOICES[dotted])}")
        values[key] = value

    locked: set[str] = set()
    names = lock.get("settings", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise fail("lock.settings", "lock.settings must be a list of setting names")
    for name in names:
        if name not in MAPPING:
            raise fail("lock.settings", f"lock.settings names an unknown setting {name!r}")
        locked.add(MAPPING[name][0])
    hidden = lock.get("hide_environments", [])
    if not isinstance(hidden, list) or not all(h in ENVIRONMENTS for h in hidden):
        raise fail("lock.hide_environments", "lock.hide_environments must be a list among "
                   + ", ".join(ENVIRONMENTS))
    extra = set(lock) - {"settings", "hide_environments"}
    if extra:
        name = sorted(extra)[0]
        raise fail(f"lock.{name}", f"unknown entry lock.{name} (known: settings, "
                   "hide_environments)")
    if set(hidden) >= set(ENVIRONMENTS):
        raise fail("lock.hide_environments", "every environment is hidden")
    return ManagedConfig(path, values, frozenset(locked), frozenset(hidden),
                         None if secret is None else Secret(secret))


def load(environ: dict[str, str] | None = None) -> ManagedConfig:
    """The managed configuration of this machine (empty when there is no file)."""
    path = config_path(environ)
    if path is None:
        return ManagedConfig()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ManagedConfigError(
            f"The managed configuration file {path} (named by {ENV_VAR}) does not exist. "
            f"Correct {ENV_VAR} or ask IT for the file; until then the wizard runs without "
            "it.") from None
    except OSError as error:
        raise ManagedConfigError(
            f"The managed configuration file {path} cannot be read ({error.strerror}). Ask "
            "IT to check its permissions; until then the wizard runs without it.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ManagedConfigError(
            f"The managed configuration file {path} is not UTF-8 text. Ask IT to save it as "
            "UTF-8; until then the wizard runs without it.") from None
    return parse(text, path)


def load_or_error(environ: dict[str, str] | None = None) -> tuple[ManagedConfig, str | None]:
    """load(), never raising: (config, the error's sentence or None)."""
    try:
        return load(environ), None
    except ManagedConfigError as error:
        return ManagedConfig(), str(error)
