"""The provider layer's query strings: none when a call has no parameters (httpx2
parses the URL again for any `params`, even an empty one), and the secret one (Zype's
api_key) next to the call's own."""

from __future__ import annotations

import httpx2
import pytest

from app.core.rufus import RufusAPI
from app.core.zype import ZypeAPI
from tests.core.helpers import rufus_key, zype_key

pytestmark = pytest.mark.anyio


async def test_requests_without_parameters_carry_no_query(sandbox):
    """Without parameters the URL has no query at all; with only the secret one (Zype's
    api_key) it is sent, next to the call's own."""
    sent: list[httpx2.URL] = []

    async def keep(request: httpx2.Request) -> None:
        sent.append(request.url)

    fx = sandbox.fixtures()
    async with httpx2.AsyncClient(event_hooks={"request": [keep]}, timeout=10) as client:
        rufus = RufusAPI(client, sandbox.rufus_root, rufus_key(fx, access=("READ_WRITE",)))
        device = fx["rufus"]["devices"][0]
        assert (await rufus.get(device["deviceid"])).deviceid == device["deviceid"]
        zype = ZypeAPI(client, sandbox.zype_root, zype_key(fx, "admin"))
        pin = fx["zype"]["pins"][0]
        assert (await zype.status(pin["linked_device_id"])).pin == pin["pin"]
    assert sent[0].query == b"" and sent[0].path.endswith(device["deviceid"])
    assert dict(sent[1].params) == {"linked_device_id": pin["linked_device_id"],
                                    "api_key": zype_key(fx, "admin")}
