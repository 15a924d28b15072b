"""Cancel, the event loop during a slow request, closing, pair another, the keychain,
remembered settings, saving the deviceid, the excepthook, --smoke, screenshots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import answer_dialog, choose, click, find, result_text, type_into, wait_page
from .test_errors import rufus_to_review
from .test_rufus import rufus_key

ROOT = Path(__file__).resolve().parents[2]


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_cancel_during_a_slow_request_keeps_the_window_alive(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "SLOW-0001")
    sandbox.set_faults(latency_ms=1500)

    beats = []
    heartbeat = QTimer()
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: beats.append(1))
    elapsed = find(wizard, "pairingElapsed")
    painter = PaintCounter()
    elapsed.installEventFilter(painter)
    heartbeat.start()
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    pair = find(wizard, "pairButton")
    assert not pair.isVisible() or not pair.isEnabled()       # nothing twice
    assert not find(wizard, "backButton").isVisible()
    before = len(beats)
    qtbot.wait(900)                         # the sandbox holds the request for 1.5 s
    assert wizard.current is Page.PAIRING   # still waiting, and meanwhile:
    assert len(beats) - before >= 5         # the loop kept turning (generous: 18 due)
    assert painter.count >= 2               # and the page repainted (elapsed time)
    assert "Waiting for the answer" in elapsed.text()
    click(qtbot, wizard, "cancelButton")
    wait_page(qtbot, wizard, Page.RESULT)
    heartbeat.stop()
    assert "cancelled" in result_text(wizard)
    assert "may already have reached RUFUS" in result_text(wizard)
    assert wizard.tasks() == set() or all(t.done() for t in wizard.tasks())
    click(qtbot, wizard, "fixInputButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    run(qtbot, wizard.shutdown())


def test_closing_cancels_the_request_and_closes_the_client(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "CLOSE-0001")
    sandbox.set_faults(latency_ms=1500)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    client = wizard.services.client()
    pair_task = next(t for t in wizard.tasks() if t.get_name() == "pair")
    with qtbot.waitSignal(wizard.closed, timeout=WAIT_MS):
        wizard.close()
    assert pair_task.cancelled()
    assert client.is_closed
    assert not wizard.isVisible()


def test_rufus_pair_another_asks_before_losing_the_deviceid(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "KEEP-0001")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    deviceid = wizard.state["result"]["deviceid"]

    click(qtbot, wizard, "pairAnotherButton")
    answer_dialog(qtbot, "deviceidDialog", yes=False)            # "Go back"
    qtbot.wait(50)
    assert wizard.current is Page.RESULT
    assert find(wizard, "rufusDeviceIdEdit").text() == deviceid

    target = Path(wizard.services.settings.fileName()).parent / "deviceid.txt"
    click(qtbot, wizard, "saveDeviceIdButton")
    qtbot.waitUntil(lambda: _file_dialog() is not None, timeout=WAIT_MS)
    dialog = _file_dialog()
    dialog.setDirectory(str(target.parent))
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")   # Qt's own (non-native) dialog
    name_edit.setText(target.name)
    dialog.accept()
    status = find(wizard, "deviceIdStatus")
    qtbot.waitUntil(lambda: "Saved" in status.text(), timeout=WAIT_MS)
    assert f"deviceid={deviceid}" in target.read_text(encoding="utf-8")

    click(qtbot, wizard, "pairAnotherButton")                    # saved: no question
    wait_page(qtbot, wizard, Page.DEVICE)
    assert wizard.state["api_key"] == rufus_key(fx, "READ_WRITE")
    assert find(wizard, "rufusSerialEdit").text() == ""
    assert find(wizard, "rufusModelEdit").text() == "Model X1"  # a batch is alike
    run(qtbot, wizard.shutdown())


def _file_dialog() -> QFileDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            return widget
    return None


def test_remember_in_keychain_and_remembered_provider(qtbot, sandbox, make_wizard, keychain):
    fx = sandbox.fixtures()
    key = rufus_key(fx, "READ_WRITE")
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")
    type_into(qtbot, wizard, "apiKeyEdit", key)
    find(wizard, "rememberKeyCheck").setChecked(True)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    qtbot.waitUntil(lambda: keychain.get_password("pairing-wizard/rufus", "demo") == key,
                    timeout=WAIT_MS)
    settings_text = Path(wizard.services.settings.fileName()).read_text()
    assert key not in settings_text                          # never in a settings file
    run(qtbot, wizard.shutdown())

    again = make_wizard(sandbox.url)
    assert again.state["provider"] == "rufus"                # remembered between runs
    click(qtbot, again, "nextButton")
    wait_page(qtbot, again, Page.CREDENTIALS)
    qtbot.waitUntil(lambda: find(again, "apiKeyEdit").text() == key, timeout=WAIT_MS)
    assert find(again, "rememberKeyCheck").isChecked()
    find(again, "rememberKeyCheck").setChecked(False)
    click(qtbot, again, "nextButton")
    qtbot.waitUntil(lambda: keychain.get_password("pairing-wizard/rufus", "demo") is None,
                    timeout=WAIT_MS)
    run(qtbot, again.shutdown())


def test_the_key_is_masked_with_a_reveal_toggle(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    edit = find(wizard, "apiKeyEdit", QLineEdit)
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    edit.findChild(QObject, "apiKeyEditReveal").trigger()
    assert edit.echoMode() == QLineEdit.EchoMode.Normal
    run(qtbot, wizard.shutdown())


def test_unexpected_errors_are_logged_and_shown(qtbot, qloop, caplog):
    from app.ui import errors_dialog

    try:
        raise ValueError("boom api_key=SECRET123")
    except ValueError as exc:
        errors_dialog.excepthook(type(exc), exc, exc.__traceback__)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "unexpectedErrorDialog")
    assert "boom" in box.informativeText() and "SECRET123" not in box.informativeText()
    assert "SECRET123" not in caplog.text and "boom" in caplog.text
    box.close()
    box.deleteLater()


def test_smoke_prints_first_paint_and_exits_0(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PAIRING_WIZARD_LOG_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "app", "--demo", "--smoke"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout
    first_paint = json.loads(lines[0])["first_paint_ms"]
    assert isinstance(first_paint, int) and first_paint > 0


def test_screenshots_render_every_page(qtbot, tmp_path):
    from app.ui.screenshots import render_all

    files = render_all(tmp_path, themes=("light", "dark"), providers=("xee", "rufus", "zype"))
    assert len(files) == 2 * (9 + 8 + 8)
    for path in files:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 700 and image.height() >= 500, path
        assert path.stat().st_size > 10_000, path
        corner = image.pixelColor(5, image.height() - 5)
        middle = image.pixelColor(image.width() // 2, image.height() // 3)
        colors = {image.pixel(x, y) for x in range(0, image.width(), 37)
                  for y in range(0, image.height(), 29)}
        assert len(colors) > 8, path                       # not a blank image
        assert corner.isValid() and middle.isValid()
    light = QImage(str(tmp_path / "rufus-1-provider-light.png"))
    dark = QImage(str(tmp_path / "rufus-1-provider-dark.png"))
    assert light.pixelColor(400, 500).lightness() > 180    # light theme is light
    assert dark.pixelColor(400, 500).lightness() < 80      # dark theme is dark


LAZY_PROBE = """
import json, sys
import app.cli
import app.ui.wizard as wizard_module
# The sandbox, the network and keychain libraries, and the event loop itself (asyncio,
# qasync): all after the first paint.
heavy = ("uvicorn", "starlette", "authlib", "httpx2", "keyring", "app.sandbox.server",
         "asyncio", "qasync")
original = wizard_module.PairingWizard.__init__
def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    def report():
        loaded = [name for name in heavy if name in sys.modules]
        print("LOADED " + json.dumps(loaded), file=sys.stderr, flush=True)
        print("PAGES " + json.dumps([page.value for page in self.pages]), file=sys.stderr,
              flush=True)
    self.painted.connect(report)
wizard_module.PairingWizard.__init__ = init
sys.exit(app.cli.main(["--demo", "--smoke"]))
"""


def test_first_paint_happens_before_any_heavy_import(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PAIRING_WIZARD_LOG_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", LAZY_PROBE], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    report = next(line for line in done.stderr.splitlines() if line.startswith("LOADED "))
    assert json.loads(report.removeprefix("LOADED ")) == []
    # The first paint is the real window on its first page; the other pages come after.
    pages = next(line for line in done.stderr.splitlines() if line.startswith("PAGES "))
    assert json.loads(pages.removeprefix("PAGES ")) == ["provider"]
    assert '"first_paint_ms"' in done.stdout


def test_the_wizards_http_client_uses_the_os_trust_store_and_system_proxies():
    import ssl

    from PySide6.QtCore import QSettings

    from app.ui.services import Services

    services = Services(QSettings(), demo=False, sandbox=None)
    client = services.client()
    context = client._transport._pool._ssl_context
    assert client.trust_env is True
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert type(context).__module__.startswith("truststore")
