"""The base of every page: a header (title, subtitle) over the page's content, and ``refresh()``."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Page(QWidget):
    """A page of the main window. Subclasses set ``key`` and implement ``title()`` and ``refresh()``."""

    key = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(28, 22, 28, 22)
        self.page_layout.setSpacing(16)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("pageTitle")
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        self.page_layout.addLayout(header)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows from the database."""
        raise NotImplementedError
