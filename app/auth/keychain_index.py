"""Which keychain entries the app stored: keyring cannot list them, and the uninstaller's
`pairing-wizard forget-all` must remove every one, custom API roots included.

The index is a JSON list of [service, account] pairs (account: an API root or an
environment name, never a secret) in the data folder, next to the history.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

INDEX_FILE = "keychain-index.json"


def index_path() -> Path:
    from app.core.history import data_dir

    return data_dir() / INDEX_FILE


def entries() -> list[tuple[str, str]]:
    try:
        stored = json.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [(str(s), str(a)) for s, a in stored if isinstance(s, str) and isinstance(a, str)] \
        if isinstance(stored, list) else []


def remember(service: str, account: str) -> None:
    """Add one entry; an index that cannot be written is logged, never an error."""
    known = entries()
    if (service, account) in known:
        return
    path = index_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(".tmp")
        scratch.write_text(json.dumps([*known, (service, account)]), encoding="utf-8")
        os.replace(scratch, path)
    except OSError as exc:
        log.warning("Could not update the keychain index: %s", exc.__class__.__name__)
