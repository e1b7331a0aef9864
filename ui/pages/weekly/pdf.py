"""The weekly form as an A4 PDF: ``QPdfWriter`` + ``QTextDocument`` (no new dependency), the bundled
Chinese font embedded, annotations and score included, page numbers in the footer.

``write_pdf`` is used by the page (Print/Export PDF…); ``export_pdf_headless`` by ``desktop-crm weekly
--pdf`` (it creates an offscreen ``QGuiApplication`` when none exists). The file is written to a
temporary name beside the target and renamed, so a failed export never leaves half a PDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import (
    QGuiApplication,
)

from desktop_crm.weekly_form import WeeklyFormView

from ...pdf import write_html_pdf
from .form_html import FormHtml


class WeeklyPdf(QObject):
    def footer(self, page: int, pages: int) -> str:
        return self.tr("Page {page} of {pages}").format(page=page, pages=pages)


def write_pdf(view: WeeklyFormView, path: str | os.PathLike[str]) -> Path:
    """Render ``view`` to ``path`` (A4, portrait); returns the path written."""
    return write_html_pdf(
        path,
        FormHtml().document(view, links=False),
        title=f"{view.user_name} {view.label}",
        footer=WeeklyPdf().footer,
        point_size=10,
    )


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
