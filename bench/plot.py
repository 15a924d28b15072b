"""docs/bench-throughput.png: batch throughput against concurrency, with the limit.

Drawn with Qt itself (QImage + QPainter, offscreen): no plotting dependency.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 760, 440
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 72, 24, 48, 58


def _nice_max(value: float) -> float:
    step = 10 ** max(0, len(str(int(value))) - 1)
    return float((int(value / step) + 1) * step)


def draw(batch: dict[str, Any], path: Path) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QGuiApplication,
        QImage,
        QPainter,
        QPen,
        QPolygonF,
    )

    _app = QGuiApplication.instance() or QGuiApplication([])
    series = batch["series"]
    xs = [s["concurrency"] for s in series]
    measured = [s["rows_per_s"] for s in series]
    limits = [s["limit_rows_per_s"] for s in series]
    y_max = _nice_max(max(limits + measured))
    x_max = max(xs)

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot = QRectF(MARGIN_L, MARGIN_T, WIDTH - MARGIN_L - MARGIN_R,
                  HEIGHT - MARGIN_T - MARGIN_B)

    def pt(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + plot.width() * x / x_max,
                       plot.bottom() - plot.height() * y / y_max)

    font = QFont()
    font.setPixelSize(12)
    p.setFont(font)
    # grid and axes
    p.setPen(QPen(QColor("#e3e3e3"), 1))
    ticks = 5
    for i in range(ticks + 1):
        y = y_max * i / ticks
        p.drawLine(pt(0, y), pt(x_max, y))
    p.setPen(QPen(QColor("#444"), 1))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.drawLine(plot.bottomLeft(), plot.topLeft())
    for i in range(ticks + 1):
        y = y_max * i / ticks
        a = pt(0, y)
        p.drawText(QRectF(a.x() - 60, a.y() - 8, 54, 16),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{y:g}")
    for x in xs:
        a = pt(x, 0)
        p.drawLine(a, QPointF(a.x(), a.y() + 4))
        p.drawText(QRectF(a.x() - 20, a.y() + 6, 40, 16),
                   int(Qt.AlignmentFlag.AlignCenter), str(x))
    p.drawText(QRectF(plot.left(), HEIGHT - 24, plot.width(), 18),
               int(Qt.AlignmentFlag.AlignCenter), "concurrency")
    p.save()
    p.translate(16, plot.center().y())
    p.rotate(-90)
    p.drawText(QRectF(-80, -8, 160, 16), int(Qt.AlignmentFlag.AlignCenter), "rows per second")
    p.restore()
    title = QFont(font)
    title.setPixelSize(14)
    title.setBold(True)
    p.setFont(title)
    p.drawText(QRectF(0, 10, WIDTH, 22), int(Qt.AlignmentFlag.AlignCenter),
               f"Batch of {batch['rows']} RUFUS rows, sandbox latency {batch['latency_ms']} ms")
    p.setFont(font)

    def line(values: list[float], color: str, style: Qt.PenStyle, dots: bool) -> None:
        p.setPen(QPen(QColor(color), 2, style))
        p.drawPolyline(QPolygonF([pt(0, 0), *[pt(x, v) for x, v in zip(xs, values,
                                                                       strict=True)]]))
        if dots:
            p.setBrush(QColor(color))
            for x, v in zip(xs, values, strict=True):
                p.drawEllipse(pt(x, v), 3.5, 3.5)

    line(limits, "#999999", Qt.PenStyle.DashLine, False)
    line([v * 0.9 for v in limits], "#d9a441", Qt.PenStyle.DotLine, False)
    line(measured, "#1f6fd1", Qt.PenStyle.SolidLine, True)
    raw = [(s["concurrency"], s["raw_httpx2_rows_per_s"]) for s in series
           if "raw_httpx2_rows_per_s" in s]
    p.setPen(QPen(QColor("#2e9d57"), 2))
    p.setBrush(QColor("white"))
    for x, v in raw:
        p.drawRect(QRectF(pt(x, v).x() - 4, pt(x, v).y() - 4, 8, 8))
    p.setPen(QPen(QColor("#333")))
    for x, v, lim in zip(xs, measured, limits, strict=True):
        a = pt(x, v)
        text = f"{v:.0f} ({100 * v / lim:.0f} %)"
        if x == x_max:  # the last point: the label goes to its left
            p.drawText(QRectF(a.x() - 128, a.y() + 4, 120, 16),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        else:
            p.drawText(QRectF(a.x() + 8, a.y() + 4, 120, 16),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
    # legend
    legend = [("#1f6fd1", Qt.PenStyle.SolidLine, "measured (BatchRunner)"),
              ("#999999", Qt.PenStyle.DashLine, "limit: concurrency / latency"),
              ("#d9a441", Qt.PenStyle.DotLine, "90 % of the limit (target at 16)")]
    if raw:
        legend.append(("#2e9d57", Qt.PenStyle.SolidLine, "□ bare httpx2, same run"))
    for i, (color, style, text) in enumerate(legend):
        y = plot.top() + 10 + 18 * i
        p.setPen(QPen(QColor(color), 2, style))
        p.drawLine(QPointF(plot.left() + 14, y), QPointF(plot.left() + 44, y))
        p.setPen(QPen(QColor("#333")))
        p.drawText(QRectF(plot.left() + 52, y - 8, 260, 16),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
    p.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise RuntimeError(f"could not write {path}")
    return path
