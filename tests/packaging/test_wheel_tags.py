"""LSMinimumSystemVersion comes from PySide6's macOS wheel tag (packaging/wheel_tags.py)."""

from __future__ import annotations

import importlib.util
import re
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("wheel_tags", ROOT / "packaging" / "wheel_tags.py")
wheel_tags = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wheel_tags)

WHEEL = "Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: false\nTag: {}\n"


@pytest.mark.parametrize(("tag", "floor"), [
    ("cp39-abi3-macosx_14_0_universal2", (14, 0)),  # PySide6 6.12
    ("cp39-abi3-macosx_13_0_universal2", (13, 0)),  # 6.10, 6.11
    ("cp39-abi3-macosx_12_0_universal2", (12, 0)),  # 6.8, 6.9
    ("cp39-abi3-macosx_11_0_universal2", (11, 0)),  # 6.7
    ("cp310-abi3-manylinux_2_34_x86_64", None),
    ("cp39-abi3-win_amd64", None),
])
def test_macos_floor_reads_the_wheel_tag(tag, floor):
    assert wheel_tags.macos_floor(WHEEL.format(tag)) == floor


def test_several_tags_need_the_lowest_of_them():
    text = WHEEL.format("cp39-abi3-macosx_13_0_x86_64") + "Tag: cp39-abi3-macosx_11_0_arm64\n"
    assert wheel_tags.macos_floor(text) == (11, 0)


def test_the_installed_wheels_floor_follows_their_platform():
    # A Linux or Windows PySide6 wheel has no macOS floor (the spec refuses to build a .app
    # from it); a macOS one has one.
    installed = metadata.distribution("PySide6_Essentials").read_text("WHEEL") or ""
    if "macosx" in installed:
        assert wheel_tags.minimum_macos() is not None
    else:
        assert wheel_tags.minimum_macos() is None
    assert wheel_tags.minimum_macos(("no-such-distribution",)) is None


def test_spec_and_readme_take_the_floor_from_pyside6():
    spec = (ROOT / "packaging" / "pairing-wizard.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": MIN_MACOS' in spec
    assert '"11.0"' not in spec
    # The README names the floor of the PySide6 this project installs (pyproject's pin).
    floors = {(6, 7): 11, (6, 8): 12, (6, 9): 12, (6, 10): 13, (6, 11): 13, (6, 12): 14}
    major, minor = (int(x) for x in metadata.version("PySide6_Essentials").split(".")[:2])
    expected = floors.get((major, minor))
    if expected is None:
        pytest.fail(f"PySide6 {major}.{minor}: add its macOS floor here and to the README")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\*\*macOS {expected} \(\w+\) or later", readme)
