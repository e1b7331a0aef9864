"""The weekly form as an A4 PDF: ``QPdfWriter`` + ``QTextDocument`` (no new dependency), the bundled
Chinese font embedded, annotations and score included, page numbers in the footer.

``write_pdf`` is used by the page (Print/Export PDF…); ``export_pdf_headless`` by ``desktop-crm weekly
--pdf`` (it creates an offscreen ``QGuiApplication`` when none exists). The file is written to a
temporary name beside the target and renamed, so a failed export never leaves half a PDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QObject, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop_crm.errors import CrmError
from desktop_crm.weekly_form import WeeklyFormView

from ...fonts import CJK_FAMILY, CJK_FONT_FILE
from .form_html import FormHtml

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
_font_loaded = False


def _ensure_font() -> None:
    global _font_loaded
    if not _font_loaded:
        _font_loaded = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE)) >= 0


class WeeklyPdf(QObject):
    def footer(self, page: int, pages: int) -> str:
        return self.tr("Page {page} of {pages}").format(page=page, pages=pages)


def write_pdf(view: WeeklyFormView, path: str | os.PathLike[str]) -> Path:
    """Render ``view`` to ``path`` (A4, portrait); returns the path written."""
    _ensure_font()
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    html = FormHtml().document(view, links=False)
    try:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(RESOLUTION)
        writer.setTitle(f"{view.user_name} {view.label}")
        writer.setCreator("desktop-crm")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 18),
                QPageLayout.Unit.Millimeter,
            )
        )
        _render(writer, html)
    except Exception:
        temporary.unlink(missing_ok=True)
        raise
    if not temporary.exists() or temporary.stat().st_size == 0:
        temporary.unlink(missing_ok=True)
        raise CrmError(f"could not write the PDF {target}")
    os.replace(temporary, target)
    return target


def _render(writer: QPdfWriter, html: str) -> None:
    painter = QPainter()
    if not painter.begin(writer):
        raise CrmError("could not start the PDF writer")
    try:
        page_rect = writer.pageLayout().paintRectPixels(writer.resolution())
        width, height = float(page_rect.width()), float(page_rect.height())
        footer_height = writer.resolution() * 0.25
        document = QTextDocument()
        font = QFont()
        font.setFamilies(["Noto Sans", "DejaVu Sans", CJK_FAMILY])
        font.setPointSizeF(10)
        document.setDefaultFont(font)
        document.documentLayout().setPaintDevice(writer)
        document.setHtml(html)
        document.setPageSize(QSizeF(width, height - footer_height))
        pages = document.pageCount()
        labels = WeeklyPdf()
        footer_font = QFont(font)
        footer_font.setPointSizeF(8)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * (height - footer_height))
            clip = QRectF(0, page * (height - footer_height), width, height - footer_height)
            document.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(QPointF(0, height - footer_height * 0.8), QSizeF(width, footer_height)),
                0x0084,  # Qt.AlignHCenter | Qt.AlignTop
                labels.footer(page + 1, pages),
            )
    finally:
        painter.end()


def export_pdf_headless(view: WeeklyFormView, path: str | os.PathLike[str], language: str | None) -> Path:
    """For the command line: make sure a GUI application exists (offscreen), translate, write the PDF."""
    from ...i18n import install_translators
    from ...settings import AppSettings

    app = QCoreApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["desktop-crm"])
    lang = (
        language or AppSettings().language or ("zh_CN" if QLocale.system().name().startswith("zh") else "en")
    )
    install_translators(app, lang)  # type: ignore[arg-type]
    return write_pdf(view, path)
