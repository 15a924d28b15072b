"""Longest event-loop stall while a pairing is in flight (sandbox latency 1.5 s).

A child process runs the wizard's own code path on a qasync QEventLoop: `Services`
(one httpx2 client per wizard, provider clients, the Xee session adopted after a
sign-in) and `flow.pair`, exactly what the pairing page awaits. A 5 ms precise
QTimer heartbeat stamps every tick; the stall is the longest gap minus 5 ms, from
the click on "Pair" until the result is in.

Before the measured pairing the child does what the wizard has done by then (the
demo fixtures, the key check or `GET /users/me`), so the client is warm; the stall
of that first request on a fresh client is reported too, as `first_call_ms`.

Baseline, in the same child and run: the same kind of call made blocking (a sync
`httpx2.Client` bind on the GUI thread), which stalls the loop for the whole latency.
The noise floor (the heartbeat with nothing to do, as long) is reported as `idle_ms`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench import common

LATENCY_MS = 1500
HEARTBEAT_MS = 5
PROVIDERS = ("rufus", "zype", "xee")


def measure(runs: int, latency_ms: int = LATENCY_MS) -> dict[str, Any]:
    per_kind: dict[str, list[dict[str, float]]] = {}
    with common.scratch_dir() as home:
        env = common.scratch_env(home)
        with common.SandboxProcess(0, env=env) as sandbox:
            for _ in range(runs):
                result, _err = common.run_child(
                    "bench.stall", "--child", "--url", sandbox.url,
                    "--latency-ms", str(latency_ms), env=env, timeout=300)
                for kind, values in result.items():
                    per_kind.setdefault(kind, []).append(values)
    out: dict[str, Any] = {"latency_ms": latency_ms, "heartbeat_ms": HEARTBEAT_MS,
                           "runs": runs, "kinds": {}}
    for kind, samples in per_kind.items():
        out["kinds"][kind] = {
            key: {"median": common.median([s[key] for s in samples]),
                  "max": max(s[key] for s in samples),
                  "samples": [round(s[key], 2) for s in samples]}
            for key in samples[0]
        }
    return out


# ------------------------------------------------------------------------------ child


def _child(url: str, latency_ms: int) -> dict[str, dict[str, float]]:
    from app.ui import logs

    logs.setup()  # the wizard logs to a file on the GUI thread: keep that cost in

    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    # isort: split
    import qasync

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    stamps: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))

    async def watched(coro: Any) -> tuple[float, Any]:
        """Run coro under the heartbeat -> (longest stall in ms, its result)."""
        stamps.clear()
        timer.start()
        await asyncio.sleep(0.05)
        try:
            result = await coro
        finally:
            await asyncio.sleep(0.05)
            timer.stop()
        gaps = [b - a for a, b in pairwise(stamps)]
        stall = max(gaps) * 1000 - HEARTBEAT_MS if gaps else float("inf")
        return max(0.0, stall), result

    results: dict[str, dict[str, float]] = {}

    async def main() -> None:
        import httpx2

        from app.core import flow
        from app.ui.services import DemoSandbox, Services

        control = httpx2.AsyncClient(base_url=f"{url}/_sandbox", timeout=30)

        async def set_latency(ms: int) -> None:
            (await control.post("/faults", json={"latency_ms": ms})).raise_for_status()

        (await control.post("/reset")).raise_for_status()
        idle, _ = await watched(asyncio.sleep(latency_ms / 1000))

        # Baseline: the same bind made blocking on the GUI thread.
        def blocking_bind() -> None:
            with httpx2.Client(timeout=30) as client:
                client.post(f"{url}/rufus/v0/devices", headers={"api_key": common.RUFUS_KEY},
                            json={"model": "Model X1",
                                  "serial_number": f"BLOCK-{uuid.uuid4().hex[:10]}"},
                            ).raise_for_status()

        async def blocking() -> None:
            blocking_bind()

        await set_latency(latency_ms)
        base, _ = await watched(blocking())
        await set_latency(0)
        results["blocking"] = {"stall_ms": base, "idle_ms": idle}

        for provider in PROVIDERS:
            (await control.post("/reset")).raise_for_status()
            settings = QSettings(str(Path.home() / f"bench-{provider}.ini"),
                                 QSettings.Format.IniFormat)
            services = Services(settings, True, DemoSandbox(external_url=url))
            state = flow.select(flow.new_state(provider, flow.DEMO), provider, flow.DEMO)

            async def warm_up(services: Services = services, state: dict = state,
                              provider: str = provider) -> None:
                fixtures = await services.fixtures()  # the demo's first request
                if provider == "xee":
                    root = await services.api_root("xee", flow.DEMO)
                    token = (await control.post("/xee/token",
                                                json={"user_id": common.XEE_USER})).json()
                    # As the sign-in panel does (the store, then the session).
                    store = await services.xee_token_store(root, session_only=True)
                    xee = fixtures["xee"]
                    await services.xee_adopt(root, xee["client_id"], xee["client_secret"],
                                             token, store)
                    await services.call_provider(state, lambda api: api.me())
                else:
                    state["api_key"] = (common.RUFUS_KEY if provider == "rufus"
                                        else common.ZYPE_KEY)
                    api = await services.provider_api(state)
                    await flow.check_key(api, provider)

            first, _ = await watched(warm_up())
            state.update(
                xee_device_id=common.XEE_DEVICE, xee_pin=common.XEE_PIN,
                rufus_model="Model X1", rufus_serial=f"BENCH-{uuid.uuid4().hex[:10]}",
                zype_consumer_id=common.ZYPE_CONSUMER, zype_pin=common.ZYPE_PIN,
            )
            await set_latency(latency_ms)
            started = time.perf_counter()
            stall, result = await watched(
                services.call_provider(state, lambda api, s=state: flow.pair(api, s)))
            took = (time.perf_counter() - started) * 1000
            await set_latency(0)
            if not result:
                raise RuntimeError(f"{provider}: the pairing returned nothing")
            await services.aclose()
            results[provider] = {"stall_ms": stall, "first_call_ms": first, "call_ms": took}
        await control.aclose()

    with loop:
        loop.run_until_complete(main())
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.stall")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--url")
    parser.add_argument("--latency-ms", type=int, default=LATENCY_MS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.url, args.latency_ms)), flush=True)
    else:
        print(json.dumps(measure(args.runs, args.latency_ms), indent=1))


if __name__ == "__main__":
    main()
