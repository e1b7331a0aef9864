"""File → Import template…: an empty file with the right headers (CSV or Excel, English or Chinese
headers) to fill in and import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError

from .. import prompts
from ..errors import error_text
from .common import KIND_ORDER, chinese_ui, kind_label


class TemplateDialog(QDialog):
    """Collects what the template is for, its header language and its format."""

    def __init__(self, parent: QWidget | None = None, kind: str = "clients") -> None:
        super().__init__(parent)
        self.setObjectName("importTemplateDialog")
        self.setWindowTitle(self.tr("Import template"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An empty file with the column headers the import recognises. Fill it in with Excel or "
                "WPS, then use File → Import…."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        for name in KIND_ORDER:
            self.kind_combo.addItem(kind_label(name), name)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        form.addRow(self.tr("Records:"), self.kind_combo)
        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem(self.tr("English headers"), "en")
        self.lang_combo.addItem(self.tr("Chinese headers"), "zh_CN")
        self.lang_combo.setCurrentIndex(1 if chinese_ui() else 0)
        form.addRow(self.tr("Headers:"), self.lang_combo)
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format_combo.addItem(self.tr("CSV, UTF-8 with BOM (.csv)"), "csv")
        form.addRow(self.tr("Format:"), self.format_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def choice(self) -> tuple[str, str, str]:
        """(kind, lang, fmt)"""
        return (
            str(self.kind_combo.currentData()),
            str(self.lang_combo.currentData()),
            str(self.format_combo.currentData()),
        )

    def file_filter(self) -> str:
        if self.choice()[2] == "xlsx":
            return self.tr("Excel workbook (*.xlsx)")
        return self.tr("CSV file (*.csv)")

    def suggested_name(self) -> str:
        kind, lang, file_format = self.choice()
        stem = f"{kind_label(kind)}" if lang == "zh_CN" and chinese_ui() else kind
        return self.tr("{name}-import-template.{suffix}").format(name=stem, suffix=file_format)

    def saved_text(self, path: str) -> str:
        return self.tr("The template was saved to {path}.").format(path=path)


def save_template(parent: QWidget | None, kind: str = "clients") -> Path | None:
    """Ask what template to write and where; write it. Returns the file written (None when cancelled)."""
    from desktop_crm.importing.templates import write_template

    dialog = TemplateDialog(parent, kind)
    if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    chosen_kind, lang, file_format = dialog.choice()
    title = dialog.windowTitle()
    suggested = str(Path.home() / dialog.suggested_name())
    path = prompts.ask_save_path(parent, title, suggested, dialog.file_filter())
    if not path:
        return None
    if not path.lower().endswith(f".{file_format}"):
        path += f".{file_format}"
    try:
        write_template(chosen_kind, path, lang=lang, fmt=file_format)
    except (CrmError, OSError) as exc:
        prompts.show_error(parent, title, error_text(exc))
        return None
    prompts.show_info(parent, title, dialog.saved_text(path))
    return Path(path)
