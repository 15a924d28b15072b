"""`create_app()`: the sandbox as one Starlette app with fresh state (the fixtures).

Usable in-process (`httpx2.ASGITransport(app=create_app())`) or served by uvicorn
(`app.sandbox.server`). All provider prefixes share one origin; see
`docs/architecture.md`.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.applications import Starlette
from starlette.middleware import Middleware

from app.sandbox import control, rufus, xee, xee_oauth, xee_v4, zype
from app.sandbox.faults import FaultInjector
from app.sandbox.guard import RequestGuard
from app.sandbox.state import SandboxState


def create_app(latency_ms: int = 0, dialect: dict | None = None,
               allowed_hosts: Iterable[str] | None = None) -> Starlette:
    """A new sandbox; `latency_ms` is added to every provider request (not /_sandbox).
    `dialect` ({provider: {name: value}}) picks documented variants, as
    `POST /_sandbox/dialect` does (see `app.sandbox.control`); a bad one is a ValueError.
    `allowed_hosts`: the Host names served besides loopback ones (None: any; see
    `app.sandbox.guard`, which also checks Origin and /_sandbox's content type)."""
    state = SandboxState(latency_ms=max(0, int(latency_ms)))
    if dialect:
        problem = control.apply_dialect(state, dialect)
        if problem:
            raise ValueError(problem)
    app = Starlette(
        routes=[*xee.routes, *xee_v4.routes, *xee_oauth.routes, *rufus.routes, *zype.routes,
                *control.routes],
        middleware=[Middleware(RequestGuard, allowed_hosts=allowed_hosts),
                    Middleware(FaultInjector, state=state)],
    )
    app.state.sandbox = state
    return app
