"""The wizard's pages (app.core.flow's navigation, app.core.providers' fields)."""

from __future__ import annotations

from enum import StrEnum


class Page(StrEnum):
    PROVIDER = "provider"
    CREDENTIALS = "credentials"
    DEVICE = "device"
    REVIEW = "review"
    PAIRING = "pairing"
    RESULT = "result"
