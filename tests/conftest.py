"""Fixtures shared by every test: the sandbox over real uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from app.sandbox.server import SandboxServer

pytest_plugins = ["tests.ci_no_skips"]   # under CI=true, any skip is a failure

# Qt tests (tests/ui) must never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# History and settings of test runs (and of CLI subprocesses) never touch the user's own.
os.environ.setdefault("PAIRING_WIZARD_DATA_DIR", tempfile.mkdtemp(prefix="pw-test-data-"))


class SandboxHelper:
    """The running sandbox, reset, plus shortcuts to its control endpoints."""

    def __init__(self, url: str, client: httpx2.Client) -> None:
        self.url = url
        self.xee_root = f"{url}/xee/v3"
        self.rufus_root = f"{url}/rufus/v0"
        self.zype_root = f"{url}/zype"
        self._client = client

    def _control(self, method: str, path: str, json: Any = None) -> Any:
        response = self._client.request(method, f"{self.url}/_sandbox/{path}", json=json)
        response.raise_for_status()
        return response.json()

    def reset(self) -> dict:
        return self._control("POST", "reset")

    def fixtures(self) -> dict:
        return self._control("GET", "fixtures")

    def mint_xee_token(self, user_id: int, scope: str = "devices_management users_read cars_read",
                       expires_in: int = 3600) -> dict:
        return self._control("POST", "xee/token",
                             {"user_id": user_id, "scope": scope, "expires_in": expires_in})

    def set_faults(self, **faults: Any) -> dict:
        return self._control("POST", "faults", faults)

    def clear_faults(self) -> dict:
        return self._control("DELETE", "faults")

    def advance_clock(self, seconds: float) -> dict:
        return self._control("POST", "clock", {"advance_seconds": seconds})

    def set_xee_dialect(self, **values: Any) -> dict:
        return self._control("POST", "dialect", {"xee": values})

    def set_dialect(self, provider: str, **values: Any) -> dict:
        return self._control("POST", "dialect", {provider: values})

    def clear_dialects(self) -> dict:
        return self._control("DELETE", "dialect")


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    with SandboxServer(host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture(scope="session")
def _sandbox_control(sandbox_server: SandboxServer) -> Iterator[SandboxHelper]:
    assert sandbox_server.url is not None
    with httpx2.Client(timeout=10) as client:  # one client: creating one costs ~25 ms
        yield SandboxHelper(sandbox_server.url, client)


@pytest.fixture
def sandbox(_sandbox_control: SandboxHelper) -> Iterator[SandboxHelper]:
    _sandbox_control.reset()
    yield _sandbox_control
    _sandbox_control.reset()  # leave no faults or clock offset behind for the next test
    _sandbox_control.clear_dialects()  # dialects survive reset: no leaks either


@pytest.fixture
def cli_home(tmp_path, monkeypatch):
    """A user of the command line, in-process: data, settings and a keychain of their own
    (keyring's file backend, as tests.keychains.FileKeychain) under tmp_path."""
    import keyring
    from PySide6.QtCore import QSettings

    from tests.keychains import FileKeychain

    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(tmp_path / "data"))
    for name in ("XEE_ACCESS_TOKEN", "XEE_CLIENT_ID", "XEE_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    backend = FileKeychain()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    try:
        yield tmp_path
    finally:
        keyring.set_keyring(previous)
