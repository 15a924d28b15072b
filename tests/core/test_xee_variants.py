"""XeeAPI against each documented variant of Xee (the sandbox's dialects), over real
loopback HTTP: the parameter error's two spellings, the device id and pin formats."""

from __future__ import annotations

import httpx2
import pytest

from app.core.errors import ProviderError
from app.core.xee import XeeAPI
from tests.core.helpers import xee_free_device

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def api(sandbox, client, root=None) -> XeeAPI:
    user_id = sandbox.fixtures()["xee"]["users"][0]["id"]
    token = sandbox.mint_xee_token(user_id)["access_token"]
    return XeeAPI(client, root or sandbox.xee_root, token)


async def failure(coro) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await coro
    return info.value


# --- 1. PARAMETER_ERROR / PARAMETERS_ERROR -------------------------------------------


@pytest.mark.parametrize("spelling", ["PARAMETER_ERROR", "PARAMETERS_ERROR"])
async def test_wrong_pin_is_pin_rejected_in_either_spelling_then_locked(sandbox, client,
                                                                        spelling):
    sandbox.set_xee_dialect(parameter_error_type=spelling)
    device = xee_free_device(sandbox.fixtures())
    wrong = "0000" if device["pin"] != "0000" else "1111"
    xee = api(sandbox, client)
    errors = [await failure(xee.associate(device["id"], wrong)) for _ in range(3)]
    assert [e.kind for e in errors] == ["xee.pin_rejected"] * 3
    assert {e.type for e in errors} == {spelling}          # Xee's type kept as sent
    assert all(e.tip == "Check the device id and the pin" for e in errors)
    assert all("3 failed attempts" in e.advice for e in errors)
    locked = await failure(xee.associate(device["id"], device["pin"]))
    assert locked.kind == "xee.box_locked"
