#!/usr/bin/env python3
"""Generate the application's icon files from ``desktop-crm.svg`` (run after editing the drawing).

    QT_QPA_PLATFORM=offscreen python packaging/icons/make_icons.py

The PNGs go to ``resources/icons/`` (the window icon at run time, the Linux install's icon theme),
the ``.ico`` and ``.icns`` next to this script. Every PNG size is rendered from the SVG by QtSvg (no down-scaling blur); Pillow assembles the Windows
``.ico`` (16-256 px) and the macOS ``.icns`` (16-1024 px) from those renderings. The outputs are
committed, so a build never needs this script.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PNG_DIR = HERE.parent.parent / "resources" / "icons"  # the window icon and the Linux hicolor theme use them
SVG = HERE / "desktop-crm.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int) -> bytes:
    """The SVG rendered at ``size`` x ``size`` pixels, as PNG bytes (transparent background)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for size in PNG_SIZES:
        (PNG_DIR / f"desktop-crm-{size}.png").write_bytes(rendered[size])
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        HERE / "desktop-crm.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    largest_icns = images[max(ICNS_SIZES)]
    largest_icns.save(
        HERE / "desktop-crm.icns",
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    del app
    print(
        f"wrote {PNG_DIR}/desktop-crm-{{{','.join(map(str, PNG_SIZES))}}}.png, desktop-crm.ico, desktop-crm.icns"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
