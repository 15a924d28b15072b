"""Keychains for tests: keyring's own file backend under another name. The app refuses
the plaintext backend by its name (rightly, for real users); a test that needs a sign-in
kept between commands stands this in for the OS keychain (`PYTHON_KEYRING_BACKEND=
tests.keychains.FileKeychain` in a subprocess; its file is under XDG_DATA_HOME)."""

from __future__ import annotations

from keyrings.alt.file import PlaintextKeyring


class FileKeychain(PlaintextKeyring):
    priority = 1
