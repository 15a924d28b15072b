"""Opening the sign-in page with a configured browser command: a real tiny program."""

from __future__ import annotations

import json
import shlex
import sys
import time
from pathlib import Path

import pytest

from app.auth.browser import BROWSER_ENV, browser_argv, open_url

URL = "http://127.0.0.1:5555/xee/v3/auth/auth?client_id=c&state=a%20b&scope=x+y"

RECORDER = "import json, sys; open(sys.argv[1], 'w').write(json.dumps(sys.argv[2:]))"


def recorder_command(out: Path, *extra: str) -> str:
    # A "browser" that writes the arguments it got to a file.
    return shlex.join([sys.executable, "-c", RECORDER, str(out), *extra])


def wait_for_args(out: Path) -> list[str]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if out.exists() and out.read_text():
            return json.loads(out.read_text())
        time.sleep(0.05)
    raise AssertionError("the browser command never ran")


def test_env_command_with_url_placeholder(tmp_path, monkeypatch):
    out = tmp_path / "argv.json"
    monkeypatch.setenv(BROWSER_ENV, recorder_command(out, "--new-window", "{url}", "--after"))
    assert open_url(URL) is True
    assert wait_for_args(out) == ["--new-window", URL, "--after"]


def test_env_command_without_placeholder_gets_the_url_appended(tmp_path, monkeypatch):
    out = tmp_path / "argv.json"
    monkeypatch.setenv(BROWSER_ENV, recorder_command(out, "--private"))
    assert open_url(URL) is True
    assert wait_for_args(out) == ["--private", URL]


def test_setting_is_used_when_the_env_var_is_absent(tmp_path, monkeypatch):
    out = tmp_path / "argv.json"
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    assert open_url(URL, browser_command=recorder_command(out)) is True
    assert wait_for_args(out) == [URL]


def test_env_var_wins_over_the_setting(tmp_path, monkeypatch):
    from_env, from_setting = tmp_path / "env.json", tmp_path / "setting.json"
    monkeypatch.setenv(BROWSER_ENV, recorder_command(from_env))
    assert open_url(URL, browser_command=recorder_command(from_setting)) is True
    assert wait_for_args(from_env) == [URL]
    assert not from_setting.exists()


def test_no_shell_is_involved(tmp_path, monkeypatch):
    out = tmp_path / "argv.json"
    marker = tmp_path / "injected"
    nasty = f"http://127.0.0.1:1/cb?x=1;touch {marker}&y=$(touch {marker})"
    monkeypatch.setenv(BROWSER_ENV, recorder_command(out))
    assert open_url(nasty) is True
    assert wait_for_args(out) == [nasty]
    assert not marker.exists()


def test_missing_program_returns_false_so_the_caller_shows_the_url(tmp_path, monkeypatch):
    monkeypatch.setenv(BROWSER_ENV, str(tmp_path / "no-such-browser") + " --flag")
    assert open_url(URL) is False


def test_unbalanced_quotes_return_false(monkeypatch):
    monkeypatch.setenv(BROWSER_ENV, 'firefox "--unterminated')
    assert open_url(URL) is False


def test_browser_argv_rules():
    assert browser_argv("firefox", URL) == ["firefox", URL]
    assert browser_argv("open -a 'Google Chrome' {url}", URL) == [
        "open",
        "-a",
        "Google Chrome",
        URL,
    ]
    assert browser_argv("b --app={url}", URL) == ["b", f"--app={URL}"]
    with pytest.raises(ValueError):
        browser_argv("   ", URL)
