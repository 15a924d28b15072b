"""Every provider x every network fault: a clear error, the right exit code, no hang,
no duplicate RUFUS bind, and a history row that says "failed" or "unknown" truthfully.

Two front ends over real loopback HTTP:
- the core API in-process (`RufusAPI`/`XeeAPI`/`ZypeAPI` on `make_client`, the client
  the app builds), against the `sandbox` fixture (uvicorn), with every request counted by
  httpx2's own event hook;
- the `python -m app pair ... --json` command in subprocesses, several at a time, each
  fault on its own `SandboxServer` so that cells cannot disturb each other.

The sandbox's faults (POST /_sandbox/faults) cover latency, 500, 503/429 with
Retry-After, reset, malformed JSON, an HTML error page and a trickling body. Two faults it
cannot produce come from `tests/reliability/servers.py`: a 50 MB body, and a body that
never ends (a few bytes every 50 ms: each read is quick, the request is endless).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2
import pytest

from app.core.errors import ProviderError
from app.core.history import History
from app.core.rufus import RufusAPI
from app.core.transport import make_client
from app.core.xee import XeeAPI
from app.core.zype import ZypeAPI
from app.sandbox.server import SandboxServer
from tests.core.helpers import rufus_key, xee_free_device, zype_free_pin, zype_key
from tests.reliability.servers import RawHTTPServer, endless_body, huge_body

ROOT = Path(__file__).resolve().parents[2]
PROVIDERS = ("xee", "rufus", "zype")
FAULTS = ("latency", "500", "503", "429", "reset", "malformed", "html", "huge", "trickle",
          "endless")
RAW_FAULTS = {"huge", "endless"}
RETRY_AFTER = 7



def sandbox_faults(fault: str, timeout: float) -> dict[str, Any]:
    """The sandbox's fault setting for a cell; the delays scale with the client timeout."""
    return {
        "latency": {"latency_ms": int(timeout * 3000)},  # far beyond the timeout
        "500": {"fault": "500"},
        "503": {"fault": "503", "retry_after": RETRY_AFTER},
        "429": {"fault": "429", "retry_after": RETRY_AFTER},
        "reset": {"fault": "reset"},
        "malformed": {"fault": "malformed"},
        "html": {"fault": "html"},
        # Each 16-byte chunk comes well within the read timeout; the body as a whole
        # takes several timeouts (RUFUS' 121-byte answer: 8 chunks).
        "trickle": {"fault": "slow_body", "chunk_delay_ms": int(timeout * 800)},
    }[fault]


@dataclass(frozen=True)
class Expect:
    kinds: frozenset[str]
    category: str
    outcome: str  # the history row's outcome
    retry_after: float | None = None
    ok_allowed: bool = False  # the answer may also arrive in time (trickle)


def expected(provider: str, fault: str) -> Expect:
    def e(*kinds: str, category: str = "unexpected", outcome: str = "unknown",
          **kw: Any) -> Expect:
        return Expect(frozenset(kinds), category, outcome, **kw)

    if fault == "latency":
        return e("network.read_timeout", category="network")
    if fault == "500":
        return e("server.error")
    if fault == "503":
        return e("server.unavailable", category="network", outcome="failed",
                 retry_after=RETRY_AFTER)
    if fault == "429":
        return e("server.rate_limited", category="network", outcome="failed",
                 retry_after=RETRY_AFTER)
    if fault == "reset":
        return e("network.reset", category="network")
    if fault == "html":
        return e("response.html_page")
    unreadable = "rufus.bind_unconfirmed" if provider == "rufus" else "response.bad_json"
    if fault == "malformed":
        return e(unreadable)
    if fault == "huge":  # unreadable, or refused as too large (patch A caps the body)
        return e(unreadable, "response.wrong_shape")
    if fault == "trickle":
        return e("network.read_timeout", category="network", ok_allowed=True)
    assert fault == "endless"
    return e("network.read_timeout", "response.wrong_shape", category="network")


def cells() -> list[Any]:
    return [pytest.param(provider, fault, id=f"{provider}-{fault}")
            for provider in PROVIDERS for fault in FAULTS]


def assert_clear_error(error: dict[str, Any] | ProviderError, expect: Expect) -> None:
    data = error.to_dict() if isinstance(error, ProviderError) else error
    assert data["kind"] in expect.kinds, data
    advice = data["advice"]
    assert isinstance(advice, str) and len(advice) > 30 and advice.rstrip().endswith("."), data
    assert "Traceback" not in advice and "Error(" not in advice and "{" not in advice, advice
    if "category" in data:
        assert data["category"] == expect.category, data


# ---------------------------------------------------------------- in-process

IN_TIMEOUT = 0.5
# Only a "no hang" guard, generous enough for a loaded CI machine: how fast a fault is
# reported is a speed goal, measured in bench/, never asserted here.
IN_NO_HANG = IN_TIMEOUT * 10 + 15.0


class Counted:
    """`make_client` (OS trust store, proxies: the app's own client) counting each send."""

    def __init__(self, timeout: float) -> None:
        self.sent = 0

        async def count(request: httpx2.Request) -> None:
            self.sent += 1

        self.client = make_client(timeout=timeout, event_hooks={"request": [count]})


@dataclass
class Target:
    xee_root: str
    rufus_root: str
    zype_root: str
    raw: RawHTTPServer | None = None


@pytest.fixture
def target(sandbox, request):
    fault = request.node.callspec.params["fault"]
    if fault not in RAW_FAULTS:
        sandbox.set_faults(**sandbox_faults(fault, IN_TIMEOUT))
        yield Target(sandbox.xee_root, sandbox.rufus_root, sandbox.zype_root)
        return
    with RawHTTPServer(huge_body if fault == "huge" else endless_body()) as raw:
        yield Target(f"{raw.url}/xee/v3", f"{raw.url}/rufus/v0", f"{raw.url}/zype", raw)


def identifiers(provider: str, fx: dict, serial: str) -> dict[str, str]:
    if provider == "xee":
        return {"device_id": xee_free_device(fx)["id"]}
    if provider == "rufus":
        return {"model": "Model X1", "serial_number": serial}
    return {"consumer_id": fx["zype"]["consumers"][0]["_id"], "pin": zype_free_pin(fx)["pin"]}


def api_call(provider: str, client: httpx2.AsyncClient, target: Target, fx: dict,
             token: str, ids: dict[str, str]):
    if provider == "xee":
        api: Any = XeeAPI(client, target.xee_root, access_token=token)
        device = xee_free_device(fx)
        return api, lambda: api.associate(device["id"], device["pin"])
    if provider == "rufus":
        key = rufus_key(fx, access=("READ_WRITE",), unbind=True)
        api = RufusAPI(client, target.rufus_root, key)
        return api, lambda: api.bind(ids["model"], ids["serial_number"])
    api = ZypeAPI(client, target.zype_root, zype_key(fx, "admin"))
    return api, lambda: api.link(ids["consumer_id"], ids["pin"])


def devices_with_serial(sandbox, serial: str) -> list[dict]:
    return [d for d in sandbox.fixtures()["rufus"]["devices"] if d["serial_number"] == serial]


@pytest.mark.parametrize(("provider", "fault"), cells())
def test_core_api_under_fault(provider, fault, sandbox, target, tmp_path):
    fx = sandbox.fixtures()
    token = sandbox.mint_xee_token(1001)["access_token"]
    serial = f"MATRIX-{fault}"
    ids = identifiers(provider, fx, serial)
    expect = expected(provider, fault)

    async def scenario():
        counted = Counted(IN_TIMEOUT)
        async with counted.client:
            _, call = api_call(provider, counted.client, target, fx, token, ids)
            history = History(tmp_path / "history.sqlite3")
            started = time.monotonic()
            outcome: Any
            try:
                # No hang: a call that outlives every timeout by far is a failure.
                async with asyncio.timeout(IN_NO_HANG):
                    with history.attempt(provider, "pair", identifiers=ids):
                        outcome = await call()
            except ProviderError as error:
                outcome = error
            except TimeoutError:
                outcome = "hang"
            elapsed = time.monotonic() - started
            sent_first = counted.sent
            again = None
            if isinstance(outcome, ProviderError) and outcome.retry_after is not None:
                # Told to wait: a second attempt must not reach the network (no hammering).
                try:
                    await call()
                except ProviderError as error:
                    again = error
            rows = history.query()
            history.close()
            return outcome, elapsed, sent_first, counted.sent, again, rows

    outcome, elapsed, sent_first, sent_total, again, rows = asyncio.run(scenario())

    assert outcome != "hang", f"still waiting after {elapsed:.1f} s (timeout {IN_TIMEOUT} s)"
    assert sent_first == 1, "a request that may have reached the server was sent again"
    assert len(rows) == 1
    if isinstance(outcome, ProviderError):
        assert_clear_error(outcome, expect)
        assert outcome.may_have_reached_server == (expect.outcome == "unknown")
        assert rows[0].outcome == expect.outcome and rows[0].error_kind == outcome.kind
        if expect.retry_after is not None:
            assert outcome.retry_after == pytest.approx(expect.retry_after)
            assert f"{RETRY_AFTER} seconds" in outcome.advice
            assert again is not None and again.details.get("not_sent") is True
            assert again.kind == outcome.kind and sent_total == 1
    else:
        assert expect.ok_allowed, f"{fault} was taken for a success: {outcome!r}"
        assert rows[0].outcome == "ok"

    if target.raw is not None:
        assert target.raw.request_count() == 1
    elif provider == "rufus":
        rufus_never_twice(sandbox, fx, serial, fault)
    elif fault == "latency":  # let the late request land before the sandbox is reset
        time.sleep(sandbox_faults(fault, IN_TIMEOUT)["latency_ms"] / 1000)


def rufus_never_twice(sandbox, fx: dict, serial: str, fault: str) -> None:
    """The sandbox's device list is the judge: never two devices for one serial, and the
    engineer who binds again (as the advice says, after checking) gets the deviceid back."""
    if fault == "latency":  # the server sleeps, then binds: wait until it has
        time.sleep(sandbox_faults(fault, IN_TIMEOUT)["latency_ms"] / 1000)
    sandbox.clear_faults()
    before = devices_with_serial(sandbox, serial)
    assert len(before) <= 1

    async def bind_again():
        async with make_client(timeout=5) as client:
            api = RufusAPI(client, sandbox.rufus_root,
                           rufus_key(fx, access=("READ_WRITE",), unbind=True))
            try:
                return (await api.bind("Model X1", serial)).deviceid
            except ProviderError as error:
                return error

    again = asyncio.run(bind_again())
    after = devices_with_serial(sandbox, serial)
    assert len(after) == 1
    if before:
        assert isinstance(again, ProviderError) and again.kind == "rufus.serial_taken"
        assert again.details["deviceid"] == before[0]["deviceid"]
        assert before[0]["deviceid"] in again.advice
    else:
        assert again == after[0]["deviceid"]


# ---------------------------------------------------------------- CLI subprocesses

CLI_TIMEOUT = 1.0
# "No hang" only, generous for a loaded CI machine (speed goals live in bench/): a
# command still running after this long is a failure; after CLI_KILL_AFTER it is killed.
CLI_NO_HANG = CLI_TIMEOUT * 10 + 15.0
CLI_KILL_AFTER = 60.0
CLI_WORKERS = 2  # subprocesses at a time: few enough not to starve a small CI runner


@dataclass
class CliCell:
    provider: str
    fault: str
    data_dir: Path
    serial: str = ""
    code: int | None = None
    elapsed: float = 0.0
    stdout: str = ""
    stderr: str = ""
    history: list[dict] = field(default_factory=list)
    devices_before_retry: list[dict] = field(default_factory=list)
    retry: tuple[int | None, dict | None] = (None, None)
    devices_after_retry: list[dict] = field(default_factory=list)
    raw_requests: int | None = None


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("RUFUS_API_KEY", "ZYPE_API_KEY", "XEE_ACCESS_TOKEN")}
    env["PAIRING_WIZARD_DATA_DIR"] = str(data_dir)
    return env


def run_cli(args: list[str], data_dir: Path, kill_after: float) -> tuple[int | None, float,
                                                                        str, str]:
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT,
                               env=cli_env(data_dir), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=kill_after)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        code = None  # hung: killed
    return code, time.monotonic() - started, out, err


def pair_args(provider: str, root: str, fx: dict, token: str, serial: str,
              timeout: float) -> list[str]:
    common = ["--timeout", str(timeout), "--json"]
    if provider == "xee":
        device = xee_free_device(fx)
        return ["pair", "xee", "--device", device["id"], "--pin", device["pin"],
                "--base-url", f"{root}/xee/v3", "--token", token, *common]
    if provider == "rufus":
        return ["pair", "rufus", "--model", "Model X1", "--serial", serial,
                "--base-url", f"{root}/rufus/v0",
                "--api-key", rufus_key(fx, access=("READ_WRITE",), unbind=True), *common]
    return ["pair", "zype", "--consumer", fx["zype"]["consumers"][0]["_id"],
            "--pin", zype_free_pin(fx)["pin"], "--base-url", f"{root}/zype",
            "--api-key", zype_key(fx, "admin"), *common]


def control(client: httpx2.Client, url: str, method: str, path: str, body: Any = None) -> Any:
    response = client.request(method, f"{url}/_sandbox/{path}", json=body)
    response.raise_for_status()
    return response.json()


@pytest.fixture(scope="module")
def cli_matrix():
    """Runs every CLI cell once (CLI_WORKERS at a time) and hands the results to the tests."""
    base = Path(tempfile.mkdtemp(prefix="pw-fault-matrix-"))
    servers: dict[str, SandboxServer] = {}
    raws: dict[str, RawHTTPServer] = {}
    results: dict[tuple[str, str], CliCell] = {}
    with httpx2.Client(timeout=10) as http:
        try:
            roots: dict[str, str] = {}
            fixtures: dict[str, dict] = {}
            tokens: dict[str, str] = {}
            for fault in FAULTS:
                if fault in RAW_FAULTS:
                    raws[fault] = RawHTTPServer(huge_body if fault == "huge"
                                                else endless_body()).start()
                    roots[fault] = raws[fault].url
                    continue
                server = servers[fault] = SandboxServer()
                url = server.start()
                roots[fault] = url
                fixtures[fault] = control(http, url, "GET", "fixtures")
                tokens[fault] = control(http, url, "POST", "xee/token",
                                        {"user_id": 1001})["access_token"]
                control(http, url, "POST", "faults", sandbox_faults(fault, CLI_TIMEOUT))
            any_fx = next(iter(fixtures.values()))

            def run_cell(provider: str, fault: str) -> CliCell:
                cell = CliCell(provider, fault, base / f"{provider}-{fault}",
                               serial=f"CLI-MATRIX-{fault}")
                cell.data_dir.mkdir()
                args = pair_args(provider, roots[fault], fixtures.get(fault, any_fx),
                                 tokens.get(fault, "f" * 64), cell.serial, CLI_TIMEOUT)
                cell.code, cell.elapsed, cell.stdout, cell.stderr = run_cli(
                    args, cell.data_dir, CLI_KILL_AFTER)
                code, _, out, _ = run_cli(["history", "--json"], cell.data_dir, 60)
                assert code == 0
                cell.history = json.loads(out)
                return cell

            jobs = [(p, f) for p in PROVIDERS for f in FAULTS]
            with ThreadPoolExecutor(CLI_WORKERS) as pool:
                for cell in pool.map(lambda job: run_cell(*job), jobs):
                    results[(cell.provider, cell.fault)] = cell

            # RUFUS: once every server is done (the latency one binds late), the device
            # list must hold at most one device per serial; binding again (as the advice
            # says, after checking) must hand back the deviceid, never bind twice.
            time.sleep(CLI_TIMEOUT * 3)
            for server in servers.values():
                control(http, server.url, "DELETE", "faults")
            for fault in FAULTS:
                cell = results[("rufus", fault)]
                if fault in RAW_FAULTS:
                    cell.raw_requests = raws[fault].request_count("POST", "/rufus/")
                    continue
                url = servers[fault].url
                devices = control(http, url, "GET", "fixtures")["rufus"]["devices"]
                cell.devices_before_retry = [d for d in devices
                                             if d["serial_number"] == cell.serial]
                code, _, out, _ = run_cli(pair_args("rufus", url, fixtures[fault], "",
                                                    cell.serial, 10.0),
                                          cell.data_dir, 60)
                cell.retry = (code, json.loads(out) if out.strip() else None)
                devices = control(http, url, "GET", "fixtures")["rufus"]["devices"]
                cell.devices_after_retry = [d for d in devices
                                            if d["serial_number"] == cell.serial]
            yield results
        finally:
            for server in servers.values():
                server.stop()
            for raw in raws.values():
                raw.stop()


@pytest.mark.parametrize(("provider", "fault"), cells())
def test_cli_under_fault(provider, fault, cli_matrix):
    cell: CliCell = cli_matrix[(provider, fault)]
    expect = expected(provider, fault)
    assert cell.code is not None, f"hung: killed after {CLI_KILL_AFTER} s"
    assert cell.elapsed <= CLI_NO_HANG, f"{cell.elapsed:.1f} s with --timeout {CLI_TIMEOUT}"
    assert "Traceback" not in cell.stderr, cell.stderr
    lines = [line for line in cell.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, cell.stdout
    out = json.loads(lines[0])
    assert out["provider"] == provider and out["action"] == "pair"
    assert len(cell.history) == 1, cell.history
    row = cell.history[0]
    if out["ok"]:
        assert expect.ok_allowed, f"{fault} was reported as a success: {out}"
        assert cell.code == 0 and row["outcome"] == "ok"
    else:
        assert cell.code == 4, (cell.code, out)  # network failure or unexpected answer
        assert_clear_error(out["error"], expect)
        assert row["outcome"] == expect.outcome, row
        assert row["error_kind"] == out["error"]["kind"]
        if expect.retry_after is not None:
            # The envelope's error is exactly {kind, status, type, message, tip, advice}:
            # the wait reaches the engineer in the advice sentence.
            assert f"{RETRY_AFTER} seconds" in out["error"]["advice"], out["error"]
    # What history keeps: the device's identifiers, never the pin of a Xee box.
    if provider == "xee":
        assert set(row["identifiers"]) == {"device_id"}
    if provider == "rufus":
        assert row["identifiers"]["serial_number"] == cell.serial
        if fault in RAW_FAULTS:
            assert cell.raw_requests == 1  # sent once, never retried
            return
        assert len(cell.devices_before_retry) <= 1
        assert len(cell.devices_after_retry) == 1, "bound twice"
        code, again = cell.retry
        if cell.devices_before_retry:
            deviceid = cell.devices_before_retry[0]["deviceid"]
            assert code == 3 and again["error"]["kind"] == "rufus.serial_taken", again
            # The envelope's error has the six shared keys; the details are in `result`.
            assert again["result"]["details"]["deviceid"] == deviceid
            assert deviceid in again["error"]["advice"]
            if out["ok"]:
                assert out["result"]["deviceid"] == deviceid
        else:
            assert code == 0 and again["result"]["deviceid"] == (
                cell.devices_after_retry[0]["deviceid"])


def test_cli_baseline_without_fault_pairs_every_provider(sandbox, tmp_path):
    """The control cell: the same commands without a fault succeed (exit 0, history ok),
    so the matrix's failures come from the faults, not from the commands."""
    fx = sandbox.fixtures()
    token = sandbox.mint_xee_token(1001)["access_token"]
    for provider in PROVIDERS:
        data_dir = tmp_path / provider
        data_dir.mkdir()
        code, elapsed, out, err = run_cli(
            pair_args(provider, sandbox.url, fx, token, "CLI-MATRIX-none", CLI_TIMEOUT),
            data_dir, CLI_KILL_AFTER)
        assert code == 0, (out, err)
        assert json.loads(out)["ok"] is True
        code, _, history, _ = run_cli(["history", "--json"], data_dir, 60)
        assert [r["outcome"] for r in json.loads(history)] == ["ok"]
