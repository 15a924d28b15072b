"""Open the authorization URL: a configured browser command wins over the system default."""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
import sys
import webbrowser

log = logging.getLogger(__name__)

BROWSER_ENV = "PAIRING_WIZARD_BROWSER"
URL_PLACEHOLDER = "{url}"


_WHITESPACE = " \t"


def windows_split(command: str) -> list[str]:
    """Split a command line as Windows does (CommandLineToArgvW and the C runtime).

    `"C:\\Program Files\\Mozilla Firefox\\firefox.exe" -P support {url}` gives the
    unquoted path as the program; `shlex.split(posix=False)` kept the quotes, so it never
    started. The program name is read up to the closing quote (or the first space when
    unquoted), backslashes as they are. In the arguments, 2n backslashes before a quote
    give n backslashes and the quote opens or closes a quoted part, 2n+1 give n and a
    literal quote; `""` inside quotes is a literal quote; other backslashes are literal.
    """
    argv: list[str] = []
    i, n = 0, len(command)
    while i < n and command[i] in _WHITESPACE:
        i += 1
    if i >= n:
        return argv
    if command[i] == '"':  # the program: no escapes, up to the next quote
        end = command.find('"', i + 1)
        end = n if end < 0 else end
        program, i = command[i + 1:end], end + 1
    else:
        start = i
        while i < n and command[i] not in _WHITESPACE:
            i += 1
        program = command[start:i]
    # Windows reads the program name up to the closing quote or a space, then whatever
    # follows it without a space starts the first argument.
    argv.append(program)
    while True:
        while i < n and command[i] in _WHITESPACE:
            i += 1
        if i >= n:
            return argv
        arg: list[str] = []
        quoted = False
        while i < n and (quoted or command[i] not in _WHITESPACE):
            char = command[i]
            if char == "\\":
                start = i
                while i < n and command[i] == "\\":
                    i += 1
                count = i - start
                if i < n and command[i] == '"':
                    arg.append("\\" * (count // 2))
                    if count % 2:
                        arg.append('"')
                        i += 1
                else:
                    arg.append("\\" * count)
                continue
            if char == '"':
                if quoted and i + 1 < n and command[i + 1] == '"':
                    arg.append('"')
                    i += 2
                    continue
                quoted = not quoted
                i += 1
                continue
            arg.append(char)
            i += 1
        argv.append("".join(arg))


def split_command(command: str, *, windows: bool = os.name == "nt") -> list[str]:
    """A browser command line as the OS's own shell would split it."""
    return windows_split(command) if windows else shlex.split(command)


def browser_argv(command: str, url: str, *, windows: bool = os.name == "nt") -> list[str]:
    """The argument list for a command line: `{url}` is replaced, else the URL is appended."""
    argv = split_command(command, windows=windows)
    if not argv:
        raise ValueError("empty browser command")
    if any(URL_PLACEHOLDER in arg for arg in argv):
        return [arg.replace(URL_PLACEHOLDER, url) for arg in argv]
    return [*argv, url]


def configured_command(setting: str | None = None) -> str | None:
    """The browser command in force: the environment variable, then the setting."""
    for candidate in (os.environ.get(BROWSER_ENV), setting):
        if candidate and candidate.strip():
            return candidate
    return None


def _launch_detached(argv: list[str]) -> None:
    kwargs: dict[str, object] = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "close_fds": True,
    }
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        kwargs["start_new_session"] = True  # survives the wizard; no terminal signals
    # A list and no shell: the URL is one argument, never parsed by a shell.
    subprocess.Popen(argv, **kwargs)  # noqa: S603 - the command is the user's own setting


def open_url(url: str, browser_command: str | None = None) -> bool:
    """Open `url` in a browser without waiting. False if that failed: show the URL instead.

    `browser_command` is the wizard's setting; PAIRING_WIZARD_BROWSER, when set, wins.
    """
    command = configured_command(browser_command)
    if command is not None:
        try:
            argv = browser_argv(command, url)
            _launch_detached(argv)
        except (OSError, ValueError) as exc:
            # The URL holds the state: log the program only.
            log.warning("Could not start the browser command: %s", exc.__class__.__name__)
            return False
        log.info("Opened the sign-in page with the configured browser command")
        return True
    try:
        opened = webbrowser.open(url, new=2)
    except webbrowser.Error:
        opened = False
    if not opened:
        log.warning("No system browser could be opened")
    return bool(opened)
