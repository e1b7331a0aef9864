"""The export dialog: where to write, CSV or Excel, the CSV encoding and (for records) the header language.

It collects and checks the input and returns an :class:`ExportChoice`; the caller runs the export.
The last format, encoding, language and folder are remembered (``QSettings``, group ``export``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.exporting.writers import DEFAULT_ENCODING, ENCODING_CHOICES

from .. import prompts

SETTINGS_GROUP = "export"


@dataclass(frozen=True)
class ExportChoice:
    path: str
    fmt: str  # "csv" | "xlsx"
    encoding: str | None  # None for xlsx
    lang: str  # "en" | "zh_CN": headers of record exports


def _settings() -> QSettings:
    return QSettings()


def remembered(key: str, default: str) -> str:
    value = _settings().value(f"{SETTINGS_GROUP}/{key}", default)
    return str(value) if value else default


def remember(choice: ExportChoice) -> None:
    settings = _settings()
    settings.setValue(f"{SETTINGS_GROUP}/format", choice.fmt)
    if choice.encoding:
        settings.setValue(f"{SETTINGS_GROUP}/encoding", choice.encoding)
    settings.setValue(f"{SETTINGS_GROUP}/lang", choice.lang)
    settings.setValue(f"{SETTINGS_GROUP}/folder", str(Path(choice.path).parent))


def default_folder() -> str:
    folder = remembered("folder", "")
    if folder and Path(folder).is_dir():
        return folder
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )


class ExportDialog(QDialog):
    """Asks the file, the format and the encoding; ``choice()`` once accepted."""

    def __init__(
        self, title: str, file_stem: str, parent: QWidget | None = None, *, with_lang: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("File"), row)
        self.path_error = QLabel(self)
        self.path_error.setObjectName("fieldError")
        self.path_error.setStyleSheet("color: #c0392b;")
        self.path_error.setWordWrap(True)
        self.path_error.hide()
        form.addRow("", self.path_error)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        self.format_combo.addItem(self.tr("CSV (comma separated)"), "csv")
        self.format_combo.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        form.addRow(self.tr("Format"), self.format_combo)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("exportEncoding")
        names = {
            "utf-8-sig": self.tr("UTF-8 with BOM (Excel opens Chinese correctly)"),
            "utf-8": self.tr("UTF-8 without BOM"),
            "gb18030": self.tr("GB18030 (Chinese Windows, every character)"),
            "gbk": self.tr("GBK (older Chinese software)"),
            "utf-16": self.tr("UTF-16"),
        }
        for key in ENCODING_CHOICES:
            self.encoding_combo.addItem(names[key], key)
        form.addRow(self.tr("Encoding"), self.encoding_combo)
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("exportLang")
        self.lang_combo.addItem(self.tr("English"), "en")
        self.lang_combo.addItem("中文", "zh_CN")
        if with_lang:
            form.addRow(self.tr("Column headers"), self.lang_combo)
        else:
            self.lang_combo.hide()
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Text that starts like a formula (=, +, -, @) gets a leading apostrophe, so a spreadsheet "
                "never runs it; numbers stay numbers."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._restore(file_stem)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self._on_format_combo_changed()

    def _restore(self, file_stem: str) -> None:
        fmt = remembered("format", "csv")
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt)))
        self.encoding_combo.setCurrentIndex(
            max(0, self.encoding_combo.findData(remembered("encoding", DEFAULT_ENCODING)))
        )
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(remembered("lang", "en"))))
        self.path_edit.setText(str(Path(default_folder()) / f"{file_stem}.{fmt}"))

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def choice(self) -> ExportChoice:
        fmt = self.fmt()
        return ExportChoice(
            path=self.path_edit.text().strip(),
            fmt=fmt,
            encoding=str(self.encoding_combo.currentData()) if fmt == "csv" else None,
            lang=str(self.lang_combo.currentData()),
        )

    def _show_path_error(self, text: str) -> None:
        self.path_error.setText(text)
        self.path_error.show()
        self.path_edit.setFocus()

    # --- slots ---------------------------------------------------------------------------------
    def _on_format_combo_changed(self, *_args: object) -> None:
        fmt = self.fmt()
        self.encoding_combo.setEnabled(fmt == "csv")
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in (".csv", ".xlsx", ""):
                self.path_edit.setText(str(path.with_suffix(f".{fmt}")))

    def _on_browse_button_clicked(self) -> None:
        fmt = self.fmt()
        file_filter = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
        path = prompts.ask_save_path(self, self.tr("Export to"), self.path_edit.text(), file_filter)
        if path:
            self.path_edit.setText(path)
            self.path_error.hide()

    def _on_buttons_accepted(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._show_path_error(self.tr("Choose the file to write."))
            return
        path = Path(text)
        if path.is_dir():
            self._show_path_error(self.tr("This is a folder; add a file name."))
            return
        if not path.parent.is_dir():
            self._show_path_error(
                self.tr("The folder {folder} does not exist.").format(folder=str(path.parent))
            )
            return
        if path.exists() and not prompts.ask_yes_no(
            self, self.tr("Replace the file?"), self.tr("{name} exists. Replace it?").format(name=path.name)
        ):
            return
        remember(self.choice())
        self.accept()
