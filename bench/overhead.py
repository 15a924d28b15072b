"""Client overhead per call: the provider layer vs a raw httpx2 request.

Same process, same `httpx2.AsyncClient` (built by `transport.make_client`, as the CLI
does), same sandbox endpoint (its own process, no latency), calls interleaved
(provider, raw, provider, raw…). The raw call is `client.get(url, headers=…)` plus
`response.json()`: what a caller without our layer would write. Per provider:

- RUFUS: `RufusAPI.get(deviceid)` vs GET /rufus/v0/devices/{deviceid} with `api_key`
- Zype: `ZypeAPI.status(linked_device_id)` vs GET /zype/pin/status?…&api_key=…
- Xee: `XeeAPI.me()` with a bearer token vs GET /xee/v3/users/me with Authorization

Figure: median per-call time of the provider layer / median of the raw call.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from bench import common

CALLS = 200
WARM_UP = 20


def measure(calls: int = CALLS, warm_up: int = WARM_UP) -> dict[str, Any]:
    with common.scratch_dir() as home:
        env = common.scratch_env(home)
        with common.SandboxProcess(0, env=env) as sandbox:
            result, _ = common.run_child("bench.overhead", "--child", "--url", sandbox.url,
                                         "--calls", str(calls), "--warm-up", str(warm_up),
                                         env=env)
    return result


async def _child(url: str, calls: int, warm_up: int) -> dict[str, Any]:
    from app.core.rufus import RufusAPI
    from app.core.transport import make_client
    from app.core.xee import XeeAPI
    from app.core.zype import ZypeAPI

    out: dict[str, Any] = {"calls": calls}
    async with make_client() as client:
        fixtures = (await client.get(f"{url}/_sandbox/fixtures")).json()
        deviceid = fixtures["rufus"]["devices"][0]["deviceid"]
        linked = fixtures["zype"]["pins"][0]["linked_device_id"]
        token = (await client.post(f"{url}/_sandbox/xee/token",
                                   json={"user_id": common.XEE_USER})).json()["access_token"]

        rufus = RufusAPI(client, f"{url}/rufus/v0", common.RUFUS_KEY)
        zype = ZypeAPI(client, f"{url}/zype", common.ZYPE_KEY)
        xee = XeeAPI(client, f"{url}/xee/v3", access_token=token)

        async def raw(target: str, **kwargs: Any) -> Any:
            response = await client.get(target, **kwargs)
            response.raise_for_status()
            return response.json()

        pairs = {
            "rufus": (lambda: rufus.get(deviceid),
                      lambda: raw(f"{url}/rufus/v0/devices/{deviceid}",
                                  headers={"api_key": common.RUFUS_KEY})),
            "zype": (lambda: zype.status(linked),
                     lambda: raw(f"{url}/zype/pin/status",
                                 params={"linked_device_id": linked,
                                         "api_key": common.ZYPE_KEY})),
            "xee": (lambda: xee.me(),
                    lambda: raw(f"{url}/xee/v3/users/me",
                                headers={"Authorization": f"Bearer {token}"})),
        }
        for name, (layer, bare) in pairs.items():
            for _ in range(warm_up):
                await layer()
                await bare()
            layer_times: list[float] = []
            raw_times: list[float] = []
            for _ in range(calls):
                for fn, times in ((layer, layer_times), (bare, raw_times)):
                    start = time.perf_counter()
                    await fn()
                    times.append((time.perf_counter() - start) * 1e6)
            layer_us, raw_us = common.median(layer_times), common.median(raw_times)
            out[name] = {"provider_us": layer_us, "raw_us": raw_us,
                         "ratio": layer_us / raw_us, "added_us": layer_us - raw_us}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.overhead")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--url")
    parser.add_argument("--calls", type=int, default=CALLS)
    parser.add_argument("--warm-up", type=int, default=WARM_UP)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(_child(args.url, args.calls, args.warm_up))), flush=True)
    else:
        print(json.dumps(measure(args.calls, args.warm_up), indent=1))


if __name__ == "__main__":
    main()
