"""Issue 15's findings, each against real parts: the CLI in a subprocess, the sandbox over
HTTP, hostile raw servers on 127.0.0.1 for answers the sandbox cannot give."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.history import History
from tests.reliability.servers import RawHTTPServer
from tests.test_cli import cli, rufus_key, zype_key

ROOT = Path(__file__).resolve().parents[2]
LOWER_ID = "0123456789abcdef" * 4  # 64 lowercase hex: the shape of a Xee token


def answer(status: int, body: dict) -> object:
    data = json.dumps(body).encode()

    async def respond(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n" % (status, len(data))
                     + data)
        await writer.drain()

    return respond


def history_json(data_dir: Path) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "app", "history", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PAIRING_WIZARD_DATA_DIR": str(data_dir)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# ----------------------------------------------------------- 1: a bind is never lost


def test_a_lowercase_deviceid_bind_is_shown_and_stored_uppercase(tmp_path):
    reply = {"description": "Device binded succesfully", "deviceid": LOWER_ID}
    with RawHTTPServer(answer(201, reply)) as raw:
        code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "LOW-0001",
                        "--base-url", f"{raw.url}/rufus/v0",
                        env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path),
                             "RUFUS_API_KEY": "ror-" + "a" * 20})
    assert code == 0, out
    assert out["result"]["deviceid"].upper() == LOWER_ID.upper()
    entries = history_json(tmp_path)
    assert entries[0]["outcome"] == "ok"
    assert entries[0]["identifiers"]["deviceid"] == LOWER_ID.upper()


def test_unpair_with_a_lowercase_deviceid_keeps_exit_codes_and_one_json(sandbox, tmp_path):
    fx = sandbox.fixtures()
    key = next(k["key"] for k in fx["rufus"]["api_keys"]
               if k["access"] != "READ" and k["unbind"])
    env = {"PAIRING_WIZARD_DATA_DIR": str(tmp_path), "RUFUS_API_KEY": key}
    code, paired = cli("pair", "rufus", "--model", "Model X1", "--serial", "LOW-0002",
                       "--base-url", sandbox.rufus_root, env=env)
    assert code == 0, paired
    code, out = cli("unpair", "rufus", "--deviceid", paired["result"]["deviceid"].lower(),
                    "--base-url", sandbox.rufus_root, env=env)
    assert code == 0, out
    assert history_json(tmp_path)[0]["identifiers"]["deviceid"] == \
        paired["result"]["deviceid"].upper()


def test_a_token_shaped_value_in_history_is_redacted_never_raised(tmp_path):
    with History(tmp_path / "h.sqlite3") as history:
        history.record("zype", "pair", "ok", identifiers={
            "consumer_id": "c1&api_key=x", "linked_device_id": LOWER_ID})
        entry = history.query()[0]
    assert "api_key=x" not in json.dumps(entry.identifiers)
    assert LOWER_ID not in json.dumps(entry.identifiers)
    assert "[redacted]" in entry.identifiers["linked_device_id"]


def test_zype_pair_with_a_key_in_the_consumer_exits_with_one_json_object(sandbox, tmp_path):
    fx = sandbox.fixtures()
    code, out = cli("pair", "zype", "--consumer", "c1&api_key=x", "--pin", "123456",
                    "--base-url", sandbox.zype_root,
                    env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path),
                         "ZYPE_API_KEY": zype_key(fx, "admin")})
    assert code in (2, 3), out  # refused as input or by Zype, never a traceback
    assert "api_key=x" not in json.dumps(history_json(tmp_path))


# ------------------------------------------------ 11: no password from a URL is kept


def test_userinfo_in_the_base_url_is_never_stored(sandbox, tmp_path):
    fx = sandbox.fixtures()
    root = sandbox.rufus_root.replace("http://", "http://admin:hunter2@")
    code, out = cli("pair", "rufus", "--model", "Model X1", "--serial", "PW-0001",
                    "--base-url", root, "--api-key", rufus_key(fx, "READ_WRITE"),
                    env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
    assert code == 0, out
    text = json.dumps(history_json(tmp_path))
    assert "hunter2" not in text and "admin:" not in text
    assert "hunter2" not in json.dumps(out)


def test_userinfo_in_a_batch_root_is_never_stored_in_the_journal(tmp_path):
    from app.core.batch import check_bytes, prepare
    from app.core.history import Database

    db = Database(tmp_path / "h.sqlite3")
    report = check_bytes(b"model,serial_number\nModel X1,PW-B-1\n", "rufus")
    batch_id, _ = prepare(db, report, "http://admin:hunter2@127.0.0.1:9/rufus/v0")
    with db.transaction() as conn:
        (environment,) = conn.execute("SELECT environment FROM batch WHERE id = ?",
                                      (batch_id,)).fetchone()
    assert environment == "http://127.0.0.1:9/rufus/v0"
    db.close()


# ------------------------------------------------------ 9: the results CSV cell guard


def test_the_batch_results_csv_defuses_a_leading_tab_and_cr():
    import io

    from app.core.batch import JournalRow, write_results

    row = JournalRow(batch_id=1, row_no=1, identifiers={"model": "\t=HYPERLINK(\"http://x\")",
                                            "serial_number": "\r=1+1"},
                     state="done", attempts=1, result="AB", error_kind=None,
                     error_status=None, message="")
    buffer = io.StringIO()
    write_results(buffer, "rufus", [row], {1: 2})
    line = buffer.getvalue().splitlines()[1]
    assert "'\t=HYPERLINK" in line and "'\r=1+1" in buffer.getvalue()


# ------------------------------------------ 10: --timeout and UTF-16 files, in sentences


@pytest.mark.parametrize("value", ["nan", "inf", "0", "-1", "1e999"])
def test_a_timeout_that_is_not_a_positive_number_is_refused_with_a_sentence(value):
    done = subprocess.run([sys.executable, "-m", "app", "pair", "rufus", "--model", "M",
                           "--serial", "S", "--api-key", "ror-" + "a" * 20,
                           "--base-url", "http://127.0.0.1:9/rufus/v0", "--timeout", value,
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "number of seconds" in done.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_csv_is_read_with_its_bom_or_refused_with_a_sentence(encoding):
    from app.core.batch import check_bytes

    text = "model,serial_number\r\nModel X1,U16-0001\r\n"
    report = check_bytes(text.encode(encoding), "rufus")
    if encoding == "utf-16":  # with a BOM
        assert not report.file_problems, report.text()
        assert report.rows[0].values["serial_number"] == "U16-0001"
    else:
        assert report.file_problems and "UTF-16" in report.file_problems[0]
        assert "Unknown column" not in report.text()


# ------------------------------------------ 4: invisible characters, look-alike ids

INVISIBLES = ["\u00ad", "\u180e", "\u2062", "\u3164", "\uffa0", "\u034f", "\u200e", "\u200f",
              "\u061c", "\U000e0041", "\ufe0f"]


@pytest.mark.parametrize("char", INVISIBLES)
def test_invisible_characters_at_the_edges_are_stripped(char):
    from app.core.validation import validate_rufus_serial_number, validate_xee_device_id

    assert validate_rufus_serial_number(char + "RR-0001" + char) == "RR-0001"
    assert validate_xee_device_id(char + "E133742015" + char) == "E133742015"


@pytest.mark.parametrize("char", INVISIBLES)
def test_invisible_characters_inside_an_identifier_are_refused(char):
    from app.core.errors import InputError
    from app.core.validation import validate_rufus_serial_number, validate_zype_consumer_id

    with pytest.raises(InputError, match="invisible character"):
        validate_rufus_serial_number("RR-" + char + "0001")
    with pytest.raises(InputError, match="invisible character"):
        validate_zype_consumer_id("c1" + char + "x")


def test_identifiers_are_nfkc_normalised():
    from app.core.validation import validate_rufus_serial_number

    assert validate_rufus_serial_number("\uff32\uff32-0001") == "RR-0001"  # fullwidth RR


def test_eleven_look_alikes_bind_one_device_against_the_sandbox(sandbox):
    fx = sandbox.fixtures()
    key = rufus_key(fx, "READ_WRITE")
    for char in INVISIBLES:
        code, out = cli("pair", "rufus", "--model", "Model X1", "--serial",
                        char + "LOOK-0001" + char, "--base-url", sandbox.rufus_root,
                        "--api-key", key)
        assert code in (0, 3), out  # bound once, then a duplicate serial
    serials = [d["serial_number"] for d in sandbox.fixtures()["rufus"]["devices"]
               if "LOOK-0001" in d["serial_number"]]
    assert serials == ["LOOK-0001"]


# -------------------------------------- 6: terminal escapes from the provider, bounded

ESCAPE = "\x1b]0;owned\x07\x1b[2J"


def test_escapes_in_a_zype_answer_never_reach_the_terminal_or_the_json(tmp_path):
    reply = {"response": {"_id": "p1", "pin": "zabc123" + ESCAPE, "linked": True,
                          "consumer_id": ESCAPE + "c1" + "x" * 5000,
                          "linked_device_id": "d1"}}
    with RawHTTPServer(answer(200, reply)) as raw:
        for as_json in (True, False):
            done = subprocess.run(
                [sys.executable, "-m", "app", "pair", "zype", "--consumer", "c1", "--pin",
                 "zabc123", "--base-url", f"{raw.url}/zype", "--api-key", "zk-test-1",
                 *(["--json"] if as_json else [])], cwd=ROOT, capture_output=True, text=True,
                timeout=60, env={**os.environ, "PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
            assert done.returncode == 0, done.stderr
            assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
            assert len(done.stdout) < 4000
            if as_json:
                out = json.loads(done.stdout)
                assert out["result"]["pin"].startswith("zabc123")


def test_escapes_in_a_sign_in_error_description_are_cleaned():
    from app.auth.errors import SignInError

    error = SignInError("denied", provider_message="access_denied: " + ESCAPE + "y" * 5000)
    assert "\x1b" not in str(error) and "\x07" not in error.message
    assert len(error.message) <= 300


# ---------------------------------------- 8: secrets from a file, stdin or a hidden prompt


def _pair_args(sandbox, serial: str) -> list[str]:
    return [sys.executable, "-m", "app", "pair", "rufus", "--model", "Model X1", "--serial",
            serial, "--base-url", sandbox.rufus_root]


def _clean_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RUFUS_API_KEY", "ZYPE_API_KEY")}
    return {**env, "PAIRING_WIZARD_DATA_DIR": str(tmp_path)}


def test_the_api_key_from_a_file_and_from_stdin(sandbox, tmp_path):
    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    key_file = tmp_path / "rufus.key"
    key_file.write_text(key + "\n")
    done = subprocess.run([*_pair_args(sandbox, "KF-0001"), "--api-key-file", str(key_file),
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=_clean_env(tmp_path))
    assert done.returncode == 0 and json.loads(done.stdout)["ok"], done.stderr
    done = subprocess.run([*_pair_args(sandbox, "KF-0002"), "--api-key-file", "-", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          input=key + "\n", env=_clean_env(tmp_path))
    assert done.returncode == 0 and json.loads(done.stdout)["ok"], done.stderr
    serials = {d["serial_number"] for d in sandbox.fixtures()["rufus"]["devices"]}
    assert {"KF-0001", "KF-0002"} <= serials


def test_an_unreadable_key_file_is_a_sentence_and_exit_2(sandbox, tmp_path):
    code, out = cli("pair", "rufus", "--model", "M", "--serial", "KF-0003", "--base-url",
                    sandbox.rufus_root, "--api-key-file", str(tmp_path / "missing.key"),
                    env={"PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
    assert code == 2 and "Cannot read the RUFUS api key" in out["error"]["advice"], out
    assert all(d["serial_number"] != "KF-0003" for d in sandbox.fixtures()["rufus"]["devices"])


def test_a_missing_key_on_a_terminal_is_asked_for_without_echo(sandbox, tmp_path):
    import fcntl
    import select
    import termios
    import time

    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    master, slave = os.openpty()

    def controlling_tty() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(_pair_args(sandbox, "KF-0004"), cwd=ROOT, stdin=slave,
                            stdout=subprocess.PIPE, stderr=slave, env=_clean_env(tmp_path),
                            preexec_fn=controlling_tty)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 30
    while b"not shown" not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            seen += os.read(master, 1024)
    assert b"RUFUS api key (not shown)" in seen, seen
    os.write(master, key.encode() + b"\n")
    out, _ = proc.communicate(timeout=60)
    with_echo = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            with_echo += os.read(master, 4096)
        except OSError:
            break
    os.close(master)
    assert proc.returncode == 0, (out, seen, with_echo)
    assert key.encode() not in seen + with_echo  # typed without echo
    assert b"Bound" in out


# ------------------------------------ 7: the demo sandbox: Host, Origin, JSON only


def test_the_sandbox_refuses_a_rebound_host_name(sandbox):
    import httpx2

    fixtures = httpx2.get(f"{sandbox.url}/_sandbox/fixtures", timeout=5,
                          headers={"Host": "evil.example"})
    assert fixtures.status_code == 421 and "loopback" in fixtures.json()["error"]
    assert "api_keys" not in fixtures.text
    port = sandbox.url.rsplit(":", 1)[1]
    for name in ("127.0.0.1", "localhost"):
        ok = httpx2.get(f"{sandbox.url}/_sandbox/fixtures", timeout=5,
                        headers={"Host": f"{name}:{port}"})
        assert ok.status_code == 200


def test_a_web_page_cannot_change_faults_or_bind(sandbox):
    import httpx2

    before = sandbox.fixtures()
    # What a no-cors fetch from a page can send: text/plain, with the page's Origin.
    faults = httpx2.post(f"{sandbox.url}/_sandbox/faults", timeout=5,
                         content=b'{"fault": "500"}',
                         headers={"Content-Type": "text/plain", "Origin": "https://evil.example"})
    assert faults.status_code == 403
    plain = httpx2.post(f"{sandbox.url}/_sandbox/clock", timeout=5,
                        content=b'{"advance_seconds": 99999}',
                        headers={"Content-Type": "text/plain"})
    assert plain.status_code == 415 and "application/json" in plain.json()["error"]
    key = rufus_key(before, "READ_WRITE")
    bind = httpx2.post(f"{sandbox.rufus_root}/devices", timeout=5,
                       headers={"x-api-key": key, "Origin": "null"},
                       json={"model": "M", "serial_number": "WEB-1"})
    assert bind.status_code == 403
    after = sandbox.fixtures()
    assert after["rufus"]["devices"] == before["rufus"]["devices"]
    # The sandbox's own JSON calls still work.
    assert sandbox.advance_clock(1) is not None and sandbox.clear_faults() is not None


def test_allow_remote_lifts_the_host_check():
    import httpx2

    from app.sandbox.server import SandboxServer

    with SandboxServer(allow_remote=True) as server:
        response = httpx2.get(f"{server.url}/_sandbox/fixtures", timeout=5,
                              headers={"Host": "sandbox.lan"})
    assert response.status_code == 200


# ------------------------------- 3: an absurd Retry-After: capped, cancel wakes the wait


def rate_limited(retry_after: str) -> object:
    body = b'{"message": "slow down"}'

    async def respond(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n"
                     b"Retry-After: " + retry_after.encode() + b"\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        await writer.drain()

    return respond


def _rufus_file(tmp_path, serials: list[str]) -> Path:
    path = tmp_path / "devices.csv"
    path.write_text("model,serial_number,alias,firmware\n"
                    + "".join(f"Model X1,{s},,1.0\n" for s in serials))
    return path


def test_a_retry_after_of_years_stops_the_batch_resumably_at_once(tmp_path):
    import time

    file = _rufus_file(tmp_path, ["RA-1", "RA-2"])
    with RawHTTPServer(rate_limited("999999999")) as raw:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "app", "batch", str(file), "--provider", "rufus",
             "--base-url", f"{raw.url}/rufus/v0", "--api-key", "ror-" + "a" * 20,
             "--max-wait", "60", "--json"], cwd=ROOT, capture_output=True, text=True,
            timeout=120, env={**os.environ, "PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
        elapsed = time.monotonic() - started
    assert elapsed < 40, elapsed
    assert done.returncode == 4, (done.stdout, done.stderr)
    out = json.loads(done.stdout)
    assert out["result"]["status"] == "stopped"
    assert "longer than the 60 s" in out["result"]["stop_reason"]
    assert out["result"]["counts"]["pending"] == 2  # nothing lost: --resume sends them


@pytest.mark.anyio
async def test_cancel_wakes_a_long_retry_after_wait(tmp_path):
    import time

    from app.core.batch import BatchRunner, check_bytes, prepare
    from app.core.history import Database
    from app.core.rufus import RufusAPI
    from app.core.transport import make_client

    db = Database(tmp_path / "h.sqlite3")
    report = check_bytes(b"model,serial_number\n" + b"".join(
        b"Model X1,CW-%d\n" % n for n in range(4)), "rufus")
    with RawHTTPServer(rate_limited("3600")) as raw:
        root = f"{raw.url}/rufus/v0"
        batch_id, _ = prepare(db, report, root)
        async with make_client(timeout=10) as client:
            runner = BatchRunner(RufusAPI(client, root, "ror-" + "a" * 20), db, batch_id,
                                 report, environment=root, concurrency=1,
                                 max_retry_after=10 ** 6)
            task = asyncio.create_task(runner.run())
            for _ in range(200):  # up to 10 s for the first (429) answer
                if raw.request_count():
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.3)  # now waiting out the hour
            started = time.monotonic()
            runner.cancel()
            summary = await asyncio.wait_for(task, 10)
    assert time.monotonic() - started < 3
    assert summary.status == "stopped" and raw.request_count() == 1
    db.close()


# --------------------------------- 12: Ctrl+C without loop.add_signal_handler (Windows)

NO_LOOP_SIGNALS = """
import asyncio, sys
def refuse(self, *args, **kwargs):
    raise NotImplementedError  # as on Windows' proactor loop
asyncio.unix_events._UnixSelectorEventLoop.add_signal_handler = refuse
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_without_add_signal_handler_still_gives_the_summary(sandbox, tmp_path):
    import signal
    import time

    file = _rufus_file(tmp_path, [f"SIG-{n:03d}" for n in range(200)])
    sandbox.set_faults(latency_ms=100, provider="rufus")
    key = rufus_key(sandbox.fixtures(), "READ_WRITE")
    process = subprocess.Popen(
        [sys.executable, "-c", NO_LOOP_SIGNALS, "batch", str(file), "--provider", "rufus",
         "--base-url", sandbox.rufus_root, "--api-key", key, "--concurrency", "2", "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PAIRING_WIZARD_DATA_DIR": str(tmp_path)})
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(
                d["serial_number"].startswith("SIG-")
                for d in sandbox.fixtures()["rufus"]["devices"]):
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        sandbox.clear_faults()
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in err, err
    assert process.returncode == 4, (out, err)
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1
    summary = json.loads(lines[0])["result"]
    assert summary["status"] == "stopped" and summary["counts"]["done"] >= 1


# ------------------------------------- 5: bounded answers: a gzip bomb, an endless body


def gzip_bomb(decoded_mib: int = 512) -> object:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip
    block = bytes(1024 * 1024)
    compressed = b"".join(packer.compress(block) for _ in range(decoded_mib))
    compressed += packer.flush()

    async def respond(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Encoding: gzip\r\nContent-Length: %d\r\n"
                     b"Connection: close\r\n\r\n" % len(compressed))
        writer.write(compressed)
        await writer.drain()

    return respond


@pytest.mark.anyio
async def test_a_gzip_bomb_is_cut_without_decoding_it_all():
    import tracemalloc

    from app.core.errors import ProviderError
    from app.core.rufus import RufusAPI
    from app.core.transport import make_client

    with RawHTTPServer(gzip_bomb()) as raw:
        async with make_client(timeout=30) as client:
            api = RufusAPI(client, f"{raw.url}/rufus/v0", "ror-" + "a" * 20)
            tracemalloc.start()
            try:
                with pytest.raises(ProviderError) as caught:
                    await api.list_devices()
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    assert peak < 200 * 2**20, peak  # the bomb decodes to 512 MiB
    assert caught.value.category == "network" or caught.value.may_have_reached_server


@pytest.mark.anyio
async def test_a_fast_endless_body_is_cut_long_before_the_timeout():
    import time

    from app.core.errors import ProviderError
    from app.core.rufus import RufusAPI
    from app.core.transport import make_client
    from tests.reliability.servers import fast_endless_body

    with RawHTTPServer(fast_endless_body()) as raw:
        async with make_client(timeout=20) as client:
            api = RufusAPI(client, f"{raw.url}/rufus/v0", "ror-" + "a" * 20)
            started = time.monotonic()
            with pytest.raises(ProviderError) as caught:
                await api.list_devices()
    assert time.monotonic() - started < 10
    assert caught.value.kind != "network.read_timeout"


# ---------------- 2: the loopback listener with few file descriptors and many idle peers

LISTENER_WITH_FEW_FDS = """
import asyncio, json, resource, sys
resource.setrlimit(resource.RLIMIT_NOFILE, (int(sys.argv[1]), int(sys.argv[1])))
from app.auth.loopback import LoopbackListener

async def main():
    async with LoopbackListener("s1", read_timeout=30) as listener:
        print(listener.port, flush=True)
        code = await asyncio.wait_for(listener.wait_for_code(), 60)
    print(json.dumps({"code": code}), flush=True)

asyncio.run(main())
"""


def test_idle_connections_never_cost_the_real_callback(tmp_path):
    import socket
    import time

    process = subprocess.Popen([sys.executable, "-c", LISTENER_WITH_FEW_FDS, "128"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    idle: list[socket.socket] = []
    try:
        port = int(process.stdout.readline())
        for _ in range(250):  # bounded, loopback only: each opens a connection, sends nothing
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        time.sleep(0.5)
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as real:
            real.sendall(f"GET /callback?code=C0DE&state=s1 HTTP/1.1\r\n"
                         f"Host: 127.0.0.1:{port}\r\n\r\n".encode())
            answer = b""
            while chunk := real.recv(65536):
                answer += chunk
        took = time.monotonic() - started
        out, err = process.communicate(timeout=60)
    finally:
        for sock in idle:
            sock.close()
        if process.poll() is None:
            process.kill()
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert json.loads(out.splitlines()[-1]) == {"code": "C0DE"}, (out, err)
    assert err.count("Traceback") <= 1, err[:2000]
    assert took < 5, f"the real callback took {took:.1f} s behind the idle connections"


async def _callback(port: int, code: str = "C0DE", state: str = "s1") -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET /callback?code={code}&state={state} HTTP/1.1\r\n"
                 f"Host: 127.0.0.1:{port}\r\n\r\n".encode())
    answer = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    return answer


def _no_file_can_be_opened(monkeypatch) -> None:
    """Fault injection: every file read fails with EMFILE, as when idle connections have
    used up the descriptors (a real server cannot be made to do this on cue)."""
    import errno

    def emfile(*_args, **_kwargs):
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(Path, "read_text", emfile)


def test_the_pages_are_read_at_start_so_no_descriptor_is_needed_for_the_callback(
        monkeypatch):
    """Deterministic half of item 2: once the listener runs, answering the callback opens
    no file (before the fix the page was read on the first request, and EMFILE there lost
    the code)."""
    from app.auth import pages
    from app.auth.loopback import LoopbackListener

    pages._template.cache_clear()

    async def main() -> tuple[bytes, str]:
        async with LoopbackListener("s1") as listener:
            _no_file_can_be_opened(monkeypatch)
            answer = await _callback(listener.port)
            return answer, await asyncio.wait_for(listener.wait_for_code(), 5)

    answer, code = asyncio.run(main())
    assert code == "C0DE"
    assert answer.startswith(b"HTTP/1.1 200") and b"Sign-in received" in answer  # the page


def test_a_page_that_cannot_be_read_still_gives_the_code_and_a_plain_page(monkeypatch):
    from app.auth import pages
    from app.auth.loopback import LoopbackListener

    pages._template.cache_clear()
    _no_file_can_be_opened(monkeypatch)

    async def main() -> tuple[bytes, str]:
        async with LoopbackListener("s1") as listener:
            answer = await _callback(listener.port)
            return answer, await asyncio.wait_for(listener.wait_for_code(), 5)

    try:
        answer, code = asyncio.run(main())
    finally:
        monkeypatch.undo()
        pages._template.cache_clear()
    assert code == "C0DE"
    assert answer.startswith(b"HTTP/1.1 200") and b"received your Xee sign-in" in answer


def test_silent_connections_beyond_the_cap_are_dropped_oldest_first():
    from app.auth.loopback import MAX_CONNECTIONS, LoopbackListener

    async def main() -> tuple[list[bytes], str]:
        async with LoopbackListener("s1", read_timeout=30) as listener:
            idle = [await asyncio.open_connection("127.0.0.1", listener.port)
                    for _ in range(MAX_CONNECTIONS + 3)]
            await asyncio.sleep(0.3)
            dropped = []
            for reader, _writer in idle[:3]:   # the oldest three: closed by the listener
                try:
                    dropped.append(await asyncio.wait_for(reader.read(), 3))
                except ConnectionResetError:
                    dropped.append(b"")
            answer = await _callback(listener.port)
            code = await asyncio.wait_for(listener.wait_for_code(), 5)
            for _reader, writer in idle:
                writer.close()
            assert answer.startswith(b"HTTP/1.1 200")
            return dropped, code

    dropped, code = asyncio.run(main())
    assert dropped == [b"", b"", b""] and code == "C0DE"


def test_a_burst_of_failed_accepts_is_one_line_of_ours(caplog):
    """asyncio logs a traceback per failed accept (25,000 lines at 1,100 connections)."""
    import errno
    import logging

    from app.auth.loopback import LoopbackListener

    asyncio_log = logging.getLogger("asyncio")

    async def main() -> None:
        async with LoopbackListener("s1"):
            for _ in range(100):
                error = OSError(errno.EMFILE, "Too many open files")
                asyncio_log.error("socket.accept() out of system resource\nsocket: %s",
                                  "<socket>", exc_info=(OSError, error, None))

    with caplog.at_level(logging.WARNING):
        asyncio.run(main())
    accept_lines = [r for r in caplog.records
                    if "accept" in r.getMessage() or "open connections" in r.getMessage()]
    assert len(accept_lines) == 1, [r.getMessage() for r in accept_lines]
    assert accept_lines[0].name != "asyncio" and accept_lines[0].exc_info is None


def test_a_serving_retry_on_a_closed_listener_logs_nothing():
    """After EMFILE asyncio retries serving a second later; a listener closed meanwhile
    made that retry log a meaningless traceback (seen under a loaded CI machine)."""
    import asyncio
    import logging

    from app.auth.loopback import LoopbackListener

    async def start_and_close() -> None:
        async with LoopbackListener("s1"):
            pass

    asyncio.run(start_and_close())
    asyncio_log = logging.getLogger("asyncio")

    def record(msg: str, exc: BaseException | None) -> logging.LogRecord:
        return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, msg, None,
                                 (type(exc), exc, None) if exc else None)

    retry = record("Exception in callback BaseSelectorEventLoop._start_serving(<fn>)",
                   ValueError("Invalid file descriptor: -1"))
    other = record("Exception in callback something_else()", ValueError("real"))
    assert not asyncio_log.filter(retry)
    assert asyncio_log.filter(other) and asyncio_log.filter(record("plain", None))
