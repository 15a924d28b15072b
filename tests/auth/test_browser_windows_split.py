"""PAIRING_WIZARD_BROWSER is split as Windows splits a command line (pure Python, so it
is tested here on Linux): a quoted program path with spaces must start."""

from __future__ import annotations

import pytest

from app.auth.browser import browser_argv, windows_split

FIREFOX = r"C:\Program Files\Mozilla Firefox\firefox.exe"


def test_quoted_program_path_loses_its_quotes():
    command = rf'"{FIREFOX}" -P support {{url}}'
    assert browser_argv(command, "https://auth.example/?a=1&b=2", windows=True) == [
        FIREFOX, "-P", "support", "https://auth.example/?a=1&b=2"]


def test_url_is_appended_when_there_is_no_placeholder():
    assert browser_argv(rf'"{FIREFOX}"', "https://x/", windows=True) == [FIREFOX, "https://x/"]


# Microsoft's table "Parsing C++ command-line arguments" (argv[1:] after a program "p").
@pytest.mark.parametrize(("arguments", "expected"), [
    ('"a b c" d e', ["a b c", "d", "e"]),
    (r'"ab\"c" "\\" d', ['ab"c', "\\", "d"]),
    (r'a\\\b d"e f"g h', [r"a\\\b", "de fg", "h"]),
    (r'a\\\"b c d', [r'a\"b', "c", "d"]),
    (r'a\\\\"b c" d e', [r"a\\b c", "d", "e"]),
    ('a"b"" c d', ['ab" c d']),
])
def test_arguments_follow_the_c_runtime_rules(arguments, expected):
    assert windows_split(f"p {arguments}") == ["p", *expected]


def test_program_name_keeps_backslashes_and_ends_at_its_quote():
    assert windows_split(r'"C:\dir\\" next') == ["C:\\dir\\\\", "next"]
    assert windows_split(r"C:\x\chrome.exe  --new-window") == [r"C:\x\chrome.exe",
                                                                 "--new-window"]
    assert windows_split("   ") == []


def test_posix_split_is_unchanged():
    assert browser_argv("firefox -P 'my support' {url}", "u", windows=False) == [
        "firefox", "-P", "my support", "u"]


def test_empty_command_is_refused():
    with pytest.raises(ValueError):
        browser_argv('  ', "u", windows=True)
