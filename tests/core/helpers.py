"""Picking fixtures by their properties (never hard-coded ids)."""

from __future__ import annotations


def xee_free_device(fixtures: dict) -> dict:
    return next(d for d in fixtures["xee"]["devices"] if d["user_id"] is None and not d["locked"])


def rufus_key(fixtures: dict, *, access: tuple[str, ...], unbind: bool | None = None) -> str:
    return next(
        k["key"] for k in fixtures["rufus"]["api_keys"]
        if k["access"] in access and (unbind is None or k["unbind"] == unbind)
    )


def zype_key(fixtures: dict, key_type: str) -> str:
    return next(k["key"] for k in fixtures["zype"]["api_keys"] if k["type"] == key_type)


def zype_free_pin(fixtures: dict) -> dict:
    return next(p for p in fixtures["zype"]["pins"]
                if not p["expired"] and p["consumer_id"] is None)


def rufus_types(sandbox, key: str, prefix: str) -> dict[str, str | None]:
    """The type RUFUS (the sandbox) has for each device whose serial starts with `prefix`."""
    import httpx2

    with httpx2.Client() as client:
        return {d["serial_number"]: client.get(f"{sandbox.rufus_root}/devices/{d['deviceid']}",
                                               headers={"api_key": key}).json()["result"]["type"]
                for d in sandbox.fixtures()["rufus"]["devices"]
                if d["serial_number"].startswith(prefix)}
