"""Logging to a rotating file in the platform's log folder, without secrets.

The HTTP libraries log full URLs (Zype's api_key travels in the query string), so
their loggers stay at WARNING; a redacting formatter is the second line of defence.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LOG_FILE_NAME = "pairing-wizard.log"
QUIET_LOGGERS = ("httpx2", "httpcore2", "httpx", "httpcore", "authlib", "uvicorn",
                 "uvicorn.access", "uvicorn.error", "hpack", "asyncio")

_SECRET_PATTERNS = (
    # query or form parameters that carry secrets
    re.compile(r"(?i)\b(api_key|app_key|access_token|refresh_token|client_secret|code|"
               r"code_verifier|password|pin|state)=([^&\s\"']+)"),
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"),
    re.compile(r"(?i)\"(api_key|access_token|refresh_token|client_secret|password)\"\s*:\s*"
               r"\"[^\"]*\""),
    re.compile(r"\bror-[0-9a-fA-F]{6,}\b"),
)


def redact(text: str) -> str:
    def keep_name(match: re.Match[str]) -> str:
        whole = match.group(0)
        if "=" in whole and not whole.startswith('"'):
            return whole.split("=", 1)[0] + "=•••"
        if whole.startswith('"'):
            return whole.split(":", 1)[0] + ': "•••"'
        if " " in whole:
            return whole.split(None, 1)[0] + " •••"
        return "•••"

    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(keep_name, text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir() -> Path:
    override = os.environ.get("PAIRING_WIZARD_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir("pairing-wizard", appauthor=False))


_configured = False


def setup(level: int = logging.INFO) -> Path | None:
    """Log to <user log dir>/pairing-wizard.log (1 MB x 3). Returns the file, or None."""
    global _configured
    if _configured:
        return None
    _configured = True
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    root = logging.getLogger()
    root.setLevel(level)
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = None
    try:
        # Here: errors_dialog imports this module before the first paint.
        from logging.handlers import RotatingFileHandler

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
        path = None
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return path
