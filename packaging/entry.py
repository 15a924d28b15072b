"""The frozen app's entry point (PyInstaller): the same `pairing-wizard` command.

A windowed build (Windows, a macOS app started from Finder) may have no stdout or
stderr: `sys.stdout` is None there, and libraries that write to it or ask
`isatty()` (uvicorn's log formatter, in the demo sandbox) would crash. Such
streams are pointed at the null device first.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))

from app.cli import main  # noqa: E402 - after the streams exist

if __name__ == "__main__":
    raise SystemExit(main())
