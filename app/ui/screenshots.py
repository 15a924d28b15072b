"""Render every page of the wizard, light and dark, for each provider, to PNG files.

    QT_QPA_PLATFORM=offscreen python -m app.ui.screenshots docs/screenshots
    QT_QPA_PLATFORM=offscreen python -m app.ui.screenshots --language fr docs/screenshots/fr
    QT_QPA_PLATFORM=offscreen python -m app.ui.screenshots --pseudo /tmp/pseudo
    QT_QPA_PLATFORM=offscreen python -m app.ui.screenshots --tools-only --theme light \
        --language fr --tool history --tool batch docs/screenshots/fr

No network and no sandbox: the wizard runs in `render_only` mode and each page is
shown with representative values (the failure page with a documented error built
from app.core.errors_table). `render_tools()` adds the History window, the batch
dialog and the network check (`tools-*.png`). The GUI tests call both into a
temporary folder, so the renderer cannot rot. `--language` renders in French or Spanish
(the built .qm files); `--pseudo` with the pseudo-translation (every text about twice
as long), the layout stress test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

THEMES = ("light", "dark")
SIZE = (920, 640)
DEMO_URL = "http://127.0.0.1:8765"

class Sample(NamedTuple):
    """One provider's representative values (demo-looking, never real secrets): the
    pages' state, a success's result, a documented error for the failure page
    (operation, kind, fields), the values that make the device page invalid, and the
    Xee-style wrong-pin count shown on the device page."""

    provider: str
    values: dict[str, Any]
    result: dict[str, Any]
    failure: tuple[str, str, dict[str, Any]]
    invalid: dict[str, Any]
    pin_failures: dict[str, int] = {}


SAMPLES: tuple[Sample, ...] = (
    Sample("xee",
           {"xee_account": "Alice Martin (alice)", "xee_user_id": "1",
            "xee_device_id": "E133742015", "xee_pin": "4821"},
           {"device_id": "E133742015", "user": "Alice Martin (alice)", "user_id": "1"},
           ("associate", "xee.pin_rejected",
            {"status": 400, "type": "PARAMETER_ERROR", "message": "",
             "tip": "Check the device id and the pin",
             "endpoint": "POST /devices/E133742015/associate"}),
           {"xee_pin": "48 21"}, {"E133742015": 1}),
    Sample("rufus",
           {"api_key": "ror-ae4fc6c19681a20fad30", "rufus_model": "Model X1",
            "rufus_serial": "DEVICE-123", "rufus_alias": "Front door",
            "rufus_firmware": "1.4.2"},
           {"deviceid": "65A1B7E0C6BC3D32C268C1506E3F6F39E225DC6ED79573E177E7243E8E38115B",
            "model": "Model X1", "serial_number": "DEVICE-123", "alias": "Front door",
            "firmware": "1.4.2"},
           ("bind", "rufus.write_access_missing",
            {"status": 403, "message": "Forbidden: wrong api key access type",
             "endpoint": "POST /devices"}),
           {"rufus_model": ""}),
    Sample("zype",
           {"api_key": "zk_9f0c3a7d1e5b4c2a8f6e", "zype_consumer_id": "5a3b9c1d2e4f60718293a4b5",
            "zype_email": "jane.doe@example.com", "zype_pin": "zabc123"},
           {"id": "5c8f1e2a9b3d4c5e6f7a8b9c", "pin": "zabc123",
            "consumer_id": "5a3b9c1d2e4f60718293a4b5",
            "linked_device_id": "roku-4f2a9c", "linked": True,
            "pin_expiration": "2026-11-22T15:53:50.198-04:00", "subscription_count": 1},
           ("link", "zype.pin_not_found",
            {"status": 404, "message": "Device Pin not found", "endpoint": "PUT /pin/link"}),
           {"zype_pin": "zab12"}),
)
PROVIDERS = tuple(sample.provider for sample in SAMPLES)
VALUES: dict[str, dict[str, Any]] = {sample.provider: sample.values for sample in SAMPLES}
RESULTS: dict[str, dict[str, Any]] = {sample.provider: sample.result for sample in SAMPLES}
FAILURES: dict[str, tuple[str, str, dict[str, Any]]] = {
    sample.provider: sample.failure for sample in SAMPLES}
_SAMPLE = {sample.provider: sample for sample in SAMPLES}


def documented_error(provider: str) -> dict[str, Any]:
    from app.core import errors_table
    from app.core.errors import build_error

    operation, kind, fields = FAILURES[provider]
    rows = errors_table.PROVIDER_ROWS[provider][operation]
    row = next(r for r in rows if r.kind == kind)
    error = build_error(row.kind, row.category, row.advice, provider=provider,
                        may_have_reached_server=row.may_have_reached_server, **fields)
    return error.to_dict()


def _scenes(provider: str) -> list[tuple[str, Callable[[Any], None]]]:
    from app.core import flow
    from app.core.flow import Page
    from app.ui.i18n import flow_text, translate

    values = VALUES[provider]
    sample = _SAMPLE[provider]
    info = flow.PROVIDERS[provider]

    def base(wizard: Any, page: Page, **extra: Any) -> None:
        state = flow.select(wizard.state, provider, flow.DEMO)
        state.update(values)
        state.update(extra)
        wizard.state = state
        wizard.go(page)

    def provider_page(w: Any) -> None:
        w.state = flow.select(flow.new_state(), provider, flow.DEMO)
        w.go(Page.PROVIDER)

    def credentials(w: Any) -> None:
        base(w, Page.CREDENTIALS)
        page = w.pages[Page.CREDENTIALS]
        if info.has_api_key:
            page.api_key.key.edit.setText(values["api_key"])
            page.api_key.test_status.show_message("success", flow_text("The key works."))

    def signing_in(w: Any) -> None:
        base(w, Page.CREDENTIALS, xee_account="")
        panel = w.pages[Page.CREDENTIALS].xee
        panel.sign_in.hide()
        panel.intro.show()
        panel.account.hide()
        panel.waiting.show()
        panel.countdown.setText(translate("XeeSignInPanel", "Waiting for the browser… {time} "
                                          "left").format(time="4:52"))
        panel.url.setText(f"{DEMO_URL}/xee/v3/auth/auth?response_type=code&client_id="
                          "pairing-wizard-demo&redirect_uri=http%3A%2F%2F127.0.0.1%3A53127"
                          "%2Fcallback&scope=devices_management+users_read+cars_read&state=…")
        panel.url.setCursorPosition(0)
        panel.demo_accounts.setText(translate(
            "XeeSignInPanel", "Demo accounts for the sandbox's sign-in page: {accounts}").format(
                accounts="alice@example.com / alice-demo, bob@example.com / bob-demo"))
        panel.demo_accounts.show()

    def device(w: Any) -> None:
        base(w, Page.DEVICE)
        page = w.pages[Page.DEVICE]
        if sample.pin_failures:
            w.state["pin_failures"] = {sample.provider: dict(sample.pin_failures)}
            page.refresh_errors()

    def device_invalid(w: Any) -> None:
        base(w, Page.DEVICE, **sample.invalid)
        page = w.pages[Page.DEVICE]
        for row in page.rows.values():
            row.touch()
        w.refresh()

    def review(w: Any) -> None:
        base(w, Page.REVIEW)

    def pairing(w: Any) -> None:
        base(w, Page.PAIRING)
        page = w.pages[Page.PAIRING]
        page.elapsed.setText(page.waiting_text(1.2))
        w.refresh()

    def success(w: Any) -> None:
        base(w, Page.RESULT, result=RESULTS[provider], error=None)

    def failure(w: Any) -> None:
        base(w, Page.RESULT, result=None, error=documented_error(provider))

    scenes = [("1-provider", provider_page), ("2-credentials", credentials)]
    if info.signs_in:
        scenes.append(("2-signing-in", signing_in))
    scenes += [("3-device", device), ("3-device-invalid", device_invalid),
               ("4-review", review), ("5-pairing", pairing), ("6-result-success", success),
               ("6-result-failure", failure)]
    return scenes


def render_all(outdir: Path | str, themes: Iterable[str] = THEMES,
               providers: Iterable[str] = PROVIDERS, language: str = "en",
               scenes: Iterable[str] | None = None) -> list[Path]:
    """Render the scenes into `outdir`; returns the files written. `language`: "en",
    "fr", "es" or "pseudo"; `scenes`: only these scene names (e.g. "1-provider")."""
    outdir = Path(outdir)
    written: list[Path] = []
    wanted = set(scenes) if scenes is not None else None
    with _rendering(outdir, language) as (app, use_theme, settings_file):
        for theme_name in themes:
            use_theme(theme_name)
            for provider in providers:
                for name, scene in _scenes(provider):
                    if wanted is not None and name not in wanted:
                        continue
                    path = outdir / f"{provider}-{name}-{theme_name}.png"
                    written.append(_render(app, settings_file(), scene, path))
    return written


@contextlib.contextmanager
def _rendering(outdir: Path, language: str) -> Iterator[tuple[Any, Callable[[str], None],
                                                             Callable[[], Any]]]:
    """The offscreen QApplication in Fusion with `language`, `outdir` made, and a
    scratch folder; yields (app, use_theme(name), settings_file()) and restores the
    app's language, style and palette afterwards."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.ui import i18n, theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    outdir.mkdir(parents=True, exist_ok=True)
    old_palette, old_style = app.palette(), app.style().name()

    def use_theme(theme_name: str) -> None:
        app.setPalette(theme.light_palette() if theme_name == "light"
                       else theme.dark_palette())

    with tempfile.TemporaryDirectory() as scratch:
        def settings_file() -> Any:
            return QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)

        i18n.install(app, language)
        try:
            app.setStyle("Fusion")
            yield app, use_theme, settings_file
        finally:
            i18n.uninstall(app)
            app.setStyle(old_style)
            app.setPalette(old_palette)


def build_scene(provider: str, name: str, settings: Any, size: tuple[int, int] = SIZE) -> Any:
    """One scene's wizard, shown (not grabbed): the layout tests inspect it."""
    from app.ui.i18n import translate
    from app.ui.wizard import PairingWizard

    scene = dict(_scenes(provider))[name]
    wizard = PairingWizard(demo=True, settings=settings, render_only=True)
    wizard.banner.set_detail(translate("PairingWizard", "Nothing leaves this computer · {url}")
                             .format(url=DEMO_URL))
    wizard.resize(*size)
    scene(wizard)
    wizard.show()
    return wizard


def scene_names(provider: str) -> list[str]:
    return [name for name, _scene in _scenes(provider)]


def _render(app: Any, settings: Any, scene: Callable[[Any], None], path: Path) -> Path:
    from app.ui.i18n import translate
    from app.ui.wizard import PairingWizard

    wizard = PairingWizard(demo=True, settings=settings, render_only=True)
    wizard.banner.set_detail(translate("PairingWizard", "Nothing leaves this computer · {url}")
                             .format(url=DEMO_URL))
    wizard.resize(*SIZE)
    scene(wizard)
    wizard.show()
    app.processEvents()
    if not wizard.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    wizard.close()
    wizard.deleteLater()
    app.processEvents()
    return path


# --- the support tools: the History window, the batch dialog, the network check -------

TOOL_SIZE = (1060, 660)
TOOLS = ("history", "batch", "network-check")
BATCH_FILE = "C:/Users/support/Documents/shop-devices.csv"   # the batch scene's file


def _history_entries() -> list[Any]:
    from app.core.history import HistoryEntry
    from app.core.messages import PROVIDER_ERROR, as_message

    rows = [
        ("2026-03-12T09:41:07Z", "rufus", "demo", "pair", {"serial_number": "DEVICE-123",
         "model": "Model X1", "alias": "Front door", "deviceid": RESULTS["rufus"]["deviceid"]},
         "ok", None, None, ""),
        ("2026-03-12T09:38:52Z", "rufus", "demo", "pair", {"serial_number": "DEVICE-122",
         "model": "Model X1"}, "failed", "rufus.write_access_missing", 403,
         "This RUFUS api key may not bind devices (it needs WRITE or READ_WRITE access). "
         "Use a key with write access, or change this key's access type in the RUFUS "
         "console."),
        ("2026-03-12T09:30:15Z", "xee", "demo", "pair", {"device_id": "E133742015",
         "user": "Alice Martin (alice)"}, "ok", None, None, ""),
        ("2026-03-12T09:29:40Z", "xee", "demo", "sign-in", {"user": "Alice Martin (alice)"},
         "ok", None, None, ""),
        ("2026-03-11T16:05:02Z", "zype", "demo", "pair", {"consumer_id":
         "5a3b9c1d2e4f60718293a4b5", "pin": "zabc123"}, "unknown", "cancelled", None,
         "Pairing was cancelled while waiting for Zype: check the pin's status."),
        ("2026-03-11T15:58:31Z", "zype", "demo", "undo", {"consumer_id":
         "5a3b9c1d2e4f60718293a4b5", "pin": "zkit456"}, "ok", None, None, ""),
        ("2026-03-11T11:12:45Z", "xee", "demo", "pair", {"device_id": "E133742040",
         "user": "Alice Martin (alice)"}, "failed", "xee.box_locked", 403,
         "This box has already failed 3 association attempts, so Xee refuses any further "
         "pin for it: do not try again, ask Xee support (or the box owner, from their Xee "
         "account) to unlock the box, then associate it."),
    ]
    return [HistoryEntry(id=len(rows) - i, time=t, provider=p, environment=e, action=a,
                         identifiers=ids, outcome=o, error_kind=k, error_status=st,
                         request_id=None, message=as_message(m, PROVIDER_ERROR) if m else m)
            for i, (t, p, e, a, ids, o, k, st, m) in enumerate(rows)]


def _batch_scene(dialog: Any) -> None:
    import hashlib

    from app.core.batch import JournalRow, Progress, check_bytes
    from app.core.errors import provider_name
    from app.core.messages import BATCH, PROVIDER_ERROR, Message, joined
    from app.ui.i18n import core_text

    lines = ["model,serial_number,alias,firmware"]
    for n in range(1, 31):
        lines.append(f"Model X1,SHOP-{n:04d},Shelf {n},1.4.2")
    lines[2] = "Model X1,,Shelf 2,1.4.2"                # no serial number: invalid
    lines[7] = ",SHOP-0007,Shelf 7,1.4.2"               # no model: invalid
    report = check_bytes("\n".join(lines).encode(), "rufus", "shop-devices.csv")
    dialog.report = report
    dialog.file_label.setText(BATCH_FILE)
    dialog.model.load(report)
    dialog._size_columns()
    dialog.show_check(report)
    dialog.skip_invalid.setChecked(True)
    rows = []
    for check in report.rows:
        n = check.row_no
        if not check.ok:
            state, message = "skipped", joined(check.problems)
        elif n == 4:
            state, message = "unknown", Message(
                BATCH, "RUFUS's answer was lost ({reason}) and the device list could not be "
                "read: check by hand whether serial number {serial} is bound (RUFUS "
                "console).", reason="network.timeout", serial="SHOP-0004")
        elif n == 9:
            state, message = "failed", Message(
                PROVIDER_ERROR, "A device with this serial number is already bound to this "
                "RUFUS account (deviceid {deviceid}). Hand over that deviceid, or unbind that "
                "device first if it must be bound again.", deviceid="7F3A9C01")
        elif n <= 16:
            state, message = "done", ""
        elif n <= 19:
            state, message = "sending", ""
        else:
            state, message = "pending", ""
        ids = {"serial_number": check.values.get("serial_number", "")}
        if state == "done":
            ids["deviceid"] = hashlib.sha256(ids["serial_number"].encode()).hexdigest().upper()
        rows.append(JournalRow(1, n, ids, state, 1, ids.get("deviceid"),
                               "rufus.serial_taken" if state == "failed" else None,
                               409 if state == "failed" else None, message))
    dialog.model.apply(rows)
    counts = {state: sum(1 for r in rows if r.state == state)
              for state in ("done", "failed", "unknown", "skipped", "pending", "sending")}
    progress = Progress(total=30, done=counts["done"], failed=counts["failed"],
                        unknown=counts["unknown"], skipped=counts["skipped"],
                        pending=counts["pending"], in_flight=counts["sending"], elapsed=6.2,
                        eta=4.1, concurrency=4)
    dialog.progress.setRange(0, 30)
    dialog.progress.setValue(progress.finished)
    dialog.status_label.setText(dialog._counts_text(progress))
    dialog.notice.show_message("warning", core_text(Message(
        BATCH, "{provider} asked us to slow down: waiting {seconds} s (now {limit} at a time)",
        provider=provider_name("rufus"), seconds=5, limit=4)))
    dialog.update_buttons()
    dialog.start_button.setEnabled(False)
    dialog.cancel_button.setEnabled(True)
    dialog.table.clearSelection()
    dialog.table.setCurrentIndex(dialog.model.index(-1, -1))
    for widget in (dialog.open_button, dialog.template_button, dialog.concurrency,
                   dialog.skip_invalid):
        widget.setEnabled(False)


def render_tools(outdir: Path | str, themes: Iterable[str] = THEMES,
                 language: str = "en", tools: Iterable[str] = TOOLS) -> list[Path]:
    """The History window, the batch dialog and the network check, light and dark
    (`tools`: only these, of TOOLS)."""
    outdir = Path(outdir)
    written: list[Path] = []
    with _rendering(outdir, language) as (app, use_theme, settings_file):
        for theme_name in themes:
            use_theme(theme_name)
            for name in [t for t in TOOLS if t in set(tools)]:
                scene = _tool_scenes()[name]
                path = outdir / f"tools-{name}-{theme_name}.png"
                written.append(_render_tool(app, settings_file(), scene, path))
    return written


def _tool_scenes() -> dict[str, Callable[[Any], Any]]:
    return {"history": _history_window, "batch": _batch_dialog,
            "network-check": _network_check}


def build_tool(name: str, settings: Any) -> tuple[Any, Any]:
    """One tool's scene, shown (not grabbed), with its render-only wizard: the layout
    and accessibility tests inspect it. -> (wizard, window)."""
    from app.ui.i18n import translate
    from app.ui.wizard import PairingWizard

    wizard = PairingWizard(demo=True, settings=settings, render_only=True)
    wizard.banner.set_detail(translate("PairingWizard", "Nothing leaves this computer · {url}")
                             .format(url=DEMO_URL))
    wizard.resize(*SIZE)
    widget = _tool_scenes()[name](wizard)
    widget.show()
    return wizard, widget


def _history_window(wizard: Any) -> Any:
    from app.ui.history_window import HistoryWindow

    window = HistoryWindow(wizard)
    window.model.set_entries(_history_entries())
    window.count.setText(window.count_text(len(window.model.entries)))
    window.table.selectRow(1)
    window.resize(*TOOL_SIZE)
    return window


def _batch_dialog(wizard: Any) -> Any:
    from app.core import flow
    from app.ui.batch_dialog import BatchDialog

    state = flow.select(wizard.state, "rufus", flow.DEMO)
    state.update(VALUES["rufus"])
    wizard.state = state
    dialog = BatchDialog(wizard)
    _batch_scene(dialog)
    dialog.resize(*TOOL_SIZE)
    return dialog


def _network_check(wizard: Any) -> Any:
    from app.core import flow
    from app.core.netcheck import NetCheckReport, Step
    from app.ui.i18n import translate
    from app.ui.network_check import NetworkCheckDialog, step_detail, step_lines, steps_html

    wizard.state = flow.select(flow.new_state(), "rufus", flow.PRODUCTION)
    dialog = NetworkCheckDialog(wizard)
    report = NetCheckReport("rufus", "https://api.runonrufus.com/v0", [
        Step("DNS", True, "api.runonrufus.com is 203.0.113.24", elapsed_ms=18),
        Step("TCP", True, "connected to api.runonrufus.com port 443", elapsed_ms=41),
        Step("TLS", False, "the certificate is not trusted",
             "a company proxy may inspect traffic; ask IT to install its certificate in "
             "the system store", 37),
    ])
    from app.core.errors import provider_name

    context = "NetworkCheckDialog"
    rufus = provider_name("rufus")
    dialog.title.setText(translate(context, "Network check: {provider}").format(
        provider=rufus))
    dialog.where.setText(translate(context, "API address: {address}").format(
        address=report.api_root))
    dialog.report = report
    failure = report.steps[-1]
    dialog.summary.show_message("error", translate(
        context, "{provider} is NOT reachable from this computer.").format(provider=rufus)
        + f" {failure.name}: {step_detail(failure)}.")
    dialog.steps.setText(steps_html(report))
    dialog.steps.setAccessibleDescription("\n".join(step_lines(report)))
    dialog.card.show()
    dialog.copy.setEnabled(True)
    dialog.resize(680, 380)
    return dialog


def _render_tool(app: Any, settings: Any, scene: Callable[[Any], Any], path: Path) -> Path:
    from app.ui.wizard import PairingWizard

    wizard = PairingWizard(demo=True, settings=settings, render_only=True)
    from app.ui.i18n import translate

    wizard.banner.set_detail(translate("PairingWizard", "Nothing leaves this computer · {url}")
                             .format(url=DEMO_URL))
    wizard.resize(*SIZE)
    widget = scene(wizard)
    widget.show()
    app.processEvents()
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    widget.close()
    wizard.close()
    wizard.deleteLater()
    app.processEvents()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.screenshots",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", nargs="?", default="docs/screenshots")
    parser.add_argument("--theme", choices=THEMES, action="append")
    parser.add_argument("--provider", choices=PROVIDERS, action="append")
    parser.add_argument("--language", choices=("en", "fr", "es"), default="en",
                        help="render in this language (needs the built .qm files)")
    parser.add_argument("--pseudo", action="store_true",
                        help="the pseudo-translation: every text about twice as long")
    parser.add_argument("--scene", action="append",
                        help="only this scene, e.g. 1-provider (repeatable)")
    parser.add_argument("--no-tools", action="store_true",
                        help="leave out the History, batch and network-check windows")
    parser.add_argument("--tools-only", action="store_true",
                        help="only the History, batch and network-check windows")
    parser.add_argument("--tool", choices=TOOLS, action="append",
                        help="only this tool window (repeatable)")
    args = parser.parse_args(argv)
    language = "pseudo" if args.pseudo else args.language
    files: list[Path] = []
    if not args.tools_only:
        files += render_all(args.outdir, args.theme or THEMES, args.provider or PROVIDERS,
                            language=language, scenes=args.scene)
    if not args.no_tools:
        files += render_tools(args.outdir, args.theme or THEMES, language=language,
                              tools=args.tool or TOOLS)
    print(f"Wrote {len(files)} screenshots to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
