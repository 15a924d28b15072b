"""The named mutex that tells the Windows installer and uninstaller the app is running.

While Pairing Wizard runs, its exe and DLLs cannot be replaced: a silent upgrade would
leave the old exe beside the new libraries. The installer (packaging/windows/
installer.nsi, APP_MUTEX: the same name) opens this mutex and asks to close the app, or
fails with exit code 3 when silent. Held for the process's life; Windows frees it when
the process ends, however it ends. Nothing to do on other systems.
"""

from __future__ import annotations

import sys

MUTEX_NAME = "Local\\PairingWizard-Running"
_handle: int | None = None


def hold_running_mutex() -> int | None:
    """Create (or open) the mutex and keep its handle; None outside Windows or on error."""
    global _handle
    if sys.platform != "win32" or _handle is not None:
        return _handle
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p]
    # Not owned: it only has to exist while a process holds a handle to it.
    _handle = kernel32.CreateMutexW(None, 0, MUTEX_NAME) or None
    return _handle
