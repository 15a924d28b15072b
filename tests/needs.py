"""What a test needs from the machine it runs on (a browser, an IPv6 loopback, a tool).

On a developer's machine a missing need skips the test, saying what is missing. Under
CI=true it fails it: `.ci/run` installs everything, so a skip there would be a test that
never ran while the run looks green.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(message: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI must provide it)")
    pytest.skip(message)
