"""Workaround: PySide6 6.12 (abi3 wheels) returns None, True and False without a new
reference when running on CPython 3.11: every Qt method returning None (setText,
setEnabled, …) and every `signal.emit()` from Python takes one reference away from
the singleton. Built for >= 3.12, where those objects are immortal and need no
reference counting, the wheel still installs on 3.11, where after a few thousand
calls the interpreter aborts ("Fatal Python error: none_dealloc" / "bool_dealloc").

We give None, True and False a huge reference count up front: harmless (they are
never freed anyway) and a no-op where they are immortal (CPython >= 3.12).
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40
_applied = False


def protect_singletons() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes  # here: nothing else needs it before the first paint

    for value in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += _HEADROOM
    _applied = True


def qt_steals_references() -> bool:
    """True when this PySide6 has the bug (the guard test reports it)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before

