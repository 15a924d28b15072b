"""Run every benchmark next to its baseline; write bench/results.json, the README's
"Performance" section (between <!-- perf:start --> and <!-- perf:end -->) and
docs/bench-throughput.png.

    python -m bench.run                     # everything (what `make bench` runs)
    python -m bench.run --only stall,batch  # some (results printed; --out to keep them)
    python -m bench.run --quick --only overhead --out /tmp/r.json   # tiny (the smoke test)

Only a full, non-quick run rewrites results.json, the README and the plot.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import batch, bundle, common, first_pair, idle, overhead, stall, startup

RESULTS = common.ROOT / "bench" / "results.json"
README = common.ROOT / "README.md"
PLOT = common.ROOT / "docs" / "bench-throughput.png"
START, END = "<!-- perf:start -->", "<!-- perf:end -->"
NAMES = ("startup", "stall", "first_pair", "overhead", "batch", "idle", "bundle")

TARGETS = {
    "startup_ratio": 1.5, "startup_everyday_ratio": 1.5, "stall_ms": 16.0,
    "first_pair_stall_ms": 16.0, "overhead_ratio": 1.1, "batch_fraction": 0.9,
    "batch_rss_mib": 150.0, "idle_cpu_percent": 1.0, "bundle_mb": 100.0,
    "bundle_paint_ratio": 1.2,
}


def plan(quick: bool) -> dict[str, Callable[[], dict[str, Any]]]:
    if quick:
        return {
            "startup": lambda: startup.measure(runs=1),
            "stall": lambda: stall.measure(runs=1, latency_ms=200),
            "first_pair": lambda: first_pair.measure(runs=1, providers=("rufus",)),
            "overhead": lambda: overhead.measure(calls=20, warm_up=2),
            "batch": lambda: batch.measure(rows=40, concurrencies=(4, 16)),
            "idle": lambda: idle.measure(window_s=1.0),
            "bundle": lambda: bundle.measure(runs=1),
        }
    return {
        "startup": lambda: startup.measure(),
        "stall": lambda: stall.measure(runs=5),
        "first_pair": lambda: first_pair.measure(),
        "overhead": lambda: overhead.measure(calls=200),
        "batch": lambda: batch.measure(repeats={batch.TARGET_CONCURRENCY: 3}),
        "idle": lambda: idle.measure(),
        "bundle": lambda: bundle.measure(runs=7),
    }


# ------------------------------------------------------------------------- the table


def _ok(passed: bool) -> str:
    return "pass" if passed else "**FAIL**"


def rows(results: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(figure, baseline, measured, target, pass/fail) per figure."""
    out = []
    t = TARGETS
    if s := results.get("startup"):
        for kind, figure, target in (
                ("fresh", "Process start → first paint, fresh start "
                 "(`pairing-wizard --demo --smoke`)", t["startup_ratio"]),
                ("everyday", "Process start → first paint, everyday start (Xee and its "
                 "environment remembered, signed in; `pairing-wizard --smoke`)",
                 t["startup_everyday_ratio"])):
            start = s[kind]
            out.append((figure, f"bare PySide6 QWizard: {s['baseline_ms']:.0f} ms",
                        f"{start['measured_ms']:.0f} ms (×{start['ratio']:.2f})",
                        f"≤ {target}×", _ok(start["ratio"] <= target)))
    if s := results.get("stall"):
        kinds = s["kinds"]
        base = kinds["blocking"]["stall_ms"]["median"]
        for provider in stall.PROVIDERS:
            value = kinds[provider]["stall_ms"]["median"]
            out.append((f"Longest event-loop stall, {provider} pairing in flight "
                        f"(latency {s['latency_ms'] / 1000:g} s)",
                        f"blocking call on the GUI thread: {base:.0f} ms",
                        f"{value:.1f} ms", f"≤ {t['stall_ms']:.0f} ms",
                        _ok(value <= t["stall_ms"])))
    if s := results.get("first_pair"):
        for provider, p in s["providers"].items():
            value = p["stall_ms"]["median"]
            out.append((f"Longest event-loop stall, Pair click → filled result, first {provider} "
                        f"pairing after start (latency {s['latency_ms']} ms, median of "
                        f"{s['runs']}; max {p['stall_ms']['max']:.1f} ms)",
                        f"idle heartbeat: {p['idle_ms']['median']:.1f} ms",
                        f"{value:.1f} ms", f"≤ {t['first_pair_stall_ms']:.0f} ms",
                        _ok(value <= t["first_pair_stall_ms"])))
    if s := results.get("overhead"):
        labels = {"rufus": "`RufusAPI.get`", "zype": "`ZypeAPI.status`", "xee": "`XeeAPI.me`"}
        for provider, label in labels.items():
            o = s[provider]
            out.append((f"Client overhead per call, {label} (median of {s['calls']})",
                        f"raw httpx2: {o['raw_us']:.0f} µs",
                        f"{o['provider_us']:.0f} µs (×{o['ratio']:.3f})",
                        f"≤ {t['overhead_ratio']}×", _ok(o["ratio"] <= t["overhead_ratio"])))
    if s := results.get("batch"):
        at = {x["concurrency"]: x for x in s["series"]}
        c = batch.TARGET_CONCURRENCY if batch.TARGET_CONCURRENCY in at else max(at)
        x = at[c]
        raw = (f"; bare httpx2: {x['raw_httpx2_rows_per_s']:.0f} rows/s "
               f"({100 * x['raw_httpx2_fraction']:.0f} %)" if "raw_httpx2_rows_per_s" in x
               else "")
        out.append((f"Batch of {s['rows']} rows at {s['latency_ms']} ms, concurrency {c}",
                    f"limit {x['limit_rows_per_s']:.0f} rows/s{raw}",
                    f"{x['rows_per_s']:.0f} rows/s ({100 * x['fraction']:.1f} %)",
                    f"≥ {100 * t['batch_fraction']:.0f} %",
                    _ok(x["fraction"] >= t["batch_fraction"])))
        out.append(("Batch peak RSS (any concurrency)", "—", f"{s['peak_rss_mib']:.0f} MiB",
                    f"≤ {t['batch_rss_mib']:.0f} MiB",
                    _ok(s["peak_rss_mib"] <= t["batch_rss_mib"])))
    if s := results.get("idle"):
        out.append((f"CPU, wizard idle and open ({s['window_s']:.0f} s)", "0",
                    f"{s['cpu_percent']:.2f} % of a core", f"≤ {t['idle_cpu_percent']:g} %",
                    _ok(s["cpu_percent"] <= t["idle_cpu_percent"])))
    if s := results.get("bundle"):
        if "skipped" in s:
            out.append(("Frozen bundle", "—", f"skipped: {s['skipped']}", "", "—"))
        else:
            out.append(("Frozen bundle, size on disk", "—", f"{s['size_mb']:.0f} MB",
                        f"≤ {t['bundle_mb']:.0f} MB", _ok(s["size_mb"] <= t["bundle_mb"])))
            out.append(("Frozen bundle, process start → first paint",
                        f"source run: {s['baseline_ms']:.0f} ms",
                        f"{s['measured_ms']:.0f} ms (×{s['ratio']:.2f})",
                        f"≤ {t['bundle_paint_ratio']}×",
                        _ok(s["ratio"] <= t["bundle_paint_ratio"])))
    return out


def section(results: dict[str, Any]) -> str:
    meta = results["meta"]
    lines = [
        START,
        "## Performance",
        "",
        f"`make bench` (`python -m bench.run`, about {meta['minutes']:.0f} min) measures each "
        "figure next to its baseline in the same run (medians, runs interleaved) and "
        "rewrites this table, `bench/results.json` and the plot. Last run: "
        f"{meta['date']}, {meta['machine']}.",
        "",
        "| figure | baseline (same run) | measured | target | |",
        "|---|---|---|---|---|",
        *(f"| {' | '.join(r)} |" for r in rows(results)),
        "",
    ]
    if b := results.get("batch"):
        lines += [
            "![Batch throughput against concurrency](docs/bench-throughput.png)",
            "",
            "| concurrency | " + " | ".join(str(x["concurrency"]) for x in b["series"]) + " |",
            "|---|" + "---|" * len(b["series"]),
            "| limit (rows/s) | " + " | ".join(f"{x['limit_rows_per_s']:.0f}"
                                              for x in b["series"]) + " |",
            "| measured (rows/s) | " + " | ".join(
                f"{x['rows_per_s']:.0f} ({100 * x['fraction']:.0f} %)"
                for x in b["series"]) + " |",
            "",
        ]
    if notes := results.get("notes"):
        lines += [*notes, ""]
    lines += ["How each figure is measured: the docstrings of `bench/*.py`.", END]
    return "\n".join(lines)


def update_readme(results: dict[str, Any], readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    block = section(results)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        anchor = "\n## Layout"
        if anchor not in text:
            raise RuntimeError("README.md has no '## Layout' section to put Performance before")
        head, tail = text.split(anchor, 1)
        text = head.rstrip("\n") + "\n\n" + block + "\n" + anchor + tail
    readme.write_text(text, encoding="utf-8")


NOTES_FILE = common.ROOT / "bench" / "notes.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--only", help=f"comma-separated, among {','.join(NAMES)}")
    parser.add_argument("--quick", action="store_true", help="tiny runs: proves it works")
    parser.add_argument("--out", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    chosen = list(NAMES) if not args.only else [n.strip() for n in args.only.split(",")]
    if unknown := set(chosen) - set(NAMES):
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    full = not args.quick and chosen == list(NAMES)
    started = time.monotonic()
    results: dict[str, Any] = {}
    todo = plan(args.quick)
    for name in chosen:
        print(f"bench: {name}…", file=sys.stderr, flush=True)
        t0 = time.monotonic()
        results[name] = todo[name]()
        print(f"bench: {name} done in {time.monotonic() - t0:.0f} s", file=sys.stderr,
              flush=True)
    results["meta"] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs, Linux {platform.release()}, "
                   f"Python {platform.python_version()}",
        "load_average_end": os.getloadavg(),
        "minutes": (time.monotonic() - started) / 60, "quick": args.quick,
        "targets": TARGETS,
    }
    if NOTES_FILE.exists():
        results["notes"] = NOTES_FILE.read_text(encoding="utf-8").strip().splitlines()
    results["table"] = [dict(zip(("figure", "baseline", "measured", "target", "result"), r,
                                 strict=True)) for r in rows(results)]
    out = args.out or (RESULTS if full else None)
    text = json.dumps(results, indent=1, ensure_ascii=False)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    if full:
        if "batch" in results:
            from bench import plot

            plot.draw(results["batch"], PLOT)
        update_readme(results)
    print("\n".join(f"| {' | '.join(r)} |" for r in rows(results)))
    if out is None:
        print(text)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # Qt (the plot) must not run its teardown after the interpreter's
