"""History: every attempt (pair, undo, sign-in) in a local SQLite database.

Where: `platformdirs.user_data_dir("pairing-wizard")/history.sqlite3`, or the folder
in `$PAIRING_WIZARD_DATA_DIR` (tests), or the path given to the constructor. The
batch journal (`app/core/batch.py`) lives in the same file, in its own tables.

Storage: WAL (readers never block the writer), `synchronous=FULL` (what this
connection commits survives a crash of the machine, not only of the process), a
versioned schema (`PRAGMA user_version`, `MIGRATIONS` applied in order, each in one
transaction). A running batch writes its journal in a thread of its own, through a
connection of its own with `synchronous=NORMAL` (`app.core.batch.JournalWriter`: safe
against the process being killed; against a power cut, up to its last checkpoint);
the journal is read through `Database.reading()`, which never waits for it.

Never a secret: the API takes identifiers, not credentials, and `record()` rejects
any field named like a credential and any value shaped like a known key or token
(RUFUS `ror-…` keys, bearer tokens, JWTs, 64-lowercase-hex Xee tokens). The Xee pin
(printed on the box, it authorises an association) is not an identifier either.
Provider messages are passed through `app.core.http.redact`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

from app.core import messages, providers
from app.core.errors import ProviderError, provider_name

APP_NAME = "pairing-wizard"
DB_FILE = "history.sqlite3"
DATA_DIR_ENV = "PAIRING_WIZARD_DATA_DIR"

ACTIONS = ("pair", "undo", "sign-in", "sign-out", "check")
OUTCOMES = ("ok", "failed", "unknown")

# The identifiers each provider may record (anything else is refused): the specs'
# identifier_fields (app.core.providers).
IDENTIFIER_FIELDS: dict[str, tuple[str, ...]] = providers.IDENTIFIER_FIELDS

# Field names that are credentials, in any table, whatever the provider.
SECRET_FIELD_NAMES = frozenset({
    "api_key", "apikey", "app_key", "x-api-key", "access_token", "refresh_token", "token",
    "id_token", "client_secret", "password", "authorization", "secret", "code",
    "code_verifier",
})
# Values shaped like credentials we know: refused even under an innocent name.
SECRET_VALUE_PATTERNS = (
    re.compile(r"\bror-[0-9a-fA-F]{20}\b"),  # RUFUS api key
    re.compile(r"(?i)\bbearer\s+\S+"),  # an Authorization header value
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\."),  # a JWT
    re.compile(r"(?<![0-9A-Fa-f])[0-9a-f]{64}(?![0-9A-Fa-f])"),  # a Xee token (lowercase)
    re.compile(r"(?i)\b(api_key|app_key|access_token|refresh_token|client_secret)=[^&\s]+"),
)

# All of them as one pattern (one search per value instead of five).
_ANY_SECRET_VALUE = re.compile("|".join(
    f"(?i:{p.pattern[4:]})" if p.pattern.startswith("(?i)") else f"(?:{p.pattern})"
    for p in SECRET_VALUE_PATTERNS))


class SecretRefused(ValueError):
    """A value that looks like a credential was about to be stored."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override is not None:
        return Path(override)
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path(directory: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(directory) / DB_FILE


# ------------------------------------------------------------------ schema

MIGRATIONS: tuple[str, ...] = (
    # 1: history
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,             -- UTC, ISO 8601 with 'Z', sortable as text
        provider TEXT NOT NULL,
        environment TEXT NOT NULL,
        action TEXT NOT NULL,
        identifiers TEXT NOT NULL,      -- JSON object, IDENTIFIER_FIELDS only
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'unknown')),
        error_kind TEXT,
        error_status INTEGER,
        request_id TEXT,
        message TEXT NOT NULL DEFAULT '',
        batch_id INTEGER,
        search TEXT NOT NULL            -- lowercased text the search box matches
    );
    CREATE INDEX history_time ON history(time);
    CREATE INDEX history_provider_time ON history(provider, time);
    """,
    # 2: the batch journal (see app/core/batch.py)
    """
    CREATE TABLE batch (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        provider TEXT NOT NULL,
        environment TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        total INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'stopped', 'finished'))
    );
    CREATE INDEX batch_file ON batch(file_sha256, provider, environment);
    CREATE TABLE batch_row (
        batch_id INTEGER NOT NULL REFERENCES batch(id),
        row_no INTEGER NOT NULL,        -- the line's number among the data rows, from 1
        identifiers TEXT NOT NULL,      -- JSON, the same rules as history
        state TEXT NOT NULL CHECK (state IN
            ('pending', 'sending', 'done', 'failed', 'unknown', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        result TEXT,                    -- e.g. the RUFUS deviceid
        error_kind TEXT,
        error_status INTEGER,
        message TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL,
        PRIMARY KEY (batch_id, row_no)
    );
    """,
    # 3: a message's template and values next to its English text (JSON of
    # app.core.messages.to_data), so the UI translates it; NULL in rows written before
    # (shown in English, as stored) and for a plain text
    """
    ALTER TABLE history ADD COLUMN message_template TEXT;
    ALTER TABLE batch_row ADD COLUMN message_template TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def now_iso(moment: datetime | None = None) -> str:
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class Database:
    """One SQLite connection shared by threads (history from the GUI thread), serialised
    by a lock. A running batch writes its journal through a connection of its own, in a
    thread of its own (`app.core.batch.JournalWriter`). Journal reads go through
    `reading()`: a read-only connection per thread, which neither takes `lock` nor waits
    for a write or a checkpoint (in WAL mode a reader never waits for the writer)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                    timeout=10)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._readers = threading.local()
        self._reader_conns: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self.migrate()

    def migrate(self) -> None:
        with self.lock:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"The history database {self.path} was written by a newer Pairing Wizard "
                    f"(schema {version}, this version knows {SCHEMA_VERSION}): update the app."
                )
            for number in range(version, SCHEMA_VERSION):
                with self.transaction():
                    for statement in _statements(MIGRATIONS[number]):
                        self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Any:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def reading(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use, autocommit: each
        statement reads the latest committed state). A slow checkpoint's fsync, or a
        history write holding `lock`, never delays it."""
        conn: sqlite3.Connection | None = getattr(self._readers, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None,
                                   check_same_thread=False, timeout=10)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only=ON")   # never the write lock
            self._readers.conn = conn
            with self._readers_lock:
                self._reader_conns.append(conn)
        return conn

    def close(self) -> None:
        with self._readers_lock:
            readers, self._reader_conns = self._reader_conns, []
        for reader in readers:
            reader.close()
        with self.lock:
            self.conn.close()


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    parts: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line.split("--", 1)[0] + "\n" if "--" in line else line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                parts.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        parts.append(buffer.strip())
    return parts


# ---------------------------------------------------------------- secrets


def check_not_secret(name: str, value: object) -> None:
    """Raise SecretRefused when a field or value looks like a credential."""
    if name.strip().lower() in SECRET_FIELD_NAMES:
        raise SecretRefused(f"{name!r} is a credential and is never stored")
    if isinstance(value, str) and _ANY_SECRET_VALUE.search(value):
        raise SecretRefused(f"the value of {name!r} looks like a key or token; "
                            "it is never stored")


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s]*@")


def strip_userinfo(text: str) -> str:
    """`text` without the user:password@ of any URL in it (never kept or shown)."""
    return _USERINFO.sub(r"\1", text)


def redact_secret_values(text: str) -> str:
    """`text` with every credential-shaped part replaced by "[redacted]": what a record
    keeps of a value that reached the provider (recording redacts, it never raises)."""
    return _ANY_SECRET_VALUE.sub("[redacted]", text)


def clean_identifiers(provider: str, identifiers: Mapping[str, Any] | None) -> dict[str, str]:
    """The identifiers history may keep. A credential *field* is a programming error and
    raises; a credential-shaped *value* is redacted, since by the time a result is recorded
    the request has reached the provider and its outcome must not be lost."""
    spec = providers.spec(provider)
    allowed = spec.identifier_fields if spec else ()
    clean: dict[str, str] = {}
    for name, value in (identifiers or {}).items():
        if name.strip().lower() in SECRET_FIELD_NAMES:
            raise SecretRefused(f"{name!r} is a credential and is never stored")
        if name not in allowed:
            raise ValueError(f"{name!r} is not a {provider_name(provider)} identifier "
                             f"(allowed: {', '.join(allowed)})")
        if value is None or value == "":
            continue
        text = spec.clean_identifier(name, str(value)) if spec else str(value)
        clean[name] = redact_secret_values(text)
    return clean


def safe_message(text: str | None) -> str:
    """`text` with secrets redacted; a Message stays one (its values redacted) when that
    gives the same English text."""
    if not text:
        return ""
    return messages.mapped(text, _redacted)


def _redacted(text: str) -> str:
    from app.core.http import redact

    text = redact(text)
    for pattern in SECRET_VALUE_PATTERNS:
        text = pattern.sub("[redacted]", text)
    return text


# ------------------------------------------------------------------ entries


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    time: str
    provider: str
    environment: str
    action: str
    identifiers: dict[str, str]
    outcome: str
    error_kind: str | None
    error_status: int | None
    request_id: str | None
    message: str
    batch_id: int | None = None

    def details_text(self) -> str:
        """The "Copy details" text: plain lines for a ticket or a chat (no secret)."""
        lines = [
            f"{provider_name(self.provider)} {self.action}: {self.outcome}",
            f"Time (UTC): {self.time}",
            f"Environment: {self.environment or 'not recorded'}",
        ]
        lines += [f"{name}: {value}" for name, value in self.identifiers.items()]
        if self.error_kind:
            status = f" (HTTP {self.error_status})" if self.error_status else ""
            lines.append(f"Error: {self.error_kind}{status}")
        if self.request_id:
            lines.append(f"Request id: {self.request_id}")
        if self.message:
            lines.append(f"Message: {self.message}")
        if self.batch_id is not None:
            lines.append(f"Batch: #{self.batch_id}")
        lines.append(f"History entry: #{self.id}")
        return "\n".join(lines)

    def as_row(self) -> dict[str, Any]:
        row = {
            "id": self.id, "time": self.time, "provider": self.provider,
            "environment": self.environment, "action": self.action, "outcome": self.outcome,
            "error_kind": self.error_kind or "", "error_status": self.error_status or "",
            "request_id": self.request_id or "", "message": self.message,
        }
        for name in sorted({n for names in IDENTIFIER_FIELDS.values() for n in names}):
            row[name] = self.identifiers.get(name, "")
        return row


INSERT_ENTRY = (
    "INSERT INTO history (time, provider, environment, action, identifiers, outcome, "
    "error_kind, error_status, request_id, message, batch_id, search, message_template) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

CSV_COLUMNS = (
    "id", "time", "provider", "environment", "action", "outcome",
    "device_id", "user", "serial_number", "model", "alias", "firmware", "deviceid",
    "consumer_id", "email", "pin", "linked_device_id",
    "error_kind", "error_status", "request_id", "message",
)


def _entry(row: sqlite3.Row) -> HistoryEntry:
    return HistoryEntry(
        id=row["id"], time=row["time"], provider=row["provider"],
        environment=row["environment"], action=row["action"],
        identifiers=json.loads(row["identifiers"]), outcome=row["outcome"],
        error_kind=row["error_kind"], error_status=row["error_status"],
        request_id=row["request_id"], message=stored_message(row), batch_id=row["batch_id"],
    )


def stored_message(row: sqlite3.Row) -> str:
    """A row's message: a Message (translated by the UI) when its template was stored,
    else the English text as stored (rows from before schema 3: the one fallback)."""
    return messages.loads(row["message"], row["message_template"])


def parse_when(value: str | date | datetime | None, *, end: bool = False) -> str | None:
    """A date or datetime (or ISO text) -> the stored UTC text; a bare date means
    the start of that day (or, with end=True, the start of the next day)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                value = date.fromisoformat(text)
            else:
                value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD or an ISO time)") \
                from None
    if isinstance(value, datetime):
        return now_iso(value)
    assert isinstance(value, date)
    day = value + timedelta(days=1) if end else value
    return now_iso(datetime.combine(day, time(0), tzinfo=UTC))


@dataclass
class Attempt:
    """What `History.attempt()` yields: add identifiers learnt along the way."""

    identifiers: dict[str, Any] = field(default_factory=dict)
    request_id: str | None = None
    message: str = ""
    entry_id: int | None = None


class History:
    def __init__(self, path: str | os.PathLike[str] | None = None,
                 *, database: Database | None = None) -> None:
        self.db = database or Database(path)

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- write

    def record(self, provider: str, action: str, outcome: str, **details: Any) -> int:
        """Store one attempt; returns its id. `details`: the keyword arguments of
        `entry_values` (environment, identifiers, error…): there is none for a secret."""
        values = self.entry_values(provider, action, outcome, **details)
        with self.db.transaction() as conn:
            return int(conn.execute(INSERT_ENTRY, values).lastrowid or 0)

    def entry_values(
        self,
        provider: str,
        action: str,
        outcome: str,
        *,
        environment: str = "",
        identifiers: Mapping[str, Any] | None = None,
        error: ProviderError | None = None,
        error_kind: str | None = None,
        error_status: int | None = None,
        request_id: str | None = None,
        message: str = "",
        batch_id: int | None = None,
        when: datetime | None = None,
    ) -> tuple[Any, ...]:
        """`record()`'s checks, without writing: the parameters of `INSERT_ENTRY`, for a
        caller that adds the entry to a transaction of its own (the batch journal).
        Raises as `record()` does."""
        if providers.spec(provider) is None:
            raise ValueError(f"unknown provider {provider!r}")
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r} (one of {', '.join(OUTCOMES)})")
        ids = clean_identifiers(provider, identifiers)
        environment = redact_secret_values(strip_userinfo(environment))
        if error is not None:
            error_kind = error_kind or error.kind
            error_status = error_status if error_status is not None else error.status
            message = message or error.advice_message
            request_id = request_id or _request_id_of(error)
        if request_id is not None:
            request_id = redact_secret_values(request_id)
        message = safe_message(message)   # a Message keeps its template, its values redacted
        search = " ".join([provider, provider_name(provider), action, outcome, environment,
                           *ids.values(), error_kind or "", message, request_id or ""]).lower()
        return (now_iso(when), provider, environment, action, json.dumps(ids), outcome,
                error_kind, error_status, request_id, message, batch_id, search,
                messages.dumps(message))

    def record_error(self, provider: str, action: str, error: ProviderError,
                     **kwargs: Any) -> int:
        """A failure: "unknown" when the request may have reached the provider."""
        outcome = "unknown" if error.may_have_reached_server else "failed"
        return self.record(provider, action, outcome, error=error, **kwargs)

    @contextmanager
    def attempt(self, provider: str, action: str, *, environment: str = "",
                identifiers: Mapping[str, Any] | None = None) -> Any:
        """`with history.attempt("rufus", "pair", identifiers=...) as a:` records ok
        when the block ends, failed/unknown on ProviderError (re-raised). An input
        error (nothing sent) is not an attempt and is not recorded."""
        attempt = Attempt(identifiers=dict(identifiers or {}))
        try:
            yield attempt
        except ProviderError as error:
            if error.category != "input":
                attempt.entry_id = self.record_error(
                    provider, action, error, environment=environment,
                    identifiers=attempt.identifiers, request_id=attempt.request_id)
            raise
        attempt.entry_id = self.record(provider, action, "ok", environment=environment,
                                       identifiers=attempt.identifiers,
                                       request_id=attempt.request_id, message=attempt.message)

    # -------------------------------------------------------------- read

    def query(
        self,
        text: str | None = None,
        *,
        provider: str | None = None,
        outcome: str | None = None,
        action: str | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        limit: int | None = 1000,
    ) -> list[HistoryEntry]:
        """Newest first. `text` matches identifiers, messages, kinds (case-insensitive);
        `until` is exclusive (a bare date includes that whole day)."""
        where: list[str] = []
        params: list[Any] = []
        if text and text.strip():
            for word in text.lower().split():
                where.append("search LIKE ? ESCAPE '\\'")
                params.append("%" + re.sub(r"([%_\\])", r"\\\1", word) + "%")
        for column, value in (("provider", provider), ("outcome", outcome),
                              ("action", action)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if (start := parse_when(since)) is not None:
            where.append("time >= ?")
            params.append(start)
        if (stop := parse_when(until, end=True)) is not None:
            where.append("time < ?")
            params.append(stop)
        sql = "SELECT * FROM history"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY time DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self.db.lock:
            return [_entry(row) for row in self.db.conn.execute(sql, params)]

    def get(self, entry_id: int) -> HistoryEntry | None:
        with self.db.lock:
            row = self.db.conn.execute("SELECT * FROM history WHERE id = ?",
                                       (entry_id,)).fetchone()
        return _entry(row) if row else None

    def details(self, entry_id: int) -> str:
        entry = self.get(entry_id)
        if entry is None:
            raise KeyError(entry_id)
        return entry.details_text()

    # -------------------------------------------------------------- export

    @staticmethod
    def export_csv(path_or_file: str | os.PathLike[str] | IO[str],
                   rows: Iterable[HistoryEntry]) -> int:
        """Write rows as CSV (UTF-8 with BOM so Excel reads accents); returns the count."""
        if isinstance(path_or_file, str | os.PathLike):
            with open(path_or_file, "w", encoding="utf-8-sig", newline="") as handle:
                return _write_csv(handle, rows)
        return _write_csv(path_or_file, rows)

    @staticmethod
    def csv_text(rows: Iterable[HistoryEntry]) -> str:
        buffer = io.StringIO()
        _write_csv(buffer, rows)
        return buffer.getvalue()


def _write_csv(handle: IO[str], rows: Iterable[HistoryEntry]) -> int:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for entry in rows:
        writer.writerow({k: _csv_safe(v) for k, v in entry.as_row().items()})
        count += 1
    return count


def _csv_safe(value: Any) -> Any:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _request_id_of(error: ProviderError) -> str | None:
    """The provider's request id, when the provider layer captured one."""
    value = error.details.get("request_id") if error.details else None
    return str(value) if value else None


def entries_as_json(rows: Sequence[HistoryEntry]) -> list[dict[str, Any]]:
    return [
        {"id": e.id, "time": e.time, "provider": e.provider, "environment": e.environment,
         "action": e.action, "identifiers": e.identifiers, "outcome": e.outcome,
         "error_kind": e.error_kind, "error_status": e.error_status,
         "request_id": e.request_id, "message": e.message, "batch_id": e.batch_id}
        for e in rows
    ]
