"""File → Import…: the import wizard. Four steps (file, columns, check, import); the reading, the
check and the import run on the database worker with a progress bar and a Cancel that works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import fmt, prompts
from ..tasks import Job, JobFn, default_worker
from . import jobs
from .common import kind_label
from .mapping_step import MappingStep
from .preview_step import PreviewStep
from .source_step import SourceStep

SOURCE, MAPPING, PREVIEW, IMPORT = range(4)


class ImportWizard(QDialog):
    """Emits ``sig_imported(result)`` after a committed import (the window refreshes its pages)."""

    sig_imported = Signal(object)

    def __init__(self, parent: QWidget | None = None, kind: str = "clients") -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import"))
        self.setMinimumSize(900, 560)
        self.resize(1120, 700)
        self.table: Any = None
        self.sheets: list[str] = []
        self.preview: Any = None
        self.result: Any = None
        self.job: Job | None = None
        self._job_kind = ""
        self._close_after_job = False
        self.mapping_remembered = False
        self._start_mapping: dict[int, str] = {}
        self._on_finished: Any = None
        self._import_job: jobs.ImportJob | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        self.steps_label = QLabel(self)
        self.steps_label.setObjectName("importStepsLabel")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.steps_label)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)

        self.stack = QStackedWidget(self)
        self.source_step = SourceStep(self.stack)
        self.mapping_step = MappingStep(self.stack)
        self.preview_step = PreviewStep(self.stack)
        self.import_step = self._build_import_step()
        for widget in (self.source_step, self.mapping_step, self.preview_step, self.import_step):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("importBusyLabel")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("importProgressBar")
        self.progress_bar.setMinimumWidth(220)
        self.progress_bar.setMaximumWidth(320)
        bottom.addWidget(self.busy_label)
        bottom.addWidget(self.progress_bar)
        bottom.addStretch(1)
        self.back_button = QPushButton(self.tr("< Back"), self)
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for name, button in (
            ("importBackButton", self.back_button),
            ("importNextButton", self.next_button),
            ("importImportButton", self.import_button),
            ("importCancelButton", self.cancel_button),
            ("importCloseButton", self.close_button),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
            bottom.addWidget(button)
        self.next_button.setDefault(True)
        layout.addLayout(bottom)

        self.source_step.sig_choose_requested.connect(self._on_source_step_choose_requested)
        self.source_step.sig_reread_requested.connect(self._on_source_step_reread_requested)
        self.source_step.sig_kind_changed.connect(self._on_source_step_kind_changed)
        self.source_step.sig_template_requested.connect(self._on_source_step_template_requested)
        self.mapping_step.sig_mapping_changed.connect(self._update_buttons)
        self.preview_step.sig_duplicates_changed.connect(self._on_preview_step_duplicates_changed)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.close_button.clicked.connect(self.accept)

        self.source_step.set_kind(kind)
        self._set_busy(False)
        self._go(SOURCE)

    def _build_import_step(self) -> QWidget:
        page = QWidget(self.stack)
        page.setObjectName("importRunStep")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 40, 0, 0)
        layout.setSpacing(16)
        self.result_title = QLabel(page)
        self.result_title.setObjectName("importResultTitle")
        font = self.result_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("importResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        return page

    # --- public --------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.source_step.kind

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def open_file(self, path: str) -> None:
        """Read ``path`` (on the worker) with the encoding and delimiter detected."""
        self.table = None
        self.preview = None
        self.source_step.set_path(path)
        self._read()

    # --- steps ---------------------------------------------------------------------------------
    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [self.tr("1 File"), self.tr("2 Columns"), self.tr("3 Check"), self.tr("4 Import")]
        parts = [
            f"<b>{name}</b>" if i == step else f'<span style="color:#888">{name}</span>'
            for i, name in enumerate(names)
        ]
        self.steps_label.setText(" &nbsp;›&nbsp; ".join(parts))
        self._update_buttons()

    def _update_buttons(self) -> None:
        step, busy = self.step, self.busy
        finished = step == IMPORT and self.result is not None
        self.back_button.setVisible(step > SOURCE and not finished)
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(step in (SOURCE, MAPPING))
        if step == SOURCE:
            self.next_button.setEnabled(not busy and self.table is not None)
        elif step == MAPPING:
            self.next_button.setEnabled(not busy and self.mapping_step.is_complete())
        self.import_button.setVisible(step == PREVIEW)
        self.import_button.setEnabled(not busy and self.preview is not None and bool(self.preview.ok))
        self.cancel_button.setVisible(not finished)
        self.close_button.setVisible(finished)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.progress_bar.setVisible(busy)
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self._update_buttons()

    def _run(self, kind: str, fn: JobFn, text: str, on_finished: Any) -> None:
        if self.job is not None:
            self.job.cancel()
        job = default_worker().submit(fn)
        self.job = job
        self._job_kind = kind
        self._on_finished = on_finished
        job.sig_progress.connect(self._on_job_progress)
        job.sig_finished.connect(self._on_job_finished)
        job.sig_failed.connect(self._on_job_failed)
        job.sig_cancelled.connect(self._on_job_cancelled)
        self._set_busy(True, text)

    def _read(self) -> None:
        path = self.source_step.path
        if not path:
            return
        self.source_step.set_busy(self.tr("Reading {name}…").format(name=Path(path).name))
        self._run(
            "read",
            jobs.read_job(path, self.kind, self.source_step.options()),
            self.tr("Reading the file…"),
            self._on_read_finished,
        )

    def _prepare(self) -> None:
        self.preview = None
        self.preview_step.clear()
        self._run(
            "prepare",
            jobs.prepare_job(
                self.kind, self.table, self.mapping_step.mapping(), self.preview_step.on_duplicate
            ),
            self.tr("Checking every row…"),
            self._on_prepare_finished,
        )

    def _start_import(self) -> None:
        self.result = None
        self._go(IMPORT)
        count = self.preview.counts if self.preview is not None else {}
        rows = count.get("create", 0) + count.get("update", 0)
        self.result_title.setText(self.tr("Importing…"))
        self.result_label.setText(
            self.tr("{rows} rows are being written in one go. Cancel leaves the database as it was.").format(
                rows=fmt.number(rows)
            )
        )
        self._import_job = jobs.ImportJob(
            self.kind, self.table, self.mapping_step.mapping(), self.preview_step.on_duplicate
        )
        self._run("import", self._import_job, self.tr("Importing…"), self._on_import_finished)

    def _show_mapping(self, mapping: dict[int, str], remembered: bool) -> None:
        from desktop_crm.importing.fields import fields

        self.mapping_remembered = remembered
        self._start_mapping = dict(mapping)
        self.mapping_step.set_columns(
            fields(self.kind), list(self.table.headers), list(self.table.rows), mapping
        )
        self._update_buttons()

    # --- Qt overrides --------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel what runs; an import still running is waited for (it then writes nothing)."""
        if self.job is not None:
            self.job.cancel()
            if self._job_kind == "import":
                self._close_after_job = True
                self.busy_label.setText(self.tr("Cancelling…"))
                return
            self.job = None
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None and self._job_kind == "import":
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # --- slots ---------------------------------------------------------------------------------
    def _on_source_step_choose_requested(self) -> None:
        current = self.source_step.path
        path = prompts.ask_open_path(
            self,
            self.tr("Choose the file to import"),
            str(Path(current).parent) if current else str(Path.home()),
            self.tr(
                "Spreadsheets (*.csv *.txt *.xlsx *.xlsm);;CSV and text (*.csv *.txt);;Excel (*.xlsx *.xlsm);;All files (*)"
            ),
        )
        if path:
            self.open_file(path)

    def _on_source_step_reread_requested(self) -> None:
        self.table = None
        self._read()

    def _on_source_step_kind_changed(self, kind: str) -> None:
        self.preview = None
        if self.table is not None:
            self._run(
                "mapping", jobs.mapping_job(kind, list(self.table.headers)), "", self._on_mapping_finished
            )

    def _on_source_step_template_requested(self) -> None:
        from .template_dialog import save_template

        save_template(self, self.kind)

    def _on_preview_step_duplicates_changed(self, _choice: str) -> None:
        if self.step == PREVIEW and self.table is not None:
            self._prepare()

    def _on_back_button_clicked(self) -> None:
        if self.step == IMPORT:
            self._go(PREVIEW)
        elif self.step > SOURCE:
            self._go(self.step - 1)

    def _on_next_button_clicked(self) -> None:
        if self.step == SOURCE and self.table is not None:
            self._go(MAPPING)
        elif self.step == MAPPING and self.mapping_step.is_complete():
            self._go(PREVIEW)
            self._prepare()

    def _on_import_button_clicked(self) -> None:
        if self.preview is not None and self.preview.ok and not self.busy:
            self._start_import()

    def _on_cancel_button_clicked(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.busy_label.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _on_job_progress(self, done: int, total: int) -> None:
        if self.sender() is not self.job:
            return
        if total > 0:
            if self.progress_bar.maximum() != total:
                self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            if self._job_kind == "import":
                self.result_label.setText(
                    self.tr("{done} of {total} rows written. Cancel leaves the database as it was.").format(
                        done=fmt.number(done), total=fmt.number(total)
                    )
                )

    def _job_ended(self) -> bool:
        """Forget the job that sent the signal; False when it is not the current job (a superseded one)."""
        if self.sender() is not self.job:
            return False
        self.job = None
        self._set_busy(False)
        return True

    def _on_job_finished(self, result: Any) -> None:
        if self._job_ended():
            self._on_finished(result)
        if self._close_after_job and self.job is None:
            self._close_after_job = False
            super().reject()

    def _on_job_failed(self, message: str) -> None:
        kind = self._job_kind
        if not self._job_ended():
            return
        if kind == "read":
            self.source_step.set_error(message)
        elif kind == "prepare":
            self.preview_step.message_label.setStyleSheet("color: #b3261e;")
            self.preview_step.message_label.setText(message)
        elif kind == "import":
            self.result_title.setText(self.tr("Nothing was imported"))
            self.result_label.setText(message)
        else:
            prompts.show_error(self, self.tr("Import"), message)
        self._update_buttons()
        if self._close_after_job:
            self._close_after_job = False
            super().reject()

    def _on_job_cancelled(self) -> None:
        kind = self._job_kind
        if not self._job_ended():
            return
        committed = self._import_job.result if self._import_job is not None else None
        if kind == "import" and committed is not None:  # Cancel came after the commit
            self._on_import_finished(committed)
        elif kind == "import":
            self.result_title.setText(self.tr("Import cancelled"))
            self.result_label.setText(self.tr("Nothing was imported: the database is as it was before."))
        elif kind == "read":
            self.source_step.set_error(self.tr("Reading the file was cancelled."))
        elif kind == "prepare":
            self.preview_step.message_label.setText(self.tr("The check was cancelled."))
        self._update_buttons()
        if self._close_after_job:
            self._close_after_job = False
            super().reject()

    def _on_read_finished(self, outcome: jobs.ReadOutcome) -> None:
        self.table = outcome.table
        self.sheets = outcome.sheets
        self.source_step.set_sheets(outcome.sheets, outcome.table.sheet)
        self.source_step.set_table(outcome.table, outcome.sheets)
        self._show_mapping(outcome.mapping, outcome.remembered)

    def _on_mapping_finished(self, found: tuple[dict[int, str], bool]) -> None:
        if self.table is not None:
            self._show_mapping(*found)

    def _on_prepare_finished(self, preview: Any) -> None:
        self.preview = preview
        self.preview_step.set_preview(preview, self.table, self.mapping_step.mapping(), self._specs())
        self._update_buttons()

    def _on_import_finished(self, result: Any) -> None:
        self.result = result
        self.result_title.setText(self.tr("Import complete"))
        self.result_label.setText(
            self.tr("{kind}: {created} created, {updated} updated, {skipped} skipped.").format(
                kind=kind_label(self.kind),
                created=fmt.number(result.created),
                updated=fmt.number(result.updated),
                skipped=fmt.number(result.skipped),
            )
        )
        self._update_buttons()
        self.sig_imported.emit(result)

    def _specs(self) -> tuple[Any, ...]:
        from desktop_crm.importing.fields import fields

        return fields(self.kind)
