"""Step 1 of the import wizard: what to import, the file, how it is read (encoding, delimiter, sheet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import fmt
from .common import KIND_ORDER, kind_label, raw_text

SAMPLE_ROWS = 6

ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "gb18030", "utf-16")
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")


class SourceStep(QWidget):
    """Emits ``sig_choose_requested`` (the Choose… button), ``sig_reread_requested`` (an override changed),
    ``sig_kind_changed`` and ``sig_template_requested``."""

    sig_choose_requested = Signal()
    sig_reread_requested = Signal()
    sig_kind_changed = Signal(str)
    sig_template_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSourceStep")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)

        kind_row = QHBoxLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("importKindCombo")
        for kind in KIND_ORDER:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setMinimumWidth(220)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        kind_row.addWidget(self.kind_combo)
        self.template_button = QPushButton(self.tr("Save an empty template…"), self)
        self.template_button.setObjectName("importTemplateButton")
        self.template_button.setToolTip(
            self.tr("A CSV or Excel file with the right column headers, to fill in and import")
        )
        self.template_button.clicked.connect(self.sig_template_requested)
        kind_row.addWidget(self.template_button)
        kind_row.addStretch(1)
        form.addRow(self.tr("Import:"), kind_row)

        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A CSV, TXT or Excel (XLSX) file"))
        file_row.addWidget(self.path_edit, 1)
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.setObjectName("importChooseButton")
        self.choose_button.clicked.connect(self.sig_choose_requested)
        file_row.addWidget(self.choose_button)
        form.addRow(self.tr("File:"), file_row)

        options = QHBoxLayout()
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("importEncodingCombo")
        self.encoding_combo.addItem(self.tr("Detect automatically"), None)
        encoding_names = {
            "utf-8": self.tr("UTF-8"),
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gb18030": self.tr("Chinese (GBK/GB18030)"),
            "utf-16": self.tr("UTF-16"),
        }
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(encoding_names[encoding], encoding)
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setObjectName("importDelimiterCombo")
        self.delimiter_combo.addItem(self.tr("Detect automatically"), None)
        for delimiter in DELIMITERS:
            self.delimiter_combo.addItem(self.delimiter_name(delimiter), delimiter)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("importSheetCombo")
        self.sheet_combo.setMinimumWidth(160)
        self.encoding_label = QLabel(self.tr("Encoding:"), self)
        self.delimiter_label = QLabel(self.tr("Delimiter:"), self)
        self.sheet_label = QLabel(self.tr("Sheet:"), self)
        for label, combo in (
            (self.encoding_label, self.encoding_combo),
            (self.delimiter_label, self.delimiter_combo),
            (self.sheet_label, self.sheet_combo),
        ):
            options.addWidget(label)
            options.addWidget(combo)
            options.addSpacing(12)
            combo.activated.connect(self._on_option_activated)
        options.addStretch(1)
        self.options_label = QLabel(self.tr("Read as:"), self)
        form.addRow(self.options_label, options)
        layout.addLayout(form)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("importSourceStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        self.sample_caption = QLabel(self.tr("The first rows of the file:"), self)
        layout.addWidget(self.sample_caption)
        self.sample_table = QTableWidget(self)
        self.sample_table.setObjectName("importSampleTable")
        self.sample_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sample_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.sample_table.horizontalHeader().setDefaultSectionSize(140)
        layout.addWidget(self.sample_table, 1)
        layout.addStretch(0)  # takes the room while there are no rows to show
        self._set_options_visible("")
        self.set_table(None, [])

    # --- public --------------------------------------------------------------------------------
    @staticmethod
    def delimiter_name(delimiter: str | None) -> str:
        from PySide6.QtCore import QCoreApplication

        names = {
            ",": QCoreApplication.translate("SourceStep", "Comma ( , )"),
            ";": QCoreApplication.translate("SourceStep", "Semicolon ( ; )"),
            "\t": QCoreApplication.translate("SourceStep", "Tab"),
            "|": QCoreApplication.translate("SourceStep", "Vertical bar ( | )"),
        }
        return names.get(delimiter or "", delimiter or "")

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    @property
    def path(self) -> str:
        return self.path_edit.text()

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        self.path_edit.setToolTip(path)
        for combo in (self.encoding_combo, self.delimiter_combo):
            combo.setCurrentIndex(0)
        self.sheet_combo.clear()
        self._set_options_visible(path)

    def options(self) -> dict[str, Any]:
        """The reader's overrides (None = detect)."""
        sheet = self.sheet_combo.currentData() if self.sheet_combo.count() else None
        return {
            "encoding": self.encoding_combo.currentData(),
            "delimiter": self.delimiter_combo.currentData(),
            "sheet": sheet,
        }

    def set_sheets(self, sheets: list[str], current: str | None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for name in sheets:
            self.sheet_combo.addItem(name, name)
        if current is not None and current in sheets:
            self.sheet_combo.setCurrentIndex(sheets.index(current))
        self.sheet_combo.blockSignals(False)
        self._set_options_visible(self.path)

    def set_busy(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def set_error(self, text: str) -> None:
        self.status_label.setStyleSheet("color: #b3261e;")
        self.status_label.setText(text)
        self.set_table(None, [])

    def set_table(self, table: Any | None, sheets: list[str]) -> None:
        """Show what was read: the detected encoding and delimiter, the sheet, the first rows."""
        self.sample_table.clear()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(layout.count() - 1, 0 if table is not None else 1)
        if table is None:
            self.sample_table.setRowCount(0)
            self.sample_table.setColumnCount(0)
            self.sample_caption.setVisible(False)
            self.sample_table.setVisible(False)
            if not self.path:
                self.status_label.setStyleSheet("")
                self.status_label.setText(
                    self.tr(
                        "Choose what to import and the file. The first row of the file must hold the "
                        "column headers; Chinese and English headers of common CRM exports are recognised."
                    )
                )
            return
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.summary(table, sheets))
        headers = list(table.headers)
        rows = table.rows[:SAMPLE_ROWS]
        self.sample_table.setColumnCount(len(headers))
        self.sample_table.setRowCount(len(rows))
        self.sample_table.setHorizontalHeaderLabels([raw_text(h, 60) for h in headers])
        self.sample_table.setVerticalHeaderLabels([str(n) for n in table.row_numbers[:SAMPLE_ROWS]])
        for r, row in enumerate(rows):
            for c in range(len(headers)):
                value = row[c] if c < len(row) else None
                self.sample_table.setItem(r, c, QTableWidgetItem(raw_text(value, 80)))
        self.sample_caption.setVisible(True)
        self.sample_table.setVisible(True)

    def summary(self, table: Any, sheets: list[str]) -> str:
        rows = fmt.number(len(table.rows))
        columns = fmt.number(len(table.headers))
        text = self.tr("{rows} rows and {columns} columns read from {name}.").format(
            rows=rows, columns=columns, name=Path(str(table.source)).name
        )
        details = []
        if table.encoding:
            details.append(
                self.tr("Encoding: {encoding}").format(encoding=self.encoding_name(table.encoding))
            )
        if table.delimiter:
            details.append(
                self.tr("Delimiter: {delimiter}").format(delimiter=self.delimiter_name(table.delimiter))
            )
        if table.sheet:
            details.append(self.tr("Sheet: {sheet}").format(sheet=table.sheet))
        if details:
            text = self.tr("{summary} {details}.").format(summary=text, details=" · ".join(details))
        if table.encoding or table.delimiter:
            hint = self.tr("If the text looks garbled, choose another encoding or delimiter above.")
            text = self.tr("{summary} {hint}").format(summary=text, hint=hint)
        return text

    def encoding_name(self, encoding: str) -> str:
        names = {
            "utf-8": self.tr("UTF-8"),
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gb18030": self.tr("Chinese (GBK/GB18030)"),
            "gbk": self.tr("Chinese (GBK/GB18030)"),
            "utf-16": self.tr("UTF-16"),
            "utf-16-le": self.tr("UTF-16"),
            "utf-16-be": self.tr("UTF-16"),
        }
        return names.get(encoding.lower().replace("_", "-"), encoding)

    # --- internals -----------------------------------------------------------------------------
    def _set_options_visible(self, path: str) -> None:
        is_excel = path.lower().endswith((".xlsx", ".xlsm"))
        for widget in (self.encoding_label, self.encoding_combo, self.delimiter_label, self.delimiter_combo):
            widget.setVisible(bool(path) and not is_excel)
        has_sheets = bool(path) and is_excel and self.sheet_combo.count() > 1
        self.sheet_label.setVisible(has_sheets)
        self.sheet_combo.setVisible(has_sheets)
        self.options_label.setVisible(bool(path) and (not is_excel or has_sheets))

    # --- slots ---------------------------------------------------------------------------------
    def _on_kind_combo_changed(self, _index: int) -> None:
        self.sig_kind_changed.emit(self.kind)

    def _on_option_activated(self, _index: int) -> None:
        self.sig_reread_requested.emit()
