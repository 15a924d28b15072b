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


def browser_argv(command: str, url: str) -> list[str]:
    """The argument list for a command line: `{url}` is replaced, else the URL is appended."""
    argv = shlex.split(command, posix=(os.name != "nt"))
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
