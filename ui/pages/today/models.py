"""Table models of the Today sections: one generic model over row objects, and the three column sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_crm import clock
from desktop_crm.agenda import AgendaStep, DueInstalment, NeglectedClient

from ... import fmt
from ...labels import label
from ...models import CellAtOnce
from ...table_fit import widest_dates

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RED = QColor("#c0392b")
MUTED = QColor("#6b7785")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass
class RowColumn(Generic[T]):
    header: str
    text: Callable[[T], str]
    align_right: bool = False
    color: Callable[[T], QColor | None] | None = None
    bold: Callable[[T], bool] | None = None
    tooltip: Callable[[T], str] | None = None


class RowObjectModel(CellAtOnce, QAbstractTableModel, Generic[T]):
    """Rows are objects (the agenda's dataclasses); ``UserRole`` gives the row object back."""

    def __init__(self, columns: Sequence[RowColumn[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[RowColumn[T]] = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> T:
        return self._rows[row]

    def width_samples(self, column: int) -> list[str]:
        """The widest texts ``column`` can show, known in advance (its width is fitted to them); none
        for a column of free text."""
        return []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.align_right else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self._columns[section].align_right else LEFT
        return None


def days_text(days: int) -> str:
    if days == 1:
        return QCoreApplication.translate("TodayModels", "1 day")
    return QCoreApplication.translate("TodayModels", "{n} days").format(n=fmt.number(days))


def time_text(value: datetime) -> str:
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def due_text(due: datetime, today: date) -> str:
    """ "Today 14:00", "Fri 17:00" within the week, the short date and time before today."""
    if due.date() == today:
        return QCoreApplication.translate("TodayModels", "Today {time}").format(time=time_text(due))
    if due.date() < today:
        return fmt.short_datetime(due)
    qdate = QDate(due.year, due.month, due.day)
    weekday = QLocale().dayName(qdate.dayOfWeek(), QLocale.FormatType.ShortFormat)
    return QCoreApplication.translate("TodayModels", "{weekday} {time}").format(
        weekday=weekday, time=time_text(due)
    )


class StepTableModel(RowObjectModel[AgendaStep]):
    """Open next steps; the due time of an overdue step is red. Columns: due, client, plan, title, owner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.today = clock.today()
        self.user_names: dict[int, str] = {}
        self._columns = [
            RowColumn(
                self.tr("Due"),
                lambda s: due_text(s.due_at, self.today),
                color=lambda s: RED if self.is_overdue(s) else None,
                bold=self.is_overdue,
                tooltip=self._due_tooltip,
            ),
            RowColumn(self.tr("Client"), lambda s: s.client_name),
            RowColumn(self.tr("Plan"), lambda s: label("plan_type", s.plan_type)),
            RowColumn(self.tr("Next step"), lambda s: s.title or label("plan_type", s.plan_type)),
            RowColumn(self.tr("Salesperson"), lambda s: self.user_names.get(s.user_id or 0, "")),
        ]

    def is_overdue(self, step: AgendaStep) -> bool:
        return step.due_at.date() < self.today

    def _due_tooltip(self, step: AgendaStep) -> str:
        if self.is_overdue(step):
            late = (self.today - step.due_at.date()).days
            return self.tr("{due}: {days} overdue").format(
                due=fmt.short_datetime(step.due_at), days=days_text(late)
            )
        return fmt.short_datetime(step.due_at)


class NeglectedTableModel(RowObjectModel[NeglectedClient]):
    """Clients not contacted for longer than their grade's threshold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._columns = [
            RowColumn(self.tr("Client"), lambda c: c.name),
            RowColumn(self.tr("Grade"), lambda c: label("grade", c.grade)),
            RowColumn(
                self.tr("Last contact"),
                lambda c: (
                    self.tr("Never")
                    if c.days is None
                    else self.tr("{days} ago").format(days=days_text(c.days))
                ),
                color=lambda c: RED if c.days is None or c.days >= 2 * c.threshold else None,
                tooltip=lambda c: (
                    fmt.short_date(c.last_contact_at) if c.last_contact_at else self.tr("Never")
                ),
            ),
            RowColumn(self.tr("Limit"), lambda c: days_text(c.threshold), True, color=lambda _c: MUTED),
        ]

    def width_samples(self, column: int) -> list[str]:
        if column == 2:  # last contact
            return [self.tr("Never"), self.tr("{days} ago").format(days=days_text(9999))]
        if column == 3:  # the grade's limit
            return [days_text(999)]
        return []


class InstalmentTableModel(RowObjectModel[DueInstalment]):
    """Payment instalments (回款) due this week or overdue, with what remains to collect."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.today = clock.today()
        self._columns = [
            RowColumn(self.tr("Client"), lambda i: i.client_name),
            RowColumn(self.tr("Due date"), lambda i: fmt.short_date(i.due_date)),
            RowColumn(self.tr("Remaining"), lambda i: fmt.money(i.remaining), True, bold=lambda i: i.overdue),
            RowColumn(self.tr("Status"), self._status, color=lambda i: RED if i.overdue else None),
        ]

    def width_samples(self, column: int) -> list[str]:
        if column == 1:  # due date
            return widest_dates()
        if column == 3:  # status
            return [
                self.tr("{days} overdue").format(days=days_text(9999)),
                self.tr("Due today"),
                self.tr("In {days}").format(days=days_text(99)),
            ]
        return []

    def _status(self, item: DueInstalment) -> str:
        days = (self.today - item.due_date).days
        if days > 0:
            return self.tr("{days} overdue").format(days=days_text(days))
        if days == 0:
            return self.tr("Due today")
        return self.tr("In {days}").format(days=days_text(-days))
