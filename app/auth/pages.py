"""The HTML pages the loopback listener shows in the browser (from resources/oauth/)."""

from __future__ import annotations

import html
import sys
from functools import cache
from pathlib import Path
from string import Template


def resource_dirs() -> list[Path]:
    """Where `resources/` may live: inside a PyInstaller bundle first, then the repo."""
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    return candidates


def oauth_resource(name: str) -> Path:
    for base in resource_dirs():
        path = base / "oauth" / name
        if path.is_file():
            return path
    searched = ", ".join(str(base / "oauth") for base in resource_dirs())
    raise FileNotFoundError(f"{name} not found in {searched}")


@cache
def _template(name: str) -> Template:
    return Template(oauth_resource(name).read_text(encoding="utf-8"))


PAGES = ("success.html", "error.html", "done.html")


def preload_pages() -> None:
    """Read every page now, so answering a callback opens no file (none may be left)."""
    for name in PAGES:
        try:
            _template(name)
        except OSError:
            pass  # render() falls back to a plain page


def render(name: str, **values: str) -> bytes:
    """Fill a page; every inserted value is HTML-escaped, whatever its origin. A page that
    cannot be read gives a plain one: the sign-in's outcome never depends on a file."""
    escaped = {key: html.escape(str(value), quote=True) for key, value in values.items()}
    try:
        return _template(name).substitute(escaped).encode("utf-8")
    except (OSError, KeyError, ValueError):
        text = " ".join(escaped.get(k, "") for k in ("title", "message", "detail")).strip()
        return (f"<!doctype html><meta charset=utf-8><title>Pairing Wizard</title>"
                f"<p>{text or 'You can close this tab.'}</p>").encode()
