"""A4 PDFs from rich text: ``QPdfWriter`` + ``QTextDocument`` (in PySide6-Essentials, no new dependency),
the bundled Chinese font embedded, a page-number footer on every page.

The file is written to a temporary name beside the target and renamed, so a failed export never leaves
half a PDF. Used by the weekly form and the dashboard's review pack.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from desktop_crm.errors import CrmError

from .fonts import CJK_FAMILY, CJK_FONT_FILE

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
MARGINS_MM = QMarginsF(15, 15, 15, 18)
_font_loaded = False

Footer = Callable[[int, int], str]  # (page, pages) -> text


def _ensure_font() -> None:
    global _font_loaded
    if not _font_loaded:
        _font_loaded = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE)) >= 0


def write_html_pdf(
    path: str | os.PathLike[str],
    html: str,
    *,
    title: str,
    footer: Footer,
    point_size: float = 10.0,
    document: QTextDocument | None = None,
) -> Path:
    """Render ``html`` (in ``document``, which may already hold image resources) to an A4 portrait PDF
    at ``path``; returns the path written."""
    _ensure_font()
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(RESOLUTION)
        writer.setTitle(title)
        writer.setCreator("desktop-crm")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        _render(writer, document or QTextDocument(), html, footer, point_size)
        del writer  # closes the file
    except Exception:
        temporary.unlink(missing_ok=True)
        raise
    if not temporary.exists() or temporary.stat().st_size == 0:
        temporary.unlink(missing_ok=True)
        raise CrmError("pdf.write_failed", path=str(target))
    os.replace(temporary, target)
    return target


def _render(
    writer: QPdfWriter, document: QTextDocument, html: str, footer: Footer, point_size: float
) -> None:
    painter = QPainter()
    if not painter.begin(writer):
        raise CrmError("pdf.cannot_start")
    try:
        page_rect = writer.pageLayout().paintRectPixels(writer.resolution())
        width, height = float(page_rect.width()), float(page_rect.height())
        footer_height = writer.resolution() * 0.25
        body_height = height - footer_height
        font = QFont()
        font.setFamilies(["Noto Sans", "DejaVu Sans", CJK_FAMILY])
        font.setPointSizeF(point_size)
        document.setDefaultFont(font)
        document.documentLayout().setPaintDevice(writer)
        document.setHtml(html)
        document.setPageSize(QSizeF(width, body_height))
        pages = document.pageCount()
        footer_font = QFont(font)
        footer_font.setPointSizeF(8)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body_height)
            document.drawContents(painter, QRectF(0, page * body_height, width, body_height))
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(QPointF(0, height - footer_height * 0.8), QSizeF(width, footer_height)),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                footer(page + 1, pages),
            )
    finally:
        painter.end()
