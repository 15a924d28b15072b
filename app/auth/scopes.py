"""The Xee scopes asked for by default: here, not in app.auth.oauth, so that a settings
box can show them without importing authlib on the GUI thread."""

from __future__ import annotations

# cars_read: Check now lists the user's cars to see whether a box was associated.
DEFAULT_SCOPES: tuple[str, ...] = ("devices_management", "users_read", "cars_read")
