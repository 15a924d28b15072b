"""Start the wizard: Qt application, excepthook, the window, then logging, the qasync
loop and the demo sandbox.

Imports are lazy so the first paint is fast: PySide6 and the wizard's modules paint
the window from plain Qt; the log file, asyncio and qasync come right after the first
paint, and httpx2, keyring, authlib and the sandbox (uvicorn) later still.
"""

from __future__ import annotations

import sys
import time

# When `app.cli` was not imported (e.g. `python -m app.ui.main`), this is the start.
STARTED_AT = time.perf_counter()

APP_NAME = "Pairing Wizard"
ORGANIZATION = "pairing-wizard"
PAINT_WAIT_MS = 2000


def process_started_at() -> float:
    """perf_counter() at process start: app.cli's stamp when it ran, else ours."""
    cli = sys.modules.get("app.cli")
    stamp = getattr(cli, "STARTED_AT", None)
    return stamp if isinstance(stamp, float) else STARTED_AT


def run(demo: bool = False, smoke: bool = False, argv: list[str] | None = None) -> int:
    started = min(process_started_at(), time.perf_counter())
    argv = list(argv if argv is not None else sys.argv[:1])

    from app.ui import errors_dialog

    # Early, so nothing escapes it; it logs through `logging`, whose file handler
    # (logs.setup) comes right after the first paint.
    errors_dialog.install_excepthook()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)

    from app.ui import i18n

    i18n.install(app)   # the language setting, else the OS's (QLocale.system())

    from app.ui.theme import apply_app_style
    from app.ui.wizard import PairingWizard

    apply_app_style(app)
    wizard = PairingWizard(demo=demo)
    _show_until_painted(wizard)
    if smoke:
        import json

        elapsed_ms = round((time.perf_counter() - started) * 1000)
        print(json.dumps({"first_paint_ms": elapsed_ms}), flush=True)

    # Only now, with the window on screen: the log file, asyncio and qasync (~50 ms
    # together), which the first paint does not need.
    from app.ui import logs

    logs.setup()
    # isort: split
    import qasync  # after PySide6: qasync picks the Qt binding already imported

    loop = qasync.QEventLoop(app)
    return _run_loop(loop, wizard, smoke)


def _show_until_painted(wizard) -> None:
    """Show the window and run Qt's own event loop until its first paint."""
    from PySide6.QtCore import QEventLoop, QTimer

    painting = QEventLoop()
    wizard.painted.connect(painting.quit)
    # A window that never paints (shown minimized) must not hold the app back.
    QTimer.singleShot(PAINT_WAIT_MS, painting.quit)
    wizard.show()   # showEvent watches for the first paint
    if not wizard.has_painted:
        painting.exec()
    wizard.painted.disconnect(painting.quit)


def _run_loop(loop, wizard, smoke: bool) -> int:
    import asyncio
    import logging

    log = logging.getLogger("app.ui")
    exit_code = 0

    async def main() -> None:
        nonlocal exit_code
        closed = asyncio.Event()
        wizard.closed.connect(closed.set)
        wizard.start_demo_sandbox()   # not before: it needs this loop (see wizard)
        if smoke:
            try:
                await wizard.ready()  # with --demo: the sandbox answers too
            except Exception as exc:  # the smoke run must say why it failed
                log.error("Smoke run failed: %s", exc)
                print(f"smoke: {exc}", file=sys.stderr)
                exit_code = 1
            wizard.close()
        # Closing the window cancels the tasks and closes the HTTP client first.
        await closed.wait()

    asyncio.set_event_loop(loop)
    with loop:
        running = loop.create_task(main())
        try:
            loop.run_until_complete(running)
        except RuntimeError as exc:  # stopped from outside: QApplication.exit()
            log.info("Event loop stopped: %s", exc)
            # Qt's quit() closes the window first (closeEvent shuts down); exit() does
            # not: cancel the tasks and close the HTTP client before the loop closes.
            running.cancel()
            loop.run_until_complete(_after_stop(running, wizard))
    return exit_code


async def _after_stop(running, wizard) -> None:
    import asyncio

    await asyncio.gather(running, return_exceptions=True)
    if not wizard.is_shut_down:
        await wizard.shutdown()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m app.ui.main")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    raise SystemExit(run(demo=args.demo, smoke=args.smoke, argv=sys.argv[:1]))
