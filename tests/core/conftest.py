"""Helpers for the provider-layer tests (the `sandbox` fixture is in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
