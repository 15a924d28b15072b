"""The emulator's whole mutable world: one in-memory object, its clock and its fixtures.

Everything a provider route reads or changes lives in `SandboxState`; `reset()` puts
the fixtures back. The fixture values are ours (the documents give formats, not
data) and are listed, with what each one is for, in `app/sandbox/__init__.py`.
"""

from __future__ import annotations

import hashlib
import secrets
import string
import threading
import time
from dataclasses import dataclass, field
from typing import Any

# --- Xee -------------------------------------------------------------------------------

XEE_CLIENT_ID = "pairing-wizard-demo"
XEE_CLIENT_SECRET = "sandbox-secret-9f3c2a7d41"  # noqa: S105 (a public demo fixture)
XEE_ACCESS_TOKEN_LIFETIME = 3600
XEE_CODE_LIFETIME = 60
XEE_MAX_PIN_FAILURES = 3


@dataclass
class XeeUser:
    id: int
    login: str
    password: str
    first_name: str
    last_name: str
    gender: str
    birth_date: str
    # A disabled account still signs in, but no token can reach its resources: this
    # is how the documented 403 "Token can't access this user" row is reachable.
    disabled: bool = False


@dataclass
class XeeDevice:
    id: str
    pin: str
    user_id: int | None = None
    failed_attempts: int = 0

    @property
    def locked(self) -> bool:
        return self.failed_attempts >= XEE_MAX_PIN_FAILURES


@dataclass
class XeeToken:
    access_token: str
    refresh_token: str
    user_id: int
    scopes: tuple[str, ...]
    client_id: str
    expires_at: int
    revoked: bool = False


@dataclass
class XeeCode:
    code: str
    client_id: str
    redirect_uri: str
    user_id: int
    scopes: tuple[str, ...]
    code_challenge: str | None
    code_challenge_method: str | None
    expires_at: float


# --- RUFUS -----------------------------------------------------------------------------

RUFUS_ACCESS_TYPES = ("READ", "WRITE", "READ_WRITE")


@dataclass
class RufusKey:
    key: str
    access: str  # READ | WRITE | READ_WRITE
    unbind: bool = False


@dataclass
class RufusDevice:
    deviceid: str
    serial_number: str
    model: str
    alias: str | None
    firmware: str | None
    creation_date: float
    type: str = "DEVICE"
    sessions: int = 0
    passings: int = 0
    last_seen: float | None = None
    # List items carry these too (RUFUS's OpenAPI devices.md); null until the device
    # talks to the cloud.
    device_status: str = "INACTIVE"
    battery_percentage: int | None = None
    last_telemetry_at: float | None = None
    last_login: float | None = None


# --- Zype ------------------------------------------------------------------------------

ZYPE_PIN_LIFETIME = 30 * 60
ZYPE_SITE_ID = "5a1f0c2e8d3b4a0012345678"
ZYPE_DEVICE_ID = "5a1f0c2e8d3b4a0087654321"  # Zype's id of the "device" kind, constant


@dataclass
class ZypeKey:
    key: str
    type: str  # admin | read_only


@dataclass
class ZypeConsumer:
    id: str
    email: str
    name: str
    created_at: float
    subscription_count: int = 0


@dataclass
class ZypePin:
    id: str
    pin: str
    linked_device_id: str
    created_at: float
    updated_at: float
    consumer_id: str | None = None

    @property
    def expires_at(self) -> float:
        return self.created_at + ZYPE_PIN_LIFETIME

    @property
    def linked(self) -> bool:
        return self.consumer_id is not None


# --- faults ----------------------------------------------------------------------------

FAULT_KINDS = ("500", "503", "429", "reset", "malformed", "html", "slow_body")
PROVIDERS = ("xee", "rufus", "zype")


@dataclass
class Faults:
    latency_ms: int = 0
    fault: str | None = None
    rate: float = 1.0
    provider: str | None = None
    retry_after: int = 1  # seconds, sent with 503 and 429
    chunk_delay_ms: int = 200  # pause between the chunks of a slow body

    def applies_to(self, provider: str) -> bool:
        return self.provider is None or self.provider == provider


# --- the state -------------------------------------------------------------------------


def random_hex(nbytes: int) -> str:
    return secrets.token_hex(nbytes)


def object_id() -> str:
    """A Mongo-style 24-hex id, as Zype uses."""
    return secrets.token_hex(12)


@dataclass
class SandboxState:
    """All emulator data. Requests arrive on one event loop, but the lock keeps any
    multi-step change (check then write) atomic if that ever stops being true."""

    latency_ms: int = 0  # global, from the command line; survives reset
    clock_offset: float = 0.0
    lock: threading.RLock = field(default_factory=threading.RLock)
    faults: Faults = field(default_factory=Faults)
    # Per provider, which documented variant the emulator answers in (provider -> name ->
    # value; see each provider module's *_DIALECT). Configuration like latency_ms:
    # survives reset.
    dialects: dict[str, dict[str, Any]] = field(default_factory=dict)

    xee_users: dict[int, XeeUser] = field(default_factory=dict)
    xee_devices: dict[str, XeeDevice] = field(default_factory=dict)
    xee_tokens: dict[str, XeeToken] = field(default_factory=dict)  # by access token
    xee_refresh: dict[str, str] = field(default_factory=dict)  # refresh -> access token
    xee_codes: dict[str, XeeCode] = field(default_factory=dict)

    rufus_keys: dict[str, RufusKey] = field(default_factory=dict)
    rufus_devices: dict[str, RufusDevice] = field(default_factory=dict)  # insertion order

    zype_keys: dict[str, ZypeKey] = field(default_factory=dict)
    zype_consumers: dict[str, ZypeConsumer] = field(default_factory=dict)
    zype_pins: dict[str, ZypePin] = field(default_factory=dict)  # by pin

    def __post_init__(self) -> None:
        self.reset()

    # The emulator's clock: real time plus what /_sandbox/clock added.
    def now(self) -> float:
        return time.time() + self.clock_offset

    def advance_clock(self, seconds: float) -> None:
        with self.lock:
            self.clock_offset += seconds

    def reset(self, keep_sessions: bool = False) -> None:
        """Fixtures back, faults cleared, clock at 0. `keep_sessions` keeps the Xee tokens
        issued so far (the offline demo's "Reset demo data" keeps its sign-in)."""
        with self.lock:
            tokens, refresh = self.xee_tokens, self.xee_refresh
            self.clock_offset = 0.0
            self.faults = Faults()
            self._load_fixtures()
            if keep_sessions:
                self.xee_tokens, self.xee_refresh = tokens, refresh

    # --- fixtures ---------------------------------------------------------------------

    def _load_fixtures(self) -> None:
        now = self.now()
        self.xee_users = {
            u.id: u
            for u in (
                XeeUser(1001, "alice@example.com", "alice-demo", "Alice", "Martin",
                        "FEMALE", "1988-04-12"),
                XeeUser(1002, "bob@example.com", "bob-demo", "Bob", "Durand",
                        "MALE", "1979-11-03"),
                XeeUser(1003, "carol@example.com", "carol-demo", "Carol", "Petit",
                        "FEMALE", "1991-02-27", disabled=True),
            )
        }
        self.xee_devices = {
            d.id: d
            for d in (
                XeeDevice("E133742015", "1234"),
                XeeDevice("E133742016", "4321"),
                XeeDevice("E133742017", "0042"),
                XeeDevice("E133742020", "2020", user_id=1001),
                XeeDevice("E133742030", "3030", user_id=1002),
                XeeDevice("E133742040", "4040", failed_attempts=XEE_MAX_PIN_FAILURES),
                # Another format (dialects device_id_pattern / pin_pattern): refused
                # as a wrong format unless the dialect allows it.
                XeeDevice("XB7700000001", "770001"),
            )
        }
        self.xee_tokens = {}
        self.xee_refresh = {}
        self.xee_codes = {}

        self.rufus_keys = {
            k.key: k
            for k in (
                RufusKey("ror-ae4fc6c19681a20fad30", "WRITE"),  # the seed's curl example
                RufusKey("ror-5b2e9d0c7a4f1e3b6d80", "READ_WRITE", unbind=True),
                RufusKey("ror-1c7f3a9e5d2b8c4f0a61", "READ_WRITE"),
                RufusKey("ror-9e0d4c8b2a6f1e7d3c52", "READ"),
            )
        }
        self.rufus_devices = {}
        for n, (serial, model, alias, firmware) in enumerate((
            ("RR-0001", "Model X1", "Front gate", "1.4.2"),
            ("RR-0002", "Model X1", "Finish line", "1.4.2"),
            ("RR-0003", "Model X2", None, "2.0.0"),
        )):
            device = RufusDevice(
                # Stable ids, so that a demo or a bug report can quote them.
                deviceid=hashlib.sha256(f"rufus-fixture-{serial}".encode()).hexdigest().upper(),
                serial_number=serial, model=model,
                alias=alias, firmware=firmware, creation_date=now - 86400 * (30 - n),
                sessions=3 + n, passings=120 * (n + 1), last_seen=now - 3600 * (n + 1),
                device_status="ACTIVE", battery_percentage=(87, 42, 9)[n],
                last_telemetry_at=now - 3600 * (n + 1), last_login=now - 86400 * (n + 1),
            )
            self.rufus_devices[device.deviceid] = device

        self.zype_keys = {
            k.key: k
            for k in (
                ZypeKey("zk-admin-7Qm2Lx9VtB4pR8sN", "admin"),
                ZypeKey("zk-readonly-3Hd6Wc1YfK5gJ0aE", "read_only"),
            )
        }
        self.zype_consumers = {
            c.id: c
            for c in (
                ZypeConsumer("5f1a2b3c4d5e6f7a8b9c0d01", "alice@example.com", "Alice Martin",
                             now - 86400 * 200, subscription_count=1),
                ZypeConsumer("5f1a2b3c4d5e6f7a8b9c0d02", "bob@example.com", "Bob Durand",
                             now - 86400 * 120, subscription_count=2),
                ZypeConsumer("5f1a2b3c4d5e6f7a8b9c0d03", "carol@example.com", "Carol Petit",
                             now - 86400 * 10),
            )
        }
        self.zype_pins = {}
        for pin, device, age_min, consumer in (
            ("zabc123", "roku-living-room", 2, None),
            ("zkit456", "firetv-kitchen", 5, None),
            ("zbed789", "appletv-bedroom", 10, "5f1a2b3c4d5e6f7a8b9c0d02"),
            ("zold999", "androidtv-den", 45, None),  # expired 15 minutes ago
        ):
            created = now - age_min * 60
            self.zype_pins[pin] = ZypePin(object_id(), pin, device, created, created, consumer)

    # --- helpers used by several routes -----------------------------------------------

    def renew_expired_zype_pins(self) -> list[str]:
        """Dialect zype.renew_pins (the offline demo, ours): a free pin that has expired is
        replaced by a fresh one for the same TV, as the TV app acquires a new pin when its
        pin expires. Linked pins stay. Returns the new pins. Off by default: the
        documents' 30-minute expiry stays what the emulator answers."""
        with self.lock:
            now = self.now()
            fresh: list[str] = []
            for old in [p for p in self.zype_pins.values()
                        if p.consumer_id is None and now >= p.expires_at]:
                del self.zype_pins[old.pin]
                value = self.new_zype_pin_value()
                self.zype_pins[value] = ZypePin(object_id(), value, old.linked_device_id,
                                                now, now)
                fresh.append(value)
            return fresh

    def new_zype_pin_value(self) -> str:
        """`z` + 3 lowercase letters + 3 digits, unused (the documents' examples)."""
        while True:
            letters = "".join(secrets.choice(string.ascii_lowercase) for _ in range(3))
            digits = "".join(secrets.choice(string.digits) for _ in range(3))
            pin = f"z{letters}{digits}"
            if pin not in self.zype_pins:
                return pin

    def issue_xee_token(self, user_id: int, scopes: tuple[str, ...], client_id: str,
                        expires_in: int = XEE_ACCESS_TOKEN_LIFETIME) -> XeeToken:
        with self.lock:
            token = XeeToken(
                access_token=random_hex(32), refresh_token=random_hex(32), user_id=user_id,
                scopes=scopes, client_id=client_id, expires_at=int(self.now()) + expires_in,
            )
            self.xee_tokens[token.access_token] = token
            self.xee_refresh[token.refresh_token] = token.access_token
            return token

    def snapshot(self) -> dict[str, Any]:
        """The `GET /_sandbox/fixtures` body: the current state, secrets included
        (it is a demo sandbox; the fixtures are public)."""
        with self.lock:
            if self.dialects.get("zype", {}).get("renew_pins"):
                self.renew_expired_zype_pins()
            now = self.now()
            return {
                "xee": {
                    "client_id": XEE_CLIENT_ID,
                    "client_secret": XEE_CLIENT_SECRET,
                    "users": [
                        {"id": u.id, "login": u.login, "password": u.password,
                         "disabled": u.disabled}
                        for u in self.xee_users.values()
                    ],
                    "devices": [
                        {"id": d.id, "pin": d.pin, "user_id": d.user_id, "locked": d.locked,
                         "failed_attempts": d.failed_attempts}
                        for d in self.xee_devices.values()
                    ],
                },
                "rufus": {
                    "api_keys": [
                        {"key": k.key, "access": k.access, "unbind": k.unbind}
                        for k in self.rufus_keys.values()
                    ],
                    "devices": [
                        {"deviceid": d.deviceid, "serial_number": d.serial_number,
                         "model": d.model, "device_status": d.device_status,
                         "battery_percentage": d.battery_percentage}
                        for d in self.rufus_devices.values()
                    ],
                },
                "zype": {
                    "api_keys": [{"key": k.key, "type": k.type} for k in self.zype_keys.values()],
                    "consumers": [
                        {"_id": c.id, "email": c.email} for c in self.zype_consumers.values()
                    ],
                    "pins": [
                        {"pin": p.pin, "linked_device_id": p.linked_device_id,
                         "consumer_id": p.consumer_id, "expired": now >= p.expires_at}
                        for p in self.zype_pins.values()
                    ],
                },
                "clock": {"now": now, "offset_seconds": self.clock_offset},
            }
