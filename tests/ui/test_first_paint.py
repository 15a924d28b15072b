"""What the wizard loads before its first paint (the figure bench/startup.py measures).

Not a timing test: it checks, in a fresh process, that the modules meant for later (the
other pages, the Advanced settings, the network check, asyncio and qasync, the HTTP
client, the sandbox) are not loaded before the first paint, for a first start and for
an everyday one, and that the window is painted in the language chosen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
import app.ui.main as main
shown = main._show_until_painted
def at_first_paint(wizard):
    shown(wizard)
    modules = sorted(sys.modules)   # before json: the probe's own import
    import json
    i18n = sys.modules["app.ui.i18n"]
    print(json.dumps({"painted": wizard.has_painted, "pages": len(wizard.pages),
                      "modules": modules, "language": i18n.effective_language()}),
          flush=True)
    import os
    os._exit(0)
main._show_until_painted = at_first_paint

sys.argv = ["pairing-wizard", *ARGUMENTS]
from app.cli import main as cli_main
cli_main()
"""

LATER_MODULES = ("app.ui.pairing_pages", "app.ui.advanced_settings", "app.ui.network_check",
                 "asyncio", "qasync", "httpx2", "uvicorn", "app.sandbox", "keyring", "authlib",
                 "app.auth",
                 # Only for what needs it: a managed configuration file to parse.
                 "ctypes", "tomllib",
                 # Only the CLI's output needs json; the NamedTuples before the paint
                 # spare dataclasses' import (~2-3 ms each).
                 "json", "dataclasses")


def before_first_paint(tmp_path: Path, remembered: dict[str, dict[str, str]] | None,
                       probe: str = PROBE, arguments: tuple[str, ...] = ("--demo",)) -> dict:
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    if remembered:   # QSettings() of the app, on Linux
        conf = tmp_path / "config" / "pairing-wizard" / "Pairing Wizard.conf"
        conf.parent.mkdir(parents=True)
        conf.write_text("".join(f"[{group}]\n" + "".join(f"{k}={v}\n" for k, v in keys.items())
                                for group, keys in remembered.items()), encoding="utf-8")
    probe = probe.replace("*ARGUMENTS", ", ".join(map(repr, arguments)))
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
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
    assert report["pages"] == 1   # the provider page; the others after the paint
    loaded = [m for m in report["modules"]
              if any(m == name or m.startswith(name + ".") for name in LATER_MODULES)]
    assert loaded == []
    assert report["language"] == (remembered or {}).get("ui", {}).get("language", "en")


def test_nothing_later_runs_before_the_everyday_first_paint(tmp_path):
    """The everyday start of bench/startup.py: Xee and its online sandbox remembered, no
    demo (the sign-in is read by the credentials page, after the paint)."""
    report = before_first_paint(tmp_path, {
        "last": {"provider": "xee", "environment": "sandbox"},
        "windows": {"wizard\\size": "@Size(920 640)", "wizard\\position": "@Point(40 30)"},
    }, arguments=())
    assert report["painted"] and report["pages"] == 1
    assert [m for m in report["modules"]
            if any(m == name or m.startswith(name + ".") for name in LATER_MODULES)] == []


def test_the_probe_sees_a_later_module_loaded_before_the_paint(tmp_path):
    # The check above can fail: a module of LATER_MODULES loaded before the paint shows.
    report = before_first_paint(tmp_path, None, PROBE.replace(
        "import app.ui.main as main", "import asyncio\nimport app.ui.main as main"))
    assert "asyncio" in report["modules"]
