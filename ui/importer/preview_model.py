"""The preview's table model: one row per row of the file (virtual: 100,000 rows scroll like 100), the
row number, what will happen to it, and the mapped fields; a cell with a problem is tinted and its
tooltip says what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..models import CellAtOnce
from .common import cell_text, field_label, problem_text, raw_text

ERROR_TINT = QColor(229, 57, 53, 70)  # readable on the light and the dark theme
NOTE_TINT = QColor(255, 179, 0, 60)  # a note (a skipped or updated duplicate), not an error
ERROR_TEXT = QColor(198, 40, 40)
FIXED_COLUMNS = 2  # row number, action

Index = QModelIndex | QPersistentModelIndex


class PreviewTableModel(CellAtOnce, QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.shown: list[int] = []  # indexes into rows (all, or only those with problems)
        self.specs: list[Any] = []
        self.all_specs: dict[str, Any] = {}
        self.raw: dict[int, list[Any]] = {}  # file row number -> the file's cells
        self.field_columns: dict[str, int] = {}  # field key -> column of the file
        self.column_fields: dict[str, str] = {}  # header of the file -> field key
        self.only_problems = False

    # --- public --------------------------------------------------------------------------------
    def set_preview(self, preview: Any, table: Any, mapping: dict[int, str], specs: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.rows = list(preview.rows)
        chosen = set(mapping.values())
        keys = {spec.key for spec in specs}
        for key in list(chosen):  # first/last-name parts are shown as the one name they make
            base = key.rsplit("_", 1)[0]
            if key.endswith(("_first", "_last")) and base in keys:
                chosen.discard(key)
                chosen.add(base)
        self.specs = [spec for spec in specs if spec.key in chosen]
        self.all_specs = {spec.key: spec for spec in specs}
        self.field_columns = {key: column for column, key in mapping.items()}
        self.column_fields = {
            str(table.headers[column]): key for column, key in mapping.items() if column < len(table.headers)
        }
        self.raw = dict(zip(table.row_numbers, table.rows, strict=False))
        self._filter()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        self.beginResetModel()
        self.only_problems = only
        self._filter()
        self.endResetModel()

    def row_of(self, file_row: int) -> int | None:
        """The model row showing the file's row ``file_row`` (None when filtered out)."""
        for model_row, index in enumerate(self.shown):
            if self.rows[index].row == file_row:
                return model_row
        return None

    def cell_problems(self, row: Any, spec: Any | None) -> list[Any]:
        """The problems of ``row`` at ``spec``'s field (``None``: those not tied to a mapped field)."""
        keys = {spec.key for spec in self.specs}
        found = []
        for problem in row.problems:
            key = self._problem_field(problem)
            if spec is None and key not in keys or spec is not None and key == spec.key:
                found.append(problem)
        return found

    # --- Qt overrides --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.specs)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("Action")
        return field_label(self.specs[section - FIXED_COLUMNS])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[self.shown[index.row()]]
        column = index.column()
        if column == 0:
            return self._row_data(row, role)
        if column == 1:
            return self._action_data(row, role)
        spec = self.specs[column - FIXED_COLUMNS]
        problems = self.cell_problems(row, spec)
        if role == Qt.ItemDataRole.DisplayRole:
            if spec.key in row.values and not _errors(problems):
                return cell_text(spec, row.values[spec.key])
            return raw_text(self._raw_cell(row, spec.key), 120)
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return self.problems_tip(problems)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return ERROR_TINT if _errors(problems) else NOTE_TINT
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- internals -----------------------------------------------------------------------------
    def _row_data(self, row: Any, role: int) -> Any:
        problems = self.cell_problems(row, None)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.row)
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return self.problems_tip(problems)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return ERROR_TINT if _errors(problems) else NOTE_TINT
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _action_data(self, row: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.action_text(row.action)
        if role == Qt.ItemDataRole.ForegroundRole and row.action == "error":
            return ERROR_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and row.duplicate_of is not None:
            return self.tr("Repeats row {row} of the file").format(row=row.duplicate_of)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return self.problems_tip(row.problems)
        return None

    def problems_tip(self, problems: list[Any]) -> str:
        return "\n".join(problem_text(problem, self.all_specs) for problem in problems)

    def action_text(self, action: str) -> str:
        names = {
            "create": self.tr("Create"),
            "update": self.tr("Update"),
            "skip": self.tr("Skip"),
            "error": self.tr("Error"),
        }
        return names.get(action, action)

    def _problem_field(self, problem: Any) -> str | None:
        if getattr(problem, "field", None):
            return str(problem.field)
        column = getattr(problem, "column", None)
        return self.column_fields.get(str(column)) if column is not None else None

    def _raw_cell(self, row: Any, key: str) -> Any:
        cells = self.raw.get(row.row)
        if cells is None:
            return None
        if key not in self.field_columns:
            if key.endswith(("_first", "_last")):
                return None
            # a name given by its parts
            parts = [self._raw_cell(row, f"{key}_{part}") for part in ("first", "last")]
            return " ".join(str(part) for part in parts if part not in (None, "")) or None
        column = self.field_columns[key]
        return cells[column] if column < len(cells) else None

    def _filter(self) -> None:
        if self.only_problems:
            self.shown = [i for i, row in enumerate(self.rows) if row.problems or row.action == "error"]
        else:
            self.shown = list(range(len(self.rows)))


def _errors(problems: list[Any]) -> list[Any]:
    return [problem for problem in problems if getattr(problem, "severity", "error") == "error"]
