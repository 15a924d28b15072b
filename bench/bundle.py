"""The frozen bundle (`make bundle` -> dist/pairing-wizard/): size on disk, first paint.

Size: disk usage of the folder (like `du`), with the largest parts for the README.
First paint: `dist/pairing-wizard/pairing-wizard --demo --smoke` (run from a scratch
folder, without the venv's variables, like packaging/linux/check-bundle.sh) against
the source run `pairing-wizard --demo --smoke`, interleaved, timed as in
bench.startup. Skipped (reported so) when there is no bundle.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bench import common, startup

DIST = common.ROOT / "dist" / "pairing-wizard"
RUNS = 7


def disk_usage(folder: Path) -> int:
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in [folder, *folder.rglob("*")]:
        st = path.lstat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        total += st.st_blocks * 512
    return total


def breakdown(folder: Path, top: int = 8) -> list[tuple[str, float]]:
    """The largest files (MB), by disk usage."""
    sizes = [(str(p.relative_to(folder)), p.lstat().st_blocks * 512 / 2**20)
             for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return [(name, round(mb, 1)) for name, mb in sorted(sizes, key=lambda s: -s[1])[:top]]


def measure(runs: int = RUNS, dist: Path = DIST) -> dict[str, Any]:
    exe = dist / "pairing-wizard"
    if not exe.is_file():
        return {"skipped": f"no {exe.relative_to(common.ROOT)}: run `make bundle` first"}
    size = disk_usage(dist)
    with common.scratch_dir() as home:
        env = common.scratch_env(home)
        frozen_env = {k: v for k, v in env.items()
                      if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        paint = startup.compare([str(exe), "--demo", "--smoke"], startup.APP, runs,
                                frozen_env, env, cwd_a=home / "home")
    return {"size_mb": size / 2**20, "largest_mb": breakdown(dist), **paint}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))
    os._exit(0)
