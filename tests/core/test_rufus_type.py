"""RUFUS's optional `type` (issue 13): sent when set, through the provider layer, the
batch and the flow; the sandbox's `require_type` dialect refuses a bind without one."""

from __future__ import annotations

import httpx2
import pytest

from app.core import flow
from app.core.batch import BatchRunner, check_bytes, prepare
from app.core.errors import ProviderError
from app.core.history import Database
from app.core.rufus import RufusAPI
from tests.core.helpers import rufus_key

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def api(sandbox, client) -> RufusAPI:
    return RufusAPI(client, sandbox.rufus_root,
                    rufus_key(sandbox.fixtures(), access=("READ_WRITE",), unbind=True))


async def test_type_is_required_by_the_dialect_and_sent_when_set(sandbox, client):
    sandbox.set_dialect("rufus", require_type=True)
    rufus = api(sandbox, client)
    with pytest.raises(ProviderError) as info:
        await rufus.bind("Model X1", "TYPE-0001")
    err = info.value
    assert err.status == 400 and "type" in err.message
    # The advice says which fields RUFUS may require.
    assert "model, serial number and type" in err.advice
    binding = await rufus.bind("Model X1", "TYPE-0001", type="TRACKER")
    assert (await rufus.get(binding.deviceid)).type == "TRACKER"


async def test_flow_sends_the_type_field(sandbox, client):
    sandbox.set_dialect("rufus", require_type=True)
    rufus = api(sandbox, client)
    state = {**flow.new_state("rufus"), "rufus_model": "Model X1", "rufus_serial": "TYPE-F1",
             "rufus_type": "GATE"}
    result = await flow.pair(rufus, state)
    assert (await rufus.get(result["deviceid"])).type == "GATE"
    assert ("Type", "GATE") in flow.review_rows(state, sandbox.rufus_root)


async def test_batch_type_column_and_default(sandbox, client, tmp_path):
    sandbox.set_dialect("rufus", require_type=True)
    raw = (b"model,serial_number,alias,firmware,type\n"
           b"Model X1,TYPE-B1,,,BEACON\n"
           b"Model X1,TYPE-B2,,,\n")
    report = check_bytes(raw, "rufus")
    assert not report.invalid
    db = Database(tmp_path / "h.sqlite")
    try:
        batch_id, _ = prepare(db, report, sandbox.rufus_root)
        summary = await BatchRunner(api(sandbox, client), db, batch_id, report,
                                    setting={"rufus/defaultType": "DEFAULT-T"}.get).run()
    finally:
        db.close()
    assert summary.counts["done"] == 2
    rufus = api(sandbox, client)
    types = {d.serial_number: d.type for serial in ("TYPE-B1", "TYPE-B2")
             for d in await rufus.find_by_serial(serial)}
    assert types == {"TYPE-B1": "BEACON", "TYPE-B2": "DEFAULT-T"}
