"""Batch throughput: 1,000 RUFUS rows at 50 ms sandbox latency, concurrency 1…32.

Each run is a child process doing what `pairing-wizard batch` does (check the CSV,
`prepare` the journal in a history database on disk, `BatchRunner` with the
history, `make_client`), timing only `runner.run()`; it reports its own peak RSS
(`ru_maxrss`). The sandbox runs in its own process (`python -m app sandbox
--latency-ms 50`), reset before each run; serial numbers are unique per run.

Baseline: the latency-bound limit, concurrency / latency (rows per second).
For reference, at the target's concurrency the same binds are also sent by bare
httpx2 (N tasks, one shared AsyncClient, no journal, no provider layer), interleaved
with the runner's runs: the ceiling this client library and this sandbox allow here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import time
import uuid
from pathlib import Path
from typing import Any

from bench import common

ROWS = 1000
LATENCY_MS = 50
CONCURRENCIES = (1, 4, 8, 16, 32)
TARGET_CONCURRENCY = 16


def measure(rows: int = ROWS, concurrencies: tuple[int, ...] = CONCURRENCIES,
            repeats: dict[int, int] | None = None,
            latency_ms: int = LATENCY_MS) -> dict[str, Any]:
    """repeats: runs per concurrency (default 1; the median is kept)."""
    repeats = repeats or {}
    series = []
    with common.scratch_dir() as home:
        env = common.scratch_env(home)
        with common.SandboxProcess(latency_ms, env=env) as sandbox:
            for concurrency in concurrencies:
                samples = []
                raw_rates = []
                timeout = rows * latency_ms / 1000 / concurrency * 4 + 120
                for i in range(repeats.get(concurrency, 1)):
                    sandbox.reset()
                    db = home / f"history-{concurrency}-{i}.sqlite3"
                    result, _ = common.run_child(
                        "bench.batch", "--child", "--url", sandbox.url, "--rows", str(rows),
                        "--concurrency", str(concurrency), "--db", str(db), env=env,
                        timeout=timeout)
                    samples.append(result)
                    if concurrency == TARGET_CONCURRENCY:
                        sandbox.reset()
                        raw, _ = common.run_child(
                            "bench.batch", "--child", "--raw", "--url", sandbox.url,
                            "--rows", str(rows), "--concurrency", str(concurrency), env=env,
                            timeout=timeout)
                        raw_rates.append(raw["rows_per_s"])
                rates = sorted(s["rows_per_s"] for s in samples)
                best = sorted(samples, key=lambda s: s["rows_per_s"])[len(samples) // 2]
                limit = concurrency / (latency_ms / 1000)
                series.append({
                    "concurrency": concurrency, "limit_rows_per_s": limit,
                    "rows_per_s": best["rows_per_s"], "fraction": best["rows_per_s"] / limit,
                    "seconds": best["seconds"], "done": best["done"],
                    "peak_rss_mib": max(s["peak_rss_mib"] for s in samples),
                    "samples_rows_per_s": [round(r, 1) for r in rates],
                })
                if raw_rates:
                    series[-1]["raw_httpx2_rows_per_s"] = common.median(raw_rates)
                    series[-1]["raw_httpx2_fraction"] = common.median(raw_rates) / limit
    return {"rows": rows, "latency_ms": latency_ms, "series": series,
            "peak_rss_mib": max(s["peak_rss_mib"] for s in series)}


async def _child(url: str, rows: int, concurrency: int, db_path: str) -> dict[str, Any]:
    from app.core.batch import BatchRunner, check_bytes, prepare
    from app.core.history import Database, History
    from app.core.rufus import RufusAPI
    from app.core.transport import make_client

    tag = uuid.uuid4().hex[:8].upper()
    lines = ["model,serial_number,alias,firmware"]
    lines += [f"Model X1,BENCH-{tag}-{i:05d},bench {i},1.0.{i % 10}" for i in range(rows)]
    report = check_bytes("\n".join(lines).encode(), "rufus", "bench.csv")
    if not report.ok:
        raise RuntimeError(report.text())
    root = f"{url}/rufus/v0"
    database = Database(Path(db_path))
    try:
        batch_id, _ = prepare(database, report, root)
        async with make_client() as client:
            api = RufusAPI(client, root, common.RUFUS_KEY)
            runner = BatchRunner(api, database, batch_id, report, environment=root,
                                 concurrency=concurrency, history=History(database=database))
            start = time.perf_counter()
            summary = await runner.run()
            seconds = time.perf_counter() - start
    finally:
        database.close()
    done = summary.counts.get("done", 0)
    if done != rows:
        raise RuntimeError(f"only {done} of {rows} rows done: {summary.counts}")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"rows": rows, "concurrency": concurrency, "seconds": seconds,
            "rows_per_s": rows / seconds, "done": done, "peak_rss_mib": peak_kib / 1024}


async def _raw_child(url: str, rows: int, concurrency: int) -> dict[str, Any]:
    """The same binds with bare httpx2: N tasks sharing one client, nothing else."""
    import httpx2

    tag = uuid.uuid4().hex[:8].upper()
    todo = list(range(rows))
    async with httpx2.AsyncClient(timeout=30) as client:
        async def worker() -> None:
            while todo:
                i = todo.pop()
                response = await client.post(
                    f"{url}/rufus/v0/devices", headers={"api_key": common.RUFUS_KEY},
                    json={"model": "Model X1", "serial_number": f"RAW-{tag}-{i:05d}"})
                response.raise_for_status()

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - start
    return {"rows": rows, "concurrency": concurrency, "seconds": seconds,
            "rows_per_s": rows / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.batch")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--raw", action="store_true", help="with --child: bare httpx2")
    parser.add_argument("--url")
    parser.add_argument("--db")
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    if args.child and args.raw:
        print(json.dumps(asyncio.run(_raw_child(args.url, args.rows, args.concurrency))))
    elif args.child:
        result = asyncio.run(_child(args.url, args.rows, args.concurrency, args.db))
        print(json.dumps(result), flush=True)
    else:
        print(json.dumps(measure(args.rows, (args.concurrency,)), indent=1))


if __name__ == "__main__":
    main()
