"""`pairing-wizard batch --provider xee` without --token uses the stored sign-in (as
`pair xee` does), so an access token that expires during the batch is refreshed once and
every row is paired; without a sign-in it says how to get one and sends nothing."""

from __future__ import annotations

import asyncio
import json

from app.auth.session import XeeSession
from app.auth.tokens import TokenStore
from app.cli import main


def test_a_batch_on_the_stored_sign_in_refreshes_an_expired_token(
        cli_home, sandbox, monkeypatch, capsys):
    fx = sandbox.fixtures()
    xee = fx["xee"]
    monkeypatch.setenv("XEE_CLIENT_ID", xee["client_id"])
    monkeypatch.setenv("XEE_CLIENT_SECRET", xee["client_secret"])
    user = xee["users"][0]["id"]
    minted = sandbox.mint_xee_token(user, expires_in=60)

    async def store_sign_in() -> None:
        async with XeeSession(sandbox.xee_root, xee["client_id"], xee["client_secret"],
                              TokenStore(sandbox.xee_root)) as session:
            await session.set_token(minted)
    asyncio.run(store_sign_in())
    sandbox.advance_clock(600)                       # the access token has expired

    free = [d for d in xee["devices"] if d["user_id"] is None and not d["locked"]][:2]
    csv_file = cli_home / "boxes.csv"
    csv_file.write_text("device_id,pin\n" + "".join(f"{d['id']},{d['pin']}\n" for d in free))
    code = main(["batch", str(csv_file), "--provider", "xee", "--base-url", sandbox.xee_root,
                 "--json", "--no-progress"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0, out
    assert out["result"]["counts"]["done"] == 2, out
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert all(owners[d["id"]] == user for d in free)
    stored = TokenStore(sandbox.xee_root).load()
    assert stored["access_token"] != minted["access_token"]   # refreshed, and kept


def test_a_batch_without_a_sign_in_says_how_to_get_one(cli_home, sandbox, capsys):
    csv_file = cli_home / "boxes.csv"
    csv_file.write_text("device_id,pin\nE133742015,1234\n")
    code = main(["batch", str(csv_file), "--provider", "xee", "--base-url", sandbox.xee_root,
                 "--json", "--no-progress"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and "login xee" in out["error"]["advice"], out
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == "E133742015")
    assert owner["user_id"] is None
