"""Start the wizard: Qt application, qasync loop, logging, excepthook, demo sandbox.

Imports are lazy so the first paint is fast: PySide6 and qasync here, the wizard's
modules next; httpx2, keyring, authlib and the sandbox (uvicorn) only after the
window shows.
"""

from __future__ import annotations

import sys
import time

# When `app.cli` was not imported (e.g. `python -m app.ui.main`), this is the start.
STARTED_AT = time.perf_counter()

APP_NAME = "Pairing Wizard"
ORGANIZATION = "pairing-wizard"


def process_started_at() -> float:
    """perf_counter() at process start: app.cli's stamp when it ran, else ours."""
    cli = sys.modules.get("app.cli")
    stamp = getattr(cli, "STARTED_AT", None)
    return stamp if isinstance(stamp, float) else STARTED_AT


def run(demo: bool = False, smoke: bool = False, argv: list[str] | None = None) -> int:
    started = min(process_started_at(), time.perf_counter())
    argv = list(argv if argv is not None else sys.argv[:1])

    from app.ui import logs, qtfix

    qtfix.protect_singletons()  # before any Qt call: see qtfix
    logs.setup()

    # PySide6 before qasync (qasync picks the Qt binding already imported).
    from PySide6.QtWidgets import QApplication

    # isort: split
    import qasync

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)
    loop = qasync.QEventLoop(app)

    from app.ui import i18n

    i18n.install(app)   # the language setting, else the OS's (QLocale.system())

    from app.ui import errors_dialog
    from app.ui.theme import apply_app_style
    from app.ui.wizard import PairingWizard

    errors_dialog.install_excepthook()
    apply_app_style(app)
    wizard = PairingWizard(demo=demo)
    return _run_loop(app, loop, wizard, started, smoke)


def _run_loop(app, loop, wizard, started: float, smoke: bool) -> int:
    import asyncio
    import json
    import logging

    log = logging.getLogger("app.ui")
    exit_code = 0

    async def main() -> None:
        nonlocal exit_code
        closed = asyncio.Event()
        wizard.closed.connect(closed.set)
        painted = wizard.first_paint()
        wizard.show()
        await painted
        if smoke:
            elapsed_ms = round((time.perf_counter() - started) * 1000)
            print(json.dumps({"first_paint_ms": elapsed_ms}), flush=True)
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
    try:
        with loop:
            loop.run_until_complete(main())
    except RuntimeError as exc:  # the loop was stopped from outside (app.quit())
        log.info("Event loop stopped: %s", exc)
    return exit_code


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m app.ui.main")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    raise SystemExit(run(demo=args.demo, smoke=args.smoke, argv=sys.argv[:1]))
