"""`history`, `batch` and `netcheck` as real processes, killed with SIGKILL mid-batch."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.core.helpers import rufus_key, rufus_types

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, data_dir: Path, wait: bool = True, **env: str):
    command = [sys.executable, "-m", "app.cli_tools", *args]
    environ = {**os.environ, "PAIRING_WIZARD_DATA_DIR": str(data_dir), **env}
    environ.pop("RUFUS_API_KEY", None)
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=environ, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=90)


def write_rufus_file(path: Path, serials: list[str]) -> Path:
    path.write_text("model,serial_number,alias,firmware\n"
                    + "".join(f"Model X1,{s},,\n" for s in serials), encoding="utf-8")
    return path


def journal_states(data_dir: Path) -> dict[str, int]:
    """Rows per state in the batch journal, read-only (the batch may be writing); {} while
    the journal does not exist yet."""
    path = data_dir / "history.sqlite3"
    if not path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return dict(conn.execute("SELECT state, COUNT(*) FROM batch_row GROUP BY state"))
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no table yet, or busy for a moment: ask again
        return {}


def wait_for_kill_point(process: subprocess.Popen, data_dir: Path, done_before: int,
                        more_done: int, limit: float = 60.0) -> bool:
    """Poll the journal until this run has finished `more_done` rows beyond `done_before`
    and a row is "sending" (a request in flight), so that the kill interrupts it; False
    if the process ended first."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        states = journal_states(data_dir)
        if states.get("done", 0) >= done_before + more_done and states.get("sending", 0):
            return True
        time.sleep(0.005)
    raise AssertionError(f"no kill point within {limit} s: {journal_states(data_dir)}")


def test_batch_killed_with_sigkill_resumes_and_binds_each_serial_once(sandbox, tmp_path):
    seed = 20261122  # fixed: the kill points are the same on every run
    rng = random.Random(seed)
    serials = [f"KILL-{n:03d}" for n in range(300)]
    file = write_rufus_file(tmp_path / "devices.csv", serials)
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",))
    sandbox.set_faults(latency_ms=60, fault="500", rate=0.05, provider="rufus")
    args = ["batch", str(file), "--provider", "rufus", "--base-url", sandbox.rufus_root,
            "--api-key", key, "--no-progress"]
    kills = caught_in_flight = 0
    while kills < 3 or (caught_in_flight == 0 and kills < 8):
        done_before = journal_states(tmp_path).get("done", 0)
        process = cli(*args, *(["--resume"] if kills else []), data_dir=tmp_path, wait=False)
        # Kill each run mid-batch: once it has done a few rows and has one in flight.
        interrupted = wait_for_kill_point(process, tmp_path, done_before, rng.randint(5, 30))
        if interrupted:
            process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=30)
        assert interrupted, f"run {kills + 1} ended before the kill: {out} {err}"
        kills += 1
        caught_in_flight += journal_states(tmp_path).get("sending", 0)
    print(f"seed {seed}: {kills} kills, {caught_in_flight} rows caught in flight")
    assert kills >= 3

    refused = cli(*args, data_dir=tmp_path)  # without --resume: refused, nothing sent
    assert refused.returncode == 2 and "--resume" in refused.stderr
    results = tmp_path / "results.csv"
    final = cli(*args, "--resume", "--results", str(results), "--json", data_dir=tmp_path)
    sandbox.clear_faults()
    assert final.returncode == 0, (final.stdout, final.stderr, seed)
    summary = json.loads(final.stdout)["result"]
    assert summary["counts"]["done"] == 300 and summary["resumed"]

    devices: dict[str, list[str]] = {}
    for device in sandbox.fixtures()["rufus"]["devices"]:
        devices.setdefault(device["serial_number"], []).append(device["deviceid"])
    rows = list(csv.DictReader(results.open(encoding="utf-8-sig")))
    assert [r["serial_number"] for r in rows] == serials  # no row lost
    for row in rows:
        assert row["state"] == "done"
        assert devices[row["serial_number"]] == [row["deviceid"]], (row, seed)  # bound once
    assert sum(1 for s in devices if s.startswith("KILL-")) == 300
    assert not any(r["error_kind"] == "rufus.serial_taken" for r in rows)
    if caught_in_flight:  # those rows were resolved by checking, not sent again
        assert journal_states(tmp_path) == {"done": 300}


def test_batch_binds_rows_without_a_type_with_the_managed_default_type(sandbox, tmp_path):
    """IT's managed rufus.default_type is sent for the rows that give no type."""
    sandbox.set_dialect("rufus", require_type=True)
    file = tmp_path / "typed.csv"
    file.write_text("model,serial_number,alias,firmware,type\n"
                    "Model X1,CLI-TYPED-1,,,GATE\nModel X1,CLI-TYPED-2,,,\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('[rufus]\ndefault_type = "TRACKER"\n', encoding="utf-8")
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",))
    result = cli("batch", str(file), "--provider", "rufus", "--base-url", sandbox.rufus_root,
                 "--api-key", key, "--json", data_dir=tmp_path,
                 PAIRING_WIZARD_CONFIG=str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    types = rufus_types(sandbox, key, "CLI-TYPED-")
    assert types == {"CLI-TYPED-1": "GATE", "CLI-TYPED-2": "TRACKER"}


def test_batch_refuses_an_invalid_file_and_sends_nothing(sandbox, tmp_path):
    file = write_rufus_file(tmp_path / "bad.csv", ["OK-1", "OK-2", ""])
    (tmp_path / "bad.csv").write_text(file.read_text() + "Model X1,OK-1,,\n")
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",))
    before = sandbox.fixtures()["rufus"]["devices"]
    result = cli("batch", str(file), "--provider", "rufus", "--base-url", sandbox.rufus_root,
                 "--api-key", key, data_dir=tmp_path)
    assert result.returncode == 2
    assert "line 4" in result.stderr and "line 5" in result.stderr
    assert "Nothing was sent" in result.stderr
    assert sandbox.fixtures()["rufus"]["devices"] == before
    wrong = cli("batch", str(file), "--provider", "xee", "--check-only", data_dir=tmp_path)
    assert wrong.returncode == 2 and "Unknown column" in wrong.stderr
    missing = cli("batch", str(tmp_path / "nope.csv"), "--provider", "rufus",
                  data_dir=tmp_path)
    assert missing.returncode == 2 and "Cannot read" in missing.stderr
    no_key = cli("batch", str(write_rufus_file(tmp_path / "ok.csv", ["A-1"])), "--provider",
                 "rufus", "--base-url", sandbox.rufus_root, data_dir=tmp_path)
    assert no_key.returncode == 2 and "RUFUS_API_KEY" in no_key.stderr


def test_batch_exit_code_3_when_a_row_fails_and_history_shows_it(sandbox, tmp_path):
    fx = sandbox.fixtures()
    taken = fx["rufus"]["devices"][0]["serial_number"]  # already bound in the fixtures
    file = write_rufus_file(tmp_path / "mixed.csv", ["MIX-1", taken])
    key = rufus_key(fx, access=("READ_WRITE",))
    result = cli("batch", str(file), "--provider", "rufus", "--base-url", sandbox.rufus_root,
                 "--api-key", key, data_dir=tmp_path)
    assert result.returncode == 3, result.stderr
    assert "1 done, 1 failed" in result.stderr
    assert f"serial_number={taken}" in result.stderr
    listed = cli("history", "--provider", "rufus", "--json", data_dir=tmp_path)
    entries = json.loads(listed.stdout)
    assert sorted(e["outcome"] for e in entries) == ["failed", "ok"]
    assert {e["identifiers"]["serial_number"] for e in entries} == {"MIX-1", taken}
    as_csv = cli("history", "--csv", "--search", "MIX-1", data_dir=tmp_path)
    rows = list(csv.DictReader(as_csv.stdout.lstrip("\ufeff").splitlines()))
    assert [r["serial_number"] for r in rows] == ["MIX-1"]
    future = cli("history", "--since", "2999-01-01", "--json", data_dir=tmp_path)
    assert json.loads(future.stdout) == []
    bad = cli("history", "--since", "yesterday", data_dir=tmp_path)
    assert bad.returncode == 2 and "not a date" in bad.stderr
    raw = (tmp_path / "history.sqlite3").read_bytes()
    wal = tmp_path / "history.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"MIX-1" in raw and key.encode() not in raw


@pytest.mark.parametrize(("url", "code", "said"), [
    ("{sandbox}", 0, "RUFUS answered"),
    ("http://nonexistent.invalid/v0", 4, "DNS: cannot resolve nonexistent.invalid"),
    ("http://127.0.0.1:{closed}/v0", 4, "TCP: cannot connect to 127.0.0.1"),
    ("ftp://example.com", 2, "http(s) URL"),
])
def test_netcheck(sandbox, tmp_path, url, code, said):
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    url = url.format(sandbox=sandbox.rufus_root, closed=closed)
    result = cli("netcheck", "--provider", "rufus", "--base-url", url, "--timeout", "5",
                 data_dir=tmp_path)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert said in result.stdout + result.stderr
