"""History: SQLite in the data folder, queries, CSV export, never a secret."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import httpx2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import ProviderError
from app.core.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SECRET_VALUE_PATTERNS,
    Database,
    History,
    SecretRefused,
    _statements,
    check_not_secret,
    default_db_path,
)
from app.core.rufus import RufusAPI
from app.core.xee import XeeAPI
from app.core.zype import ZypeAPI
from tests.core.helpers import rufus_key, xee_free_device, zype_free_pin, zype_key


@pytest.fixture
def history(tmp_path):
    with History(tmp_path / "h.sqlite3") as h:
        yield h


def test_default_location_follows_env_then_platformdirs(tmp_path, monkeypatch):
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "history.sqlite3"
    with History() as h:
        h.record("xee", "pair", "ok", identifiers={"device_id": "E133742015"})
    assert (tmp_path / "data" / "history.sqlite3").is_file()
    monkeypatch.delenv("PAIRING_WIZARD_DATA_DIR")
    import platformdirs

    assert default_db_path().parent == platformdirs.user_data_path("pairing-wizard",
                                                                   appauthor=False)


def test_schema_is_versioned_wal_and_migrates_an_old_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)  # a file written by version 1 of the schema
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO history (time, provider, environment, action, identifiers, "
                 "outcome, search) VALUES ('2024-01-01T00:00:00.000000Z', 'xee', '', 'pair', "
                 "'{\"device_id\": \"E1\"}', 'ok', 'e1')")
    conn.commit()
    conn.close()
    db = Database(path)
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master")}
        assert {"history", "batch", "batch_row"} <= tables
        assert [e.identifiers for e in History(database=db).query()] == [{"device_id": "E1"}]
    finally:
        db.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Database(path)


def test_query_filters_search_and_dates(history):
    old = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    history.record("rufus", "pair", "ok", environment="production", when=old,
                   identifiers={"serial_number": "RR-77", "model": "X1", "deviceid": "AB" * 32})
    history.record("zype", "pair", "failed", environment="demo",
                   identifiers={"email": "alice@example.com", "pin": "zabc123"},
                   error_kind="zype.pin_not_found", error_status=404,
                   message="Zype knows no active pin")
    history.record("xee", "undo", "unknown", identifiers={"device_id": "E133742016"},
                   when=datetime.now(UTC) + timedelta(seconds=1))
    assert [e.provider for e in history.query()] == ["xee", "zype", "rufus"]  # newest first
    assert [e.provider for e in history.query(provider="zype")] == ["zype"]
    assert [e.outcome for e in history.query(outcome="unknown")] == ["unknown"]
    assert [e.provider for e in history.query("rr-77")] == ["rufus"]
    assert [e.provider for e in history.query("ALICE pin_not_found")] == ["zype"]
    assert history.query("alice E133742016") == []  # every word must match
    assert history.query("100%") == []  # LIKE wildcards are literal
    assert [e.provider for e in history.query(since="2024-03-02")] == ["xee", "zype"]
    assert [e.provider for e in history.query(until="2024-03-01")] == ["rufus"]
    assert [e.provider for e in history.query(since="2024-03-01", until="2024-03-01")] == \
        ["rufus"]
    with pytest.raises(ValueError, match="not a date"):
        history.query(since="last tuesday")


def test_details_text_and_csv_export(history, tmp_path):
    entry_id = history.record(
        "rufus", "pair", "failed", environment="https://api.runonrufus.com/v0",
        identifiers={"serial_number": "=HYPERLINK(1)", "model": "X1"},
        error=ProviderError("rufus.serial_taken", "refused", "Already bound.", status=409,
                            provider="rufus", details={"request_id": "req-42"}))
    details = history.details(entry_id)
    assert "RUFUS pair: failed" in details
    assert "rufus.serial_taken (HTTP 409)" in details
    assert "Request id: req-42" in details
    assert "serial_number: =HYPERLINK(1)" in details
    out = tmp_path / "export.csv"
    assert History.export_csv(out, history.query()) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["serial_number"] == "'=HYPERLINK(1)"  # no formula injection
    assert rows[0]["error_status"] == "409" and rows[0]["request_id"] == "req-42"
    buffer = io.StringIO()
    History.export_csv(buffer, history.query())
    assert buffer.getvalue().splitlines()[0].startswith("id,time,provider")


@pytest.mark.parametrize("identifiers", [
    {"api_key": "whatever"},
    {"token": "x"},
])
def test_credential_fields_are_refused(history, identifiers):
    with pytest.raises(SecretRefused):
        history.record("rufus", "pair", "ok", identifiers=identifiers)
    assert history.query() == []


@pytest.mark.parametrize(("identifiers", "secret"), [
    ({"serial_number": "ror-ae4fc6c19681a20fad30"}, "ror-ae4fc6c19681a20fad30"),
    ({"serial_number": "Bearer abc.def"}, "abc.def"),
    ({"model": "0123456789abcdef" * 4}, "0123456789abcdef" * 4),  # a Xee token's shape
    ({"model": "see api_key=zk-admin-7Qm2Lx9VtB4pR8sN"}, "zk-admin-7Qm2Lx9VtB4pR8sN"),
])
def test_secret_looking_values_are_redacted_not_refused(history, identifiers, secret):
    # The request reached the provider by then: its outcome is kept, the secret is not.
    history.record("rufus", "pair", "ok", identifiers=identifiers)
    (entry,) = history.query()
    assert secret not in json.dumps(entry.identifiers)
    assert "[redacted]" in json.dumps(entry.identifiers)


secretish = st.lists(st.sampled_from(list("abcdefABCDEF0123456789ror-eyJ._=& \t")
                                     + ["Bearer ", "api_key=", "ACCESS_TOKEN=", "ror-",
                                        "eyJ", "0123456789abcdef", "abcdefgh."]),
                      max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(secretish, st.text(max_size=40)))
def test_one_combined_search_refuses_exactly_what_each_pattern_would(value):
    expected = any(pattern.search(value) for pattern in SECRET_VALUE_PATTERNS)
    try:
        check_not_secret("serial_number", value)
    except SecretRefused:
        assert expected, value
    else:
        assert not expected, value


def test_unknown_identifiers_and_values_are_refused(history):
    with pytest.raises(ValueError, match="not a Xee identifier"):
        history.record("xee", "pair", "ok", identifiers={"pin": "1234"})  # the box's pin
    with pytest.raises(ValueError):
        history.record("xee", "pair", "maybe")
    with pytest.raises(ValueError):
        history.record("nokia", "pair", "ok")
    # A RUFUS deviceid (uppercase hex) is an identifier, not a token.
    history.record("rufus", "pair", "ok", identifiers={"deviceid": "AB12" * 16})
    message_id = history.record("zype", "pair", "failed",
                                message="GET /pin/link?api_key=zk-123&pin=zabc123 failed")
    assert "zk-123" not in history.details(message_id)


@pytest.mark.anyio
async def test_pair_and_undo_sequence_leaves_no_secret_on_disk(sandbox, tmp_path):
    fx = sandbox.fixtures()
    rufus_secret = rufus_key(fx, access=("READ_WRITE",), unbind=True)
    zype_secret = zype_key(fx, "admin")
    device = xee_free_device(fx)
    user_id = fx["xee"]["users"][0]["id"]
    token = sandbox.mint_xee_token(user_id)
    pin = zype_free_pin(fx)
    consumer = fx["zype"]["consumers"][0]["_id"]
    path = tmp_path / "h.sqlite3"
    history = History(path)
    async with httpx2.AsyncClient(timeout=10) as client:
        rufus = RufusAPI(client, sandbox.rufus_root, rufus_secret)
        with history.attempt("rufus", "pair", environment=sandbox.rufus_root,
                             identifiers={"serial_number": "HIST-1", "model": "X1"}) as a:
            binding = await rufus.bind("X1", "HIST-1")
            a.identifiers["deviceid"] = binding.deviceid
        with history.attempt("rufus", "undo", identifiers={"deviceid": binding.deviceid}):
            await rufus.unbind(binding.deviceid)
        with pytest.raises(ProviderError), \
                history.attempt("rufus", "undo", identifiers={"deviceid": binding.deviceid}):
            await rufus.unbind(binding.deviceid)  # already unbound: 404, recorded as failed
        zype = ZypeAPI(client, sandbox.zype_root, zype_secret)
        ids = {"consumer_id": consumer, "pin": pin["pin"]}
        with history.attempt("zype", "pair", identifiers=ids):
            await zype.link(consumer, pin["pin"])
        with history.attempt("zype", "undo", identifiers=ids):
            await zype.unlink(consumer, pin["pin"])
        xee = XeeAPI(client, sandbox.xee_root, access_token=token["access_token"])
        with history.attempt("xee", "pair", identifiers={"device_id": device["id"]}):
            await xee.associate(device["id"], device["pin"])
        with history.attempt("xee", "undo", identifiers={"device_id": device["id"]}):
            await xee.dissociate(device["id"])
        with pytest.raises(ProviderError), \
                history.attempt("xee", "pair", identifiers={"device_id": "E133742040"}):
            await xee.associate("E133742040", "4040")  # the locked box: 403
    entries = history.query()
    assert [(e.provider, e.action, e.outcome) for e in reversed(entries)] == [
        ("rufus", "pair", "ok"), ("rufus", "undo", "ok"), ("rufus", "undo", "failed"),
        ("zype", "pair", "ok"), ("zype", "undo", "ok"),
        ("xee", "pair", "ok"), ("xee", "undo", "ok"), ("xee", "pair", "failed"),
    ]
    assert entries[-1].identifiers["deviceid"] == binding.deviceid
    assert entries[0].error_kind == "xee.box_locked" and entries[0].error_status == 403
    exported = History.csv_text(entries)
    # Read the raw bytes before closing: the rows are still in the WAL file.
    wal = path.with_name(path.name + "-wal")
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    history.close()
    # The scan can see what was written (so it would see a secret too)...
    assert b"HIST-1" in raw and binding.deviceid.encode() in raw
    assert pin["pin"].encode() in raw
    # ...and no credential is there, nor in the export.
    for secret in (rufus_secret, zype_secret, token["access_token"], token["refresh_token"],
                   device["pin"] + '"', "1234\""):
        assert secret.encode() not in raw, secret
    for secret in (rufus_secret, zype_secret, token["access_token"]):
        assert secret not in exported
