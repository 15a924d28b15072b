"""Where Xee tokens live: the OS keychain (keyring), one entry per environment.

When no usable keychain exists the caller asks the user whether to keep the sign-in for
this session only (SessionOnlyTokenStore). Tokens are never written to a plain file.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Protocol

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE_NAME = "pairing-wizard/xee"

# Backends that store secrets in a readable file; refused unless a test allows them.
_PLAINTEXT_BACKENDS = {
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.file.EncryptedKeyring",  # prompts on stdin for a password: unusable here
}


class TokenStoreError(Exception):
    """The keychain refused a read, write or delete (locked, denied, broken)."""


class TokenStorage(Protocol):
    environment_key: str
    persistent: bool

    def load(self) -> dict[str, Any] | None: ...
    def save(self, token: dict[str, Any]) -> None: ...
    def clear(self) -> None: ...


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _usable(backend: KeyringBackend, allow_plaintext: bool) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return False
    if _backend_name(backend) == "keyring.backends.null.Keyring":
        return False  # forgets everything: as good as none
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        return any(_usable(member, allow_plaintext) for member in members)
    if not allow_plaintext and _backend_name(backend) in _PLAINTEXT_BACKENDS:
        return False
    return True


class TokenStore:
    """The token of one environment (e.g. its API root) in the OS keychain, as JSON."""

    persistent = True

    def __init__(self, environment_key: str, service_name: str = SERVICE_NAME) -> None:
        if not environment_key:
            raise ValueError("environment_key is required")
        self.environment_key = environment_key
        self.service_name = service_name

    def __repr__(self) -> str:
        return f"TokenStore({self.environment_key!r})"

    @staticmethod
    def backend_usable(allow_plaintext: bool = False) -> bool:
        """True if the keychain can keep secrets across runs.

        False for keyring's fail backend, the null backend, a chainer with nothing to
        chain, any error while choosing the backend, and (unless allowed, as in tests)
        backends that write secrets to a readable file.
        """
        try:
            backend = keyring.get_keyring()
            return _usable(backend, allow_plaintext)
        except Exception as exc:  # a broken backend is "no backend", never a crash
            log.warning("No usable keychain: %s", exc.__class__.__name__)
            return False

    @staticmethod
    def backend_description() -> str:
        try:
            return _backend_name(keyring.get_keyring())
        except Exception as exc:
            return f"unavailable ({exc.__class__.__name__})"

    def load(self) -> dict[str, Any] | None:
        try:
            stored = keyring.get_password(self.service_name, self.environment_key)
        except Exception as exc:  # locked, denied or broken keychain
            raise TokenStoreError(f"keychain read failed: {exc.__class__.__name__}") from None
        if stored is None:
            return None
        try:
            token = json.loads(stored)
        except ValueError:
            log.warning("Ignoring an unreadable stored Xee sign-in")
            return None
        return token if isinstance(token, dict) and token.get("access_token") else None

    def save(self, token: dict[str, Any]) -> None:
        try:
            keyring.set_password(self.service_name, self.environment_key, json.dumps(dict(token)))
        except Exception as exc:  # locked, denied or broken keychain
            raise TokenStoreError(f"keychain write failed: {exc.__class__.__name__}") from None
        from app.auth.keychain_index import remember

        remember(self.service_name, self.environment_key)  # for `forget-all`

    def clear(self) -> None:
        try:
            keyring.delete_password(self.service_name, self.environment_key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already signed out
        except Exception as exc:  # locked, denied or broken keychain
            raise TokenStoreError(f"keychain delete failed: {exc.__class__.__name__}") from None


class SessionOnlyTokenStore:
    """In memory only: the sign-in is forgotten when the app quits (the user agreed)."""

    persistent = False

    def __init__(self, environment_key: str = "session") -> None:
        self.environment_key = environment_key
        self._token: dict[str, Any] | None = None

    def __repr__(self) -> str:
        return f"SessionOnlyTokenStore({self.environment_key!r})"

    def load(self) -> dict[str, Any] | None:
        return dict(self._token) if self._token is not None else None

    def save(self, token: dict[str, Any]) -> None:
        self._token = dict(token)

    def clear(self) -> None:
        self._token = None


def open_token_store(
    environment_key: str, *, session_only_ok: bool, allow_plaintext: bool = False
) -> TokenStorage | None:
    """The keychain store if usable; else a session-only store if the user agreed, else None."""
    if TokenStore.backend_usable(allow_plaintext=allow_plaintext):
        return TokenStore(environment_key)
    if session_only_ok:
        return SessionOnlyTokenStore(environment_key)
    return None
