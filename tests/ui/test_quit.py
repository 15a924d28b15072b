"""Quitting the app from outside the window (QApplication.exit, QApplication.quit /
Cmd+Q) still cancels the wizard's tasks and closes its HTTP client: the real start-up
loop of app.ui.main, in a subprocess (it owns the QApplication and the qasync loop)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

QUIT_PROBE = r"""
import asyncio, json, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
import qasync
from app.ui import main
from app.ui.wizard import PairingWizard

app = QApplication(sys.argv[:1])
wizard = PairingWizard(demo=False, settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
wizard.show()
loop = qasync.QEventLoop(app)
seen = {"cancelled": False, "client": None}

async def pending_request():
    seen["client"] = await wizard.services.http()
    # Quit once the request is really pending (a loaded machine may take longer than
    # any fixed delay to build the client).
    QTimer.singleShot(100, quit_now)
    try:
        await asyncio.sleep(1000)
    except asyncio.CancelledError:
        seen["cancelled"] = True
        raise

def start():
    wizard.spawn(pending_request(), "pending")

def quit_now():
    if sys.argv[2] == "exit":
        app.exit(0)
    else:
        app.quit()

QTimer.singleShot(100, start)
code = main._run_loop(loop, wizard, False)
client = seen["client"]
print(json.dumps({"code": code, "cancelled": seen["cancelled"],
                  "shut_down": wizard.is_shut_down,
                  "client_closed": client is not None and client.is_closed}))
"""


@pytest.mark.parametrize("how", ["exit", "quit"])
def test_quitting_the_app_cancels_tasks_and_closes_the_http_client(tmp_path, how):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PAIRING_WIZARD_LOG_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", QUIT_PROBE, str(tmp_path / "s.ini"), how],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "cancelled": True, "shut_down": True,
                      "client_closed": True}, done.stderr
    assert "Task was destroyed but it is pending" not in done.stderr
