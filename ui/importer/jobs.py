"""The wizard's background jobs (run on the database worker, ``ui.tasks``): each is a plain function
of ``progress`` calling the core's import engine. Nothing here touches a widget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..tasks import JobFn

ProgressFn = Callable[[int, int], bool]


@dataclass
class ReadOutcome:
    """A file read: its table, the workbook's sheets (XLSX) and the mapping to start from."""

    table: Any
    sheets: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)
    remembered: bool = False


def starting_mapping(kind: str, headers: list[str]) -> tuple[dict[int, str], bool]:
    """The mapping remembered for this header set, else the suggested one; and whether it was remembered."""
    from desktop_crm.importing import memory
    from desktop_crm.importing.fields import suggest_mapping

    remembered = memory.remembered_mapping(kind, headers)
    if remembered:
        return dict(remembered), True
    return dict(suggest_mapping(kind, headers)), False


def read_job(path: str, kind: str, options: dict[str, Any]) -> JobFn:
    def job(progress: ProgressFn) -> ReadOutcome:
        from desktop_crm.importing import reader

        table = reader.read_table(
            path,
            encoding=options.get("encoding"),
            delimiter=options.get("delimiter"),
            sheet=options.get("sheet"),
            progress=progress,
        )
        sheets = list(getattr(table, "sheets", None) or [])
        mapping, remembered = starting_mapping(kind, list(table.headers))
        return ReadOutcome(table, sheets, mapping, remembered)

    return job


def mapping_job(kind: str, headers: list[str]) -> JobFn:
    def job(_progress: ProgressFn) -> tuple[dict[int, str], bool]:
        return starting_mapping(kind, headers)

    return job


def prepare_job(kind: str, table: Any, mapping: dict[int, str], on_duplicate: str) -> JobFn:
    def job(progress: ProgressFn) -> Any:
        from desktop_crm.importing import pipeline

        return pipeline.prepare(kind, table, dict(mapping), on_duplicate, progress=progress)

    return job


class ImportJob:
    """Import every row in one transaction, then remember the mapping for this header set (a cancelled
    or refused import writes nothing at all).

    ``result`` keeps what was committed: a Cancel pressed after the commit (the worker then reports the
    job as cancelled) must not be told as "nothing was imported"."""

    def __init__(self, kind: str, table: Any, mapping: dict[int, str], on_duplicate: str) -> None:
        self.kind, self.table, self.mapping, self.on_duplicate = kind, table, dict(mapping), on_duplicate
        self.result: Any = None

    def __call__(self, progress: ProgressFn) -> Any:
        from desktop_crm.importing import memory, pipeline

        result = pipeline.run_import(
            self.kind, self.table, self.mapping, self.on_duplicate, progress=progress
        )
        self.result = result
        memory.remember_mapping(self.kind, list(self.table.headers), self.mapping)
        return result
