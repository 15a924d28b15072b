"""Batch pairing from a CSV file: check every row, then pair, crash-safe, never twice.

1. `check_file(path, provider)` reads the CSV (one layout per provider, templates in
   `resources/templates/`) and validates every row with `app.core.validation`:
   a `CheckReport`. Nothing is sent while a row is invalid, unless the caller leaves
   the invalid rows out (`prepare(..., skip_invalid=True)`; they become "skipped").
2. `prepare()` creates (or, with `resume=True`, finds) the batch in the journal: the
   tables `batch` and `batch_row` of the history database. A batch is tied to the
   file's SHA-256, provider and API root; the file itself stays the source of the
   values (the journal keeps identifiers only, never a key, token or Xee pin).
3. `BatchRunner.run()` pairs with bounded concurrency, reporting `Progress`.

Crash safety. Each row moves pending -> sending -> done | failed | unknown, and
every transition is committed *before* the request leaves and *after* the answer
came (a final state in one transaction with the row's history entry; it is queued
without waiting, so it commits in one group with that worker's next "sending", before
the next request leaves, or when the run ends: killed in between, the row is still
"sending" and is resolved as below). The commits run in the batch's journal thread,
never on the event loop, and never wait for the disk (`JournalWriter`: one thread and
connection per run, group commit, WAL with `synchronous=NORMAL`, checkpoints in that
thread); reads of the journal never wait for them (`Database.reading`). A committed
transition survives the process being killed at any moment; a power cut or a crash of
the machine may lose the transitions since the last checkpoint (at most
`JournalWriter.CHECKPOINT_EVERY` writes, or `CHECKPOINT_WITHIN` seconds). A batch
killed at any moment resumes from the journal:
- "pending": nothing of it reached the provider; sent normally.
- "sending": the request may have reached the provider. It is never re-sent
  blindly; it is resolved like any answer that "may have reached the server":

Resolving an uncertain outcome, per provider:
- RUFUS: a bind is not idempotent. We list the devices by serial number
  (`RufusAPI.find_by_serial`): one device -> done, with its deviceid; none -> the
  bind did not happen, so sending again is safe; several, or no answer after a few
  tries -> "unknown, check by hand". A 409 "serial taken" on a row we already sent
  once is our own earlier bind landing late: done, with the deviceid RUFUS returns.
- Xee: the signed-in user's cars (`XeeAPI.cars`) carry their boxes: the box on one
  -> done. Otherwise (or when the cars cannot be read, e.g. no cars_read scope):
  associate is idempotent for the same user (re-associating answers 204, and
  a device of another user answers 409, never a second association), so sending
  again is safe; the one cost, if the pin was wrong, is one more counted failure
  toward Xee's 3-attempt lock, so an uncertain row is re-sent at most twice.
- Zype: no documented route reads a pin's state by pin. When the row has a
  `linked_device_id` (optional column), `ZypeAPI.status` tells: our pin linked to
  our consumer -> done; our pin not linked -> send again; anything else ->
  unknown. Without it: "unknown, check by hand" (in the Zype dashboard, or the
  TV app shows whether it is linked).

Rate limits. A 429 or 503 makes every worker pause until its Retry-After (or an
exponential back-off when there is none) and halves the concurrency; it grows back
by one after a run of successes. The progress callback says so
("Zype asked us to slow down: waiting 5 s").
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app.core import flow, messages, providers
from app.core import validation as v
from app.core.errors import InputError, ProviderError, provider_name
from app.core.history import (
    INSERT_ENTRY,
    Database,
    History,
    _csv_safe,
    clean_identifiers,
    now_iso,
    safe_message,
    stored_message,
    strip_userinfo,
)
from app.core.messages import BATCH, Message, joined

DEFAULT_CONCURRENCY = 8
# The longest Retry-After a batch waits for; a longer one stops the batch, resumably.
DEFAULT_MAX_RETRY_AFTER = 300.0
MAX_CONCURRENCY = 64
MAX_ROWS = 100_000
MAX_FILE_BYTES = 20 * 1024 * 1024

# The batch file's columns, from the providers' fields (app.core.flow.FIELDS: one record
# links each column to its validator, its wizard state key and its history identifier).
# Views of the registry (app.core.providers.SPECS), rebuilt in place whenever a spec is
# registered (providers.on_change): a provider registered after this import has them too.
# column -> required?  (the order is the template's)
LAYOUTS: dict[str, tuple[tuple[str, bool], ...]] = {}
VALIDATORS: dict[str, dict[str, Callable[[object], str | None]]] = {}
# The column that must be unique within a file (pairing it twice makes no sense; "" none).
UNIQUE_COLUMN: dict[str, str] = {}
# The identifiers kept in the journal and the history are asked of the spec
# (identifier_names: its batch_columns()), not kept here.


@providers.on_change
def _refresh_tables() -> None:
    columns = {p: flow.columns_for(p) for p in flow.PROVIDERS}
    for table, view in (
            (LAYOUTS, lambda fs: tuple((f.column, f.in_column_required) for f in fs)),
            (VALIDATORS, lambda fs: {f.column: v.VALIDATORS[f.validator] for f in fs}),
            (UNIQUE_COLUMN, lambda fs: next((f.column for f in fs if f.unique), ""))):
        table.clear()
        table.update((p, view(fs)) for p, fs in columns.items())  # type: ignore[attr-defined]


STATES = ("pending", "sending", "done", "failed", "unknown", "skipped")
FINAL_STATES = ("done", "failed", "unknown", "skipped")


class BatchFileError(Exception):
    """The file cannot be used at all (unreadable, wrong columns): nothing sent."""


class BatchRefused(Exception):
    """The batch may not start (invalid rows, or an earlier batch of this file)."""


def window_wording(text: str) -> str:
    """A sentence of this module as the batch window says it: the command line's
    `--resume` is the window's Resume button (tools/translations.py extracts both)."""
    for old, new in (("run the same file again with --resume to continue",
                      "use Resume to continue"),
                     ("Use --resume", "Use Resume"), ("with --resume", "with Resume")):
        text = messages.replaced(text, old, new)   # a Message's template and values
    return text


def template_path(provider: str) -> Path:
    """resources/templates/{provider}.csv (inside a PyInstaller bundle first)."""
    import sys

    name = f"{provider}.csv"
    bases = []
    if bundle := getattr(sys, "_MEIPASS", None):
        bases.append(Path(bundle) / "resources" / "templates")
    bases.append(Path(__file__).resolve().parents[2] / "resources" / "templates")
    for base in bases:
        if (base / name).is_file():
            return base / name
    raise FileNotFoundError(f"no template {name} in {', '.join(map(str, bases))}")


# ------------------------------------------------------------------ checking


@dataclass
class RowCheck:
    row_no: int  # among the data rows, from 1
    line: int  # in the file (the header is line 1)
    values: dict[str, str]  # cleaned (validated) values; raw text where invalid
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class CheckReport:
    provider: str
    file_name: str
    sha256: str
    rows: list[RowCheck]
    file_problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[RowCheck]:
        return [r for r in self.rows if r.ok]

    @property
    def invalid(self) -> list[RowCheck]:
        return [r for r in self.rows if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.file_problems and not self.invalid

    @property
    def lines(self) -> dict[int, int]:
        """Each row's line in the file, by row number: the number the batch window, the
        check report and the results CSV give a row (the header is line 1)."""
        return {r.row_no: r.line for r in self.rows}

    def text(self, limit: int = 20) -> str:
        name = provider_name(self.provider)
        if self.file_problems:
            return f"{self.file_name}: this file cannot be used for {name}:\n" + "\n".join(
                f"- {p}" for p in self.file_problems)
        lines = [f"{self.file_name}: {len(self.rows)} rows for {name}, "
                 f"{len(self.valid)} valid, {len(self.invalid)} invalid."]
        for row in self.invalid[:limit]:
            lines.append(f"- line {row.line}: " + " ".join(row.problems))
        if len(self.invalid) > limit:
            lines.append(f"- … and {len(self.invalid) - limit} more invalid rows")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "provider": self.provider, "file": self.file_name, "rows": len(self.rows),
            "valid": len(self.valid), "invalid": len(self.invalid),
            "file_problems": list(self.file_problems),
            "invalid_rows": [{"line": r.line, "row": r.row_no, "problems": r.problems}
                             for r in self.invalid],
        }


def _header_name(text: str) -> str:
    return text.strip().strip("\ufeff").strip().lower().replace(" ", "_").replace("-", "_")


def check_file(path: str | os.PathLike[str], provider: str) -> CheckReport:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            megabytes = MAX_FILE_BYTES // 2**20
            raise BatchFileError(Message(BATCH, "{path_name} is larger than {megabytes} MB.",
                                         path_name=path.name, megabytes=megabytes))
        raw = path.read_bytes()
    except OSError as exc:
        raise BatchFileError(Message(BATCH, "Cannot read {path}: {exc_strerror_or_exc}.",
                                     path=path, exc_strerror_or_exc=exc.strerror or exc)
                             ) from None
    return check_bytes(raw, provider, path.name)


def check_bytes(raw: bytes, provider: str, file_name: str = "batch.csv") -> CheckReport:
    """Validate a CSV's content. Raises BatchFileError only for an unknown provider."""
    if provider not in LAYOUTS:
        raise BatchFileError(providers.unknown_provider(BATCH, provider))
    sha = hashlib.sha256(raw).hexdigest()
    report = CheckReport(provider, file_name, sha, [])
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = raw.decode("utf-16")  # Excel's "Unicode text"; the BOM gives the order
        elif b"\x00" in raw[:4096]:
            report.file_problems.append(Message(
                BATCH, "The file looks like UTF-16 without a byte-order mark: save it as "
                "CSV UTF-8 and try again."))
            return report
        else:
            text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")  # Excel's "CSV" on Windows
        except UnicodeDecodeError:
            report.file_problems.append(
                Message(BATCH, "The file is not text (save it as CSV, UTF-8)."))
            return report
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        report.file_problems.append(Message(BATCH, "The file is not valid CSV: {exc}.",
                                            exc=exc))
        return report
    layout = LAYOUTS[provider]
    expected = [name for name, _ in layout]
    if not header or not any(cell.strip() for cell in header):
        report.file_problems.append(Message(
            BATCH, "The file is empty: the first line must name the columns ({join_expected}).",
            join_expected=",".join(expected)))
        return report
    names = [_header_name(cell) for cell in header]
    unknown = [n for n in names if n and n not in expected]
    missing = [n for n, required in layout if required and n not in names]
    duplicated = sorted({n for n in names if n and names.count(n) > 1})
    if unknown:
        report.file_problems.append(Message(
            BATCH, "Unknown column(s) {join_unknown}: a {provider} file has the columns "
            "{join_expected} (see the template).", join_unknown=", ".join(unknown),
            provider=provider_name(provider), join_expected=", ".join(expected)))
    if missing:
        report.file_problems.append(Message(BATCH, "Missing column(s): {join_missing}.",
                                            join_missing=", ".join(missing)))
    if duplicated:
        report.file_problems.append(Message(BATCH, "Column(s) given twice: {join_duplicated}.",
                                            join_duplicated=", ".join(duplicated)))
    spec = providers.SPECS[provider]
    report.file_problems.extend(spec.batch_file_problems(names))
    if report.file_problems:
        return report
    validators = VALIDATORS[provider]
    unique = UNIQUE_COLUMN[provider]
    seen: dict[str, int] = {}
    row_no = 0
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines (Excel adds some at the end)
            row_no += 1
            if row_no > MAX_ROWS:
                report.file_problems.append(Message(
                    BATCH, "More than {max_rows} rows: split the file.", max_rows=MAX_ROWS))
                return report
            line = reader.line_num
            raw_values = {name: (cells[i] if i < len(cells) else "")
                          for i, name in enumerate(names) if name}
            row = RowCheck(row_no, line, {})
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
                cell_count, header_count = len(cells), len(names)
                row.problems.append(Message(
                    BATCH, "This line has {cell_count} cells but the header only "
                    "{header_count}: check the separators.", cell_count=cell_count,
                    header_count=header_count))
            for name, required in layout:
                value = raw_values.get(name, "")
                if not value.strip() and not required:
                    continue
                try:
                    clean = validators[name](value)
                except InputError as error:
                    row.problems.append(error.advice_message)
                    row.values[name] = value.strip()
                    continue
                if clean is not None:
                    row.values[name] = clean
            row.problems.extend(spec.batch_row_problems(row.values))
            key = row.values.get(unique)
            if key is not None and not row.problems:
                if key in seen:
                    row.problems.append(Message(
                        BATCH, "The {unique} {key} is already on line {seen_key}: a device "
                        "is paired once; remove one of the lines.", unique=unique, key=key,
                        seen_key=seen[key]))
                else:
                    seen[key] = line
            report.rows.append(row)
    except csv.Error as exc:
        report.file_problems.append(Message(
            BATCH, "The file is not valid CSV near line {reader_line_num}: {exc}.",
            reader_line_num=reader.line_num, exc=exc))
        return report
    if not report.rows:
        report.file_problems.append(Message(BATCH, "The file has a header but no rows."))
    return report


def identifier_names(provider: str) -> dict[str, str]:
    """column -> the identifier it is kept under in the journal and the history: the
    spec's batch columns that are identifiers (identifier_columns(); never Xee's pin)."""
    return {f.column: f.identifier
            for f in providers.known(provider).batch_columns() if f.identifier}


def identifiers_of(provider: str, values: Mapping[str, str],
                   names: Mapping[str, str] | None = None) -> dict[str, str]:
    """A row's identifiers (`names`: identifier_names(provider), given when it is asked
    for many rows)."""
    names = identifier_names(provider) if names is None else names
    return {names[k]: val for k, val in values.items() if k in names and val}


# ------------------------------------------------------------------ journal


@dataclass
class BatchInfo:
    id: int
    provider: str
    environment: str
    file_name: str
    file_sha256: str
    total: int
    status: str
    created: str
    updated: str


@dataclass
class JournalRow:
    batch_id: int
    row_no: int
    identifiers: dict[str, str]
    state: str
    attempts: int = 0
    result: str | None = None
    error_kind: str | None = None
    error_status: int | None = None
    message: str = ""


UPDATE_ROW = (
    "UPDATE batch_row SET identifiers = ?, state = ?, attempts = ?, result = ?, "
    "error_kind = ?, error_status = ?, message = ?, message_template = ?, updated = ? "
    "WHERE batch_id = ? AND row_no = ?"
)


class Journal:
    """The batch tables. Every method that writes commits before it returns; reads go
    through the database's read connections (`Database.reading`): they never wait for
    a write, nor for a running batch's checkpoint."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def find(self, provider: str, environment: str, sha256: str) -> BatchInfo | None:
        """The latest batch of this file for this provider and API root."""
        row = self.db.reading().execute(
            "SELECT * FROM batch WHERE provider = ? AND environment = ? AND "
            "file_sha256 = ? ORDER BY id DESC LIMIT 1", (provider, environment, sha256),
        ).fetchone()
        return BatchInfo(**dict(row)) if row else None

    def get(self, batch_id: int) -> BatchInfo | None:
        row = self.db.reading().execute("SELECT * FROM batch WHERE id = ?",
                                        (batch_id,)).fetchone()
        return BatchInfo(**dict(row)) if row else None

    def create(self, report: CheckReport, environment: str, *, skip_invalid: bool) -> int:
        stamp = now_iso()
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO batch (created, updated, provider, environment, file_name, "
                "file_sha256, total, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')",
                (stamp, stamp, report.provider, environment, report.file_name, report.sha256,
                 len(report.rows)),
            )
            batch_id = int(cursor.lastrowid or 0)
            names = identifier_names(report.provider)
            for row in report.rows:
                ids = clean_identifiers(report.provider,
                                        identifiers_of(report.provider, row.values, names)
                                        if row.ok else {})
                if not row.ok and not skip_invalid:
                    raise BatchRefused("invalid rows")
                message = "" if row.ok else safe_message(joined(row.problems))
                conn.execute(
                    "INSERT INTO batch_row (batch_id, row_no, identifiers, state, message, "
                    "message_template, updated, error_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (batch_id, row.row_no, json.dumps(ids),
                     "pending" if row.ok else "skipped", message, messages.dumps(message),
                     stamp, None if row.ok else "input.invalid_row"),
                )
        return batch_id

    def rows(self, batch_id: int) -> list[JournalRow]:
        found = self.db.reading().execute(
            "SELECT * FROM batch_row WHERE batch_id = ? ORDER BY row_no", (batch_id,)
        ).fetchall()
        return [JournalRow(
            batch_id=r["batch_id"], row_no=r["row_no"], identifiers=json.loads(r["identifiers"]),
            state=r["state"], attempts=r["attempts"], result=r["result"],
            error_kind=r["error_kind"], error_status=r["error_status"],
            message=stored_message(r),
        ) for r in found]

    def save(self, row: JournalRow, provider: str) -> None:
        """Write one row's state (one committed transaction)."""
        self.write([(UPDATE_ROW, self.save_values(row, provider))])

    def write(self, statements: Statements) -> None:
        """Run the statements in one committed transaction (the shared connection)."""
        with self.db.transaction() as conn:
            for sql, params in statements:
                conn.execute(sql, params)

    @staticmethod
    def save_values(row: JournalRow, provider: str) -> tuple[Any, ...]:
        """The parameters of `UPDATE_ROW` for this row (checked: no secret)."""
        ids = clean_identifiers(provider, row.identifiers)
        message = safe_message(row.message)
        return (json.dumps(ids), row.state, row.attempts, row.result, row.error_kind,
                row.error_status, message, messages.dumps(message), now_iso(), row.batch_id,
                row.row_no)

    def set_status(self, batch_id: int, status: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE batch SET status = ?, updated = ? WHERE id = ?",
                         (status, now_iso(), batch_id))

    def counts(self, batch_id: int) -> dict[str, int]:
        found = dict(self.db.reading().execute(
            "SELECT state, COUNT(*) FROM batch_row WHERE batch_id = ? GROUP BY state",
            (batch_id,)).fetchall())
        return {state: int(found.get(state, 0)) for state in STATES}


def prepare(
    db: Database,
    report: CheckReport,
    environment: str,
    *,
    resume: bool = False,
    skip_invalid: bool = False,
    again: bool = False,
) -> tuple[int, bool]:
    """The batch to run -> (batch id, resumed?). Raises BatchRefused with a sentence.

    - invalid rows and not skip_invalid: refused, nothing sent;
    - an earlier batch of the same file (same content, provider, API root): with
      `resume`, that batch; without it refused (running it again would pair every
      device a second time), unless `again`.
    """
    name = provider_name(report.provider)
    if report.file_problems:
        raise BatchRefused(report.text())
    environment = strip_userinfo(environment)  # a URL's password is never kept
    journal = Journal(db)
    earlier = journal.find(report.provider, environment, report.sha256)
    if resume and earlier is not None:
        return earlier.id, True
    if earlier is not None and not again:
        batch_id, started = earlier.id, earlier.created
        if earlier.status != "finished":
            raise BatchRefused(Message(
                BATCH, "This file was interrupted for {name} (batch #{batch_id}, started "
                "{started}): nothing was sent. Use --resume to continue it (rows already "
                "paired are not sent again).", name=name, batch_id=batch_id, started=started))
        raise BatchRefused(Message(
            BATCH, "This file was already run for {name} (batch #{batch_id}, started "
            "{started}): nothing was sent. Use --resume to continue it (rows already paired "
            "are not sent again).", name=name, batch_id=batch_id, started=started))
    if report.invalid and not skip_invalid:
        raise BatchRefused(report.text() + "\nNothing was sent: fix these rows, or choose "
                           "to leave them out.")
    return journal.create(report, environment, skip_invalid=skip_invalid), False


# ------------------------------------------------------------------ running


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    failed: int
    unknown: int
    skipped: int
    pending: int
    in_flight: int
    elapsed: float
    eta: float | None  # seconds, None until it can be estimated
    concurrency: int
    event: str = "progress"  # progress | slowdown | stopped | finished
    message: str = ""

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.unknown + self.skipped


@dataclass
class BatchSummary:
    batch_id: int
    provider: str
    status: str  # finished | stopped
    counts: dict[str, int]
    rows: list[JournalRow]
    stop_reason: str = ""
    stop_error: ProviderError | None = None
    resumed: bool = False
    lines: dict[int, int] = field(default_factory=dict)  # row_no -> line in the file

    @property
    def all_done(self) -> bool:
        return self.status == "finished" and self.counts.get("done", 0) == len(self.rows)

    def as_dict(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id, "provider": self.provider, "status": self.status,
            "counts": self.counts, "stop_reason": self.stop_reason, "resumed": self.resumed,
            "rows": [{"row": r.row_no, "line": self.lines.get(r.row_no), "state": r.state,
                      "identifiers": r.identifiers,
                      "result": r.result, "error_kind": r.error_kind,
                      "error_status": r.error_status, "message": r.message,
                      "attempts": r.attempts} for r in self.rows],
        }


class Throttle:
    """Bounded, adaptive concurrency with a shared pause (the "gate").

    A 429/503 pauses every worker until the time the provider gave and halves
    the limit; `2 x limit` successes in a row raise it by one, up to the maximum.
    """

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.maximum = limit
        self.limit = limit
        self.active = 0
        self.resume_at = 0.0
        self.clock = clock
        self._successes = 0
        self._cond = asyncio.Condition()

    async def acquire(self, stop: asyncio.Event) -> bool:
        """Take a slot; False when `stop` was set while waiting."""
        async with self._cond:
            while True:
                if stop.is_set():
                    return False
                pause = self.resume_at - self.clock()
                if pause <= 0 and self.active < self.limit:
                    self.active += 1
                    return True
                try:
                    # At most 0.5 s at a time: a cancel (Ctrl+C, the dialog's Cancel) ends
                    # even a long Retry-After pause at once.
                    await asyncio.wait_for(self._cond.wait(),
                                           timeout=min(pause, 0.5) if pause > 0 else 0.5)
                except TimeoutError:
                    pass

    async def release(self, success: bool) -> None:
        async with self._cond:
            self.active -= 1
            if success:
                self._successes += 1
                if self.limit < self.maximum and self._successes >= 2 * self.limit:
                    self.limit += 1
                    self._successes = 0
            self._cond.notify_all()

    async def slow_down(self, seconds: float) -> None:
        async with self._cond:
            self.resume_at = max(self.resume_at, self.clock() + seconds)
            self.limit = max(1, self.limit // 2)
            self._successes = 0
            self._cond.notify_all()

    async def wake(self) -> None:
        async with self._cond:
            self._cond.notify_all()


Statements = list[tuple[str, tuple[Any, ...]]]
_Write = tuple[Statements, "asyncio.Future[None]"]


class JournalWriter:
    """A running batch's journal writes: in a thread of its own, never on the event loop.

    `open()` starts one long-lived thread for the run, which owns a connection of its
    own; `write()` queues one transaction's statements and returns once they are
    committed. The thread takes every write queued meanwhile and commits them in ONE
    transaction (group commit), then completes their futures in one callback into the
    loop (`call_soon_threadsafe`): the hop between threads is paid once per group, not
    once per write, which is what made `asyncio.to_thread` per write cost more than
    the request itself (bench/notes.md). `write_soon()` queues a write without waiting
    (a row's final state: it then shares a group with the worker's next write). Nothing
    of SQLite runs on the loop: while
    another connection holds the write lock the thread waits (up to `BUSY_TIMEOUT`,
    then the waiting writes fail), the loop runs on.

    The connection never waits for the disk on a commit: `synchronous=NORMAL` (in WAL
    mode a commit is a write into the WAL, no fsync) and no automatic checkpoint. The
    checkpoint, which does fsync, runs in the same thread every `CHECKPOINT_EVERY`
    writes, `CHECKPOINT_WITHIN` seconds after a write at the latest, and at `close()`;
    writes queued during a checkpoint wait for it (so the WAL restarts from its
    beginning and stays small), reads (`Journal`, through `Database.reading`) do not.
    When the file is not in WAL mode the thread writes through the shared connection
    (`synchronous=FULL`) instead.

    Durability: a committed write survives the process being killed at any moment
    (the WAL is in the operating system's hands). It is safe from a power cut or a
    crash of the machine once the next checkpoint has run.
    """

    CHECKPOINT_EVERY = 200     # writes
    CHECKPOINT_WITHIN = 1.0    # seconds: what a power cut can lose, at most
    BUSY_TIMEOUT = 10.0        # seconds another connection may hold the write lock

    def __init__(self, db: Database) -> None:
        self.db = db
        self._queue: queue.SimpleQueue[_Write | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped: asyncio.Future[None] | None = None
        self._conn: sqlite3.Connection | None = None   # the thread's; None: shared
        self._detached: list[asyncio.Future[None]] = []   # write_soon's, not yet seen
        self.writes = 0         # committed, in
        self.transactions = 0   # this many transactions (group commits)

    def open(self) -> None:
        """Start the writer's thread (on the running loop, whose futures it completes)."""
        if self._thread is not None:
            return
        self._loop = asyncio.get_running_loop()
        self._stopped = self._loop.create_future()
        self._thread = threading.Thread(target=self._serve, name="batch-journal",
                                        daemon=True)
        self._thread.start()

    async def write(self, statements: Statements) -> None:
        """Run the statements in one transaction; return once it is committed (and so
        is every write queued before it: writes commit in order)."""
        if self._thread is None or self._loop is None:   # not open (or closed)
            await asyncio.to_thread(self._write_shared, statements)
            self._raise_detached()
            return
        done: asyncio.Future[None] = self._loop.create_future()
        self._queue.put((statements, done))
        await done
        self._raise_detached()

    def write_soon(self, statements: Statements) -> asyncio.Future[None]:
        """Queue the statements (one transaction) without waiting: they are committed
        before any later write returns, and at `close()` at the latest. Their error,
        if any, is raised by that later `write()` or by `close()`. Returns the future
        the thread completes once they are committed (or failed: then nothing of them
        is)."""
        if self._thread is None or self._loop is None:
            shared = asyncio.ensure_future(asyncio.to_thread(self._write_shared, statements))
            self._detached.append(shared)
            return shared
        done: asyncio.Future[None] = self._loop.create_future()
        self._detached.append(done)
        self._queue.put((statements, done))
        return done

    def _raise_detached(self) -> None:
        """Forget the `write_soon` writes that are committed; raise the first error."""
        error: BaseException | None = None
        waiting = []
        for done in self._detached:
            if not done.done():
                waiting.append(done)
            elif not done.cancelled() and done.exception() is not None and error is None:
                error = done.exception()
        self._detached = waiting
        if error is not None:
            raise error

    async def close(self) -> None:
        """Commit what is queued, run a last checkpoint, close the connection."""
        thread, self._thread = self._thread, None
        if thread is not None and self._stopped is not None:
            self._queue.put(None)
            await asyncio.shield(self._stopped)
        if self._detached:
            await asyncio.gather(*self._detached, return_exceptions=True)
        self._raise_detached()

    # ---------------------------------------------------------- the thread

    def _serve(self) -> None:
        unsynced = 0          # writes since the last checkpoint
        deadline = 0.0        # when they must have been checkpointed
        try:
            self._conn = self._connect()
            while True:
                timeout = max(0.0, deadline - time.monotonic()) if unsynced else None
                try:
                    item = self._queue.get(timeout=timeout)
                except queue.Empty:
                    self._run_checkpoint()
                    unsynced = 0
                    continue
                group: list[_Write] = []
                stop = False
                while True:
                    if item is None:
                        stop = True
                    else:
                        group.append(item)
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                if group:
                    outcomes = self._commit(group)
                    self._settle_soon(outcomes)
                    committed = sum(1 for _, error in outcomes if error is None)
                    if committed and not unsynced:
                        deadline = time.monotonic() + self.CHECKPOINT_WITHIN
                    unsynced += committed
                    if unsynced >= self.CHECKPOINT_EVERY:
                        self._run_checkpoint()
                        unsynced = 0
                if stop:
                    break
            if unsynced:
                self._run_checkpoint()
        finally:
            conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()
            if self._loop is not None and self._stopped is not None:
                stopped = self._stopped
                self._call_soon(lambda: stopped.done() or stopped.set_result(None))

    def _connect(self) -> sqlite3.Connection | None:
        """The thread's connection; None (write through the shared one) when it cannot
        be opened or the file is not in WAL mode."""
        try:
            conn = sqlite3.connect(self.db.path, isolation_level=None,
                                   timeout=self.BUSY_TIMEOUT)
        except sqlite3.Error:
            return None
        try:
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA wal_autocheckpoint=0")
            conn.execute("PRAGMA foreign_keys=ON")
            wal = conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        except sqlite3.Error:
            wal = False
        if not wal:
            conn.close()
            return None
        return conn

    def _commit(self, group: list[_Write]) -> list[tuple[asyncio.Future[None],
                                                         BaseException | None]]:
        """Commit the group in one transaction. If one write fails, each is committed
        on its own instead, so that the failing one alone raises (in its caller)."""
        try:
            self._transaction([statements for statements, _ in group])
        except Exception as exc:
            if len(group) == 1:
                return [(group[0][1], exc)]
        else:
            self.writes += len(group)
            return [(done, None) for _, done in group]
        outcomes: list[tuple[asyncio.Future[None], BaseException | None]] = []
        for statements, done in group:
            try:
                self._transaction([statements])
            except Exception as exc:
                outcomes.append((done, exc))
            else:
                self.writes += 1
                outcomes.append((done, None))
        return outcomes

    def _transaction(self, writes: list[Statements]) -> None:
        conn = self._conn
        if conn is None:
            with self.db.transaction() as shared:
                for statements in writes:
                    for sql, params in statements:
                        shared.execute(sql, params)
            self.transactions += 1
            return
        if len(writes) == 1 and len(writes[0]) == 1:
            # One statement is a transaction of its own: no BEGIN and COMMIT (each
            # statement here is one more hand-over of the GIL with the loop's thread).
            sql, params = writes[0][0]
            conn.execute(sql, params)
            self.transactions += 1
            return
        conn.execute("BEGIN IMMEDIATE")   # waits here for another writer, not on the loop
        try:
            for statements in writes:
                for sql, params in statements:
                    conn.execute(sql, params)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self.transactions += 1

    def _settle_soon(self, outcomes: list[tuple[asyncio.Future[None],
                                                BaseException | None]]) -> None:
        def settle() -> None:
            for done, error in outcomes:
                if done.done():   # its caller was cancelled: the write stands anyway
                    continue
                if error is None:
                    done.set_result(None)
                else:
                    done.set_exception(error)

        self._call_soon(settle)

    def _call_soon(self, callback: Callable[[], Any]) -> None:
        assert self._loop is not None
        try:
            self._loop.call_soon_threadsafe(callback)
        except RuntimeError:   # the loop is closed: nobody waits any more
            pass

    def _write_shared(self, statements: Statements) -> None:
        with self.db.transaction() as conn:
            for sql, params in statements:
                conn.execute(sql, params)

    def _run_checkpoint(self) -> None:
        """Copy the WAL into the database file (fsync); in the writer's thread."""
        if self._conn is None:
            return   # not in WAL mode: nothing to checkpoint
        try:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:  # not fatal: the next checkpoint (or SQLite's own) catches up
            pass


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


def journal_failure(error: sqlite3.Error) -> Message:
    """Why the batch stopped when its journal could not be written (disk full, database
    locked past the busy timeout, file gone): nothing is sent without a journal."""
    return Message(BATCH, "The batch journal could not be written ({error}), so the batch "
                   "stopped: nothing is sent without it. Free disk space or close what holds "
                   "the history database, then run the same file again with --resume: rows "
                   "already sent are checked, never sent twice.", error=str(error))


class _Fatal(Exception):
    """Stops the whole batch (bad key, network gone): rows stay resumable."""

    def __init__(self, reason: str, error: ProviderError | None = None) -> None:
        super().__init__(reason)
        self.reason = reason   # str(exception) would lose a Message's template
        self.error = error


ProgressCallback = Callable[[Progress], None]


class BatchRunner:
    """Runs one batch of the journal against one provider object.

    `api` is an `XeeAPI`, `RufusAPI` or `ZypeAPI` (its provider attribute picks
    the layout). `values` gives each row's full values (from the file, re-checked
    on resume): the journal alone never holds a Xee pin.

    `call(fn)` runs a request `fn(api)`; by default `fn(api)`. A signed-in Xee batch
    passes its session's call path (app.auth.session.XeeSession.call): an expired
    access token is refreshed once and the request sent again. It raises ProviderError
    only (a dead sign-in: a kind of the spec's batch_stops, which stops the batch,
    resumably).

    What a provider spec's batch_send and batch_resolve (app.core.providers) may use,
    and nothing else of the runner:
    - `api`: the provider's client; `values_of(row)`: the row's checked values (from
      the file, the Xee pin too), a value the row leaves empty filled from `defaults`
      (the spec's batch_defaults: RUFUS's type from rufus/defaultType), as batch_send
      gets them; `memo`: a dict that lives as long as the run (e.g. Zype's consumer id
      by email).
    - `await call(fn)`: a request `fn(api)` through the call path above.
    - `await check(fn, refusal_stops=True)`: a read-only check `fn()`, after the settle
      delay, retried (a rate limit slows the batch down); None when it never got an
      answer. A refusal (auth or input) stops the batch, resumably; with
      `refusal_stops=False` it is None too (Xee's cars without the cars_read scope). A
      kind of the spec's batch_stops (Xee's dead sign-in) always stops it, with the
      spec's own sentence, as it does when a row is sent; the row stays "sending".
    - `await settle(row, state, result=, error=, message=)`: the row's final state
      ("done", "failed", "unknown"), committed (its history entry with it).
    - `await send_again(row, message)`: back to "pending" (the request did not land:
      sending it again is safe), committed.
    batch_resolve must end with one of settle or send_again.
    """

    AHEAD = 2   # rows committed "sending" ahead of a free slot (see _claim)

    def __init__(
        self,
        api: Any,
        database: Database,
        batch_id: int,
        report: CheckReport,
        *,
        environment: str = "",
        concurrency: int = DEFAULT_CONCURRENCY,
        on_progress: ProgressCallback | None = None,
        history: History | None = None,
        max_attempts: int = 6,
        check_attempts: int = 5,
        settle_seconds: float = 0.5,
        max_backoff: float = 30.0,
        resumed: bool = False,
        setting: Callable[[str], Any] | None = None,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        call: Callable[[Callable[[Any], Any]], Any] | None = None,
    ) -> None:
        self.api = api
        self._call = call or self._call_directly
        self.provider: str = api.provider
        self.spec = providers.known(self.provider)
        # What rows that leave a column empty are sent with, read once from the
        # settings (`setting(key)`: IT's managed configuration, the wizard's settings).
        self.defaults: Mapping[str, str] = (self.spec.batch_defaults(setting) if setting
                                            else {})
        if self.provider != report.provider:
            raise ValueError(f"the file was checked for {report.provider}, the API is "
                             f"{self.provider}")
        self.db = database
        self.journal = Journal(database)
        self.batch_id = batch_id
        self.values = {row.row_no: row.values for row in report.rows}
        self.lines = report.lines
        self.environment = environment
        self.concurrency = max(1, min(int(concurrency), MAX_CONCURRENCY))
        self.on_progress = on_progress
        self.history = history
        self.max_attempts = max_attempts
        self.check_attempts = check_attempts
        self.settle_seconds = settle_seconds
        self.max_backoff = max_backoff
        self.resumed = resumed
        self.max_retry_after = max(0.0, float(max_retry_after))
        self.throttle = Throttle(self.concurrency)
        self._stop = asyncio.Event()
        self._rows: dict[int, JournalRow] = {}
        self._in_flight = 0
        self._ahead = asyncio.Semaphore(self.AHEAD)
        self._started = 0.0
        self._finished_here = 0
        self._fatal: _Fatal | None = None
        self._backoff_level = 0
        self.memo: dict[Any, Any] = {}  # the specs' cache for this run
        self._last_error: dict[int, ProviderError] = {}
        self._writer: JournalWriter | None = None  # while run() runs
        self._recorded: set[int] = set()  # rows whose history entry is committed
        # Final states queued (write_soon) and not known committed: row_no -> (the
        # writer's future, the statements, whether the history entry is among them).
        # A failed one stays here and is written again when the writer has closed.
        self._final_writes: dict[int, tuple[asyncio.Future[None], Statements, bool]] = {}

    async def _call_directly(self, fn: Callable[[Any], Any]) -> Any:
        return await fn(self.api)

    # ---------------------------------------------------------- control

    def cancel(self) -> None:
        """Stop taking rows; requests in flight finish and are recorded."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    async def run(self) -> BatchSummary:
        info = self.journal.get(self.batch_id)
        if info is None:
            raise BatchRefused(Message(BATCH, "No batch #{self_batch_id} in the journal.",
                                       self_batch_id=self.batch_id))
        rows = await asyncio.to_thread(self.journal.rows, self.batch_id)
        self._rows = {r.row_no: r for r in rows}
        missing = [r.row_no for r in rows
                   if r.state in ("pending", "sending") and r.row_no not in self.values]
        if missing:
            raise BatchRefused(Message(
                BATCH, "The file no longer matches batch #{self_batch_id} (rows {missing} are "
                "missing): use the original file.", self_batch_id=self.batch_id,
                missing=missing[:5]))
        if info.status != "running":
            await asyncio.to_thread(self.journal.set_status, self.batch_id, "running")
        self._started = time.monotonic()
        queue: asyncio.Queue[JournalRow] = asyncio.Queue()
        # Uncertain rows first: they are resolved before anything new is sent.
        for row in sorted(rows, key=lambda r: (r.state != "sending", r.row_no)):
            if row.state in ("pending", "sending"):
                queue.put_nowait(row)
        self._emit()
        self._writer = JournalWriter(self.db)
        self._writer.open()
        workers = [asyncio.create_task(self._worker(queue))
                   for _ in range(min(self.concurrency + self.AHEAD, max(1, queue.qsize())))]
        try:
            await asyncio.gather(*workers)
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            writer, self._writer = self._writer, None
            closing: sqlite3.Error | None = None
            try:
                await writer.close()
            except sqlite3.Error as exc:   # a queued write did not commit
                closing = exc
            failure = await self._write_lost_final_states(closing)
            if failure is not None and self._fatal is None:
                self._fatal = _Fatal(journal_failure(failure))
        return await self._finish()

    async def _write_lost_final_states(self, closing: sqlite3.Error | None
                                       ) -> sqlite3.Error | None:
        """Write again, each in one transaction with its history entry, the final states
        whose queued commit failed (the writer has closed: through the shared
        connection, off the loop). A row that still cannot be written takes back the
        state the journal holds (a resume checks it, and records it then): the summary
        never says "done" of a row whose state and history entry are not in the
        database. Returns the journal's error that stands, if any (`closing`: the one
        close() raised, moot when it was one of these writes, now written)."""
        lost: dict[int, tuple[Statements, bool]] = {}
        errors: list[BaseException] = []
        for row_no, (done, statements, has_entry) in self._final_writes.items():
            if not done.done() or done.cancelled():
                continue   # cancelled with run(): whether it committed is not known
            error = done.exception()
            if error is None:
                if has_entry:
                    self._recorded.add(row_no)
                continue
            lost[row_no] = (statements, has_entry)
            errors.append(error)
        self._final_writes.clear()
        failure = closing if closing is not None and not any(
            closing is error for error in errors) else None
        unwritten = []
        for row_no, (statements, has_entry) in lost.items():
            try:
                await asyncio.to_thread(self.journal.write, statements)
            except sqlite3.Error as exc:
                failure = failure or exc
                unwritten.append(row_no)
            else:
                if has_entry:
                    self._recorded.add(row_no)
        if unwritten:
            try:
                stored = {r.row_no: r for r in await asyncio.to_thread(
                    self.journal.rows, self.batch_id)}
            except sqlite3.Error:
                stored = {}
            for row_no in unwritten:
                row, kept = self._rows[row_no], stored.get(row_no)
                row.state = kept.state if kept is not None else "sending"
                row.attempts = kept.attempts if kept is not None else row.attempts
        return failure

    async def _finish(self) -> BatchSummary:
        rows = [self._rows[k] for k in sorted(self._rows)]
        open_rows = any(r.state in ("pending", "sending") for r in rows)
        status = "stopped" if open_rows else "finished"
        await asyncio.to_thread(self.journal.set_status, self.batch_id, status)
        reason: str = ""
        if self._fatal is not None:
            reason = self._fatal.reason
        elif open_rows:
            reason = Message(BATCH, "Cancelled: run the same file again with --resume to "
                             "continue.")
        summary = BatchSummary(
            self.batch_id, self.provider, status,
            {s: sum(1 for r in rows if r.state == s) for s in STATES}, rows, reason,
            self._fatal.error if self._fatal else None, self.resumed, dict(self.lines),
        )
        self._emit("finished" if status == "finished" else "stopped", reason)
        return summary

    # ---------------------------------------------------------- progress

    def _emit(self, event: str = "progress", message: str = "") -> None:
        if self.on_progress is None:
            return
        counts = {s: 0 for s in STATES}
        for row in self._rows.values():
            counts[row.state] += 1
        elapsed = time.monotonic() - self._started if self._started else 0.0
        remaining = counts["pending"] + counts["sending"]
        eta = None
        if self._finished_here and elapsed > 0:
            eta = remaining * elapsed / self._finished_here
        self.on_progress(Progress(
            total=len(self._rows), done=counts["done"], failed=counts["failed"],
            unknown=counts["unknown"], skipped=counts["skipped"],
            pending=counts["pending"] + counts["sending"] - self._in_flight,
            in_flight=self._in_flight, elapsed=elapsed, eta=eta,
            concurrency=self.throttle.limit, event=event, message=message,
        ))

    # ---------------------------------------------------------- rows

    async def _save(self, row: JournalRow) -> None:
        """Commit the row's state. A final state takes its history entry along, in the
        same transaction (when the history is in the journal's database)."""
        if self._writer is None:
            await asyncio.to_thread(self.journal.save, row, self.provider)
            return
        statements = [(UPDATE_ROW, Journal.save_values(row, self.provider))]
        entry = self._history_values(row)
        if entry is not None:
            statements.append((INSERT_ENTRY, entry))
        if row.state in FINAL_STATES:
            # Not waited for: it commits with this worker's next write (the next row's
            # "sending", before that request leaves) in one group, or at close(). The
            # row is "recorded" once that commit is made, not before: a failed one is
            # written again when the run ends (_write_lost_final_states).
            done = self._writer.write_soon(statements)
            self._final_writes[row.row_no] = (done, statements, entry is not None)
            done.add_done_callback(lambda _, row_no=row.row_no: self._final_written(row_no))
            return
        try:   # also raises a write_soon's failure: the journal's, whichever row
            await self._writer.write(statements)
        except sqlite3.Error as exc:
            raise _Fatal(journal_failure(exc)) from exc

    def _final_written(self, row_no: int) -> None:
        """A queued final state's commit is over: committed, its row is recorded (when
        its history entry was in it); failed, it stays to be written again."""
        done, _, has_entry = self._final_writes.get(row_no, (None, None, False))
        if done is None or not done.done() or done.cancelled() \
                or done.exception() is not None:
            return
        del self._final_writes[row_no]
        if has_entry:
            self._recorded.add(row_no)

    def _entry_in_journal(self, row_no: int) -> bool:
        """The row's history entry is committed, or queued with its final state."""
        queued = self._final_writes.get(row_no)
        return row_no in self._recorded or (queued is not None and queued[2])

    def _history_values(self, row: JournalRow) -> tuple[Any, ...] | None:
        """The history entry of a row that has just reached its final state, or None
        (not final, no history, another database, or refused: then `_record_history`
        writes it on its own, and raises there as it always did)."""
        if (self.history is None or self.history.db is not self.db
                or row.state not in FINAL_STATES or row.state == "skipped"
                or self._entry_in_journal(row.row_no)):
            return None
        try:
            return self.history.entry_values(**self._history_args(row))
        except ValueError:
            return None

    async def _worker(self, queue: asyncio.Queue[JournalRow]) -> None:
        while not self._stop.is_set():
            try:
                row = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            try:
                await self._process(row)
            except _Fatal as fatal:
                if self._fatal is None:
                    self._fatal = fatal
                self._stop.set()
                await self.throttle.wake()
                return
            if row.state in FINAL_STATES:
                self._finished_here += 1
                await self._record_history(row)
                self._emit()

    async def _process(self, row: JournalRow) -> None:
        if row.state == "sending":
            await self._resolve(row, None, Message(
                BATCH, "the previous run stopped while this request was in flight"))
        while row.state == "pending":
            if not await self._claim(row):
                return
            success = False
            self._in_flight += 1
            try:
                try:
                    result = await self._send(row)
                except ProviderError as error:
                    await self._after_error(row, error)
                else:
                    success = True
                    self._backoff_level = 0
                    self._set_final(row, "done", result=result)
                    await self._save(row)  # committed as soon as the answer is in
            finally:
                self._in_flight -= 1
                await self.throttle.release(success)
            if row.state == "pending" and row.attempts >= self.max_attempts:
                last = self._last_error.get(row.row_no)
                if last is None or (last.category == "network"
                                    and not last.may_have_reached_server):
                    # Cannot reach the provider at all: stop, every row stays resumable.
                    raise _Fatal(Message(
                        BATCH, "Row {row_row_no} could not be sent after {row_attempts} tries "
                        "({row_message}) The batch stopped; nothing is lost: run it again "
                        "with --resume when the problem is solved.", row_row_no=row.row_no,
                        row_attempts=row.attempts, row_message=row.message), last)
                self._set_final(row, "failed", error=last, message=Message(
                    BATCH, "{last_advice} (Tried {row_attempts} times; each time the check "
                    "showed the change was not made.)", last_advice=last.advice_message,
                    row_attempts=row.attempts))
                await self._save(row)

    async def _claim(self, row: JournalRow) -> bool:
        """Commit the row as "sending", then take a slot: True when it may be sent.

        The commit, in the writer's thread, comes before the slot so that its hop
        between threads overlaps the requests in flight instead of adding to each
        row's time in a slot: at most `AHEAD` rows are committed and waiting for a
        slot. A row that then never gets one (stop, cancel) is committed back to
        "pending"; only a killed process leaves those few as "sending", which the
        next run checks like any row whose answer was lost (README, "Batch")."""
        async with self._ahead:
            row.state, row.attempts = "sending", row.attempts + 1
            await self._save(row)  # committed before the request leaves
            try:
                if await self.throttle.acquire(self._stop):
                    return True
            except asyncio.CancelledError:
                self._unclaim(row)
                raise
            self._unclaim(row)
            return False

    def _unclaim(self, row: JournalRow) -> None:
        """The claimed row's request never left: back to "pending" (committed with the
        next write, or when the writer closes)."""
        row.state, row.attempts = "pending", row.attempts - 1
        if self._writer is not None:
            self._writer.write_soon([(UPDATE_ROW, Journal.save_values(row, self.provider))])

    def _set_final(self, row: JournalRow, state: str, *, result: str | None = None,
                   error: ProviderError | None = None, message: str = "") -> None:
        row.state = state
        row.result = result if result is not None else row.result
        row.error_kind = error.kind if error else None
        row.error_status = error.status if error else None
        row.message = message or (error.advice_message if error else "")

    async def _after_error(self, row: JournalRow, error: ProviderError) -> None:
        self._last_error[row.row_no] = error
        if error.kind in ("server.rate_limited", "server.unavailable"):
            if error.retry_after is not None and error.retry_after > self.max_retry_after:
                row.state, row.message = "pending", error.advice_message
                row.attempts -= 1
                row.error_kind, row.error_status = error.kind, error.status
                await self._save(row)
                raise _Fatal(Message(
                    BATCH, "{provider} asked to wait {duration_error_retry_after}, longer "
                    "than the {duration_self_max_retry_after} a batch waits. The batch "
                    "stopped; nothing is lost: resume it later.",
                    provider=provider_name(self.provider),
                    duration_error_retry_after=_duration(error.retry_after),
                    duration_self_max_retry_after=_duration(self.max_retry_after)), error)
            await self._slow_down(error)
            row.state, row.message = "pending", error.advice_message
            row.attempts -= 1  # a refusal to serve is not a failed try of this row
            row.error_kind, row.error_status = error.kind, error.status
            await self._save(row)
            return
        landed = self.spec.batch_late_success(error, row)
        if landed is not None:
            # Our own earlier bind (its answer was lost) landing before this one.
            self._set_final(row, "done", result=landed,
                            message=Message(BATCH, "Bound by an earlier try whose answer "
                                            "was lost."))
            await self._save(row)
            return
        if error.may_have_reached_server:
            await self._resolve(row, error, error.kind)
            return
        stop = self.spec.batch_stops.get(error.kind)
        if stop is not None or error.category == "auth":
            row.state, row.attempts = "pending", row.attempts - 1
            row.message = error.advice_message
            await self._save(row)
            if stop is not None:   # the provider's own: what to do before resuming
                raise _Fatal(stop, error)
            raise _Fatal(Message(
                BATCH, "{provider} refused the credentials: {error_advice} Nothing is lost: "
                "fix it, then resume.", provider=provider_name(self.provider),
                error_advice=error.advice_message), error)
        if error.category == "network":  # nothing reached the provider: try again later
            row.state, row.message = "pending", error.advice_message
            row.error_kind, row.error_status = error.kind, error.status
            await self._save(row)
            await self._slow_down(error, notify=False)
            return
        self._set_final(row, "failed", error=error)
        await self._save(row)

    async def _slow_down(self, error: ProviderError, notify: bool = True) -> None:
        if error.retry_after is not None:
            wait = max(0.0, float(error.retry_after))
        else:
            wait = min(self.max_backoff, 0.5 * 2 ** self._backoff_level)
            self._backoff_level += 1
        await self.throttle.slow_down(wait)
        if notify:
            seconds, limit = max(1, round(wait)), self.throttle.limit
            self._emit("slowdown", Message(
                BATCH, "{provider} asked us to slow down: waiting {seconds} s (now {limit} at "
                "a time)", provider=provider_name(self.provider), seconds=seconds,
                limit=limit))

    # ---------------------------------------------------------- per provider

    async def _send(self, row: JournalRow) -> str | None:
        return await self.spec.batch_send(self, row, self.values_of(row))

    async def _resolve(self, row: JournalRow, error: ProviderError | None, reason: str) -> None:
        """The request may have reached the provider: find out, never re-send blindly."""
        row.state = "sending"
        if error is not None:
            row.error_kind, row.error_status, row.message = error.kind, error.status, \
                error.advice_message
        await self.spec.batch_resolve(self, row, error, reason)

    async def _check(self, fn: Callable[[], Any]) -> Any:
        """A read-only check, retried; None when it never got an answer."""
        if self.settle_seconds:
            await asyncio.sleep(self.settle_seconds)  # let a slow request land first
        for attempt in range(self.check_attempts):
            try:
                return await fn()
            except ProviderError as error:
                stop = self.spec.batch_stops.get(error.kind)
                if stop is not None:   # the provider's own: what to do before resuming
                    raise _Fatal(stop, error) from None
                if error.category in ("auth", "input"):
                    raise _Fatal(Message(BATCH, "The check of an uncertain row failed: "
                                         "{error_advice}", error_advice=error.advice_message),
                                 error) from None
                if error.kind in ("server.rate_limited", "server.unavailable"):
                    await self._slow_down(error)
                    wait = max(0.0, self.throttle.resume_at - time.monotonic())
                else:
                    wait = min(self.max_backoff, 0.25 * 2 ** attempt)
                await asyncio.sleep(wait)
        return None

    # ---------------------------------------------------------- for the specs

    def values_of(self, row: JournalRow) -> Mapping[str, str]:
        """The row's checked values (from the file), the `defaults` where it has none."""
        values = self.values[row.row_no]
        if not self.defaults:
            return values
        return {**values, **{column: value for column, value in self.defaults.items()
                             if not values.get(column)}}

    async def call(self, fn: Callable[[Any], Any]) -> Any:
        """A request `fn(api)`, through the call path (a signed-in session's)."""
        return await self._call(fn)

    async def check(self, fn: Callable[[], Any], *, refusal_stops: bool = True) -> Any:
        """A read-only check (see the class docstring); None without an answer."""
        try:
            return await self._check(fn)
        except _Fatal as fatal:
            # A kind of the spec's batch_stops (a dead sign-in) stops it all the same.
            if refusal_stops or (fatal.error is not None
                                 and fatal.error.kind in self.spec.batch_stops):
                raise
            return None

    async def settle(self, row: JournalRow, state: str, *, result: str | None = None,
                     error: ProviderError | None = None, message: str = "") -> None:
        """The row's final state, committed."""
        if state not in FINAL_STATES:
            raise ValueError(f"{state!r} is not a final state")
        self._set_final(row, state, result=result, error=error, message=message)
        await self._save(row)

    async def send_again(self, row: JournalRow, message: str) -> None:
        """The request did not land: the row goes back to "pending", committed."""
        row.state, row.message = "pending", message
        await self._save(row)

    def _history_args(self, row: JournalRow) -> dict[str, Any]:
        done = row.state == "done"
        return {"provider": self.provider, "action": "pair",
                "outcome": {"done": "ok", "failed": "failed"}.get(row.state, "unknown"),
                "environment": self.environment, "identifiers": row.identifiers,
                "error_kind": None if done else row.error_kind,
                "error_status": None if done else row.error_status,
                "message": row.message, "batch_id": self.batch_id}

    async def _record_history(self, row: JournalRow) -> None:
        history = self.history
        if history is None or row.state == "skipped" or self._entry_in_journal(row.row_no):
            return
        args = self._history_args(row)
        await asyncio.to_thread(lambda: history.record(**args))


# ------------------------------------------------------------------ results


RESULT_COLUMNS = ("line", "state", "result", "error_kind", "error_status", "message",
                  "attempts")


def write_results(path_or_file: str | os.PathLike[str] | IO[str], provider: str,
                  rows: Sequence[JournalRow], lines: Mapping[int, int]) -> int:
    """The results CSV: one line per row, the identifiers then the outcome. Each row is
    numbered by its line in the batch file (`lines`: CheckReport.lines), as the batch
    window and the check report number it, so "line 7" is the same row everywhere (the
    journal's row_no, counted from 1 without the header, said 6 there)."""
    spec = providers.known(provider)
    ids = [*spec.identifier_columns(), *spec.result_columns]
    columns = ["line", *ids, *RESULT_COLUMNS[1:]]

    def write(handle: IO[str]) -> int:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            record: dict[str, Any] = {"line": lines[row.row_no], **row.identifiers,
                                      "state": row.state, "result": row.result or "",
                                      "error_kind": row.error_kind or "",
                                      "error_status": row.error_status or "",
                                      "message": row.message, "attempts": row.attempts}
            writer.writerow({k: _csv_safe(val) for k, val in record.items()})
        return len(rows)

    if isinstance(path_or_file, str | os.PathLike):
        with open(path_or_file, "w", encoding="utf-8-sig", newline="") as handle:
            return write(handle)
    return write(path_or_file)


__all__ = [
    "BatchFileError", "BatchInfo", "BatchRefused", "BatchRunner", "BatchSummary",
    "CheckReport", "Journal", "JournalRow", "JournalWriter", "LAYOUTS", "Progress",
    "RowCheck", "Throttle",
    "check_bytes", "check_file", "prepare", "template_path", "window_wording",
    "write_results",
]
