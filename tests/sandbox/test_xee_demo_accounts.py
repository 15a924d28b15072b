"""Issue 17 item 13: the sandbox's Xee sign-in page lists its demo accounts."""

from __future__ import annotations

from tests.sandbox.test_xee_oauth import open_page, submit


def test_sign_in_page_lists_the_demo_accounts(client, sandbox):
    users = sandbox.fixtures()["xee"]["users"]
    page = open_page(client, sandbox)
    assert page.status_code == 200
    assert 'id="demo-accounts"' in page.text
    for user in users:
        assert user["login"] in page.text and user["password"] in page.text
    wrong = submit(client, sandbox, page, password="not-it")
    assert "Wrong login or password" in wrong.text
    assert users[0]["login"] in wrong.text and 'id="demo-accounts"' in wrong.text
