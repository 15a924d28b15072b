"""API roots per provider and environment.

- ``production``: the providers' real APIs.
- ``sandbox``: the provider's own online sandbox (only Xee has one).
- ``demo``: our offline sandbox, one origin with a prefix per provider.

``overrides`` (provider -> root) wins over everything, e.g. from settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from app.core import providers
from app.core.errors import InputError, provider_name
from app.core.messages import INPUT_ERROR, Message

ENVIRONMENTS = ("production", "sandbox", "demo")
# The roots are the providers' specs (app.core.providers: roots, demo_prefix); these
# are views of the registry, rebuilt on every register/unregister (providers.on_change):
# a spec registered after this import has its roots here too. The dicts are rebuilt in
# place; PROVIDERS is a new tuple each time: read it as environments.PROVIDERS.
PROVIDERS: tuple[str, ...] = ()
PRODUCTION_ROOTS: dict[str, str] = {}
PROVIDER_SANDBOX_ROOTS: dict[str, str] = {}
DEMO_PREFIXES: dict[str, str] = {}


@providers.on_change
def _refresh_roots() -> None:
    global PROVIDERS
    specs = providers.SPECS
    PROVIDERS = tuple(specs)
    for view, environment in ((PRODUCTION_ROOTS, providers.PRODUCTION),
                              (PROVIDER_SANDBOX_ROOTS, providers.ONLINE_SANDBOX)):
        view.clear()
        view.update((key, s.roots[environment]) for key, s in specs.items()
                    if environment in s.roots)
    DEMO_PREFIXES.clear()
    DEMO_PREFIXES.update((key, s.demo_prefix) for key, s in specs.items())

# Xee's API versions (setting xee/apiVersion, CLI --api-version). v3 is the product's
# source document (the seed page) and stays the default; Xee froze it in 2017 (the
# xee-api-docs README links it as "Deprecated v3"). v4 is what Xee's current SDKs use:
# sdk-android XeeAuth/XeeFleet ROUTE_BASE "https://%s.xee.com/v4/" with environment
# "api", xee-sdk-ios XeeConfig (api., sandbox. and staging.xee.com/v4/).
XEE_API_VERSIONS = ("v3", "v4")
XEE_V4_ROOTS = {"production": "https://api.xee.com/v4", "sandbox": "https://sandbox.xee.com/v4"}


def xee_api_version(value: object) -> str:
    """A checked xee/apiVersion value ("v3" when empty)."""
    text = str(value or "").strip().lower() or "v3"
    if text not in XEE_API_VERSIONS:
        raise InputError(
            "api_version",
            Message(INPUT_ERROR, "The Xee API version {text} is not one Pairing Wizard "
                    "speaks: use v3 (the default) or v4.", text=repr(text)),
            provider="xee",
        )
    return text


def _checked_url(url: object, field: str, provider: str) -> str:
    text = url.strip() if isinstance(url, str) else ""
    parts = urlsplit(text) if text else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(ch.isspace() for ch in text)
    ):
        raise InputError(
            field,
            Message(INPUT_ERROR, "The {provider} API address must be an http(s) URL "
                    "without query, such as https://api.example.com/v1.",
                    provider=provider_name(provider)),
            provider=provider,
        )
    return text.rstrip("/")


def api_root(
    provider: str,
    environment: str = "production",
    sandbox_base: str | None = None,
    overrides: Mapping[str, str] | None = None,
    api_version: str = "v3",
) -> str:
    """The API root (no trailing slash) the provider classes are built with.
    `api_version` is Xee's ("v3" or "v4"; the other providers have one). An override is
    taken as given: XeeAPI reads the version from a root that ends in /v4."""
    spec = providers.spec(provider)
    if spec is None:
        raise InputError("provider", providers.unknown_provider(INPUT_ERROR, provider))
    if overrides and overrides.get(provider):
        return _checked_url(overrides[provider], "api_root", provider)
    roots, demo_prefix = spec.roots_for(spec.api_version(api_version))
    if environment in roots:
        return roots[environment]
    if environment == "sandbox":
        raise InputError(
            "environment",
            Message(INPUT_ERROR, "{provider} has no online sandbox: use production, or "
                    "demo for the offline sandbox.", provider=provider_name(provider)),
            provider=provider,
        )
    if environment == "demo":
        if not sandbox_base:
            raise InputError(
                "sandbox_base",
                "The demo environment needs the address of the running offline sandbox.",
                provider=provider,
            )
        return _checked_url(sandbox_base, "sandbox_base", provider) + demo_prefix
    raise InputError(
        "environment",
        Message(INPUT_ERROR, "Unknown environment {environment}: use production, sandbox or "
                "demo.", environment=repr(environment)),
        provider=provider,
    )
