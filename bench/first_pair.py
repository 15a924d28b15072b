"""Longest event-loop stall of the first pairing after start, in the real wizard.

bench/stall.py measures the client path once it is warm; this one measures what a
user sees the first time: each run is a fresh child process that starts the wizard
as `pairing-wizard --demo` does (app.ui.main: the Qt application, the language, the
style, the window until its first paint, the log file, the qasync loop), on the
offline demo against a sandbox in its own process (latency 200 ms, so the request
itself is in flight asynchronously). Once the later pages are built, the child drives
the wizard by objectName, as the GUI tests do (RUFUS: a READ_WRITE key, a fresh
serial number; Zype: the admin key, a free pin; Xee: a session from a token the
sandbox mints, as tests/ui/test_xee.py adopts it), rests on the Review page for a
second (a user reads it), then clicks Pair under a 5 ms precise QTimer heartbeat.
The stall is the longest gap between two ticks minus 5 ms, from 100 ms before the
click until 100 ms after the Result page shows its filled outcome (its first paint
included). Runs of one provider share a scratch home (the history database exists,
as after the first day); one warm-up run per provider (.pyc files, page cache) is
not counted.

Also reported: the modules imported between the click and the outcome (the test
tests/ui/test_first_pair_imports.py asserts there are none), and the idle noise floor
(the same heartbeat on the Review page, before the click, as long).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from itertools import pairwise
from typing import Any

from bench import common

LATENCY_MS = 200
HEARTBEAT_MS = 5
RUNS = 5
PROVIDERS = ("rufus", "zype", "xee")
REST_S = 1.0          # on the Review page before the click
TAIL_S = 0.1          # after the outcome: the result page's paint
PRE_S = 0.1           # heartbeat before the click


def measure(runs: int = RUNS, latency_ms: int = LATENCY_MS,
            providers: tuple[str, ...] = PROVIDERS) -> dict[str, Any]:
    out: dict[str, Any] = {"latency_ms": latency_ms, "heartbeat_ms": HEARTBEAT_MS,
                           "runs": runs, "providers": {}}
    with common.scratch_dir() as home:
        env = common.scratch_env(home)
        with common.SandboxProcess(latency_ms, env=env) as sandbox:
            for provider in providers:
                with common.scratch_dir() as run_home:
                    run_env = common.scratch_env(run_home)
                    samples = []
                    for index in range(runs + 1):   # the first is a warm-up
                        sandbox.reset()
                        result, _err = common.run_child(
                            "bench.first_pair", "--child", "--url", sandbox.url,
                            "--provider", provider, env=run_env, timeout=300)
                        if index:
                            samples.append(result)
                stalls = [s["stall_ms"] for s in samples]
                out["providers"][provider] = {
                    "stall_ms": {"median": common.median(stalls), "max": max(stalls),
                                 "samples": [round(s, 1) for s in stalls]},
                    "idle_ms": {"median": common.median([s["idle_ms"] for s in samples])},
                    "call_ms": {"median": common.median([s["call_ms"] for s in samples])},
                    "imported_after_click": sorted({m for s in samples
                                                    for m in s["imported_after_click"]}),
                    "warm_up_done_ms": {"median": common.median(
                        [s["warm_up_done_ms"] for s in samples])},
                }
    return out


# ------------------------------------------------------------------------------ child


def _child(url: str, provider: str, profile: str | None = None,
           sample: bool = False) -> dict[str, Any]:
    started = time.perf_counter()
    # As app.ui.main.run(demo=True), with the sandbox at `url` (as the GUI tests do).
    from app.ui import errors_dialog

    errors_dialog.install_excepthook()
    from PySide6.QtWidgets import QApplication

    from app.ui import main as ui_main

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(ui_main.APP_NAME)
    app.setOrganizationName(ui_main.ORGANIZATION)
    app.setApplicationDisplayName(ui_main.APP_NAME)
    from app.ui import i18n

    i18n.install(app)
    from app.ui.theme import apply_app_style
    from app.ui.wizard import PairingWizard

    apply_app_style(app)
    wizard = PairingWizard(demo=True, sandbox_url=url)
    ui_main._show_until_painted(wizard)
    painted_at = time.perf_counter()
    painted_ms = (painted_at - started) * 1000
    from app.ui import logs

    logs.setup()
    # isort: split
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    report: dict[str, Any] = {"first_paint_ms": painted_ms}

    async def main() -> None:
        wizard.start_demo_sandbox()
        report.update(await drive_and_pair(wizard, provider, url, painted_at, profile,
                                           sample))
        await wizard.shutdown()

    with loop:
        loop.run_until_complete(main())
    return report


async def until(condition: Any, what: str = "", limit_s: float = 30.0) -> None:
    import asyncio

    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {limit_s:g} s for {what or condition}")
        await asyncio.sleep(0.01)


async def drive_to_review(wizard: Any, provider: str, url: str) -> None:
    """Provider page -> Review, by objectName, as a user types (tests/ui/drive.py)."""
    import asyncio

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

    from app.core.flow import Page

    def widget(name: str, cls: type = QWidget) -> Any:
        found = wizard.findChild(cls, name)
        if found is None:
            raise RuntimeError(f"no {cls.__name__} named {name!r}")
        return found

    async def click(name: str) -> None:
        button = widget(name, QAbstractButton)
        await until(lambda: button.isVisible() and button.isEnabled(), what=name)
        await asyncio.sleep(0.6)   # past _ClickGuard's 0.5 s between two bar buttons
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    async def type_into(name: str, text: str) -> None:
        edit = widget(name, QLineEdit)
        await until(edit.isVisible, what=name)
        edit.selectAll()
        QTest.keyClick(edit, Qt.Key.Key_Delete)
        QTest.keyClicks(edit, text)

    async def page(which: Page) -> None:
        await until(lambda: wizard.current is which, what=which.value)
        await until(lambda: not wizard.is_busy(), what="idle")

    await page(Page.PROVIDER)
    await until(lambda: len(wizard.pages) == len(Page), what="the later pages")
    await wizard.ready()   # the demo's fixtures
    await click({"xee": "providerXee", "rufus": "providerRufus", "zype": "providerZype"}
                [provider])
    await click("nextButton")
    await page(Page.CREDENTIALS)
    if provider == "xee":
        await adopt_xee_session(wizard, url)
    else:
        await type_into("apiKeyEdit", common.RUFUS_KEY if provider == "rufus"
                        else common.ZYPE_KEY)
    await click("nextButton")
    await page(Page.DEVICE)
    if provider == "rufus":
        await type_into("rufusModelEdit", "Model X1")
        await type_into("rufusSerialEdit", f"FIRST-{uuid.uuid4().hex[:10]}")
    elif provider == "zype":
        await type_into("zypeConsumerEdit", common.ZYPE_CONSUMER)
        await type_into("zypePinEdit", common.ZYPE_PIN)
    else:
        await type_into("xeeDeviceIdEdit", common.XEE_DEVICE)
        await type_into("xeePinEdit", common.XEE_PIN)
    await click("nextButton")
    await page(Page.REVIEW)


async def adopt_xee_session(wizard: Any, url: str) -> None:
    """What a finished browser sign-in hands over (tests/ui/test_xee.py adopt_token)."""
    from app.auth.tokens import SessionOnlyTokenStore
    from app.core.flow import Page

    services = wizard.services
    client = await services.http()
    token = (await client.post(f"{url}/_sandbox/xee/token",
                               json={"user_id": common.XEE_USER})).json()
    root = await services.api_root("xee", "demo")
    fixtures = await services.fixtures()
    session = await services.xee_adopt(root, fixtures["xee"]["client_id"],
                                       fixtures["xee"]["client_secret"], token,
                                       SessionOnlyTokenStore(root))
    user = await session.me()
    wizard.state["xee_account"] = user.display_name
    wizard.state["xee_user_id"] = str(user.id)
    wizard.pages[Page.CREDENTIALS].xee.show_account()
    wizard.refresh()


class _StackSampler:
    """Diagnosis (--sample): the GUI thread's stack every 0.5 ms, from another thread
    (a poor man's py-spy); `during(a, b)` says where it was within a gap."""

    def __init__(self) -> None:
        import threading

        self.main = threading.main_thread().ident
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import traceback

        while self.running:
            frame = sys._current_frames().get(self.main)
            if frame is not None:
                stack = traceback.extract_stack(frame)
                ours = tuple(f"{f.filename.split('site-packages/')[-1].split('wt-issue-14b/')[-1]}"
                             f":{f.lineno} {f.name}" for f in stack[-14:])
                self.samples.append((time.perf_counter(), ours))
            time.sleep(0.0005)

    def stop(self) -> None:
        self.running = False
        self.thread.join()

    def during(self, a: float, b: float) -> list[tuple[str, int]]:
        from collections import Counter

        counts: Counter[str] = Counter()
        for t, stack in self.samples:
            if a <= t <= b:
                ours = [f for f in stack if f.startswith(("app/", "bench/"))]
                leaf = stack[-1] if not stack[-1].startswith("qasync/") else "(in Qt)"
                counts[f"{ours[-1] if ours else '?'}  <-  {leaf}"] += 1
        return counts.most_common(12)


async def drive_and_pair(wizard: Any, provider: str, url: str, painted_at: float,
                         profile: str | None = None, sample: bool = False
                         ) -> dict[str, Any]:
    import asyncio

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from app.core.flow import Page

    await drive_to_review(wizard, provider, url)
    # What the wizard prepares after its first paint for the first pairing (a user takes
    # seconds to get here): done before the click, and how long after the paint it took.
    await until(lambda: all(t.get_name() != "warm-up" for t in wizard.tasks()),
                what="the warm-up")
    warm_ms = (getattr(wizard, "warmed_up_at", 0.0) - painted_at) * 1000
    await asyncio.sleep(REST_S)

    stamps: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))

    def longest(since: float, until_: float) -> float:
        ticks = [s for s in stamps if since <= s <= until_]
        gaps = [b - a for a, b in pairwise(ticks)]
        return max(0.0, max(gaps) * 1000 - HEARTBEAT_MS) if gaps else float("inf")

    sampler = _StackSampler() if sample else None
    timer.start()
    t_idle = time.perf_counter()
    await asyncio.sleep(PRE_S)   # the noise floor, on the idle Review page
    outcome = asyncio.Event()
    wizard.outcome.connect(outcome.set)
    pair = wizard.findChild(QAbstractButton, "pairButton")
    before: set[str] = set()
    clicked_at = 0.0
    profiler: Any = None

    def press() -> None:
        nonlocal before, clicked_at, profiler
        before = set(sys.modules)
        clicked_at = time.perf_counter()
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        QTest.mouseClick(pair, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)
    await asyncio.wait_for(outcome.wait(), 60)
    outcome_at = time.perf_counter()
    after = set(sys.modules)
    await asyncio.sleep(TAIL_S)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    timer.stop()
    if sampler is not None:
        sampler.stop()
        ticks = [s for s in stamps if clicked_at - PRE_S <= s <= outcome_at + TAIL_S]
        gaps = sorted(pairwise(ticks), key=lambda g: g[0] - g[1])[:4]
        for a, b in gaps:
            print(f"gap {1000 * (b - a):.1f} ms at +{1000 * (a - clicked_at):.1f} ms:",
                  file=sys.stderr)
            for line, count in sampler.during(a, b):
                print(f"  {count:3d} {line}", file=sys.stderr)
    if wizard.current is not Page.RESULT:
        raise RuntimeError(f"{provider}: the outcome came, not the Result page")
    title = wizard.findChild(QLabel, "resultTitle")
    text = title.text() if title is not None else ""
    if not text or wizard.state.get("error"):
        raise RuntimeError(f"{provider}: the pairing failed: {wizard.state.get('error')}")
    return {
        "stall_ms": longest(clicked_at - PRE_S, outcome_at + TAIL_S),
        "idle_ms": longest(t_idle, clicked_at),
        "call_ms": (outcome_at - clicked_at) * 1000,
        "result_title": text,
        "imported_after_click": sorted(after - before),
        "warm_up_done_ms": max(0.0, warm_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.first_pair")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--url")
    parser.add_argument("--provider", default="rufus", choices=PROVIDERS)
    parser.add_argument("--profile", help="child: cProfile the click→outcome into this file")
    parser.add_argument("--sample", action="store_true",
                        help="child: where the GUI thread was in the longest gaps (stderr)")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--latency-ms", type=int, default=LATENCY_MS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.url, args.provider, args.profile, args.sample)), flush=True)
        sys.stdout.flush()
        os._exit(0)   # no Qt teardown after the interpreter's
    print(json.dumps(measure(args.runs, args.latency_ms), indent=1))


if __name__ == "__main__":
    main()
