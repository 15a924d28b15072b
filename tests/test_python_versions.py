"""The Pythons the product installs on (3.11-3.13) get a PySide6 that works there.

PySide6 6.12's wheels, built for CPython >= 3.12 where None, True and False are
immortal, take a reference from them at each Qt call returning one on 3.11: the
interpreter aborts after a few thousand calls ("none_dealloc"). Instead of patching
reference counts at start (the workaround this replaced), pyproject.toml keeps 3.11 on
PySide6 < 6.12 (6.11.3 measured without the bug on 3.11.7); 3.12, which the release and
the tests use, takes 6.12.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def qt_requirements(python: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = []
    for text in project["dependencies"]:
        requirement = Requirement(text)
        if requirement.name.lower() != "pyside6-essentials":
            continue
        if requirement.marker is None or requirement.marker.evaluate(
                {"python_version": python, "python_full_version": f"{python}.0"}):
            found.append(requirement)
    return found


@pytest.mark.parametrize("python, admitted, refused", [
    ("3.11", ["6.7.0", "6.11.3"], ["6.12.0", "6.13.1"]),
    ("3.12", ["6.11.3", "6.12.0", "6.13.1"], ["6.6.3"]),
    ("3.13", ["6.12.0"], ["6.6.3"]),
])
def test_each_python_takes_a_pyside6_that_works_on_it(python, admitted, refused):
    requirements = qt_requirements(python)
    assert len(requirements) == 1, requirements   # exactly one applies to each Python
    specifier = requirements[0].specifier
    for version in admitted:
        assert specifier.contains(Version(version)), (python, version, str(specifier))
    for version in refused:
        assert not specifier.contains(Version(version)), (python, version, str(specifier))


def test_the_installed_qt_keeps_none_true_and_false_referenced():
    """On whatever interpreter runs the tests: Qt calls returning None or a bool leave
    their reference counts alone (on 3.11 with PySide6 6.12 this fails: the counts fall
    by one per call). On 3.12+ the objects are immortal, their counts do not move."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = {name: sys.getrefcount(value)
              for name, value in (("None", None), ("True", True), ("False", False))}
    for _ in range(200):
        probe.setObjectName("probe")          # returns None
        probe.signalsBlocked()                # returns a bool
        probe.blockSignals(False)             # returns a bool
    after = {name: sys.getrefcount(value)
             for name, value in (("None", None), ("True", True), ("False", False))}
    for name in before:
        assert after[name] >= before[name] - 50, (name, before[name], after[name])
