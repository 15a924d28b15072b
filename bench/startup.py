"""Process start -> first paint, for two starts, each against a bare QWizard:

- fresh: `pairing-wizard --demo --smoke` with nothing remembered (a first start);
- everyday: `pairing-wizard --smoke` as support staff start it every day: the last
  provider (Xee) and environment (Xee's online sandbox) remembered, the window's size
  and place too, and a stored Xee sign-in for that environment in a file keychain
  (keyrings.alt's plaintext backend, allowed as in tests/ui/conftest.py). Nothing
  reaches the network: the smoke run ends once painted (only the demo waits for its
  sandbox).

Both are timed the same way, from the harness: a monotonic stamp just before the
process is spawned, and the moment its first-paint line (`{"first_paint_ms": N}`,
printed and flushed on the first paint event) arrives on the pipe. So interpreter
start-up, imports and Qt's platform set-up count for both alike. Runs are
interleaved (fresh, everyday, baseline, fresh…) after one warm-up each (page cache,
.pyc files); each figure is the ratio of its median to the baseline's. The self-reported
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
EVERYDAY = [str(Path(common.PY).parent / "pairing-wizard"), "--smoke"]
BASELINE = [common.PY, "-m", "bench.baseline_qwizard"]
EVERYDAY_ROOT = "https://sandbox.xee.com/v3"   # Xee's online sandbox (app.core.environments)
FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"

# QSettings() of the app on Linux: $XDG_CONFIG_HOME/pairing-wizard/Pairing Wizard.conf
EVERYDAY_SETTINGS = """\
[keyring]
allowPlaintext=true

[last]
provider=xee
environment=sandbox

[windows]
wizard\\size=@Size(920 640)
wizard\\position=@Point(40 30)
"""

STORE_SIGN_IN = f"""
import time
from app.auth.tokens import TokenStore
TokenStore({EVERYDAY_ROOT!r}).save({{
    "access_token": "bench-access-token", "refresh_token": "bench-refresh-token",
    "token_type": "Bearer", "expires_at": int(time.time()) + 30 * 86400,
    "scope": "devices_management users_read",
    "client_id": "bench-client", "client_secret": "bench-secret"}})
"""


def everyday_env(home: Path) -> dict[str, str]:
    """A scratch home as after some days of use: settings and a stored Xee sign-in."""
    env = common.scratch_env(home, PYTHON_KEYRING_BACKEND=FILE_KEYRING)
    conf = Path(env["XDG_CONFIG_HOME"]) / "pairing-wizard" / "Pairing Wizard.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(EVERYDAY_SETTINGS, encoding="utf-8")
    subprocess.run([common.PY, "-c", STORE_SIGN_IN], cwd=common.ROOT, env=env, check=True,
                   timeout=120)
    return env


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


def _figures(samples: list[dict[str, float]]) -> dict[str, Any]:
    return {"ms": common.median([s["spawn_to_paint_ms"] for s in samples]),
            "own_ms": common.median([s["own_ms"] for s in samples]),
            "samples": [round(s["spawn_to_paint_ms"]) for s in samples]}


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
    """Both starts and the baseline, interleaved in one run: each start's ratio is to the
    baseline measured alongside it."""
    with common.scratch_dir() as fresh_home, common.scratch_dir() as everyday_home:
        fresh_env = common.scratch_env(fresh_home)
        day_env = everyday_env(everyday_home)
        kinds = {"fresh": (APP, fresh_env), "everyday": (EVERYDAY, day_env),
                 "baseline": (BASELINE, fresh_env)}
        for cmd, env in kinds.values():
            time_first_paint(cmd, env)   # warm-up: page cache, .pyc files
        samples = common.interleaved(
            runs, *(lambda c=cmd, e=env: time_first_paint(c, e) for cmd, env in kinds.values()))
    figures = dict(zip(kinds, map(_figures, samples), strict=True))
    base = figures["baseline"]
    return {
        "runs": runs, "baseline_ms": base["ms"], "baseline_own_ms": base["own_ms"],
        "baseline_samples": base["samples"],
        **{kind: {"measured_ms": f["ms"], "ratio": f["ms"] / base["ms"],
                  "measured_own_ms": f["own_ms"], "measured_samples": f["samples"]}
           for kind, f in figures.items() if kind != "baseline"},
    }


if __name__ == "__main__":
    import sys

    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS), indent=1))
    os._exit(0)
