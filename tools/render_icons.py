"""Render the application icon (resources/icons/app.svg) for the installers.

    python tools/render_icons.py [--svg resources/icons/app.svg] [--out packaging/icons]

Writes, with Qt itself (QtSvg, offscreen, no display needed):
- `app-<N>.png` for N in 16 ... 1024 (Linux, docs, the dmg),
- `app.ico` (Windows: exe, installer, Start menu): 16-48 px as 32-bit BMP entries,
  which every Windows tool reads, and 256 px as PNG, as Windows' own icons do,
- `app.icns` (macOS bundle): PNG entries, the container `iconutil` writes. On a Mac,
  `iconutil -c icns` on an `.iconset` of the same PNGs gives an equivalent file.

Both containers are simple enough to write here, so no extra dependency is needed.
The outputs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_PNG_MIN = 256  # entries this big are stored as PNG; smaller ones as BMP
# icns entry types holding PNG data (macOS 10.7+), by pixel size.
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"icp6", 64), (b"ic12", 64),
    (b"ic07", 128), (b"ic08", 256), (b"ic13", 256), (b"ic09", 512), (b"ic14", 512),
    (b"ic10", 1024),
)


def _qt() -> tuple:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    return app, QBuffer, QByteArray, QIODevice, QRectF, Qt, QImage, QPainter, QSvgRenderer


def render(svg: Path, sizes: tuple[int, ...]) -> dict[int, object]:
    """SVG -> {size: QImage (ARGB32, premultiplied converted to straight alpha)}."""
    _app, _b, QByteArray, _io, QRectF, Qt, QImage, QPainter, QSvgRenderer = _qt()
    renderer = QSvgRenderer(QByteArray(svg.read_bytes()))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    images = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        images[size] = image.convertToFormat(QImage.Format.Format_ARGB32)
    return images


def png_bytes(image: object) -> bytes:
    _app, QBuffer, QByteArray, QIODevice, *_ = _qt()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[attr-defined]
        raise SystemExit("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: object) -> bytes:
    """An ICO's BMP entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask."""
    size = image.width()  # type: ignore[attr-defined]
    # Format_ARGB32 is 0xAARRGGBB per pixel: little-endian bytes B, G, R, A, as BMP wants.
    rows = []
    for y in range(size):
        line = image.constScanLine(y)  # type: ignore[attr-defined]
        rows.append(bytes(line)[: size * 4])
    xor = b"".join(reversed(rows))
    mask_row = ((size + 31) // 32) * 4  # 1 bit per pixel, rows padded to 32 bits
    and_mask = bytes(mask_row * size)  # all 0: the alpha channel decides
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0,
                         len(xor) + len(and_mask), 0, 0, 0, 0)
    return header + xor + and_mask


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = []
    for size in sorted(images):
        data = png_bytes(images[size]) if size >= ICO_PNG_MIN else bmp_entry(images[size])
        entries.append((size, data))
    offset = 6 + 16 * len(entries)
    directory, blobs = [], []
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256
        directory.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(entries)) + b"".join(directory) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ROOT / "resources" / "icons" / "app.svg")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging" / "icons")
    args = parser.parse_args(argv)

    images = render(args.svg, tuple(sorted(set(PNG_SIZES) | set(ICO_SIZES))))
    pngs = {size: png_bytes(image) for size, image in images.items()}
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = args.out / f"app-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = args.out / "app.ico"
    ico.write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    icns = args.out / "app.icns"
    icns.write_bytes(icns_bytes(pngs))
    written += [ico, icns]
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
              f"  {path.stat().st_size:>7} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
