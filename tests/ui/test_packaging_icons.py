"""The application icon: one drawing (packaging/icons/desktop-crm.svg) and the files generated from it by
make_icons.py: the PNGs (window icon, Linux icon theme) match a fresh rendering of the SVG, the Windows
.ico holds 16-256 px, the macOS .icns up to 512 px @2x (issue 14, item 5)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QImage, QTransform

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "packaging" / "icons"
_spec = importlib.util.spec_from_file_location("make_icons", ICONS / "make_icons.py")
assert _spec is not None and _spec.loader is not None
make_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_icons)


# Qt's releases round an edge's anti-aliasing differently (6.11.3 by one level in a few pixels of three
# sizes): a channel may differ by this much; an edited drawing differs by far more.
ROUNDING = 2


def _largest_difference(one: QImage, other: QImage) -> int:
    """The largest difference of one channel of one pixel between two images of the same size."""
    argb = QImage.Format.Format_ARGB32
    a, b = bytes(one.convertToFormat(argb).constBits()), bytes(other.convertToFormat(argb).constBits())
    assert len(a) == len(b)
    return max((abs(x - y) for x, y in zip(a, b, strict=True)), default=0)


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_each_png_is_the_svg_rendered_at_its_size(qapp: object, size: int) -> None:
    """A stale PNG (the SVG edited, make_icons.py not run) fails here."""
    committed = QImage(str(ROOT / "resources" / "icons" / f"desktop-crm-{size}.png"))
    fresh = QImage()
    assert fresh.loadFromData(make_icons.render_png(size))
    assert (committed.width(), committed.height()) == (size, size)
    assert _largest_difference(committed, fresh) <= ROUNDING
    # what the comparison is for: the drawing changed (here: mirrored) is told apart
    assert _largest_difference(committed, fresh.transformed(QTransform().scale(-1, 1))) > ROUNDING


def test_the_windows_icon_holds_every_size() -> None:
    with Image.open(ICONS / "desktop-crm.ico") as ico:
        assert sorted(ico.info["sizes"]) == [(s, s) for s in make_icons.ICO_SIZES]


def test_the_macos_icon_holds_the_retina_sizes() -> None:
    with Image.open(ICONS / "desktop-crm.icns") as icns:
        sizes = set(icns.info["sizes"])
    assert {(16, 16, 2), (128, 128, 1), (256, 256, 2), (512, 512, 1), (512, 512, 2)} <= sizes


def test_the_windows_and_macos_builds_use_these_files() -> None:
    spec = (ROOT / "packaging" / "desktop_crm.spec").read_text(encoding="utf-8")
    assert '"desktop-crm.icns"' in spec and '"desktop-crm.ico"' in spec
    assert "SetupIconFile=icons\\desktop-crm.ico" in (ROOT / "packaging" / "windows.iss").read_text(
        encoding="utf-8-sig"
    )
