"""API roots per provider and environment."""

from __future__ import annotations

import pytest

from app.core.environments import api_root
from app.core.errors import InputError


def test_production_roots():
    assert api_root("xee", "production") == "https://cloud.xee.com/v3"
    assert api_root("rufus", "production") == "https://api.runonrufus.com/v0"
    assert api_root("zype", "production") == "https://api.zype.com"


def test_xee_online_sandbox_and_no_other():
    assert api_root("xee", "sandbox") == "https://sandbox.xee.com/v3"
    for provider in ("rufus", "zype"):
        with pytest.raises(InputError) as info:
            api_root(provider, "sandbox")
        assert info.value.field == "environment" and "no online sandbox" in info.value.advice


def test_demo_roots_from_the_sandbox_base():
    base = "http://127.0.0.1:8765/"
    assert api_root("xee", "demo", base) == "http://127.0.0.1:8765/xee/v3"
    assert api_root("rufus", "demo", base) == "http://127.0.0.1:8765/rufus/v0"
    assert api_root("zype", "demo", base) == "http://127.0.0.1:8765/zype"
    with pytest.raises(InputError):
        api_root("xee", "demo")


def test_overrides_win_and_are_checked():
    assert api_root("zype", "production", overrides={"zype": " https://z.test/api/ "}) == (
        "https://z.test/api")
    assert api_root("xee", overrides={"zype": "https://z.test"}) == "https://cloud.xee.com/v3"
    for bad in ("ftp://z.test", "z.test", "https://z.test/?api_key=1", "https:// z.test"):
        with pytest.raises(InputError):
            api_root("zype", overrides={"zype": bad})


def test_unknown_names():
    with pytest.raises(InputError):
        api_root("acme", "production")
    with pytest.raises(InputError):
        api_root("xee", "staging")
