"""Export actions shared by the pages and the File menu: ask (``ExportDialog``), run on the database
worker with a progress dialog and Cancel, then say what was written (or why nothing was)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from desktop_crm.client_list import ClientQuery
from desktop_crm.exporting.cells import Column

from .. import fmt, prompts
from ..tasks import DatabaseWorker, Job, deliver, run_with_progress
from .dialog import ExportChoice, ExportDialog

ExportFn = Callable[[ExportChoice, Callable[[int, int], bool]], int]
KIND_FILE_STEMS = {
    "clients": "clients",
    "contacts": "contacts",
    "follow-ups": "follow-ups",
    "opportunities": "opportunities",
    "contracts": "contracts",
    "payment-plans": "payment-plans",
    "payments": "payments",
    "service-records": "service-records",
    "referrals": "referrals",
    "dossier-notes": "dossier-notes",
    "attachments": "attachments",
}


def kind_title(kind: str) -> str:
    return {
        "clients": QCoreApplication.translate("ExportActions", "Export clients"),
        "contacts": QCoreApplication.translate("ExportActions", "Export contacts"),
        "follow-ups": QCoreApplication.translate("ExportActions", "Export follow-ups"),
        "opportunities": QCoreApplication.translate("ExportActions", "Export opportunities"),
        "contracts": QCoreApplication.translate("ExportActions", "Export contracts"),
        "payment-plans": QCoreApplication.translate("ExportActions", "Export payment plans"),
        "payments": QCoreApplication.translate("ExportActions", "Export payments"),
        "service-records": QCoreApplication.translate("ExportActions", "Export service records"),
        "referrals": QCoreApplication.translate("ExportActions", "Export referrals"),
        "dossier-notes": QCoreApplication.translate("ExportActions", "Export dossier notes"),
        "attachments": QCoreApplication.translate("ExportActions", "Export the attachment list"),
    }[kind]


def _report_outcome(parent: QWidget | None, title: str, path: str, job: Job, done_text: str = "") -> None:
    """Report a finished export to the user in the GUI thread (dropped if ``parent`` is gone by then)."""
    done_text = done_text or QCoreApplication.translate("ExportActions", "Exported {count} rows to {path}.")

    def finished(count: object) -> None:
        shown = fmt.number(count) if isinstance(count, int) else str(count)
        prompts.show_info(parent, title, done_text.format(count=shown, path=path))

    def failed(message: str) -> None:
        prompts.show_error(parent, title, message)

    if parent is not None:
        deliver(job, parent, finished, failed)
    else:
        job.sig_finished.connect(finished)
        job.sig_failed.connect(failed)


def ask_and_run(
    parent: QWidget | None,
    title: str,
    file_stem: str,
    fn: ExportFn,
    *,
    with_lang: bool = False,
    worker: DatabaseWorker | None = None,
) -> Job | None:
    """Ask where and how, then run ``fn(choice, progress)`` on the worker; the job, or None if cancelled."""
    from ..encryption_ui import confirm_plain_export

    if not confirm_plain_export(parent):  # an encrypted database: the exported file is not
        return None
    dialog = ExportDialog(title, file_stem, parent, with_lang=with_lang)
    if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    choice = dialog.choice()
    job = run_with_progress(parent, title, lambda progress: fn(choice, progress), worker)
    _report_outcome(parent, title, choice.path, job)
    return job


def export_records(parent: QWidget | None, kind: str, worker: DatabaseWorker | None = None) -> Job | None:
    """Every record of ``kind`` with the import's headers (File → Export)."""

    def run(choice: ExportChoice, progress: Callable[[int, int], bool]) -> int:
        from desktop_crm.exporting.entities import export_kind

        return export_kind(
            kind, choice.path, fmt=choice.fmt, encoding=choice.encoding, lang=choice.lang, progress=progress
        )

    return ask_and_run(parent, kind_title(kind), KIND_FILE_STEMS[kind], run, with_lang=True, worker=worker)


def export_client_list(
    parent: QWidget | None,
    query: ClientQuery,
    columns: Sequence[str],
    headers: dict[str, str],
    labels: dict[str, dict[str, str]],
    worker: DatabaseWorker | None = None,
) -> Job | None:
    """The Clients list as shown: its filters, sort and visible columns."""
    from dataclasses import replace

    frozen = replace(query)  # the view may change while the export runs
    keys = list(columns)

    def run(choice: ExportChoice, progress: Callable[[int, int], bool]) -> int:
        from desktop_crm.exporting.lists import export_client_list as write_list

        return write_list(
            frozen,
            keys,
            headers,
            choice.path,
            labels=labels,
            fmt=choice.fmt,
            encoding=choice.encoding,
            progress=progress,
        )

    stem = "clients-trash" if query.filter.trash else "clients-list"
    return ask_and_run(
        parent, QCoreApplication.translate("ExportActions", "Export the list"), stem, run, worker=worker
    )


def export_table(
    parent: QWidget | None,
    title: str,
    file_stem: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    worker: DatabaseWorker | None = None,
) -> Job | None:
    """A table a page already holds (typed raw values)."""
    cols, data = list(columns), [tuple(r) for r in rows]

    def run(choice: ExportChoice, progress: Callable[[int, int], bool]) -> int:
        from desktop_crm.exporting.lists import export_rows

        return export_rows(
            cols,
            data,
            choice.path,
            fmt=choice.fmt,
            encoding=choice.encoding,
            total=len(data),
            progress=progress,
            sheet=file_stem,
        )

    return ask_and_run(parent, title, file_stem, run, worker=worker)


def export_pipeline(
    parent: QWidget | None,
    flt: Any,
    headers: dict[str, str],
    stage_labels: dict[str, str],
    worker: DatabaseWorker | None = None,
) -> Job | None:
    """The pipeline board's open opportunities under its filter (``desktop_crm.pipeline.PipelineFilter``)."""

    def run(choice: ExportChoice, progress: Callable[[int, int], bool]) -> int:
        from desktop_crm.exporting.views import export_pipeline as write_pipeline

        return write_pipeline(
            flt,
            choice.path,
            headers=headers,
            stage_labels=stage_labels,
            fmt=choice.fmt,
            encoding=choice.encoding,
            progress=progress,
        )

    title = QCoreApplication.translate("ExportActions", "Export the pipeline")
    return ask_and_run(parent, title, "pipeline", run, worker=worker)


def export_next_steps(parent: QWidget | None, worker: DatabaseWorker | None = None) -> Job | None:
    """The working user's open next steps as an iCalendar file (everyone's when nobody is chosen)."""
    from desktop_crm.team import current_user_id

    title = QCoreApplication.translate("ExportActions", "Export next steps to a calendar")
    suggested = str(Path(_default_folder()) / "next-steps.ics")
    from ..encryption_ui import confirm_plain_export

    if not confirm_plain_export(parent):
        return None
    path = prompts.ask_save_path(
        parent, title, suggested, QCoreApplication.translate("ExportActions", "iCalendar files (*.ics)")
    )
    if not path:
        return None
    user_id = current_user_id()

    def run(progress: Callable[[int, int], bool]) -> int:
        from desktop_crm.exporting.ics import export_next_steps as write_ics

        return write_ics(path, user_id=user_id, progress=progress)

    job = run_with_progress(parent, title, run, worker)
    _report_outcome(
        parent,
        title,
        path,
        job,
        QCoreApplication.translate("ExportActions", "Exported {count} open next steps to {path}."),
    )
    return job


def _default_folder() -> str:
    from .dialog import default_folder

    folder = default_folder()
    return folder if os.path.isdir(folder) else str(Path.home())
