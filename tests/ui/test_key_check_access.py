""""Test key" in the wizard says what a harmless read can and cannot tell (issue 17 item 7,
issue 13): read-only RUFUS and Zype keys are not reported as able to pair, a WRITE-only
RUFUS key is not reported as refused."""

from __future__ import annotations

import pytest

from .drive import choose, click, find, type_into


def key_of(fixtures: dict, provider: str, **match: str) -> str:
    return next(k["key"] for k in fixtures[provider]["api_keys"]
                if all(k[name] == value for name, value in match.items()))


def key_status(qtbot, wizard, key: str) -> str:
    type_into(qtbot, wizard, "apiKeyEdit", key)
    click(qtbot, wizard, "testKeyButton")
    status = find(wizard, "keyTestStatus")
    qtbot.waitUntil(lambda: bool(status.text()) and "Testing" not in status.text(), timeout=20000)
    return status.text()




@pytest.mark.parametrize("access, expected, unexpected", [
    ("READ", "read-only: cannot pair", "refused"),
    ("WRITE", "A WRITE key may only bind", "The key was refused"),
])
def test_rufus_key_access(qtbot, sandbox, make_wizard, access, expected, unexpected):
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")
    text = key_status(qtbot, wizard, key_of(sandbox.fixtures(), "rufus", access=access))
    assert expected in text and unexpected not in text
    assert text != "The key works."


def test_zype_read_only_key_is_not_said_to_link(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    text = key_status(qtbot, wizard, key_of(sandbox.fixtures(), "zype", type="read_only"))
    assert "cannot be tested without linking" in text and "Read Only" in text
