"""Step 2 of the import wizard: one row per column of the file (header, three sample values, the field
it goes into), the required fields still unmapped, and columns sent to the same field twice."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .common import field_label, raw_text

SAMPLES = 3
SAMPLE_SCAN = 2000


def sample_values(rows: list[list[Any]], column: int, count: int = SAMPLES) -> list[str]:
    """The first ``count`` non-empty values of ``column`` (as text), looked for in the first rows only
    (an empty column of a 100,000-row file must not hold the window up)."""
    found: list[str] = []
    for row in rows[:SAMPLE_SCAN]:
        if column < len(row):
            text = raw_text(row[column], 40).strip()
            if text:
                found.append(text)
                if len(found) == count:
                    break
    return found


class MappingStep(QWidget):
    """Emits ``sig_mapping_changed`` whenever a column's target changes."""

    sig_mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingStep")
        self.specs: tuple[Any, ...] = ()
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("importMappingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Sample values"), self.tr("Import into")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(2, 260)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("importMappingStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

    # --- public --------------------------------------------------------------------------------
    def set_columns(
        self, specs: tuple[Any, ...], headers: list[str], rows: list[list[Any]], mapping: dict[int, str]
    ) -> None:
        """One row per column of the file; ``mapping`` (column -> field key) pre-selects the targets."""
        self.specs = specs
        self.combos = []
        self.table.setRowCount(len(headers))
        for column, header in enumerate(headers):
            title = QTableWidgetItem(
                raw_text(header, 80) or self.tr("(column {number})").format(number=column + 1)
            )
            title.setToolTip(raw_text(header, 400))
            self.table.setItem(column, 0, title)
            samples = sample_values(rows, column)
            sample_item = QTableWidgetItem("  ·  ".join(samples) if samples else self.tr("(empty)"))
            if not samples:
                sample_item.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(column, 1, sample_item)
            combo = QComboBox(self.table)
            combo.setObjectName(f"importMappingCombo{column}")
            combo.addItem(self.tr("Do not import"), "")
            for spec in specs:
                text = field_label(spec)
                if spec.required:
                    text = self.tr("{field} (required)").format(field=text)
                combo.addItem(text, spec.key)
            index = combo.findData(mapping.get(column, ""))
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self._on_combo_changed)
            self.combos.append(combo)
            self.table.setCellWidget(column, 2, combo)
        self.intro_label.setText(
            self.tr(
                'Choose the field each column of the file goes into. Columns set to "Do not import" are '
                "left out. Your choices are remembered for files with the same headers."
            )
        )
        self._update_status()

    def mapping(self) -> dict[int, str]:
        return {
            column: str(combo.currentData())
            for column, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def set_target(self, column: int, key: str) -> None:
        combo = self.combos[column]
        index = combo.findData(key)
        if index < 0:
            raise KeyError(key)
        combo.setCurrentIndex(index)

    def missing_required(self) -> list[Any]:
        """Required fields no column goes into (a name is also given by its first/last-name parts)."""
        chosen = set(self.mapping().values())
        return [
            spec
            for spec in self.specs
            if spec.required and not chosen & {spec.key, f"{spec.key}_first", f"{spec.key}_last"}
        ]

    def doubled(self) -> list[Any]:
        counts = Counter(self.mapping().values())
        return [spec for spec in self.specs if counts[spec.key] > 1]

    def is_complete(self) -> bool:
        return bool(self.mapping()) and not self.missing_required() and not self.doubled()

    # --- internals -----------------------------------------------------------------------------
    def _update_status(self) -> None:
        problems = []
        missing = self.missing_required()
        if missing:
            problems.append(
                self.tr("Required fields not mapped yet: {fields}.").format(
                    fields=", ".join(field_label(spec) for spec in missing)
                )
            )
        doubled = self.doubled()
        if doubled:
            problems.append(
                self.tr(
                    "Several columns go into the same field: {fields}. Choose one column for each."
                ).format(fields=", ".join(field_label(spec) for spec in doubled))
            )
        if not self.mapping() and self.combos:
            problems.append(self.tr("No column is imported yet."))
        if problems:
            self.status_label.setStyleSheet("color: #b3261e;")
            self.status_label.setText(" ".join(problems))
        else:
            self.status_label.setStyleSheet("")
            count = len(self.mapping())
            self.status_label.setText(
                self.tr("{count} of {total} columns will be imported.").format(
                    count=count, total=len(self.combos)
                )
            )

    # --- slots ---------------------------------------------------------------------------------
    def _on_combo_changed(self, _index: int) -> None:
        self._update_status()
        self.sig_mapping_changed.emit()
