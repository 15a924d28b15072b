"""packaging/linux/trim_icu.py: the Linux bundle's smaller ICU data library for Qt.

The item rules are checked on a list of names. Then PySide6's real libicudata is
trimmed, and Qt is run against the result (LD_LIBRARY_PATH comes before the RUNPATH
that otherwise finds the wheel's copy) through the self-test's qt-icu check, the check
the frozen app runs: the trim the spec makes passes it, a trim too deep fails it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.needs import unavailable

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("trim_icu",
                                               ROOT / "packaging" / "linux" / "trim_icu.py")
trim_icu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trim_icu)

# Only PySide6's Linux wheel ships ICU (Windows and macOS Qt use the system's).
linux_wheel = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="only PySide6's Linux wheel ships ICU")


def test_removed_items_keep_root_en_fr_es_and_the_common_codecs():
    converters = [f"{name}.cnv" for name in (*trim_icu.CONVERTERS, *trim_icu.CONVERTER_BASES)]
    kept = ["root.res", "en.res", "en_GB.res", "fr_CA.res", "es_419.res", "pool.res",
            "res_index.res", "supplementalData.res", "zoneinfo64.res", "cnvalias.icu",
            "uts46.nrm", "coll/root.res", "coll/es.res", "coll/fr_CA.res", "coll/ucadata.icu",
            "coll/res_index.res", "zone/fr.res", "zone/pool.res", "zone/tzdbNames.res",
            *converters]
    # Display names of languages, regions, currencies and units go even for en/fr/es.
    dropped = ["de.res", "ja_JP.res", "zh_Hant_TW.res", "coll/de.res", "coll/zh.res",
               "zone/ja.res", "lang/de.res", "lang/en.res", "lang/pool.res",
               "lang/res_index.res", "region/fr.res", "region/root.res", "curr/es.res",
               "curr/supplementalData.res", "unit/en_001.res", "unit/pool.res",
               "brkitr/cjdict.dict", "brkitr/root.res",
               "brkitr/word.brk", "rbnf/en.res", "translit/root.res", "ibm-37_P100-1995.cnv",
               "euc-tw-2014.cnv", "unames.icu", "confusables.cfu", "rfc3491.spp"]
    assert sorted(trim_icu.removed_items(kept + dropped)) == sorted(dropped)


@linux_wheel
def test_qt_calls_only_the_icu_functions_the_trim_was_checked_against():
    # A newer Qt calling more of ICU (display names, number formatting...) must not get
    # the trimmed data unreviewed: the spec keeps the full data when this list is not empty.
    qt_core = sorted((_pyside_qt_lib()).glob("libQt6Core.so.*"))[0]
    calls = trim_icu.icu_calls(qt_core)
    assert {"ucol_open", "ucnv_open", "ucal_getTimeZoneDisplayName"} <= calls
    assert trim_icu.unreviewed_calls(qt_core) == []
    # The check does see other calls: ICU's own i18n library calls the resource loader.
    i18n = sorted(_pyside_qt_lib().glob("libicui18n.so.*"))[0]
    assert "ures_open" in trim_icu.unreviewed_calls(i18n)


def test_a_converter_missing_from_the_package_fails_the_trim():
    items = ["root.res", *(f"{name}.cnv" for name in trim_icu.CONVERTER_BASES)]
    with pytest.raises(RuntimeError, match="update CONVERTERS"):
        trim_icu.removed_items(items)


def _pyside_qt_lib() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def _pyside_icu_data() -> Path:
    found = sorted(_pyside_qt_lib().glob("libicudata.so.*"))
    if not found:
        unavailable("this PySide6 has no ICU of its own")
    return found[0]


def _trim(tmp_path: Path, **params) -> tuple[Path, dict[str, int]]:
    source = _pyside_icu_data()
    dest = tmp_path / "lib" / source.name
    try:
        sizes = trim_icu.trim(source, dest, **params)
    except trim_icu.ToolMissing as exc:
        unavailable(f"{exc} (make packaging-deps installs it)")
    return dest, sizes


CHECK = """
import json
from app.selftest import CheckFailed, CheckWarning, check_qt_icu
from tests.needs import unavailable
try:
    status, detail = "pass", check_qt_icu()
except (CheckFailed, CheckWarning) as exc:
    status, detail = type(exc).__name__, str(exc)
loaded = [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line]
print(json.dumps({"status": status, "detail": detail, "loaded": loaded[0]}))
"""


def _qt_icu_check(lib: Path) -> dict[str, str]:
    env = {**os.environ, "LD_LIBRARY_PATH": str(lib.parent), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert Path(result["loaded"]) == lib, "Qt did not load the trimmed library"
    return result


@linux_wheel
def test_the_trimmed_icu_is_a_drop_in_library_that_qt_works_with(tmp_path):
    lib, sizes = _trim(tmp_path)
    assert sizes["after"] < sizes["before"] / 4
    assert lib.stat().st_size < 8 * 2**20
    # Same exported symbol, and the package in it is the trimmed one.
    symbol, data = trim_icu.read_data_symbol(lib)
    assert symbol == trim_icu.read_data_symbol(_pyside_icu_data())[0]
    assert len(data) == sizes["after"]
    elf = subprocess.run(["readelf", "-d", "--dyn-syms", "-W", str(lib)],
                         capture_output=True, text=True, check=True).stdout
    assert f"Library soname: [{lib.name}]" in elf
    exported = next(line for line in elf.splitlines() if line.endswith(f" {symbol}"))
    assert " OBJECT " in exported and " GLOBAL " in exported
    result = _qt_icu_check(lib)
    if result["status"] == "CheckWarning":  # no tzdata on this machine: no zone names
        assert "time zone" in result["detail"], result
    else:
        assert result["status"] == "pass", result
        assert "heure normale d’Europe centrale" in result["detail"]


@linux_wheel
def test_a_trim_too_deep_fails_the_self_test(tmp_path):
    # English only, and windows-1252 as the only codec table: what a careless trim does.
    lib, _sizes = _trim(tmp_path, languages=("en",), converters=("ibm-5348_P100-1997",))
    result = _qt_icu_check(lib)
    assert result["status"] == "CheckFailed", result
    assert "es_ES sorts" in result["detail"]
    assert "fr_CA sorts" in result["detail"]
    assert "Shift_JIS decodes" in result["detail"]
    assert "windows-1252" not in result["detail"]

