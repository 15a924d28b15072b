"""`pairing-wizard login xee` end to end against the sandbox, as support staff run it:
a registered `http://localhost:PORT/callback` redirect, Xee not echoing `state`, no
`scope` sent (issue 13). The browser's part is played by HTTP requests (the consent form,
then the redirect to the loopback listener); the account is confirmed on the terminal;
the kept sign-in then pairs with `pair xee`. Once with the options on the command line,
once with everything from IT's managed config.toml."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx2

from tests.auth.test_signin_xee_settings import consent, demo_user

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sign_in_address(login: subprocess.Popen) -> str:
    """The address `login xee --no-browser` prints for the browser (on stderr)."""
    while True:
        line = login.stderr.readline()
        assert line, "login ended before printing the sign-in address"
        if line.strip().startswith("http"):
            return line.strip()


def cli_env(tmp_path: Path, sandbox) -> dict[str, str]:
    xee = sandbox.fixtures()["xee"]
    env = {k: v for k, v in os.environ.items()
           if k not in ("XEE_ACCESS_TOKEN", "XEE_CLIENT_ID", "XEE_CLIENT_SECRET")}
    env.update(PYTHON_KEYRING_BACKEND="tests.keychains.FileKeychain",
               XDG_DATA_HOME=str(tmp_path / "xdg-data"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
               PAIRING_WIZARD_DATA_DIR=str(tmp_path / "data"),
               XEE_CLIENT_ID=xee["client_id"], XEE_CLIENT_SECRET=xee["client_secret"])
    return env


def test_login_with_a_registered_localhost_redirect_no_state_and_no_scope_then_pair(
        tmp_path, sandbox):
    port = free_port()
    registered = f"http://localhost:{port}/callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered], echo_state=False)
    env = cli_env(tmp_path, sandbox)
    login = subprocess.Popen(
        [sys.executable, "-m", "app", "login", "xee", "--base-url", sandbox.xee_root,
         "--redirect-uri", registered, "--no-state-echo", "--no-scope", "--no-browser",
         "--json"], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        url = sign_in_address(login)
        assert f"redirect_uri=http%3A%2F%2Flocalhost%3A{port}%2Fcallback" in url
        assert "scope=" not in url and "state=" in url

        async def browser() -> int:
            # No scope asked: the consent page offers the client's scopes, all ticked.
            redirect = await consent(sandbox, url, demo_user(sandbox), scopes=[
                "devices_management", "users_read", "cars_read"])
            location = redirect.headers["location"]
            assert location.startswith(registered + "?code=") and "state=" not in location
            async with httpx2.AsyncClient() as client:
                return (await client.get(location)).status_code

        assert asyncio.run(browser()) == 200
        out, err = login.communicate("y\n", timeout=60)   # "Is this the customer's account?"
    finally:
        if login.poll() is None:
            login.kill()
    assert login.returncode == 0, out + err
    assert "confirm the account" in err
    result = json.loads(out.splitlines()[-1])
    assert result["ok"] and result["result"]["signed_in_as"]

    fx = sandbox.fixtures()
    box = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"]
               and len(d["id"]) == 10)
    paired = subprocess.run(
        [sys.executable, "-m", "app", "pair", "xee", "--base-url", sandbox.xee_root,
         "--device", box["id"], "--pin", box["pin"], "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert paired.returncode == 0, (paired.stdout, paired.stderr)
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == box["id"])
    assert owner["user_id"] == demo_user(sandbox)["id"]


def test_login_refuses_the_redirect_without_state_unless_told(tmp_path, sandbox):
    port = free_port()
    registered = f"http://localhost:{port}/callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered], echo_state=False)
    login = subprocess.Popen(
        [sys.executable, "-m", "app", "login", "xee", "--base-url", sandbox.xee_root,
         "--redirect-uri", registered, "--no-browser", "--timeout", "6", "--json"],
        cwd=ROOT, env=cli_env(tmp_path, sandbox), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = sign_in_address(login)

        async def browser() -> int:
            redirect = await consent(sandbox, url, demo_user(sandbox))
            async with httpx2.AsyncClient() as client:
                return (await client.get(redirect.headers["location"])).status_code

        assert asyncio.run(browser()) == 400        # the browser's page refuses it
        said = ""
        while "--no-state-echo" not in said:        # and the terminal says it at once
            line = login.stderr.readline()
            assert line, said
            said += line
        out, err = login.communicate(timeout=60)
    finally:
        if login.poll() is None:
            login.kill()
    result = json.loads(out.splitlines()[-1])
    assert login.returncode == 4 and not result["ok"]       # the wait ended: state_missing
    assert result["error"]["kind"] == "state_missing"
    assert "--no-state-echo" in result["error"]["advice"]


def test_login_takes_the_app_and_its_redirect_from_the_managed_file(tmp_path, sandbox):
    """IT's config.toml gives the client id and secret, the registered redirect, "no state"
    and "no scope", and the production root: support staff type none of it."""
    xee = sandbox.fixtures()["xee"]
    port = free_port()
    registered = f"http://localhost:{port}/callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered], echo_state=False)
    config = tmp_path / "config.toml"
    config.write_text(f"""
[xee]
client_id = "{xee['client_id']}"
client_secret = "{xee['client_secret']}"
redirect_uri = "{registered}"
state_echoed = false
send_scope = false

[roots.xee]
production = "{sandbox.xee_root}"
""", encoding="utf-8")
    env = cli_env(tmp_path, sandbox)
    for name in ("XEE_CLIENT_ID", "XEE_CLIENT_SECRET"):
        env.pop(name)
    env["PAIRING_WIZARD_CONFIG"] = str(config)
    login = subprocess.Popen([sys.executable, "-m", "app", "login", "xee", "--no-browser",
                              "--json"], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = sign_in_address(login)
        assert url.startswith(sandbox.xee_root) and f"client_id={xee['client_id']}" in url
        assert "scope=" not in url

        async def browser() -> int:
            redirect = await consent(sandbox, url, demo_user(sandbox), scopes=[
                "devices_management", "users_read", "cars_read"])
            async with httpx2.AsyncClient() as client:
                return (await client.get(redirect.headers["location"])).status_code

        assert asyncio.run(browser()) == 200
        out, err = login.communicate("y\n", timeout=60)
    finally:
        if login.poll() is None:
            login.kill()
    assert login.returncode == 0, out + err
    assert xee["client_secret"] not in out + err            # never printed
    box = next(d for d in sandbox.fixtures()["xee"]["devices"]
               if d["user_id"] is None and not d["locked"] and len(d["id"]) == 10)
    paired = subprocess.run([sys.executable, "-m", "app", "pair", "xee", "--device", box["id"],
                             "--pin", box["pin"], "--json"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert paired.returncode == 0, (paired.stdout, paired.stderr)
