"""The layer rules of docs/architecture.md, checked on the source itself."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((APP / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against the package path
                    parts = path.relative_to(APP.parent).with_suffix("").parts
                    base = ".".join(parts[: len(parts) - node.level])
                    names.add(f"{base}.{node.module}" if node.module else base)
                else:
                    names.add(node.module or "")
        found[str(path.relative_to(APP.parent))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path}: {name}"
        for path, names in imported_modules(package).items()
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


@pytest.mark.parametrize("package", ["core", "auth"])
def test_gui_free_layers_never_import_qt(package):
    assert (APP / package / "__init__.py").exists()
    assert offenders(package, ("PySide6", "qasync", "app.ui")) == []


def test_sandbox_shares_no_code_with_the_client_side():
    assert offenders("sandbox", ("app.core", "app.auth", "app.ui")) == []


def test_no_plain_httpx_anywhere():
    for package in ("core", "auth", "sandbox", "ui"):
        assert offenders(package, ("httpx",)) == [], package


def test_the_checker_sees_imports():
    # Guard against a checker that silently finds nothing.
    assert "argparse" in imported_modules("")["app/cli.py"]
