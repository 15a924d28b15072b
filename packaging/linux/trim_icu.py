"""Linux bundle: a smaller libicudata (ICU's data) for PySide6's Qt, same soname, same symbol.

    python packaging/linux/trim_icu.py SOURCE/libicudata.so.NN DEST/libicudata.so.NN

PySide6's Linux wheel ships its own ICU (libQt6Core -> libicui18n/libicuuc -> libicudata).
libicudata is nothing but ICU's whole data package (~31 MB: every locale, collation,
converter, dictionary) exported as one symbol, `icudtNN_dat`. Qt Core only calls ICU for
(`nm -D --undefined-only libQt6Core.so.6 | grep _NN`):
  - collation (`ucol_*`: QCollator, QString::localeAwareCompare, file dialog sorting);
  - case mapping (`u_strToUpper/Lower`: QLocale::toUpper/toLower; the case data is
    compiled into libicuuc, only the locale matters);
  - charset converters (`ucnv_*`: QStringConverter/QStringDecoder for non-Unicode codecs);
  - time zones (`ucal_*`: QTimeZone display names, canonical zone ids).
That list is QT_ICU_CALLS below; the spec checks that Qt Core imports nothing else from
ICU (`unreviewed_calls`): a newer Qt that calls more keeps the full data until this
trim is reviewed again.
The app's QLocale is always English, French or Spanish (app/ui/i18n.py sets it to the
catalogue in use), so this keeps, and drops:
  - kept: root and every en*/fr*/es* locale (with their regional variants) in the main
    locale data and in the coll and zone trees; every
    non-locale item (supplemental data, likely subtags, the time zone database and
    metazones, plurals, normalization, the collation root `ucadata.icu`, pool bundles)
    except those below; the converter alias table and the converters of the WHATWG
    Encoding Standard (the legacy codecs a file or browser may use: windows-125x,
    ISO-8859-x, KOI8, Mac, IBM866, Shift_JIS, EUC-JP, GBK, GB18030, Big5, EUC-KR) and
    the DOS/Windows OEM code pages IBM437 and IBM850.
  - dropped: ~670 of the ~860 locales (a locale left out falls back, as in ICU, to the
    default locale or root: root collation order, English or GMT+hh:mm zone names,
    which only the pseudo-translation or another Qt locale set in code would meet);
    the break-iterator rules and CJK/Thai/Lao/Khmer/Burmese dictionaries (brkitr),
    number spell-out rules (rbnf) and transliterators (translit): Qt calls no
    ubrk_/unum_/utrans_ function (its text boundaries are its own); the display names
    of languages, scripts and regions (lang, region), of currencies (curr) and the
    unit patterns (unit), even en/fr/es ones: they serve uloc_getDisplay*, ucurr_*,
    number and measure formatting, none of which Qt calls (QLocale's names, currency
    symbols and number formats come from Qt's own CLDR tables; ICU's time zone names
    used here are specific names from the zone tree, never the generic "France Time"
    that would read region names); the ~150 other
    converters (EBCDIC and IBM code pages, ISO-2022 variants' extra tables...);
    character names (unames.icu), spoof-checker confusables and StringPrep profiles
    (*.spp): no u_charName, uspoof_ or usprep_ call (Qt has its own IDNA).
ICU's `res_index` of each kept tree is rebuilt so that it lists only the locales left.
The package goes from 30.5 MB to 3.5 MB (ICU 73). The frozen `--self-test` (check
"qt-icu") collates, converts, formats and names a time zone through this data.

Tools: icupkg, derb, genrb (Debian: icu-devtools; the package format does not change
between ICU versions: Debian 12's ICU 72 tools trim PySide6's ICU 73 data) and
binutils' `as`/`ld` (already needed by PyInstaller on Linux). Without them `trim()` raises
ToolMissing: the spec then keeps the full library, except under CI=true where it fails.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "fr", "es")
# Locale trees: only root and the kept languages' locales stay.
LOCALE_TREES = ("", "coll", "zone")
# Trees no code of Qt's reaches: dropped whole. No ubrk_/unum_ spell-out/utrans_ call
# (brkitr, rbnf, translit); no display names of locales, currencies or units (lang,
# region, curr, unit: 0.9 MB even for en/fr/es alone).
DROPPED_TREES = ("brkitr", "rbnf", "translit", "lang", "region", "curr", "unit")
# What Qt Core calls in ICU (`nm -D --undefined-only libQt6Core.so.6`, without the _NN
# version suffix): the calls this trim was checked against (see the docstring).
QT_ICU_CALLS = frozenset({
    "UCNV_FROM_U_CALLBACK_SUBSTITUTE", "UCNV_TO_U_CALLBACK_SUBSTITUTE",
    "u_strToLower", "u_strToUpper",
    "ucal_close", "ucal_getCanonicalTimeZoneID", "ucal_getTimeZoneDisplayName", "ucal_open",
    "ucnv_cbFromUWriteUChars", "ucnv_cbToUWriteUChars", "ucnv_close", "ucnv_countAvailable",
    "ucnv_fromUCountPending", "ucnv_fromUnicode", "ucnv_getAvailableName",
    "ucnv_getFromUCallBack", "ucnv_getMaxCharSize", "ucnv_getName", "ucnv_getStandardName",
    "ucnv_getToUCallBack", "ucnv_open", "ucnv_reset", "ucnv_setFromUCallBack",
    "ucnv_setToUCallBack", "ucnv_toUCountPending", "ucnv_toUnicode",
    "ucol_close", "ucol_getSortKey", "ucol_open", "ucol_setAttribute", "ucol_strcoll",
})
# Top-level non-locale items dropped: character names, spoof checker, StringPrep profiles.
DROPPED_ITEMS = re.compile(r"unames\.icu|confusables\.cfu|.*\.spp")
# Converters kept: the WHATWG Encoding Standard's legacy codecs, by ICU's table name.
# (UTF-8/16/32, ISO-8859-1, US-ASCII, ISO-2022-* are algorithmic: no table needed;
# ISO-2022-JP uses the Shift_JIS table.) A name missing from the package fails the build.
CONVERTERS = {
    "ibm-866_P100-1995": "IBM866",
    "ibm-912_P100-1995": "ISO-8859-2",
    "ibm-913_P100-2000": "ISO-8859-3",
    "ibm-914_P100-1995": "ISO-8859-4",
    "ibm-915_P100-1995": "ISO-8859-5",
    "ibm-1089_P100-1995": "ISO-8859-6",
    "ibm-9005_X110-2007": "ISO-8859-7",
    "ibm-5012_P100-1999": "ISO-8859-8",
    "iso-8859_10-1998": "ISO-8859-10",
    "ibm-921_P100-1995": "ISO-8859-13",
    "iso-8859_14-1998": "ISO-8859-14",
    "ibm-923_P100-1998": "ISO-8859-15",
    "ibm-878_P100-1996": "KOI8-R",
    "ibm-1168_P100-2002": "KOI8-U",
    "macos-0_2-10.2": "macintosh",
    "macos-7_3-10.2": "x-mac-cyrillic",
    "windows-874-2000": "windows-874",
    "ibm-5346_P100-1998": "windows-1250",
    "ibm-5347_P100-1998": "windows-1251",
    "ibm-5348_P100-1997": "windows-1252",
    "ibm-5349_P100-1998": "windows-1253",
    "ibm-5350_P100-1998": "windows-1254",
    "ibm-9447_P100-2002": "windows-1255",
    "ibm-9448_X100-2005": "windows-1256",
    "ibm-9449_P100-2002": "windows-1257",
    "ibm-5354_P100-1998": "windows-1258",
    "ibm-943_P15A-2003": "Shift_JIS (and ISO-2022-JP)",
    "euc-jp-2007": "EUC-JP",
    "windows-936-2000": "GBK",
    "gb18030": "GB18030",
    "windows-950-2000": "Big5",
    "ibm-970_P110_P110-2006_U2": "EUC-KR",
    "ibm-437_P100-1995": "IBM437 (DOS, Windows OEM code page)",
    "ibm-850_P100-1995": "IBM850 (DOS, Windows OEM code page)",
}
# GBK and Big5 (windows-936/950) extend these base tables (icupkg checks dependencies).
CONVERTER_BASES = ("ibm-1386_P100-2001", "ibm-1373_P100-2002")

LOCALE_ITEM = re.compile(r"(?:root|[a-z]{2,3}(?:_\w*)?)\.res")


class ToolMissing(RuntimeError):
    """An ICU or binutils tool this script needs is not installed."""


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.is_file()),
        None)
    if not found:
        package = "binutils" if name in ("as", "ld") else "icu-devtools"
        raise ToolMissing(f"{name} is not installed (Debian: apt-get install {package})")
    return found


def _run(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)  # noqa: S603 - our tools
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n"
                           f"{done.stdout}{done.stderr}")
    return done.stdout


def _dynamic_symbols(library: Path):
    """(ELF bytes, sections, [(name, section index, value, size)]) of the dynamic symbol
    table of an ELF64 little-endian library. Section index 0: an undefined (imported)
    symbol."""
    elf = library.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise RuntimeError(f"{library}: not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize)
                for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    names = sections[dynsym[6]][4]
    symbols = []
    for at in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        name_at, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", elf, at)
        name = elf[names + name_at:elf.index(b"\0", names + name_at)].decode()
        symbols.append((name, shndx, value, size))
    return elf, sections, symbols


def read_data_symbol(library: Path) -> tuple[str, bytes]:
    """The `icudtNN_dat` symbol of an ELF64 little-endian library: (name, its bytes)."""
    elf, sections, symbols = _dynamic_symbols(library)
    for name, shndx, value, size in symbols:
        if re.fullmatch(r"icudt\d+_dat", name) and 0 < shndx < len(sections):
            section = sections[shndx]
            start = section[4] + value - section[3]
            return name, elf[start:start + size]
    raise RuntimeError(f"{library}: no icudtNN_dat symbol (not ICU's data library?)")


def icu_calls(library: Path) -> set[str]:
    """The ICU functions `library` (e.g. libQt6Core) imports, without the _NN suffix."""
    _elf, _sections, symbols = _dynamic_symbols(library)
    return {match.group(1) for name, shndx, _value, _size in symbols
            if shndx == 0 and (match := re.fullmatch(r"([uU]\w*?)_\d+", name))}


def unreviewed_calls(library: Path) -> list[str]:
    """ICU functions `library` calls that this trim was not checked against: with any,
    the trimmed data may miss what they need (keep the full data, review the trim)."""
    return sorted(icu_calls(library) - QT_ICU_CALLS)


def removed_items(items: list[str], languages: tuple[str, ...] = KEEP_LANGUAGES,
                  converters: tuple[str, ...] = tuple(CONVERTERS)) -> list[str]:
    """The package items to drop (names as `icupkg -l` lists them: tree/item)."""
    kept_locale = re.compile(rf"(?:root|(?:{'|'.join(languages)})(?:_\w*)?)\.res")
    kept_converters = {f"{name}.cnv" for name in (*converters, *CONVERTER_BASES)}
    missing = kept_converters - set(items)
    if missing:
        raise RuntimeError(f"converters to keep are not in ICU's package: {sorted(missing)} "
                           "(renamed in a new ICU? update CONVERTERS)")
    removed = []
    for item in items:
        tree, _, name = item.rpartition("/")
        if tree in DROPPED_TREES:
            removed.append(item)
        elif tree in LOCALE_TREES and LOCALE_ITEM.fullmatch(name) and name != "res_index.res":
            if not kept_locale.fullmatch(name):
                removed.append(item)
        elif tree == "" and (name.endswith(".cnv") and name not in kept_converters
                             or DROPPED_ITEMS.fullmatch(name)):
            removed.append(item)
    return removed


def _rebuild_res_index(tree: str, items: set[str], pkg_dir: Path, work: Path) -> Path:
    """`tree/res_index.res` listing only the locales still in the package."""
    # derb: the folder with -s (it cannot open an absolute file name), exit code 0 on error.
    dump = _run(_tool("derb"), "-s", str(pkg_dir / tree), "-c", "res_index.res")
    if "InstalledLocales" not in dump:
        raise RuntimeError(f"derb could not read {tree or '.'}/res_index.res")
    prefix = f"{tree}/" if tree else ""
    lines = []
    for line in dump.splitlines():
        entry = re.fullmatch(r'\s*(\w+) \{ "" \}', line)
        if entry and f"{prefix}{entry.group(1)}.res" not in items:
            continue
        lines.append(line.replace("res_index{", "res_index:table(nofallback){", 1)
                     if line.startswith("res_index{") else line)
    out_dir = work / "res_index" / tree
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "res_index.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _run(_tool("genrb"), "-q", "-e", "UTF-8", "-d", str(out_dir), str(out_dir / "res_index.txt"))
    return out_dir / "res_index.res"


def build_library(soname: str, symbol: str, data: Path, dest: Path, work: Path) -> None:
    """A shared library exporting `symbol`: `data`'s bytes, 16-aligned, in .rodata (as
    ICU's own build makes it: the data is used in place, never copied)."""
    asm = work / f"{symbol}.s"
    quoted = str(data).replace("\\", "\\\\").replace('"', '\\"')
    asm.write_text(
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n"
        f"{symbol}:\n\t.incbin \"{quoted}\"\n\t.size {symbol}, . - {symbol}\n"
        "\t.section .note.GNU-stack,\"\",@progbits\n", encoding="utf-8")
    obj = asm.with_suffix(".o")
    _run(_tool("as"), "-o", str(obj), str(asm))
    _run(_tool("ld"), "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(dest), str(obj))


def trim(source: Path, dest: Path, languages: tuple[str, ...] = KEEP_LANGUAGES,
         converters: tuple[str, ...] = tuple(CONVERTERS)) -> dict[str, int]:
    """Writes the trimmed copy of `source` (libicudata.so.NN) to `dest`; returns sizes.
    Raises ToolMissing without the tools, RuntimeError if a step fails."""
    for tool in ("icupkg", "derb", "genrb", "as", "ld"):
        _tool(tool)
    symbol, data = read_data_symbol(source)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the ToC prefix, little-endian
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest.parent) as scratch:
        work = Path(scratch)
        full = work / f"{package}.dat"
        full.write_bytes(data)
        icupkg = _tool("icupkg")
        items = _run(icupkg, "-l", str(full)).split()
        drop = removed_items(items, languages, converters)
        kept = set(items) - set(drop)
        (work / "remove.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
        extracted = work / "extracted"
        extracted.mkdir()
        res_indexes = [f"{tree}/res_index.res" if tree else "res_index.res"
                       for tree in LOCALE_TREES]
        (work / "res_index.txt").write_text("\n".join(res_indexes) + "\n", encoding="utf-8")
        _run(icupkg, "-d", str(extracted), "-x", str(work / "res_index.txt"), str(full))
        # The rebuilt res_index files replace the originals (same item names).
        rebuilt = work / "rebuilt"
        for tree in LOCALE_TREES:
            built = _rebuild_res_index(tree, kept, extracted, work)
            target = rebuilt / tree / "res_index.res"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built, target)
        # Remove, then add the new res_index files (icupkg checks that every item's
        # dependencies, e.g. pool bundles and converter base tables, are still there).
        # Each step writes a package of the same name (its ToC prefix) in a new folder.
        removed = work / "removed" / full.name
        trimmed = work / "trimmed" / full.name
        removed.parent.mkdir()
        trimmed.parent.mkdir()
        _run(icupkg, "-r", str(work / "remove.txt"), str(full), str(removed))
        _run(icupkg, "-s", str(rebuilt), "-a", str(work / "res_index.txt"), str(removed),
             str(trimmed))
        build_library(source.name, symbol, trimmed, dest, work)
        return {"items": len(items), "removed": len(drop),
                "before": len(data), "after": trimmed.stat().st_size}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    sizes = trim(Path(argv[0]), Path(argv[1]))
    print(f"ICU data: {sizes['removed']} of {sizes['items']} items removed, "
          f"{sizes['before'] / 2**20:.1f} MB -> {sizes['after'] / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
