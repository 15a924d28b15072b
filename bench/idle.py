"""CPU used by the wizard while idle: `pairing-wizard --demo`, open and painted, 10 s.

The wizard runs offscreen in a child process. Once its log says the demo sandbox is
listening (the window has painted, since the sandbox starts after the first paint)
and a settling second has passed, the child's utime + stime (/proc/PID/stat, every
thread: the qasync loop and the in-process sandbox) is read at the start and the
end of the window. Figure: CPU seconds / wall seconds, in % of one core. Baseline: 0.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from bench import common

WINDOW_S = 10.0
SETTLE_S = 1.0


def measure(window_s: float = WINDOW_S) -> dict[str, Any]:
    with common.scratch_dir() as home:
        logs = home / "logs"
        env = common.scratch_env(home, PAIRING_WIZARD_LOG_DIR=str(logs))
        exe = str(Path(common.PY).parent / "pairing-wizard")
        proc = subprocess.Popen([exe, "--demo"], cwd=common.ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            log = logs / "pairing-wizard.log"
            while "Demo sandbox listening" not in (log.read_text() if log.exists() else ""):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the wizard did not start its demo sandbox")
                time.sleep(0.1)
            time.sleep(SETTLE_S)
            cpu0, t0 = common.proc_cpu_seconds(proc.pid), time.monotonic()
            time.sleep(window_s)
            cpu1, t1 = common.proc_cpu_seconds(proc.pid), time.monotonic()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    cpu = cpu1 - cpu0
    return {"window_s": t1 - t0, "cpu_s": cpu, "cpu_percent": 100 * cpu / (t1 - t0),
            "resolution_s": 1 / common.CLK_TCK}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))
