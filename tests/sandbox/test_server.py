"""SandboxServer, serve() (the `pairing-wizard sandbox` command), create_app, layering."""

from __future__ import annotations

import ast
import asyncio
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx2
import pytest

from app.sandbox.app import create_app
from app.sandbox.server import SandboxServer, serve
from tests.needs import unavailable

ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"Sandbox listening on (http://127\.0\.0\.1:(\d+))")


def start_serve(*args: str) -> subprocess.Popen:
    code = ("import sys; from app.sandbox.server import serve; "
            f"sys.exit(serve({', '.join(args)}))")
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_url_first_and_stops_cleanly(stop_signal):
    process = start_serve('host="127.0.0.1"', "port=0")
    try:
        first_line = process.stdout.readline().strip()
        match = LISTENING.fullmatch(first_line)
        assert match, first_line
        assert int(match.group(2)) > 0
        response = httpx2.get(match.group(1) + "/_sandbox/fixtures", timeout=5)
        assert response.status_code == 200
        assert response.json()["xee"]["devices"]
        process.send_signal(stop_signal)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with pytest.raises(httpx2.ConnectError):
        httpx2.get(match.group(1) + "/_sandbox/fixtures", timeout=2)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.com"])
def test_serve_refuses_non_loopback_hosts(capsys, host):
    assert serve(host=host, port=0) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert host in captured.err and "--allow-remote" in captured.err


def test_serve_reports_a_busy_port(capsys, sandbox_server):
    assert serve(host="127.0.0.1", port=sandbox_server.port) == 1
    assert "Cannot start the sandbox" in capsys.readouterr().err


def test_sandbox_server_lifecycle():
    with SandboxServer() as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert server.port > 0
        response = httpx2.get(f"{server.url}/_sandbox/fixtures", timeout=5)
        assert response.status_code == 200
        url = server.url
    assert server.url is None
    with pytest.raises(httpx2.ConnectError):
        httpx2.get(f"{url}/_sandbox/fixtures", timeout=2)


def test_sandbox_server_on_ipv6_loopback():
    try:
        server = SandboxServer(host="::1")
        url = server.start()
    except (OSError, RuntimeError):
        unavailable("no IPv6 loopback on this machine")
    try:
        assert url.startswith("http://[::1]:")
        assert httpx2.get(f"{url}/_sandbox/fixtures", timeout=5).status_code == 200
    finally:
        server.stop()


def test_each_app_has_its_own_state():
    async def scenario() -> None:
        first, second = create_app(), create_app()
        async with (
            httpx2.AsyncClient(transport=httpx2.ASGITransport(app=first),
                               base_url="http://a") as a,
            httpx2.AsyncClient(transport=httpx2.ASGITransport(app=second),
                               base_url="http://b") as b,
        ):
            key = (await a.get("/_sandbox/fixtures")).json()["rufus"]["api_keys"][0]["key"]
            created = await a.post("/rufus/v0/devices", headers={"api_key": key},
                                   json={"model": "M", "serial_number": "ONLY-IN-A"})
            assert created.status_code == 201
            serials_a = [d["serial_number"] for d in
                         (await a.get("/_sandbox/fixtures")).json()["rufus"]["devices"]]
            serials_b = [d["serial_number"] for d in
                         (await b.get("/_sandbox/fixtures")).json()["rufus"]["devices"]]
            assert "ONLY-IN-A" in serials_a and "ONLY-IN-A" not in serials_b

    asyncio.run(scenario())


def test_fixtures_have_the_contract_shape(client, sandbox):
    fixtures = client.get(f"{sandbox.url}/_sandbox/fixtures").json()
    xee, rufus, zype = fixtures["xee"], fixtures["rufus"], fixtures["zype"]
    assert isinstance(xee["client_id"], str) and isinstance(xee["client_secret"], str)
    assert all({"id", "login", "password"} <= set(u) for u in xee["users"])
    assert all({"id", "pin", "user_id", "locked"} <= set(d) for d in xee["devices"])
    user_ids = {u["id"] for u in xee["users"]}
    owners = {d["user_id"] for d in xee["devices"]}
    assert None in owners and len(owners & user_ids) >= 2  # free, mine and someone else's
    assert any(d["locked"] for d in xee["devices"])
    assert {k["access"] for k in rufus["api_keys"]} == {"READ", "WRITE", "READ_WRITE"}
    assert any(k["unbind"] for k in rufus["api_keys"])
    assert {"key": "ror-ae4fc6c19681a20fad30", "access": "WRITE",
            "unbind": False} in rufus["api_keys"]
    assert all({"deviceid", "serial_number", "model"} <= set(d) for d in rufus["devices"])
    assert {k["type"] for k in zype["api_keys"]} == {"admin", "read_only"}
    assert all({"_id", "email"} <= set(c) for c in zype["consumers"])
    assert any(p["expired"] for p in zype["pins"])
    assert any(p["consumer_id"] is None and not p["expired"] for p in zype["pins"])


def test_mint_token_validates_its_input(client, sandbox):
    bad = [{}, {"user_id": "abc"}, {"user_id": 1001, "scope": "root"},
           {"user_id": 1001, "expires_in": "soon"}]
    for body in bad:
        response = client.post(f"{sandbox.url}/_sandbox/xee/token", json=body)
        assert response.status_code == 400, body
    token = sandbox.mint_xee_token(1001, scope="users_read", expires_in=120)
    assert token["expires_in"] == 120 and token["scope"] == "users_read"


def test_clock_moves_and_reset_puts_it_back(client, sandbox):
    assert sandbox.advance_clock(90)["offset_seconds"] == 90
    assert sandbox.fixtures()["clock"]["offset_seconds"] == 90
    sandbox.reset()
    assert sandbox.fixtures()["clock"]["offset_seconds"] == 0
    assert client.post(f"{sandbox.url}/_sandbox/clock", json={}).status_code == 400


def test_sandbox_never_imports_the_client_side():
    forbidden = ("app.core", "app.auth", "app.ui")
    for path in (ROOT / "app" / "sandbox").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert "httpx" not in [n.split(".")[0] for n in names], path.name

