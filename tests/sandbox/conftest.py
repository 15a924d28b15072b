"""A plain HTTP client for the fidelity tests: raw httpx2, never app.core."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest


@pytest.fixture(scope="session")
def client() -> Iterator[httpx2.Client]:
    with httpx2.Client(timeout=10, follow_redirects=False) as http:
        yield http


def xee_error(status_type: str, message: str, tip: str) -> list[dict[str, str]]:
    """Xee's documented error body: an array with one object."""
    return [{"type": status_type, "message": message, "tip": tip}]
