"""#14 item 1: the Credentials page restores the stored Xee sign-in from a slow keychain;
the user goes Back, picks another environment and comes forward before it ends. The
sign-in of the first environment must never be put in use (nor left open), and the
pairing goes to the environment chosen now (pytest-qt, offscreen, two real sandboxes)."""

from __future__ import annotations

import threading
import time

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtWidgets import QWidget

from app.auth.session import XeeSession
from app.auth.tokens import SERVICE_NAME, TokenStore
from app.core.flow import Page
from app.sandbox.server import SandboxServer

from .conftest import WAIT_MS, run
from .drive import choose, click, wait_page

READ_SECONDS = 1.2      # each read of a stored Xee sign-in
CLICK_GAP_MS = 600      # bar presses closer than 0.5 s apart are ignored (click safety)


class SlowKeyring(PlaintextKeyring):
    """keyring's own file backend whose reads of Xee sign-ins take a while, as a
    keychain that asks the user first (a fault injection)."""

    read_seconds = READ_SECONDS

    def slowed(self, service: str) -> bool:
        return service == SERVICE_NAME

    def __init__(self, file_path: str) -> None:
        super().__init__()
        self.file_path = file_path
        self._lock = threading.Lock()
        self.reading = 0
        self.last_read_end = time.monotonic()

    def get_password(self, service: str, username: str) -> str | None:
        if not self.slowed(service):
            return super().get_password(service, username)
        with self._lock:
            self.reading += 1
        try:
            time.sleep(self.read_seconds)
            return super().get_password(service, username)
        finally:
            with self._lock:
                self.reading -= 1
                self.last_read_end = time.monotonic()

    def quiet(self, seconds: float = 0.5) -> bool:
        with self._lock:
            return self.reading == 0 and time.monotonic() - self.last_read_end > seconds


@pytest.fixture
def production_sandbox():
    """A second sandbox standing in for Production (its API root set as the override)."""
    with SandboxServer(host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture
def slow_keychain(keychain):
    backend = SlowKeyring(keychain.file_path)
    keyring.set_keyring(backend)   # the keychain fixture puts the original back
    return backend


@pytest.fixture
def sessions_made(monkeypatch):
    """Every XeeSession built, to see afterwards which were closed (observation only)."""
    made: list[XeeSession] = []
    original = XeeSession.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(XeeSession, "__init__", init)
    return made


def store_sign_in(helper_or_url, root: str) -> dict:
    """Mint a token on that sandbox and keep it in the keychain as a sign-in would."""
    import httpx2

    base = helper_or_url
    with httpx2.Client(timeout=10) as client:
        fixtures = client.get(f"{base}/_sandbox/fixtures").json()["xee"]
        user = next(u for u in fixtures["users"] if not u.get("disabled"))
        token = client.post(f"{base}/_sandbox/xee/token",
                            json={"user_id": user["id"],
                                  "scope": "devices_management users_read",
                                  "expires_in": 3600}).json()
    TokenStore(root).save({**token, "client_id": fixtures["client_id"],
                           "client_secret": fixtures["client_secret"]})
    return user


def free_device(base: str) -> dict:
    import httpx2

    devices = httpx2.get(f"{base}/_sandbox/fixtures", timeout=10).json()["xee"]["devices"]
    return next(d for d in devices if d["user_id"] is None and not d["locked"])


def device_owner(base: str, device_id: str):
    import httpx2

    devices = httpx2.get(f"{base}/_sandbox/fixtures", timeout=10).json()["xee"]["devices"]
    return next(d for d in devices if d["id"] == device_id)["user_id"]


def back_to_demo_and_forward(qtbot, wizard) -> None:
    qtbot.wait(CLICK_GAP_MS)
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.PROVIDER)
    combo = wizard.findChild(QWidget, "environmentCombo")
    combo.setCurrentIndex(combo.findData("demo"))
    assert wizard.state["environment"] == "demo"
    qtbot.wait(CLICK_GAP_MS)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)


@pytest.mark.parametrize("demo_signed_in", [True, False], ids=["demo-stored", "demo-none"])
def test_a_slow_restore_never_carries_a_pairing_to_the_previous_environment(
        qtbot, sandbox, production_sandbox, slow_keychain, sessions_made, make_wizard,
        demo_signed_in):
    production_base = production_sandbox.url
    production_root = f"{production_base}/xee/v3"
    store_sign_in(production_base, production_root)
    demo_user = store_sign_in(sandbox.url, sandbox.xee_root) if demo_signed_in else None

    wizard = make_wizard(sandbox.url)
    services = wizard.services
    services.set_root_override("xee", "production", production_root)
    choose(qtbot, wizard, "xee", "production")   # the restore of production's sign-in starts
    back_to_demo_and_forward(qtbot, wizard)      # … and the user is in the demo before it ends
    # Every keychain read has ended and its outcome has been handled.
    qtbot.waitUntil(slow_keychain.quiet, timeout=WAIT_MS)
    qtbot.wait(300)

    for session in sessions_made:
        if session.api_root == production_root:
            assert session.client.is_closed, "production's session was left open"
    assert services.xee_session_root in (None, sandbox.xee_root)
    if not demo_signed_in:
        assert services.xee_session is None           # production's is never put in use
        assert not wizard.state.get("xee_account")
        run(qtbot, wizard.shutdown())
        return

    qtbot.waitUntil(lambda: bool(wizard.state.get("xee_account")), timeout=WAIT_MS)
    session = services.xee_session
    assert session is not None and session.api_root == sandbox.xee_root
    assert not session.client.is_closed
    assert [s for s in sessions_made if s is not session and not s.client.is_closed] == []
    demo_device = free_device(sandbox.url)
    production_device = free_device(production_base)
    assert demo_device["id"] == production_device["id"]     # the same fixtures on both

    async def associate(api):
        await api.associate(demo_device["id"], demo_device["pin"])
        return await api.me()

    me = run(qtbot, services.call_provider(dict(wizard.state), associate))
    assert me.id == demo_user["id"]
    assert device_owner(sandbox.url, demo_device["id"]) == demo_user["id"]   # the demo's
    assert device_owner(production_base, demo_device["id"]) is None           # not there
    run(qtbot, wizard.shutdown())


def test_two_tasks_asking_at_once_share_one_session_slot(qtbot, qloop, settings_path):
    """The restore and a sign-in both reach for the slot on entering the page: two slots
    would let one of them install a session the other never sees."""
    import asyncio

    from PySide6.QtCore import QSettings

    from app.ui.services import Services

    services = Services(QSettings(str(settings_path), QSettings.Format.IniFormat),
                        demo=False, sandbox=None)
    first, second = run(qtbot, asyncio.gather(services.xee_slot(), services.xee_slot()))
    assert first is second is run(qtbot, services.xee_slot())


def test_a_fresh_sign_in_during_a_slow_restore_is_kept(qtbot, sandbox, slow_keychain,
                                                       make_wizard):
    """A restore that began before the sign-in ended must not replace the fresh session."""
    import asyncio

    from app.auth.tokens import SessionOnlyTokenStore

    store_sign_in(sandbox.url, sandbox.xee_root)
    wizard = make_wizard(sandbox.url)
    services = wizard.services
    fx = sandbox.fixtures()["xee"]
    restore = asyncio.ensure_future(services.xee_restore(sandbox.xee_root))
    qtbot.waitUntil(lambda: slow_keychain.reading > 0, timeout=WAIT_MS)
    fresh = run(qtbot, services.xee_adopt(sandbox.xee_root, fx["client_id"],
                                          fx["client_secret"],
                                          sandbox.mint_xee_token(fx["users"][0]["id"]),
                                          SessionOnlyTokenStore(sandbox.xee_root)))
    qtbot.waitUntil(restore.done, timeout=WAIT_MS)
    assert services.xee_session is fresh and not fresh.client.is_closed
    run(qtbot, wizard.shutdown())
