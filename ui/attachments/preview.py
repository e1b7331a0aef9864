"""The preview beside the attachments list: an image scaled down, the first page of a PDF where the
platform has QtPdf (PySide6 Add-ons), otherwise the file's icon with its name and size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImageReader, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.services.attachments import AttachmentRow, attachment_file

from .kinds import kind_label

PREVIEW_SIZE = QSize(240, 240)
MAX_IMAGE_PIXELS = 60_000_000  # larger images are not decoded for a preview
# a team database's file this computer has no copy of is fetched for a preview up to this size (larger
# ones show their icon until opened: the fetch would hold the window)
PREVIEW_FETCH_LIMIT = 16 * 1024 * 1024


def image_pixmap(path: Path, size: QSize) -> QPixmap | None:
    """The image at ``path`` scaled into ``size`` (decoded at that size where the format allows)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if not full.isValid() or full.width() * full.height() > MAX_IMAGE_PIXELS:
        return None
    reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)


def pdf_pixmap(path: Path, size: QSize) -> QPixmap | None:
    """The first page of a PDF, when QtPdf is installed; None otherwise."""
    try:
        from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        return None
    page = document.pagePointSize(0).toSize().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
    image = document.render(0, page)
    document.close()
    return None if image.isNull() else QPixmap.fromImage(image)


KIND_COLORS = {
    "recording": "#7b61c9",
    "email": "#b26a00",
    "pdf": "#c2453b",
    "image": "#1e8a5a",
    "text": "#2aa44f",
    "document": "#2d6cdf",
    "other": "#5f6b7a",
}


def icon_pixmap(file_name: str, kind: str, size: int = 96) -> QPixmap:
    """A document icon with the file's extension on a band in the kind's colour (drawn, so it looks the
    same on every platform and icon theme)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width, height = int(size * 0.7), int(size * 0.9)
    left, top = (size - width) // 2, (size - height) // 2
    painter.setPen(QPen(QColor("#9aa5b4"), 2))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(left, top, width, height), 6, 6)
    band = QRectF(left - 6, top + height * 0.55, width + 12, height * 0.24)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(KIND_COLORS.get(kind, "#5f6b7a")))
    painter.drawRoundedRect(band, 4, 4)
    suffix = Path(file_name).suffix.lstrip(".").upper()[:5] or "FILE"
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(10, int(size * 0.15)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, suffix)
    painter.end()
    return pixmap


class AttachmentPreview(QWidget):
    """Shows one attachment: ``show_row(row)``; ``clear()``. ``mode`` says what is shown (tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPreview")
        self.setFixedWidth(PREVIEW_SIZE.width() + 20)
        self.image = QLabel(self)
        self.image.setObjectName("previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(PREVIEW_SIZE.height())
        self.image.setStyleSheet("QLabel#previewImage { background: #ffffff; border: 1px solid #dfe3ea; }")
        self.caption = QLabel(self)
        self.caption.setObjectName("hint")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.mode = "empty"
        self.clear()

    def clear(self) -> None:
        self.mode = "empty"
        self.image.clear()
        self.image.setText(self.tr("Select a file to preview it.\nDrop files here to attach them."))
        self.image.setWordWrap(True)
        self.caption.clear()

    def show_row(self, row: AttachmentRow) -> None:
        pixmap: QPixmap | None = None
        self.mode = "icon"
        if not row.available:
            self.mode = "missing"
        elif row.kind in ("image", "pdf"):
            path = self._local_file(row)
            if path is None:
                self.mode = "icon" if row.size_bytes > PREVIEW_FETCH_LIMIT else "missing"
            elif row.kind == "image":
                pixmap = image_pixmap(path, PREVIEW_SIZE)
            else:
                pixmap = pdf_pixmap(path, PREVIEW_SIZE)
        if pixmap is not None:
            self.mode = row.kind
        else:
            pixmap = icon_pixmap(row.file_name, row.kind)
        self.image.setPixmap(pixmap)
        facts = [kind_label(row.kind), QLocale().formattedDataSize(row.size_bytes)]
        text = f"{row.file_name}\n" + " · ".join(facts)
        if self.mode == "missing":
            text += "\n" + self.tr("The file is missing from the attachments folder.")
        self.caption.setText(text)

    @staticmethod
    def _local_file(row: AttachmentRow) -> Path | None:
        """The attachment's bytes on this machine (on a team database fetched first when this machine has
        no copy yet); None when they are nowhere."""
        if row.path.is_file():
            return row.path
        if row.size_bytes > PREVIEW_FETCH_LIMIT:
            return None
        try:
            return attachment_file(row.id)
        except (CrmError, OSError):
            return None
