"""Process start -> first paint: `pairing-wizard --demo --smoke` vs a bare QWizard.

Both are timed the same way, from the harness: a monotonic stamp just before the
process is spawned, and the moment its first-paint line (`{"first_paint_ms": N}`,
printed and flushed on the first paint event) arrives on the pipe. So interpreter
start-up, imports and Qt's platform set-up count for both alike. Runs are
interleaved (app, baseline, app, baseline…) after one warm-up each (page cache,
.pyc files); the figure is the ratio of the medians. The self-reported
`first_paint_ms` (from the program's own first stamp) is kept for reference.

Also used by the bundle benchmark (the frozen executable vs the source run).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

from bench import common

RUNS = 15   # medians of 15: single runs here vary by ±20 %
APP = [str(Path(common.PY).parent / "pairing-wizard"), "--demo", "--smoke"]
BASELINE = [common.PY, "-m", "bench.baseline_qwizard"]


def time_first_paint(cmd: list[str], env: dict[str, str], cwd: Path = common.ROOT,
                     timeout: float = 120) -> dict[str, float]:
    """Spawn cmd; ms from the spawn to its first-paint line on stdout (and its own)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if '"first_paint_ms"' in line:
                elapsed = (time.perf_counter() - start) * 1000
                own = json.loads(line)["first_paint_ms"]
                break
        else:
            raise RuntimeError(f"{cmd[0]}: no first-paint line (exit {proc.wait()})")
        proc.wait(timeout=timeout)  # the smoke run closes itself once the demo is ready
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return {"spawn_to_paint_ms": elapsed, "own_ms": float(own)}


def compare(a: list[str], b: list[str], runs: int, env_a: dict[str, str],
            env_b: dict[str, str], cwd_a: Path = common.ROOT,
            cwd_b: Path = common.ROOT) -> dict[str, Any]:
    time_first_paint(a, env_a, cwd_a)  # warm-up: page cache, .pyc files
    time_first_paint(b, env_b, cwd_b)
    samples_a, samples_b = common.interleaved(
        runs, lambda: time_first_paint(a, env_a, cwd_a), lambda: time_first_paint(b, env_b, cwd_b))
    med_a = common.median([s["spawn_to_paint_ms"] for s in samples_a])
    med_b = common.median([s["spawn_to_paint_ms"] for s in samples_b])
    return {
        "runs": runs, "measured_ms": med_a, "baseline_ms": med_b, "ratio": med_a / med_b,
        "measured_own_ms": common.median([s["own_ms"] for s in samples_a]),
        "baseline_own_ms": common.median([s["own_ms"] for s in samples_b]),
        "measured_samples": [round(s["spawn_to_paint_ms"]) for s in samples_a],
        "baseline_samples": [round(s["spawn_to_paint_ms"]) for s in samples_b],
    }


def measure(runs: int = RUNS) -> dict[str, Any]:
    with common.scratch_dir() as home:
        env = common.scratch_env(home)
        return compare(APP, BASELINE, runs, env, env)


if __name__ == "__main__":
    import sys

    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS), indent=1))
    os._exit(0)
