"""Token storage in the keychain through keyring's own backends (file, fail)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import chainer, fail
from keyrings.alt.file import PlaintextKeyring

from app.auth.tokens import (
    SERVICE_NAME,
    SessionOnlyTokenStore,
    TokenStore,
    TokenStoreError,
    open_token_store,
)

TOKEN = {
    "access_token": "a" * 64,
    "refresh_token": "r" * 64,
    "token_type": "bearer",
    "expires_in": 3600,
    "expires_at": 2_000_000_000,
}


@pytest.fixture
def file_keyring(tmp_path):
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_save_load_clear_round_trip(file_keyring):
    store = TokenStore("http://127.0.0.1:1234/xee/v3")
    assert store.load() is None
    store.save(TOKEN)
    assert store.load() == TOKEN
    # One entry, under our service name, keyed by the environment.
    assert file_keyring.get_password(SERVICE_NAME, "http://127.0.0.1:1234/xee/v3") is not None
    store.clear()
    assert store.load() is None
    store.clear()  # signing out twice is fine


def test_one_entry_per_environment(file_keyring):
    sandbox = TokenStore("http://127.0.0.1:1234/xee/v3")
    production = TokenStore("https://cloud.xee.com/v3")
    sandbox.save(TOKEN)
    assert production.load() is None
    production.save({**TOKEN, "access_token": "b" * 64})
    assert sandbox.load()["access_token"] == "a" * 64
    sandbox.clear()
    assert production.load()["access_token"] == "b" * 64


def test_a_new_store_object_reads_what_an_earlier_one_saved(file_keyring):
    TokenStore("env").save(TOKEN)
    assert TokenStore("env").load() == TOKEN


def test_garbage_in_the_keychain_reads_as_signed_out(file_keyring):
    file_keyring.set_password(SERVICE_NAME, "env", "not json")
    assert TokenStore("env").load() is None
    file_keyring.set_password(SERVICE_NAME, "env", '{"no": "token"}')
    assert TokenStore("env").load() is None


def test_file_backend_works_but_is_not_called_a_usable_keychain(file_keyring):
    # A readable file is not a keychain: the wizard must ask about session-only instead.
    assert TokenStore.backend_usable() is False
    assert TokenStore.backend_usable(allow_plaintext=True) is True
    assert "PlaintextKeyring" in TokenStore.backend_description()


def test_no_backend_is_detected_and_session_only_works(no_keyring):
    assert TokenStore.backend_usable() is False
    assert TokenStore.backend_usable(allow_plaintext=True) is False
    with pytest.raises(TokenStoreError):
        TokenStore("env").save(TOKEN)
    with pytest.raises(TokenStoreError):
        TokenStore("env").load()
    assert open_token_store("env", session_only_ok=False) is None
    store = open_token_store("env", session_only_ok=True)
    assert isinstance(store, SessionOnlyTokenStore)
    assert store.persistent is False
    assert store.load() is None
    store.save(TOKEN)
    assert store.load() == TOKEN
    store.clear()
    assert store.load() is None


def test_a_chainer_with_nothing_to_chain_is_no_backend(monkeypatch):
    previous = keyring.get_keyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])  # no backend installed
    keyring.set_keyring(chainer.ChainerBackend())
    try:
        assert TokenStore.backend_usable() is False
    finally:
        keyring.set_keyring(previous)


def test_session_only_store_keeps_a_copy():
    store = SessionOnlyTokenStore("env")
    token = dict(TOKEN)
    store.save(token)
    token["access_token"] = "changed"
    assert store.load()["access_token"] == "a" * 64
