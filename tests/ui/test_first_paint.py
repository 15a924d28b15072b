"""What the wizard does before its first paint (the figure bench/startup.py measures).

Not a timing test: it checks, in a fresh process, the things that made the first paint
slow and must not come back: PySide6's `Qt` namespace (94 enums built at once),
QStyle's or QKeySequence's enums created before the paint, and modules meant for later
(the other pages, the Advanced settings, the network check, asyncio, the sandbox)
loaded before it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import enum, json, sys
created = []
original = enum.EnumType.__new__
def watch(mcls, cls, bases, classdict, **kw):
    created.append(cls)
    return original(mcls, cls, bases, classdict, **kw)
enum.EnumType.__new__ = watch

import app.ui.main as main
shown = main._show_until_painted
def at_first_paint(wizard):
    shown(wizard)
    i18n = sys.modules["app.ui.i18n"]
    print(json.dumps({"painted": wizard.has_painted, "enums": created,
                      "modules": sorted(sys.modules), "language": i18n.effective_language()}),
          flush=True)
    import os
    os._exit(0)
main._show_until_painted = at_first_paint

sys.argv = ["pairing-wizard", "--demo"]
from app.cli import main as cli_main
cli_main()
"""

# An enum of `Qt` (the namespace's first) and of QStyle: each stands for its whole class.
QT_NAMESPACE_ENUM = "AlignmentFlag"
QSTYLE_ENUM = "PixelMetric"
QKEYSEQUENCE_ENUM = "StandardKey"   # the shortcuts come after the paint
LATER_MODULES = ("app.ui.pairing_pages", "app.ui.advanced_settings", "app.ui.network_check",
                 "asyncio", "qasync", "httpx2", "uvicorn", "app.sandbox")


def before_first_paint(tmp_path: Path, remembered: dict[str, dict[str, str]] | None) -> dict:
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    if remembered:   # QSettings() of the app, on Linux
        conf = tmp_path / "config" / "pairing-wizard" / "Pairing Wizard.conf"
        conf.parent.mkdir(parents=True)
        conf.write_text("".join(f"[{group}]\n" + "".join(f"{k}={v}\n" for k, v in keys.items())
                                for group, keys in remembered.items()), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("remembered", [
    None,
    {"last": {"provider": "rufus", "environment": "demo"}},
    {"last": {"provider": "zype", "environment": "demo"}, "ui": {"language": "fr"}},
    {"windows": {"wizard\\size": "@Size(800 600)", "wizard\\position": "@Point(-4000 20)"}},
], ids=["first-start", "provider-remembered", "in-french", "size-remembered"])
def test_nothing_slow_or_later_runs_before_the_first_paint(tmp_path, remembered):
    report = before_first_paint(tmp_path, remembered)
    assert report["painted"]
    assert QT_NAMESPACE_ENUM not in report["enums"], "the Qt namespace was built before the paint"
    assert QSTYLE_ENUM not in report["enums"], "QStyle's enums were built before the paint"
    assert QKEYSEQUENCE_ENUM not in report["enums"], "QKeySequence's enums came before the paint"
    loaded = [m for m in report["modules"]
              if any(m == name or m.startswith(name + ".") for name in LATER_MODULES)]
    assert loaded == []
    assert report["language"] == (remembered or {}).get("ui", {}).get("language", "en")


def test_the_probe_sees_the_qt_namespace_when_it_is_built(tmp_path):
    # The check above can fail: reading `Qt` before the paint shows up in the report.
    probe = PROBE.replace("import app.ui.main as main",
                          "import PySide6.QtCore\nPySide6.QtCore.Qt\nimport app.ui.main as main")
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert QT_NAMESPACE_ENUM in json.loads(done.stdout.strip().splitlines()[-1])["enums"]
