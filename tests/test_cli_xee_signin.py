"""Issue 13, Xee sign-in settings on the command line: the registered redirect URI, the
online sandbox without sign-in, and the account confirmation without `state`."""

from __future__ import annotations

import io

from app.cli import confirm_account
from tests.test_cli import cli


def test_login_refuses_a_redirect_uri_off_this_computer_before_anything():
    code, out = cli("login", "xee", "--redirect-uri", "https://example.com/callback",
                    "--client-id", "x", "--client-secret", "y", "--no-browser")
    assert code == 2
    assert out["error"]["kind"] == "input.redirect_uri"
    assert "not on this computer" in out["error"]["advice"]


def test_login_refuses_a_bad_port_list():
    code, out = cli("login", "xee", "--redirect-uri", "http://localhost/callback",
                    "--redirect-ports", "8080,eighty", "--client-id", "x",
                    "--client-secret", "y", "--no-browser")
    assert code == 2
    assert "not a port" in out["error"]["advice"]


def test_login_to_the_online_sandbox_says_no_sign_in_is_needed():
    code, out = cli("login", "xee", "--env", "sandbox")
    assert code == 0
    assert out["result"]["sign_in_needed"] is False


def test_pair_on_the_online_sandbox_needs_no_token(sandbox):
    sandbox.set_xee_dialect(open_sandbox=True)
    code, out = cli("pair", "xee", "--env", "sandbox", "--base-url", sandbox.xee_root,
                    "--device", "E133742015", "--pin", "1234")
    assert code == 0, out
    assert out["result"] == {"device_id": "E133742015", "associated": True}
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == "E133742015")
    assert owner["user_id"] == 1001


def test_pair_on_a_server_that_wants_authorization_says_so(sandbox):
    code, out = cli("pair", "xee", "--env", "sandbox", "--base-url", sandbox.xee_root,
                    "--device", "E133742015", "--pin", "1234")
    assert code == 3
    assert out["error"]["status"] == 401


def test_account_confirmation_only_takes_yes():
    for answer, expected in (("y\n", True), ("YES\n", True), ("\n", False), ("", False),
                             ("no\n", False), ("maybe\n", False)):
        shown = io.StringIO()
        assert confirm_account("Alice Martin (user 1001)", io.StringIO(answer),
                               shown) is expected
        assert "Alice Martin (user 1001)" in shown.getvalue()
        assert "[y/N]" in shown.getvalue()
