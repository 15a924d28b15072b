"""The README says what the code does: every sandbox dialect is in its tables, the
command-line synopsis lists every command and option a support engineer needs, and the
batch templates are described with the columns they really have (issue 13)."""

import csv
import re
from pathlib import Path

import pytest

from app.sandbox.rufus import RUFUS_DIALECT
from app.sandbox.xee_oauth import XEE_DIALECT
from app.sandbox.zype import ZYPE_DIALECT

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_names(heading: str) -> set[str]:
    """The first cell (in backquotes) of every row of the table under `heading`."""
    section = README.split(heading, 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE))


@pytest.mark.parametrize("provider, defaults, heading, prefix", [
    ("xee", XEE_DIALECT, "### Sandbox dialects (Xee sign-in)", ""),
    ("rufus", RUFUS_DIALECT, "### Sandbox dialects (RUFUS and Zype)", "rufus."),
    ("zype", ZYPE_DIALECT, "### Sandbox dialects (RUFUS and Zype)", "zype."),
])
def test_every_sandbox_dialect_is_in_the_readme(provider, defaults, heading, prefix):
    listed = table_names(heading)
    missing = [name for name in defaults if prefix + name not in listed]
    assert not missing, f"README lacks the {provider} dialect(s) {missing}"


def synopsis() -> str:
    return README.split("## Command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]


def test_the_synopsis_lists_the_device_command_and_rufus_type():
    lines = synopsis().splitlines()
    assert "pairing-wizard device rufus (--serial S | --deviceid D)" in [
        line.strip() for line in lines]
    pair_rufus = next(line for line in lines if "pair rufus" in line and "unpair" not in line)
    assert "[--type T]" in pair_rufus


def test_the_readme_says_what_check_now_and_device_rufus_show():
    for field in ("device_status", "battery_percentage", "last_telemetry_at", "last_login"):
        assert f"(`{field}`)" in README or f"`{field}`," in README, field
    assert "linked devices" in README and "`linked_devices`" in README


@pytest.mark.parametrize("provider", ["xee", "rufus", "zype"])
def test_the_readme_names_each_template_s_real_columns(provider):
    with open(ROOT / "resources" / "templates" / f"{provider}.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert f"`{provider}.csv`: `{','.join(header)}`" in README
