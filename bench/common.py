"""Shared helpers: child processes, a sandbox in its own process, /proc readers, stats.

Every figure is measured next to its baseline in the same run (the machine is shared
and noisy), so each benchmark returns both numbers and the harness reports the ratio.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

# Sandbox fixtures (app/sandbox/__init__.py).
RUFUS_KEY = "ror-5b2e9d0c7a4f1e3b6d80"  # READ_WRITE + unbind
ZYPE_KEY = "zk-admin-7Qm2Lx9VtB4pR8sN"
ZYPE_CONSUMER = "5f1a2b3c4d5e6f7a8b9c0d01"
ZYPE_PIN = "zabc123"
XEE_USER = 1001
XEE_DEVICE, XEE_PIN = "E133742015", "1234"


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def scratch_env(home: Path, **extra: str) -> dict[str, str]:
    """A throwaway home for GUI and CLI children: settings, logs and the history
    database never touch the user's, and every run starts from the same state."""
    for sub in ("home", "config", "data", "state", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        HOME=str(home / "home"), XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    # A user's install has its .pyc files (pip compiles them; the bundle has them):
    # let the children write them once instead of compiling every module every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


@contextlib.contextmanager
def scratch_dir(prefix: str = "pw-bench-") -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


def run_child(module: str, *args: str, env: dict[str, str] | None = None,
              timeout: float = 600) -> tuple[dict[str, Any], Any]:
    """`python -m module args…`: its last stdout line is a JSON object; also returns
    the child's resource usage (os.wait4), whose ru_maxrss is its own peak RSS."""
    proc = subprocess.Popen([PY, "-m", module, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    # communicate() already reaped it; the rusage of that wait is lost, so children
    # that need their peak RSS report it themselves (resource.getrusage(RUSAGE_SELF)).
    if proc.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} exited {proc.returncode}:\n{err[-3000:]}")
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{module}: no JSON on stdout:\n{out[-2000:]}\n{err[-2000:]}")
    return json.loads(lines[-1]), err


def proc_cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), from /proc/PID/stat."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14 and 15 of stat


class SandboxProcess:
    """`python -m app sandbox --port 0 --latency-ms N` in its own process, so that the
    client's numbers are its own (an in-process uvicorn thread competes for the GIL)."""

    def __init__(self, latency_ms: int = 0, env: dict[str, str] | None = None) -> None:
        self.latency_ms = latency_ms
        self.env = env
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> SandboxProcess:
        self.proc = subprocess.Popen(
            [PY, "-m", "app", "sandbox", "--port", "0", "--latency-ms", str(self.latency_ms)],
            cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True)
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().strip()
        prefix = "Sandbox listening on "
        if not first.startswith(prefix):
            self.__exit__(None, None, None)
            raise RuntimeError(f"the sandbox did not start: {first!r}")
        self.url = first[len(prefix):]
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def control(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = httpx2.request(method, f"{self.url}/_sandbox/{path}", json=body, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self) -> None:
        self.control("POST", "reset")


def interleaved(n: int, *fns: Any) -> list[list[Any]]:
    """Call fns[0](), fns[1](), … n times in turn (A, B, A, B…): drift hits all alike."""
    results: list[list[Any]] = [[] for _ in fns]
    for _ in range(n):
        for i, fn in enumerate(fns):
            results[i].append(fn())
    return results


def now() -> float:
    return time.monotonic()
