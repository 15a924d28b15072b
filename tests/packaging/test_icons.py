"""The application icon: the committed ICO, ICNS and PNGs are well formed, hold every
size the platforms ask for, and are up to date with resources/icons/app.svg."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "packaging" / "icons"
SVG = ROOT / "resources" / "icons" / "app.svg"


def load_tool():
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools" /
                                                  "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _qt(qapp):
    """pytest-qt's QApplication: one for the whole session, shared with the UI tests."""
    return qapp


def qimage(data: bytes, fmt: str | None = None):
    from PySide6.QtGui import QImage

    image = QImage.fromData(data, fmt) if fmt else QImage.fromData(data)
    assert not image.isNull()
    return image


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for i in range(count):
        width, height, _colors, _r, planes, bpp, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i)
        assert width == height and planes == 1 and bpp == 32
        blob = data[offset:offset + size]
        assert len(blob) == size
        entries.append((width or 256, blob))
    return entries


def icns_entries(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        entries[kind] = data[pos + 8:pos + length]
        pos += length
    assert pos == len(data)
    return entries


def test_ico_has_windows_sizes_bmp_small_png_large():
    entries = ico_entries((ICONS / "app.ico").read_bytes())
    assert [size for size, _ in entries] == [16, 24, 32, 48, 64, 256]
    for size, blob in entries:
        if size < 256:
            header = struct.unpack_from("<IiiHH", blob)
            assert header == (40, size, size * 2, 1, 32)  # BITMAPINFOHEADER, XOR+AND height
            assert len(blob) == 40 + size * size * 4 + ((size + 31) // 32) * 4 * size
        else:
            assert blob[:8] == b"\x89PNG\r\n\x1a\n"
            assert qimage(blob).width() == 256


def test_qt_reads_every_ico_entry_like_windows_would():
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(ICONS / "app.ico"))
    assert reader.format() == b"ico"
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        # The centre of the icon is the blue tile, opaque.
        centre = image.pixelColor(image.width() // 2, image.height() // 5)
        assert centre.alpha() == 255 and centre.blue() > centre.red()
        sizes.append(image.width())
    assert sorted(sizes) == [16, 24, 32, 48, 64, 256]


def test_icns_holds_png_retina_sizes_up_to_1024():
    entries = icns_entries((ICONS / "app.icns").read_bytes())
    expected = {b"icp4": 16, b"icp5": 32, b"ic11": 32, b"icp6": 64, b"ic12": 64,
                b"ic07": 128, b"ic08": 256, b"ic13": 256, b"ic09": 512, b"ic14": 512,
                b"ic10": 1024}
    assert set(entries) == set(expected)
    for kind, size in expected.items():
        image = qimage(entries[kind], "PNG")
        assert (image.width(), image.height()) == (size, size), kind


def test_pngs_exist_for_every_size():
    for size in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        image = qimage((ICONS / f"app-{size}.png").read_bytes(), "PNG")
        assert image.width() == size and image.hasAlphaChannel()


def test_committed_icons_match_the_svg(tmp_path):
    tool = load_tool()
    assert tool.main(["--svg", str(SVG), "--out", str(tmp_path)]) == 0
    fresh = qimage((tmp_path / "app-256.png").read_bytes(), "PNG")
    committed = qimage((ICONS / "app-256.png").read_bytes(), "PNG")
    differing = sum(
        1 for y in range(0, 256, 4) for x in range(0, 256, 4)
        if max(abs(a - b) for a, b in zip(fresh.pixelColor(x, y).getRgb(),
                                          committed.pixelColor(x, y).getRgb(), strict=True)) > 8
    )
    assert differing < 20, ("packaging/icons/ is out of date with resources/icons/app.svg: "
                            "run `python tools/render_icons.py`")
    assert ico_entries((tmp_path / "app.ico").read_bytes())[0][0] == 16
