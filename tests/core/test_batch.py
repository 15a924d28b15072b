"""Batch pairing against the real sandbox: checks first, faults, resume, never twice."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
import threading
import time

import httpx2
import pytest

from app.core.batch import (
    LAYOUTS,
    UPDATE_ROW,
    BatchRefused,
    BatchRunner,
    Journal,
    JournalRow,
    JournalWriter,
    Throttle,
    check_bytes,
    check_file,
    prepare,
    template_path,
    write_results,
)
from app.core.history import INSERT_ENTRY, Database, History
from app.core.rufus import RufusAPI
from app.core.xee import XeeAPI
from app.core.zype import ZypeAPI
from tests.core.helpers import rufus_key, zype_key

pytestmark = pytest.mark.anyio


def rufus_csv(serials: list[str], extra: str = "") -> bytes:
    lines = ["model,serial_number,alias,firmware"]
    lines += [f"Model X1,{s},,1.0" for s in serials]
    return ("\n".join(lines) + "\n" + extra).encode()


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "h.sqlite3")
    yield database
    database.close()


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def rufus_api(sandbox, client) -> RufusAPI:
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",))
    return RufusAPI(client, sandbox.rufus_root, key)


def bound(sandbox) -> dict[str, list[str]]:
    """serial -> every deviceid the sandbox holds for it."""
    found: dict[str, list[str]] = {}
    for device in sandbox.fixtures()["rufus"]["devices"]:
        found.setdefault(device["serial_number"], []).append(device["deviceid"])
    return found


def assert_rufus_agrees(sandbox, summary, serials: list[str]) -> None:
    """Every row definite; done rows bound exactly once with the recorded deviceid."""
    devices = bound(sandbox)
    assert all(len(ids) == 1 for ids in devices.values())
    by_row = {r.row_no: r for r in summary.rows}
    for row_no, serial in enumerate(serials, start=1):
        row = by_row[row_no]
        assert row.identifiers["serial_number"] == serial
        if row.state == "done":
            assert devices.get(serial) == [row.result], (row, devices.get(serial))
        elif row.state == "unknown":
            # Every check of the device list failed too (random faults hit GETs as well):
            # "check by hand" is definite and honest; it never hides a second bind.
            assert "check" in row.message.lower(), row
        else:
            assert row.state == "failed", row
            assert serial not in devices, row
        assert row.error_kind != "rufus.serial_taken", row  # never sent twice


# ------------------------------------------------------------------ checks


def test_templates_match_the_layouts():
    for provider, layout in LAYOUTS.items():
        header = template_path(provider).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [name for name, _ in layout]
        report = check_file(template_path(provider), provider)
        assert report.file_problems == ["The file has a header but no rows."]


def test_check_reports_every_invalid_row():
    raw = (b"\xef\xbb\xbfModel;Serial Number;alias;firmware\r\n"  # BOM, ';', header case
           b"X1;SN-1;;\r\n"
           b";SN-2;;\r\n"  # no model
           b"X1;SN-1;;\r\n"  # duplicate serial
           b"\r\n"
           b"X1;SN-\x01;;\r\n"  # control character
           b"X1;SN-5;front;2.0\r\n")
    report = check_bytes(raw, "rufus", "devices.csv")
    assert not report.ok and not report.file_problems
    assert [r.line for r in report.invalid] == [3, 4, 6]
    assert [r.row_no for r in report.valid] == [1, 5]
    assert report.valid[1].values == {"model": "X1", "serial_number": "SN-5", "alias": "front",
                                      "firmware": "2.0"}
    text = report.text()
    assert "line 3: The RUFUS device model is empty" in text
    assert "already on line 2" in text


@pytest.mark.parametrize(("raw", "problem"), [
    (b"", "empty"),
    (b"device_id,pin\nE1,1234\n", "Unknown column(s) device_id, pin"),
    (b"model,alias\nX1,a\n", "Missing column(s): serial_number"),
    (b"model,serial_number,model\nX,Y,Z\n", "given twice"),
])
def test_check_refuses_unusable_files(raw, problem):
    report = check_bytes(raw, "rufus")
    assert any(problem in p for p in report.file_problems), report.file_problems


def test_zype_rows_need_a_consumer_or_an_email():
    raw = (b"consumer_id,email,pin,linked_device_id\n"
           b",,zabc123,\n"
           b",a@example.com,zkit456,\n"
           b"5f1a2b3c4d5e6f7a8b9c0d01,,ZBED789,tv\n")
    report = check_bytes(raw, "zype")
    assert [r.row_no for r in report.invalid] == [1]
    assert report.valid[1].values["pin"] == "zbed789"


async def test_nothing_is_sent_while_a_row_is_invalid(sandbox, db, client):
    before = bound(sandbox)
    report = check_bytes(rufus_csv(["OK-1", "OK-2"], extra=",NO-MODEL,,\n"), "rufus")
    with pytest.raises(BatchRefused, match="Nothing was sent"):
        prepare(db, report, sandbox.rufus_root)
    assert bound(sandbox) == before
    assert db.conn.execute("SELECT COUNT(*) FROM batch").fetchone()[0] == 0
    # Leaving the invalid rows out is the caller's explicit choice.
    batch_id, resumed = prepare(db, report, sandbox.rufus_root, skip_invalid=True)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report).run()
    assert not resumed and summary.status == "finished"
    assert summary.counts["done"] == 2 and summary.counts["skipped"] == 1
    assert "model is empty" in summary.rows[2].message
    # Running the same file again would pair twice: refused unless resumed.
    with pytest.raises(BatchRefused, match="already run"):
        prepare(db, report, sandbox.rufus_root, skip_invalid=True)
    assert prepare(db, report, sandbox.rufus_root, resume=True) == (batch_id, True)


# ------------------------------------------------------------------ load + faults


async def test_thousand_rows_with_latency_and_random_500s(sandbox, db, client):
    serials = [f"K-{n:04d}" for n in range(1000)]
    report = check_bytes(rufus_csv(serials), "rufus", "big.csv")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(latency_ms=20, fault="500", rate=0.1, provider="rufus")
    seen: list = []
    history = History(database=db)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                history=history, on_progress=seen.append,
                                settle_seconds=0).run()
    sandbox.clear_faults()
    assert summary.status == "finished"
    assert_rufus_agrees(sandbox, summary, serials)
    assert summary.counts["done"] >= 995
    # The faults really happened, and were resolved by checking, not by luck.
    assert sum(1 for r in summary.rows if r.attempts > 1) > 20
    assert seen[-1].event == "finished" and seen[-1].finished == 1000
    assert any(p.eta is not None for p in seen)
    assert len(history.query(provider="rufus", limit=None)) == 1000
    # The journal on disk agrees with the summary.
    assert Journal(db).counts(batch_id)["done"] == summary.counts["done"]


@pytest.mark.parametrize("fault", ["reset", "malformed"])
async def test_resets_and_garbage_never_bind_twice(sandbox, db, client, fault):
    serials = [f"{fault[:3].upper()}-{n}" for n in range(150)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(latency_ms=5, fault=fault, rate=0.15, provider="rufus")
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                settle_seconds=0).run()
    sandbox.clear_faults()
    assert summary.status == "finished"
    assert_rufus_agrees(sandbox, summary, serials)
    assert any(r.attempts > 1 for r in summary.rows)


async def test_lost_answers_after_the_bind_are_found_by_serial(sandbox, db):
    """slow_body: RUFUS binds, then the answer trickles past our timeout."""
    serials = [f"SLOW-{n}" for n in range(40)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(fault="slow_body", rate=0.25, chunk_delay_ms=400, provider="rufus")
    async with httpx2.AsyncClient(timeout=httpx2.Timeout(5, read=0.2)) as client:
        summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                    settle_seconds=0, check_attempts=8).run()
    sandbox.clear_faults()
    assert summary.status == "finished"
    assert_rufus_agrees(sandbox, summary, serials)
    found = [r for r in summary.rows if "device list shows it bound" in r.message]
    assert found, "no bind answer was lost: the test did not test anything"
    assert all(r.state == "done" and r.attempts == 1 for r in found)


async def test_lost_answers_are_found_by_serial_in_a_wrapped_device_list(sandbox, db):
    """The same recovery when GET /devices answers {"body": {"result": [...]}} (RUFUS's
    OpenAPI rendering): the lookup by serial still finds the device, never binds twice."""
    sandbox.set_dialect("rufus", list_wrapped=True)
    serials = [f"WRAP-{n}" for n in range(40)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(fault="slow_body", rate=0.25, chunk_delay_ms=400, provider="rufus")
    async with httpx2.AsyncClient(timeout=httpx2.Timeout(5, read=0.2)) as client:
        summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                    settle_seconds=0, check_attempts=8).run()
    sandbox.clear_faults()
    assert summary.status == "finished"
    assert_rufus_agrees(sandbox, summary, serials)
    found = [r for r in summary.rows if "device list shows it bound" in r.message]
    assert found, "no bind answer was lost: the test did not test anything"
    assert all(r.state == "done" and r.attempts == 1 for r in found)
    assert not [r for r in summary.rows if r.error_kind == "response.wrong_shape"]


async def test_503_slows_the_whole_batch_down_and_says_so(sandbox, db, client):
    serials = [f"BUSY-{n}" for n in range(60)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(latency_ms=10, fault="503", rate=0.08, retry_after=1,
                       provider="rufus")
    seen: list = []
    runner = BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                         on_progress=seen.append, settle_seconds=0)
    started = time.monotonic()
    summary = await runner.run()
    sandbox.clear_faults()
    assert summary.counts["done"] == 60
    assert_rufus_agrees(sandbox, summary, serials)
    slowdowns = [p for p in seen if p.event == "slowdown"]
    assert slowdowns and slowdowns[0].message.startswith(
        "RUFUS asked us to slow down: waiting 1 s")
    assert min(p.concurrency for p in slowdowns) < 8
    assert time.monotonic() - started >= 1.0  # the pause was honoured


async def test_throttle_pauses_everyone_and_halves_the_limit():
    throttle = Throttle(8)
    stop = asyncio.Event()
    assert await throttle.acquire(stop)
    await throttle.slow_down(0.3)
    assert throttle.limit == 4
    started = time.monotonic()
    assert await throttle.acquire(stop)
    assert time.monotonic() - started >= 0.29
    for _ in range(10):
        await throttle.release(success=True)
        await throttle.acquire(stop)
    assert throttle.limit == 5  # grows back after a run of successes
    stop.set()
    await throttle.slow_down(5)
    assert not await throttle.acquire(stop)  # a cancel does not wait out the pause


# ------------------------------------------------------------------ resume


def mark_sending(db, batch_id: int, row_nos: list[int]) -> None:
    """What a kill -9 between "sending" and the answer leaves in the journal."""
    journal = Journal(db)
    for row in journal.rows(batch_id):
        if row.row_no in row_nos:
            row.state, row.attempts = "sending", 1
            journal.save(row, "rufus" if "serial_number" in row.identifiers else "zype")


async def test_resume_resolves_in_flight_rows_without_resending(sandbox, db, client):
    serials = ["RES-1", "RES-2", "RES-3"]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    api = rufus_api(sandbox, client)
    landed = await api.bind("Model X1", "RES-1")  # the request reached RUFUS; we died
    mark_sending(db, batch_id, [1, 2])  # row 2's request never arrived
    again, resumed = prepare(db, report, sandbox.rufus_root, resume=True)
    assert (again, resumed) == (batch_id, True)
    summary = await BatchRunner(api, db, batch_id, report, settle_seconds=0,
                                resumed=True).run()
    rows = {r.row_no: r for r in summary.rows}
    assert rows[1].state == "done" and rows[1].result == landed.deviceid
    assert rows[1].attempts == 1  # found by serial, not sent again
    assert rows[2].state == "done" and rows[2].attempts == 2  # checked, then sent
    assert rows[3].attempts == 1
    assert_rufus_agrees(sandbox, summary, serials)


async def test_cancel_then_resume(sandbox, db, client):
    serials = [f"CAN-{n}" for n in range(120)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(latency_ms=30, provider="rufus")
    runner: BatchRunner

    def progress(p) -> None:
        if p.finished >= 20:
            runner.cancel()

    runner = BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                         on_progress=progress)
    first = await runner.run()
    assert first.status == "stopped" and 20 <= first.counts["done"] < 120
    assert first.counts["sending"] == 0  # requests in flight finished and were recorded
    assert len(bound(sandbox)) - 3 == first.counts["done"]
    second = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                               resumed=True).run()
    sandbox.clear_faults()
    assert second.status == "finished" and second.counts["done"] == 120
    assert_rufus_agrees(sandbox, second, serials)
    assert all(r.attempts == 1 for r in second.rows)


async def test_rows_claimed_ahead_of_a_slot_are_pending_again_after_a_cancel(
        sandbox, db, client):
    """A row is committed "sending" before it waits for a slot (BatchRunner._claim):
    when the run is cancelled (the window closes, Ctrl+C cancels the task) those rows
    never left and must be "pending" in the journal, not "sending" (which the next run
    would have to check) and not with an attempt counted."""
    serials = [f"AHEAD-{n}" for n in range(8)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(latency_ms=300, provider="rufus")
    task: asyncio.Task
    loop = asyncio.get_running_loop()

    def progress(p) -> None:
        if p.finished == 1:   # row 2 in flight, rows 3 and 4 claimed, waiting
            loop.call_later(0.1, task.cancel)

    runner = BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                         concurrency=1, on_progress=progress)
    task = asyncio.ensure_future(runner.run())
    with pytest.raises(asyncio.CancelledError):
        await task
    sandbox.clear_faults()
    rows = {r.row_no: r for r in Journal(db).rows(batch_id)}
    assert rows[1].state == "done"
    sending = [n for n, r in rows.items() if r.state == "sending"]
    assert sending == [2], rows   # the one in flight may have landed: checked next run
    for n in range(3, 9):
        assert (rows[n].state, rows[n].attempts) == ("pending", 0), rows[n]


async def test_at_most_ahead_rows_wait_for_a_slot_in_the_sending_state(sandbox, db,
                                                                       client):
    """However small the adaptive limit gets (a 503 halves it), the rows committed
    "sending" beyond the requests in flight stay within BatchRunner.AHEAD: only those
    few can be left "sending" by a killed process without having been sent."""
    serials = [f"BOUND-{n}" for n in range(60)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    sandbox.set_faults(latency_ms=20, provider="rufus")
    runner: BatchRunner
    worst = 0

    def progress(p) -> None:
        nonlocal worst
        claimed = sum(1 for r in runner._rows.values() if r.state == "sending")
        worst = max(worst, claimed - p.in_flight)

    runner = BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                         concurrency=8, on_progress=progress)
    await runner.throttle.slow_down(0)   # limit 8 -> 4: 4 + AHEAD workers may wait
    await runner.throttle.slow_down(0)   # -> 2
    summary = await runner.run()
    sandbox.clear_faults()
    assert summary.counts["done"] == 60
    assert 0 < worst <= BatchRunner.AHEAD


async def test_a_rejected_key_stops_the_batch_and_loses_nothing(sandbox, db, client):
    report = check_bytes(rufus_csv([f"KEY-{n}" for n in range(10)]), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    api = RufusAPI(client, sandbox.rufus_root, "ror-00000000000000000000")
    summary = await BatchRunner(api, db, batch_id, report).run()
    assert summary.status == "stopped"
    assert summary.stop_error is not None and summary.stop_error.kind == "rufus.key_rejected"
    assert summary.counts["pending"] == 10
    assert not any(s.startswith("KEY-") for s in bound(sandbox))


# ------------------------------------------------------------------ Xee and Zype


@pytest.mark.parametrize("scope", ["devices_management users_read cars_read",
                                   "devices_management users_read"])
async def test_xee_resume_finds_a_landed_association_on_the_users_cars(
        sandbox, db, client, scope):
    """#17 item 6 in the batch: an in-flight row whose box is on one of the user's cars is
    done without a resend; without cars_read the row is sent again (idempotent)."""
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]["id"]
    free = [d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"]]
    token = sandbox.mint_xee_token(user, scope)["access_token"]
    raw = "device_id,pin\n" + "".join(f"{d['id']},{d['pin']}\n" for d in free[:2])
    report = check_bytes(raw.encode(), "xee")
    batch_id, _ = prepare(db, report, sandbox.xee_root)
    api = XeeAPI(client, sandbox.xee_root, access_token=token)
    await api.associate(free[0]["id"], free[0]["pin"])   # landed; then we died
    journal = Journal(db)
    for row in journal.rows(batch_id):
        row.state, row.attempts = "sending", 1
        journal.save(row, "xee")
    prepare(db, report, sandbox.xee_root, resume=True)
    summary = await BatchRunner(api, db, batch_id, report, settle_seconds=0,
                                resumed=True).run()
    rows = {r.row_no: r for r in summary.rows}
    assert rows[1].state == "done" and rows[2].state == "done"
    assert rows[1].attempts == (1 if "cars_read" in scope else 2)
    assert rows[2].attempts == 2                          # not on a car: sent again
    users = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert users[free[0]["id"]] == user and users[free[1]["id"]] == user


async def test_a_dead_sign_in_in_an_uncertain_rows_check_stops_with_xees_sentence(
        sandbox, db, tmp_path):
    """A resumed Xee batch whose row left "sending" is checked on the user's cars through
    the signed-in session: a refresh Xee refuses there stops the batch with the spec's
    own sentence (batch_stops: sign in again, then resume), not as a failed check nor by
    resending blind, and the row stays "sending", checked on the next run: never
    settled "unknown" (it had been sent three times), nothing lost. One row: a request in
    flight while the refresh fails would race the session forgetting its token."""
    from app.auth.errors import as_provider_errors
    from app.auth.session import XeeSession
    from app.auth.tokens import SessionOnlyTokenStore
    from app.core import providers

    fx = sandbox.fixtures()["xee"]
    user = fx["users"][0]["id"]
    box = next(d for d in fx["devices"] if d["user_id"] is None and not d["locked"])
    raw = f"device_id,pin\n{box['id']},{box['pin']}\n"
    report = check_bytes(raw.encode(), "xee")
    batch_id, _ = prepare(db, report, sandbox.xee_root)
    journal = Journal(db)
    [row] = journal.rows(batch_id)
    row.state, row.attempts = "sending", 3   # sent three times, the last answer lost
    journal.save(row, "xee")
    prepare(db, report, sandbox.xee_root, resume=True)
    minted = sandbox.mint_xee_token(user)
    async with httpx2.AsyncClient() as spender:   # the refresh token is spent elsewhere
        spent = await spender.post(
            sandbox.xee_root + "/auth/access_token",
            data={"grant_type": "refresh_token", "refresh_token": minted["refresh_token"]},
            auth=(fx["client_id"], fx["client_secret"]))
    assert spent.status_code == 200
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    sandbox.advance_clock(3700)                   # Xee says the access token has expired
    history = History(database=db)
    async with XeeSession(sandbox.xee_root, fx["client_id"], fx["client_secret"],
                          store) as session:
        summary = await BatchRunner(session.api(), db, batch_id, report, concurrency=1,
                                    settle_seconds=0, resumed=True, history=history,
                                    call=as_provider_errors(session.call)).run()
    stop = providers.known("xee").batch_stops["xee.sign_in.session_expired"]
    assert summary.status == "stopped"
    assert summary.stop_reason == stop and summary.stop_reason.template == stop.template
    assert summary.stop_error is not None
    assert summary.stop_error.kind == "xee.sign_in.session_expired"
    [stored] = journal.rows(batch_id)
    assert (stored.state, stored.attempts) == ("sending", 3)   # checked on the next run
    assert journal.get(batch_id).status == "stopped"
    assert history.query(provider="xee") == []
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == box["id"])
    assert owner["user_id"] is None                            # nothing sent blind


@pytest.mark.parametrize("order", ["waits_in_authlib", "waits_in_refresh", "starts_after"])
async def test_a_dead_sign_in_beside_a_send_stops_with_xees_sentence_whatever_the_timing(
        sandbox, db, order):
    """A resumed Xee batch at concurrency 1 with one "sending" row and one pending row:
    the uncertain row's check (the user's cars) runs beside the other row's send, both
    through the one signed-in session, whose refresh token Xee refuses. Whichever request
    meets the refusal, the other stops the batch the same way, with the spec's own
    sentence (batch_stops: sign in again, then resume), never an AttributeError on a
    vanished token nor "No one is signed in": the other request waits for the refresh
    lock inside authlib (30 s left: authlib refreshes before sending), or in
    XeeSession.refresh (both got Xee's 403 "Token has expired"), or starts only once the
    sign-in is gone. Nothing is lost: both rows resumable, no history entry."""
    from app.auth.errors import as_provider_errors
    from app.auth.session import XeeSession
    from app.auth.tokens import SessionOnlyTokenStore
    from app.core import providers

    fx = sandbox.fixtures()["xee"]
    user = fx["users"][0]["id"]
    boxes = [d for d in fx["devices"] if d["user_id"] is None and not d["locked"]][:2]
    raw = "device_id,pin\n" + "".join(f"{b['id']},{b['pin']}\n" for b in boxes)
    report = check_bytes(raw.encode(), "xee")
    batch_id, _ = prepare(db, report, sandbox.xee_root)
    journal = Journal(db)
    uncertain = journal.rows(batch_id)[0]
    uncertain.state, uncertain.attempts = "sending", 1   # its answer was lost once
    journal.save(uncertain, "xee")
    prepare(db, report, sandbox.xee_root, resume=True)
    minted = sandbox.mint_xee_token(user, expires_in=3600 if order == "waits_in_refresh"
                                    else 30)
    async with httpx2.AsyncClient() as spender:   # the refresh token is spent elsewhere
        spent = await spender.post(
            sandbox.xee_root + "/auth/access_token",
            data={"grant_type": "refresh_token", "refresh_token": minted["refresh_token"]},
            auth=(fx["client_id"], fx["client_secret"]))
    assert spent.status_code == 200
    forgotten = asyncio.Event()
    loop = asyncio.get_running_loop()

    class Store(SessionOnlyTokenStore):
        def clear(self) -> None:   # the session forgot the dead sign-in (worker thread)
            super().clear()
            loop.call_soon_threadsafe(forgotten.set)

    store = Store("sandbox")
    store.save(minted)
    if order == "waits_in_refresh":
        sandbox.advance_clock(3700)               # Xee says the access token has expired
    calls = 0
    second_call = asyncio.Event()
    both_expired = asyncio.Event()
    expired: list[str] = []
    sent: list[str] = []

    async def on_request(request: httpx2.Request) -> None:
        sent.append(request.url.path)
        if order == "waits_in_authlib" and request.url.path.endswith("/auth/access_token"):
            # Under authlib's lock: the other request reaches the lock and waits there.
            await second_call.wait()
            for _ in range(5):
                await asyncio.sleep(0)

    async def on_response(response: httpx2.Response) -> None:
        if order == "waits_in_refresh" and response.status_code == 403 \
                and not response.request.url.path.endswith("/auth/access_token"):
            expired.append(response.request.url.path)   # both expired, then both refresh
            if len(expired) == 2:
                both_expired.set()
            await both_expired.wait()

    def client(**kwargs):
        from authlib.integrations.httpx_client import AsyncOAuth2Client

        return AsyncOAuth2Client(event_hooks={"request": [on_request],
                                              "response": [on_response]}, **kwargs)

    history = History(database=db)
    async with XeeSession(sandbox.xee_root, fx["client_id"], fx["client_secret"],
                          store, client) as session:
        session_call = as_provider_errors(session.call)

        async def call(fn):
            nonlocal calls
            calls += 1
            if calls == 2:
                second_call.set()
            elif order == "starts_after":   # the first waits until the sign-in is gone
                async with asyncio.timeout(10):
                    await forgotten.wait()
            return await session_call(fn)

        async with asyncio.timeout(30):
            summary = await BatchRunner(session.api(), db, batch_id, report, concurrency=1,
                                        settle_seconds=0, resumed=True, history=history,
                                        call=call).run()
    assert calls == 2                               # the check and the send, side by side
    # Xee refused one refresh; the other request did not spend the dead token again.
    assert [path for path in sent if path.endswith("/auth/access_token")] == \
        ["/xee/v3/auth/access_token"]
    assert len(expired) == (2 if order == "waits_in_refresh" else 0)
    stop = providers.known("xee").batch_stops["xee.sign_in.session_expired"]
    assert summary.status == "stopped"
    assert summary.stop_reason == stop and summary.stop_reason.template == stop.template
    assert summary.stop_error is not None
    assert summary.stop_error.kind == "xee.sign_in.session_expired"
    stored = {r.row_no: r for r in journal.rows(batch_id)}
    assert (stored[1].state, stored[1].attempts) == ("sending", 1)   # checked next run
    assert stored[2].state == "pending"                              # sent next run
    assert journal.get(batch_id).status == "stopped"
    assert history.query(provider="xee") == []
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert [owners[b["id"]] for b in boxes] == [None, None]          # nothing landed


async def test_xee_batch(sandbox, db, client):
    fx = sandbox.fixtures()
    free = [d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"]]
    token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
    raw = "device_id,pin\n" + f"{free[0]['id']},{free[0]['pin']}\n" + \
        f"{free[1]['id']},9999\n"
    report = check_bytes(raw.encode(), "xee")
    batch_id, _ = prepare(db, report, sandbox.xee_root)
    api = XeeAPI(client, sandbox.xee_root, access_token=token)
    summary = await BatchRunner(api, db, batch_id, report).run()
    rows = {r.row_no: r for r in summary.rows}
    assert rows[1].state == "done"
    assert rows[2].state == "failed" and rows[2].error_kind == "xee.pin_rejected"
    users = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert users[free[0]["id"]] == fx["xee"]["users"][0]["id"]
    assert users[free[1]["id"]] is None
    # The pin never reaches the journal.
    assert free[0]["pin"] not in str([r.identifiers for r in summary.rows])


async def test_zype_batch_by_email_and_uncertain_rows(sandbox, db, client):
    fx = sandbox.fixtures()
    key = zype_key(fx, "admin")
    consumers = fx["zype"]["consumers"]
    pins = []
    for n in range(4):  # fresh pins, as four TV apps would show
        response = await client.post(f"{sandbox.zype_root}/pin/acquire",
                                      params={"linked_device_id": f"tv-{n}", "api_key": key})
        pins.append(response.json()["response"]["pin"])
    raw = ("consumer_id,email,pin,linked_device_id\n"
           f",{consumers[0]['email'].upper()},{pins[0]},tv-0\n"
           f"{consumers[1]['_id']},,{pins[1]},tv-1\n"
           f"{consumers[1]['_id']},,{pins[2]},\n"
           f",nobody@example.com,{pins[3]},tv-3\n")
    report = check_bytes(raw.encode(), "zype")
    assert report.ok, report.text()
    batch_id, _ = prepare(db, report, sandbox.zype_root)
    api = ZypeAPI(client, sandbox.zype_root, key)
    # As if killed in flight: row 2 with a device to check, row 3 without.
    mark_sending(db, batch_id, [2, 3])
    summary = await BatchRunner(api, db, batch_id, report, settle_seconds=0).run()
    rows = {r.row_no: r for r in summary.rows}
    assert rows[1].state == "done" and rows[1].identifiers["consumer_id"] == consumers[0]["_id"]
    assert rows[2].state == "done" and rows[2].attempts == 2  # checked: not linked, sent
    assert rows[3].state == "unknown" and "check by hand" in rows[3].message
    assert rows[3].attempts == 1  # never re-sent blindly
    assert rows[4].state == "failed" and "nobody@example.com" in rows[4].message
    linked = {p["pin"]: p["consumer_id"] for p in sandbox.fixtures()["zype"]["pins"]}
    assert linked[pins[0]] == consumers[0]["_id"]
    assert linked[pins[1]] == consumers[1]["_id"]
    assert linked[pins[2]] is None and linked[pins[3]] is None
    out = io.StringIO()
    write_results(out, "zype", summary.rows, summary.lines)
    lines = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [line["state"] for line in lines] == ["done", "done", "unknown", "failed"]


async def test_zype_batch_when_link_answers_the_consumer(sandbox, db, client):
    """Zype's older docs answer PUT /pin/link with the consumer: rows, results and
    history still know the linked device (read back with GET /pin/status)."""
    sandbox.set_dialect("zype", link_returns="consumer")
    fx = sandbox.fixtures()
    key = zype_key(fx, "admin")
    consumers = fx["zype"]["consumers"]
    pins = []
    for n in range(3):  # fresh pins, as three TV apps would show
        response = await client.post(f"{sandbox.zype_root}/pin/acquire",
                                      params={"linked_device_id": f"tv-{n}", "api_key": key})
        pins.append(response.json()["response"]["pin"])
    raw = ("consumer_id,email,pin,linked_device_id\n"
           f",{consumers[0]['email']},{pins[0]},\n"
           f"{consumers[1]['_id']},,{pins[1]},tv-1\n"
           f"{consumers[1]['_id']},,{pins[2]},tv-2\n")
    report = check_bytes(raw.encode(), "zype")
    assert report.ok, report.text()
    batch_id, _ = prepare(db, report, sandbox.zype_root)
    mark_sending(db, batch_id, [3])  # as if killed in flight: checked by the pin's status
    history = History(database=db)
    summary = await BatchRunner(ZypeAPI(client, sandbox.zype_root, key), db, batch_id,
                                report, history=history, settle_seconds=0).run()
    rows = {r.row_no: r for r in summary.rows}
    assert [rows[n].state for n in (1, 2, 3)] == ["done"] * 3
    assert all(rows[n].result == "linked" for n in (1, 2, 3))
    # Row 1 had no linked_device_id column value: it came from the pin's status.
    assert [rows[n].identifiers["linked_device_id"] for n in (1, 2, 3)] == [
        "tv-0", "tv-1", "tv-2"]
    linked = {p["pin"]: p["consumer_id"] for p in sandbox.fixtures()["zype"]["pins"]}
    assert [linked[p] for p in pins] == [consumers[0]["_id"], consumers[1]["_id"],
                                         consumers[1]["_id"]]
    entries = history.query(provider="zype", limit=None)
    assert sorted(e.identifiers["linked_device_id"] for e in entries) == [
        "tv-0", "tv-1", "tv-2"]
    assert all(e.outcome == "ok" and e.batch_id == batch_id for e in entries)
    out = io.StringIO()
    write_results(out, "zype", summary.rows, summary.lines)
    lines = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(line["state"], line["result"]) for line in lines] == [("done", "linked")] * 3


# ------------------------------------------------------------------ the journal writer


def one_row_batch(db, serial: str = "JW-1") -> tuple[int, JournalRow]:
    report = check_bytes(rufus_csv([serial]), "rufus")
    batch_id, _ = prepare(db, report, "http://127.0.0.1:1/rufus/v0")
    return batch_id, Journal(db).rows(batch_id)[0]


async def test_a_journal_that_cannot_be_written_stops_the_batch_with_a_sentence(
        sandbox, db, client, monkeypatch):
    """A full disk or a lock held past the busy timeout (injected: no real server
    produces it): the batch stops with a sentence that says what to do, never a raw
    sqlite3 error out of run(), and sends nothing more without its journal."""
    serials = [f"DISK-{n}" for n in range(30)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    real = JournalWriter._transaction
    writes = 0

    def failing(self, statements):
        nonlocal writes
        writes += 1
        if writes > 6:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, statements)

    monkeypatch.setattr(JournalWriter, "_transaction", failing)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                concurrency=2).run()
    assert summary.status == "stopped"
    assert "The batch journal could not be written (database or disk is full)" \
        in summary.stop_reason and "--resume" in summary.stop_reason
    assert summary.stop_reason.template.startswith("The batch journal could not be written")
    sent = len(bound(sandbox)) - 3   # the sandbox's own fixture devices
    assert sent < 30   # stopped: the rest were never sent


async def test_journal_writes_wait_out_another_writer_without_blocking_the_loop(db):
    """While another connection holds the write lock, a write goes to a worker thread
    and completes once the lock is free; the event loop runs on meanwhile."""
    batch_id, row = one_row_batch(db)
    writer = JournalWriter(db)
    writer.open()
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a second process writing its history, say
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(ticker())
    row.state, row.attempts = "sending", 1
    write = asyncio.create_task(writer.write([(UPDATE_ROW, Journal.save_values(row,
                                                                              "rufus"))]))
    await asyncio.sleep(0.3)
    assert not write.done() and ticks >= 5  # waiting, and the loop is free
    other.execute("COMMIT")
    other.close()
    await asyncio.wait_for(write, 15)
    ticking.cancel()
    await writer.close()
    assert Journal(db).rows(batch_id)[0].state == "sending"


async def test_the_journal_is_checkpointed_so_its_wal_stays_small(db):
    batch_id, row = one_row_batch(db)
    writer = JournalWriter(db)
    writer.CHECKPOINT_EVERY = 20
    writer.open()
    wal = db.path.with_name(db.path.name + "-wal")
    writes = 600
    for n in range(writes):
        row.message = f"try {n} " + "x" * 3000  # a page or more per write
        await writer.write([(UPDATE_ROW, Journal.save_values(row, "rufus"))])
        await asyncio.sleep(0)  # let the checkpoint's thread report back
    written = writes * 4096
    size = wal.stat().st_size
    await writer.close()
    assert size < written / 3, (size, written)  # the WAL was restarted after checkpoints
    assert Journal(db).rows(batch_id)[0].message.startswith(f"try {writes - 1} ")


async def test_a_commit_is_made_power_safe_within_a_second_even_with_no_more_writes(db):
    """The last writes before a long wait (slow requests in flight) are checkpointed
    (fsync) after CHECKPOINT_WITHIN, not only at the next CHECKPOINT_EVERY commits."""
    _, row = one_row_batch(db)
    writer = JournalWriter(db)
    writer.CHECKPOINT_WITHIN = 0.05
    checkpoints = 0
    run_checkpoint = writer._run_checkpoint

    def counted() -> None:
        nonlocal checkpoints
        checkpoints += 1
        run_checkpoint()

    writer._run_checkpoint = counted
    writer.open()
    row.state = "sending"
    await writer.write([(UPDATE_ROW, Journal.save_values(row, "rufus"))])
    assert checkpoints == 0
    for _ in range(100):
        if checkpoints:
            break
        await asyncio.sleep(0.02)
    assert checkpoints == 1   # one, for the one commit: the timer does not re-arm idly
    await asyncio.sleep(0.2)
    assert checkpoints == 1
    await writer.close()


def trace_every_connection(monkeypatch, db, callback) -> None:
    """`callback(sql)` on each statement of the shared connection and of every
    connection opened from now on (the journal writer's, the read connections)."""
    db.conn.set_trace_callback(callback)
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(callback)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)


async def test_a_running_batch_never_commits_on_the_event_loop(sandbox, db, client,
                                                               monkeypatch):
    """Every commit of a running batch (its journal rows, their history entries, its
    status) happens off the loop's thread: a commit waiting for the disk or for a lock
    never freezes the window."""
    serials = [f"LOOP-{n}" for n in range(40)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    commits: list[int] = []

    def record(sql: str) -> None:
        # A lone statement commits by itself (autocommit): writes count, not COMMITs.
        if sql.strip().upper().startswith(("COMMIT", "UPDATE", "INSERT", "DELETE")):
            commits.append(threading.get_ident())

    trace_every_connection(monkeypatch, db, record)
    history = History(database=db)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                environment=sandbox.rufus_root, concurrency=8,
                                history=history).run()
    db.conn.set_trace_callback(None)
    assert summary.counts["done"] == 40
    assert len(history.query(provider="rufus", limit=None)) == 40
    assert commits   # the batch did commit: the trace saw it
    loop_thread = threading.get_ident()
    on_loop = sum(1 for ident in commits if ident == loop_thread)
    assert on_loop == 0, f"{on_loop} of {len(commits)} commits on the event loop's thread"


async def test_journal_reads_answer_while_a_checkpoint_is_slow(db, monkeypatch):
    """A checkpoint whose fsync takes long (held here, as a slow disk would) delays
    neither `Journal.get`, `rows` nor `counts` (the batch window reads them), nor the
    event loop."""
    batch_id, row = one_row_batch(db)
    in_checkpoint, slow_disk = threading.Event(), threading.Event()

    def slow_fsync(sql: str) -> None:
        if "wal_checkpoint" in sql.lower() and not slow_disk.is_set():
            in_checkpoint.set()
            slow_disk.wait(10)

    trace_every_connection(monkeypatch, db, slow_fsync)
    writer = JournalWriter(db)
    writer.CHECKPOINT_EVERY = 1   # a checkpoint after the first write
    writer.open()
    journal = Journal(db)
    try:
        row.state, row.attempts = "sending", 1
        await writer.write([(UPDATE_ROW, Journal.save_values(row, "rufus"))])
        assert await asyncio.to_thread(in_checkpoint.wait, 5), "no checkpoint ran"
        reads = asyncio.ensure_future(asyncio.to_thread(
            lambda: (journal.get(batch_id), journal.rows(batch_id), journal.counts(batch_id))))
        started = time.monotonic()
        await asyncio.wait([reads], timeout=2)
        assert reads.done(), "the journal's reads waited for the checkpoint"
        assert time.monotonic() - started < 2
        info, rows, counts = reads.result()
        assert journal.get(batch_id) is not None   # on the loop's thread too
    finally:
        slow_disk.set()
        await writer.close()
        db.conn.set_trace_callback(None)
    assert info is not None and info.id == batch_id
    assert rows[0].state == "sending" and counts["sending"] == 1


async def test_concurrent_journal_writes_share_one_commit_and_a_failing_one_fails_alone(db):
    """Writes queued while the writer's thread commits go in one transaction (group
    commit); one that fails raises in its own caller only, the others are committed."""
    serials = [f"GRP-{n}" for n in range(60)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, "http://127.0.0.1:1/rufus/v0")
    rows = Journal(db).rows(batch_id)
    writer = JournalWriter(db)
    writer.open()
    try:
        for row in rows:
            row.state, row.attempts = "sending", 1
        await asyncio.gather(*(writer.write([(UPDATE_ROW, Journal.save_values(r, "rufus"))])
                               for r in rows))
        assert writer.writes == 60
        assert writer.transactions < 60   # grouped: fewer commits than writes
        bad = [("UPDATE no_such_table SET x = 1", ())]
        rows[0].state = rows[1].state = "done"
        outcomes = await asyncio.gather(
            writer.write([(UPDATE_ROW, Journal.save_values(rows[0], "rufus"))]),
            writer.write(bad),
            writer.write([(UPDATE_ROW, Journal.save_values(rows[1], "rufus"))]),
            return_exceptions=True)
    finally:
        await writer.close()
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], sqlite3.OperationalError)
    states = [r.state for r in Journal(db).rows(batch_id)]
    assert states[:2] == ["done", "done"] and set(states[2:]) == {"sending"}



async def test_a_write_not_waited_for_commits_before_the_next_one_returns(db):
    """write_soon (a row's final state): committed, in order, before any later write
    returns and at close(); its error is raised there, never lost."""
    batch_id, row = one_row_batch(db)
    writer = JournalWriter(db)
    writer.open()
    try:
        row.state, row.attempts = "done", 1
        writer.write_soon([(UPDATE_ROW, Journal.save_values(row, "rufus"))])
        writer.write_soon([("UPDATE no_such_table SET x = 1", ())])
        with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
            await writer.write([("UPDATE batch SET updated = updated WHERE id = ?",
                                 (batch_id,))])
        assert Journal(db).rows(batch_id)[0].state == "done"
        row.message = "last"
        writer.write_soon([(UPDATE_ROW, Journal.save_values(row, "rufus"))])
    finally:
        await writer.close()
    assert Journal(db).rows(batch_id)[0].message == "last"

async def test_final_states_and_history_are_one_write_per_row(sandbox, db, client, tmp_path):
    serials = [f"HIST-{n}" for n in range(30)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    history = History(database=db)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                environment=sandbox.rufus_root, history=history).run()
    assert summary.counts["done"] == 30
    entries = history.query(provider="rufus", limit=None)
    assert sorted(e.identifiers["serial_number"] for e in entries) == sorted(serials)
    assert all(e.batch_id == batch_id and e.outcome == "ok" for e in entries)
    by_serial = {r.identifiers["serial_number"]: r.result for r in summary.rows}
    assert all(e.identifiers["deviceid"] == by_serial[e.identifiers["serial_number"]]
               for e in entries)
    # A history in another database is written on its own, as before.
    elsewhere = History(tmp_path / "other.sqlite3")
    more = [f"HIST-B-{n}" for n in range(5)]
    report = check_bytes(rufus_csv(more), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                      environment=sandbox.rufus_root, history=elsewhere).run()
    assert len(elsewhere.query(limit=None)) == 5
    elsewhere.close()


async def test_a_refused_history_entry_never_costs_the_journal_its_row(sandbox, db, client):
    report = check_bytes(rufus_csv(["REFUSED-1"]), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    runner = BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                         environment="http://x/?api_key=oops", history=History(database=db))
    await runner.run()  # a secret-shaped environment is redacted in history, never raised
    row = Journal(db).rows(batch_id)[0]
    assert row.state == "done" and row.result
    (entry,) = History(database=db).query(limit=None)
    assert "oops" not in entry.environment and entry.outcome == "ok"


def history_entries_by_serial(history: History) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entry in history.query(provider="rufus", limit=None):
        found.setdefault(entry.identifiers["serial_number"], []).append(entry.outcome)
    return found


async def test_a_final_state_whose_queued_commit_fails_is_written_again_with_its_entry(
        sandbox, db, client, monkeypatch):
    """A row's final state and its history entry are queued (write_soon) and committed
    later, in the writer's thread. When that commit fails (injected: a lock held past
    the busy timeout on the writer's connection), the row is not "recorded": its state
    and its entry are written again, in one transaction, when the run ends, so the
    journal and the history agree and no entry is lost."""
    serials = [f"LOST-{n}" for n in range(1, 5)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    real = JournalWriter._transaction
    failed = 0

    def failing(self, writes):
        nonlocal failed
        if any(sql == INSERT_ENTRY and "LOST-2" in params[4]
               for statements in writes for sql, params in statements):
            failed += 1
            raise sqlite3.OperationalError("database is locked")
        return real(self, writes)

    monkeypatch.setattr(JournalWriter, "_transaction", failing)
    history = History(database=db)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                environment=sandbox.rufus_root, history=history,
                                concurrency=1).run()
    assert failed   # the fault did hit the queued final state of LOST-2
    journal = {r.row_no: r.state for r in Journal(db).rows(batch_id)}
    assert journal[2] == "done"   # written again once the writer had closed
    assert {r.row_no: r.state for r in summary.rows} == journal
    entries = history_entries_by_serial(history)
    assert entries.get("LOST-2") == ["ok"]
    # Every final row of the journal has exactly one entry, every other none.
    assert {serial: len(outcomes) for serial, outcomes in entries.items()} == {
        serials[n - 1]: 1 for n, state in journal.items() if state == "done"}


async def test_a_final_state_that_cannot_be_committed_stays_resumable_and_is_recorded_then(
        sandbox, db, client):
    """The journal refuses a row's final state for good (a trigger of the database
    aborts its history entry on every connection, as a full disk would): the summary
    says what the journal holds (the row is still "sending", the batch stopped with the
    journal's sentence), never "done" with no entry; resuming checks the row and records
    it once."""
    serials = [f"KEEP-{n}" for n in range(1, 4)]
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, _ = prepare(db, report, sandbox.rufus_root)
    with db.transaction() as conn:
        conn.execute("CREATE TRIGGER refuse_keep_2 BEFORE INSERT ON history WHEN "
                     "NEW.identifiers LIKE '%KEEP-2%' BEGIN "
                     "SELECT RAISE(ABORT, 'database or disk is full'); END")
    history = History(database=db)
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                environment=sandbox.rufus_root, history=history,
                                concurrency=1).run()
    journal = {r.row_no: r.state for r in Journal(db).rows(batch_id)}
    assert journal[2] == "sending"
    assert {r.row_no: r.state for r in summary.rows} == journal
    assert summary.status == "stopped"
    assert "The batch journal could not be written (database or disk is full)" \
        in summary.stop_reason
    assert "KEEP-2" not in history_entries_by_serial(history)

    with db.transaction() as conn:
        conn.execute("DROP TRIGGER refuse_keep_2")
    report = check_bytes(rufus_csv(serials), "rufus")
    batch_id, resumed = prepare(db, report, sandbox.rufus_root, resume=True)
    assert resumed
    summary = await BatchRunner(rufus_api(sandbox, client), db, batch_id, report,
                                environment=sandbox.rufus_root, history=history,
                                resumed=True).run()
    assert summary.status == "finished" and summary.counts["done"] == 3
    assert history_entries_by_serial(history) == {s: ["ok"] for s in serials}
    assert all(len(ids) == 1 for ids in bound(sandbox).values())   # bound once each
