"""Icons (app.ui.theme): rendered from the SVG in memory, a bounded number kept, and a
rendering never outlives what it was drawn from (the SVG, the colour, the size, the
pixel ratio, the light or dark palette)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from app.ui import theme

ROOT = Path(__file__).resolve().parents[2]
SQUARE = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
          '<rect x="0" y="0" width="{w}" height="24" fill="currentColor"/></svg>')


def opaque_pixels(image) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).alpha() > 128)


def ink(pixmap) -> QColor:
    """The colour of the icon's most opaque pixel."""
    image = pixmap.toImage()
    return max((image.pixelColor(x, y) for x in range(image.width())
                for y in range(image.height())), key=lambda c: c.alpha())


@pytest.fixture
def palette_back(qapp):
    before = QApplication.palette()
    yield
    QApplication.setPalette(before)


def test_a_changed_svg_gives_a_new_rendering(qapp):
    half = theme.render_svg(SQUARE.format(w=12), 24, "#000000", 1.0).toImage()
    full = theme.render_svg(SQUARE.format(w=24), 24, "#000000", 1.0).toImage()
    assert opaque_pixels(half) == 12 * 24
    assert opaque_pixels(full) == 24 * 24


@pytest.mark.parametrize(("size", "color", "ratio"), [(32, "#000000", 1.0),
                                                      (24, "#ff0000", 1.0),
                                                      (24, "#000000", 2.0)])
def test_each_size_colour_and_pixel_ratio_has_its_own_rendering(qapp, size, color, ratio):
    svg = SQUARE.format(w=24)
    theme.render_svg(svg, 24, "#000000", 1.0)   # kept
    other = theme.render_svg(svg, size, color, ratio)
    assert other.width() == other.height() == int(size * ratio)
    assert other.devicePixelRatio() == ratio
    assert ink(other).name() == color


def test_the_renderings_kept_are_bounded(qapp):
    svg = SQUARE.format(w=24)
    for side in range(1, theme.RENDERINGS_KEPT + 50):
        theme.render_svg(svg, side, "#000000", 1.0)
    assert 0 < theme.renderings_kept() <= theme.RENDERINGS_KEPT
    # The most recent are there: asking again gives the same pixels without drawing.
    last = theme.RENDERINGS_KEPT + 49
    assert theme.render_svg(svg, last, "#000000", 1.0).cacheKey() \
        == theme.render_svg(svg, last, "#000000", 1.0).cacheKey()


def test_an_icon_follows_a_switch_to_the_dark_palette(qapp, palette_back):
    QApplication.setPalette(theme.light_palette())
    icon = theme.icon("check", size=20)               # drawn in the palette's text colour
    light = ink(icon.pixmap(QSize(20, 20)))
    disabled_light = ink(icon.pixmap(QSize(20, 20), QIcon.Mode.Disabled))
    QApplication.setPalette(theme.dark_palette())
    dark = ink(icon.pixmap(QSize(20, 20)))
    disabled_dark = ink(icon.pixmap(QSize(20, 20), QIcon.Mode.Disabled))
    assert light.name() == theme.colors(theme.light_palette())["text"]
    assert dark.name() == theme.colors(theme.dark_palette())["text"]
    assert disabled_light.name() == theme.colors(theme.light_palette())["muted"]
    assert disabled_dark.name() == theme.colors(theme.dark_palette())["muted"]


def test_icons_leave_nothing_in_the_cache_folder(tmp_path):
    """Rendering is fast enough (a few ms for the first window's icons, measured in
    bench/notes.md): no PNG copies on disk to go stale, grow or be written by the GUI."""
    probe = ("from PySide6.QtCore import QSize\n"
             "from PySide6.QtWidgets import QApplication\n"
             "app = QApplication([])\n"
             "from app.ui import theme\n"
             "theme.svg_pixmap('check', 20)\n"
             "theme.icon('copy').pixmap(QSize(16, 16))\n"
             "print('ok')\n")
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
    left = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert left == []


def test_the_result_pages_icon_is_themes_rendering_and_no_copy_of_its_own(make_wizard):
    """Issue 14 item 3: the Result page keeps no pixmaps on top of theme's: once theme
    has let a rendering go (its bound, or a changed SVG, theme or screen), the page shows
    the new rendering, not an old copy of its own."""
    from app.core.flow import Page

    wizard = make_wizard(render_only=True)
    page = wizard.pages[Page.RESULT]
    color = theme.colors()["error"]
    page.warm_up()
    warmed = theme.svg_pixmap("error", 32, color).cacheKey()
    # Other renderings push the warmed one out of theme's bounded cache.
    for side in range(1, theme.RENDERINGS_KEPT + 1):
        theme.render_svg(SQUARE.format(w=24), side, "#000000", 1.0)
    wizard.state["error"] = {"kind": "network.read_timeout", "category": "network",
                             "advice": "The answer took too long."}
    page.show_outcome()
    shown = page.icon.pixmap().cacheKey()
    assert shown != warmed
    assert shown == theme.svg_pixmap("error", 32, color).cacheKey()   # theme's, kept
