"""Start this app again ("Restart now" after a language change), as it was started."""

from __future__ import annotations

import sys


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that start this app again as it was started: a frozen
    app is its own executable; from source, the interpreter with its original command
    line (`python -m app --demo`, or the `pairing-wizard` script and its options)."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(sys.argv[1:])
    return sys.executable, list(getattr(sys, "orig_argv", [sys.executable, *sys.argv])[1:])


def start_detached(program: str, arguments: list[str]) -> bool:
    """Start `program` as a process of its own (it outlives this one); False if it could
    not be started."""
    import os

    from PySide6.QtCore import QProcess

    started = QProcess.startDetached(program, arguments, os.getcwd())
    return bool(started[0] if isinstance(started, tuple) else started)


def start_again() -> bool:
    """Start a new instance of the app with the same arguments (see restart_command)."""
    program, arguments = restart_command()
    return start_detached(program, arguments)
