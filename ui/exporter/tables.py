"""The dashboard's tables as typed columns and rows for export: money as numbers, dates as dates.

``person_summary`` reads the per-salesperson model in the order the (sorted) view shows it;
``drill_listing`` the records behind a KPI value, page by page on the worker (a month of follow-ups is
about 100k records, never all built at once in the window).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from desktop_crm.exporting.cells import Column
from desktop_crm.goal_metrics import METRIC_UNITS

from ..tasks import DatabaseWorker, Job
from .actions import ExportChoice, ask_and_run

_KINDS = {"cents": "money", "rate": "number", "days": "number", "ratio": "number", "score": "number"}


def person_summary_table(
    view_model: QAbstractItemModel, source: Any, columns: Any
) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """``source``: the PersonSummaryModel; ``view_model``: what the view shows (a sorting proxy)."""
    cols: list[Column] = []
    for section, (attribute, key) in enumerate(columns):
        header = str(source.headerData(section, Qt.Orientation.Horizontal) or attribute)
        if attribute in ("name", "busy_not_converting"):
            kind = "text"
        elif attribute == "rank":
            kind = "int"
        else:
            kind = _KINDS.get(METRIC_UNITS.get(key, "count"), "int")
        cols.append(Column(attribute, header, kind))
    rows: list[tuple[Any, ...]] = []
    for row in range(view_model.rowCount()):
        index = view_model.index(row, 0)
        source_row = view_model.mapToSource(index).row() if hasattr(view_model, "mapToSource") else row
        person = source.rows[source_row]
        values: list[Any] = []
        for section, (attribute, _key) in enumerate(columns):
            if attribute == "busy_not_converting":
                values.append(source.data(source.index(source_row, section)))
            else:
                values.append(getattr(person, attribute))
        rows.append(tuple(values))
    return cols, rows


def export_drill_listing(
    parent: QWidget | None, title: str, model: Any, worker: DatabaseWorker | None = None
) -> Job | None:
    """The records behind a KPI value (``model``: the drill-down's DrillRowModel)."""
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(5)]
    cols = [
        Column("day", headers[0], "date"),
        Column("client", headers[1]),
        Column("kind", headers[2]),
        Column("amount", headers[3], "money"),
        Column("detail", headers[4]),
    ]
    listing = model.listing
    kinds = {k: model.kind_name(k) for k in ("client", "contract", "payment", "instalment", "follow_up")}
    kinds |= {k: model.kind_name(k) for k in ("opportunity", "weekly_form")}

    def rows() -> Iterator[tuple[Any, ...]]:
        step = 500
        for start in range(0, listing.count, step):
            for record in listing._fetch(start, min(listing.count, start + step)):  # noqa: SLF001 (not the view's cache)
                if record is not None:
                    yield (
                        record.day,
                        record.client_name,
                        kinds.get(record.kind, record.kind),
                        record.amount_cents,
                        record.detail,
                    )

    def run(choice: ExportChoice, progress: Callable[[int, int], bool]) -> int:
        from desktop_crm.exporting.lists import export_rows

        return export_rows(
            cols,
            rows(),
            choice.path,
            fmt=choice.fmt,
            encoding=choice.encoding,
            total=listing.count,
            progress=progress,
            sheet="Records",
        )

    stem = QCoreApplication.translate("ExportActions", "records")
    return ask_and_run(parent, title, stem, run, worker=worker)
