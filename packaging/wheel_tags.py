"""The oldest macOS the bundle runs on: the highest macOS floor of the Qt wheels in it.

PySide6's macOS wheels are tagged with the macOS they were built for (6.7: 11, 6.8 and
6.9: 12, 6.10 and 6.11: 13, 6.12: 14; e.g. `cp39-abi3-macosx_14_0_universal2`), and
their Qt libraries refuse older systems. The spec writes this into Info.plist's
LSMinimumSystemVersion, so Finder says "needs macOS 14" instead of a crash at start.
"""

from __future__ import annotations

import re
from importlib import metadata

QT_DISTRIBUTIONS = ("PySide6_Essentials", "PySide6", "shiboken6")
_MACOS_TAG = re.compile(r"macosx_(\d+)_(\d+)_")


def macos_floor(wheel_text: str) -> tuple[int, int] | None:
    """The macOS version a dist-info WHEEL file's Tag lines require (None: no macOS tag)."""
    floors = [(int(m[1]), int(m[2])) for line in wheel_text.splitlines()
              if line.startswith("Tag:") for m in _MACOS_TAG.finditer(line)]
    return min(floors) if floors else None


def minimum_macos(distributions: tuple[str, ...] = QT_DISTRIBUTIONS) -> str | None:
    """"14.0" for an installed PySide6 6.12 macOS wheel; None when none is a macOS wheel."""
    floors = []
    for name in distributions:
        try:
            text = metadata.distribution(name).read_text("WHEEL")
        except metadata.PackageNotFoundError:
            continue
        floor = macos_floor(text or "")
        if floor is not None:
            floors.append(floor)
    if not floors:
        return None
    major, minor = max(floors)
    return f"{major}.{minor}"
