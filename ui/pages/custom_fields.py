"""Settings → Custom fields (业务特征): define, rename, hide, reorder, edit choices of, delete the fields.

Every change goes through ``desktop_crm.services.custom_fields``; a refused value is shown at its field
in the small dialog, which stays open. The client editor reads the definitions each time it opens.

The counts behind the two confirmations (clients using a removed choice, values of a field to delete) read
every value of the field (80–90 ms at 100k clients): they run on the database worker while the window
keeps turning its event loop (:class:`WorkerWait`), so the question still comes at the same point of the
flow and the window is never blocked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.services import custom_fields as service

from .. import labels, prompts
from ..a11y import scaled_css
from ..errors import error_text, input_error
from ..exporter.widget_tables import install_table_export
from ..tasks import Job, JobFn, ProgressFn, default_worker, deliver, run_with_progress
from .clients.editor_inputs import FieldBox

CHOICE_KINDS = ("choice", "multi_choice")
# A wait shorter than this shows only the busy cursor; a longer one (the worker may be finishing another
# job first) also a "Counting…" dialog with Cancel.
BUSY_DIALOG_DELAY_MS = 300


def _field_name(field_id: int, default: str) -> str:
    """The field's name as stored now (read on the worker with a count)."""
    return next((f.name for f in service.list_custom_fields() if f.id == field_id), default)


class WorkerWait:
    """One short read (or read-then-save) on the database worker, for a caller that needs the answer before
    it goes on (a question to ask, a dialog to keep open or close).

    ``run(fn)`` submits ``fn`` to the worker and turns a local event loop until it answers, is cancelled
    (:meth:`cancel`, the busy dialog's Cancel) or ``parent`` is destroyed: the GUI thread is never held
    (the window repaints, timers and other pages' results run). The cursor shows busy at once; after
    ``BUSY_DIALOG_DELAY_MS`` a dialog modal to ``parent``'s window says ``text``. Each wait listens to its
    own job only, and an answer arriving after the wait ended (cancelled) is dropped: a late count never
    answers a later question. A domain error of ``fn`` comes back as ``crm_error`` (to be raised in the
    GUI thread, where the dialogs show it at its field), any other failure as ``failure`` (a message).

    A plain object. The job's signals reach it through closures that hold it (as ``ui.tasks.deliver``
    does), never through its bound methods: PySide keeps only a weak reference to a bound method's object,
    and a queued signal of the worker delivered to a method of an object freed meanwhile crashed. It holds
    its job until the job's last signal, then lets go: both are freed on the GUI thread."""

    def __init__(self, parent: QWidget, text: str) -> None:
        self.parent = parent
        self.text = text
        self.loop = QEventLoop()
        self.ended = False
        self.answered = False
        self.value: object = None
        self.crm_error: CrmError | None = None
        self.failure = ""
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)

    def run(self, fn: JobFn) -> bool:
        """Run ``fn(progress)`` on the worker and wait for it; True when it answered (``value``, ``crm_error``
        or ``failure`` set), False when the wait was cancelled or its parent destroyed meanwhile. As for any
        job, ``progress(done, total)`` returns False once the wait is cancelled (before a save, say)."""

        def job(progress: ProgressFn) -> tuple[object, CrmError | None]:
            try:
                return fn(progress), None
            except CrmError as error:
                return None, error

        wait = self

        def on_finished(outcome: tuple[object, CrmError | None]) -> None:
            wait._on_job_finished(outcome)

        def on_failed(message: str) -> None:
            wait._on_job_failed(message)

        def on_cancelled() -> None:
            wait._on_job_cancelled()

        def on_parent_destroyed(*_args: object) -> None:
            wait.cancel()

        self.job = default_worker().submit(job)
        self.job.sig_finished.connect(on_finished)
        self.job.sig_failed.connect(on_failed)
        self.job.sig_cancelled.connect(on_cancelled)
        self.parent.destroyed.connect(on_parent_destroyed)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.timer.start(BUSY_DIALOG_DELAY_MS)
        try:
            if not self.ended:
                self.loop.exec()
        finally:
            self.ended = True  # also when the application quits under the loop
            self.timer.stop()
            QApplication.restoreOverrideCursor()
            if self.dialog is not None and shiboken6.isValid(self.dialog):
                self.dialog.hide()
                self.dialog.deleteLater()
            self.dialog = None
            if shiboken6.isValid(self.parent):
                self.parent.destroyed.disconnect(on_parent_destroyed)
        return self.answered

    def cancel(self) -> None:
        """Stop waiting; the job is cancelled and whatever it answers later is dropped."""
        if self.ended:
            return
        self.ended = True
        if self.job is not None:
            self.job.cancel()
        self.loop.quit()

    def _end(self) -> None:
        self.job = None  # its last signal: the job is freed once the worker releases it
        if not self.ended:
            self.ended = True
            self.answered = True
            self.loop.quit()

    def _on_job_finished(self, outcome: tuple[object, CrmError | None]) -> None:
        if not self.ended:  # else the wait was given up: this answer belongs to nobody
            self.value, self.crm_error = outcome
        self._end()

    def _on_job_failed(self, message: str) -> None:
        if not self.ended:
            self.failure = message
        self._end()

    def _on_job_cancelled(self) -> None:
        self.cancel()
        self.job = None

    def _on_timer_timeout(self) -> None:
        if self.ended or not shiboken6.isValid(self.parent):
            return
        dialog = QProgressDialog(self.text, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, self.parent)
        dialog.setObjectName("countingDialog")
        dialog.setWindowTitle(self.text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        wait = self
        dialog.canceled.connect(lambda: wait.cancel())  # a closure, as for the job's signals
        self.dialog = dialog
        dialog.show()


@dataclass
class FieldForm:
    """What the field dialog collected."""

    name: str
    kind: str
    choices: list[str]


class CustomFieldDialog(QDialog):
    """Name, kind and choices of a field (or a subset: ``mode`` is "add", "rename" or "choices").

    ``submit(form)`` runs on OK: it saves through the services and returns True to close; a
    ``ValidationError`` is shown at its field and the dialog stays open."""

    def __init__(
        self,
        parent: QWidget | None,
        mode: str,
        submit: Callable[[FieldForm], bool],
        name: str = "",
        kind: str = "text",
        choices: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customFieldDialog")
        self.mode = mode
        self.submit = submit
        self.setMinimumWidth(440)
        titles = {
            "add": self.tr("New custom field"),
            "rename": self.tr("Rename custom field"),
            "choices": self.tr("Edit choices"),
        }
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("fieldNameEdit")
        self.name_edit.setMaxLength(100)
        self.name_box = FieldBox(self.name_edit, self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("fieldKindCombo")
        for key, text in labels.choices("custom_field_kind"):
            self.kind_combo.addItem(text, key)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.kind_box = FieldBox(self.kind_combo, self)
        self.choices_edit = QPlainTextEdit("\n".join(choices or []), self)
        self.choices_edit.setObjectName("fieldChoicesEdit")
        self.choices_edit.setTabChangesFocus(True)
        self.choices_edit.setPlaceholderText(self.tr("One choice per line"))
        self.choices_edit.setMinimumHeight(120)
        self.choices_box = FieldBox(self.choices_edit, self)
        if mode != "choices":
            form.addRow(self.tr("Name"), self.name_box)
        if mode == "add":
            form.addRow(self.tr("Kind"), self.kind_box)
            self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        if mode in ("add", "choices"):
            form.addRow(self.tr("Choices"), self.choices_box)
        layout.addLayout(form)
        self.general_label = QLabel(self)
        self.general_label.setObjectName("fieldError")
        self.general_label.setWordWrap(True)
        self.general_label.hide()
        layout.addWidget(self.general_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("hint")
        self.busy_label.setWordWrap(True)
        self.busy_label.hide()
        layout.insertWidget(layout.indexOf(buttons), self.busy_label)
        self.busy: WorkerWait | None = None  # the count that OK is waiting for
        self.setStyleSheet("QLabel#fieldError { color: #c0392b; }")
        self._on_kind_combo_changed()

    def form(self) -> FieldForm:
        lines = [line.strip() for line in self.choices_edit.toPlainText().splitlines()]
        kind = str(self.kind_combo.currentData())
        wants_choices = self.mode == "choices" or kind in CHOICE_KINDS
        return FieldForm(
            self.name_edit.text(), kind, [line for line in lines if line] if wants_choices else []
        )

    def set_busy(self, wait: WorkerWait | None) -> None:
        """While ``wait`` runs, OK is disabled and its text shown above the buttons; Cancel cancels it."""
        self.busy = wait
        self.ok_button.setEnabled(wait is None)
        self.busy_label.setText(wait.text if wait is not None else "")
        self.busy_label.setVisible(wait is not None)

    def reject(self) -> None:
        if self.busy is not None:
            self.busy.cancel()  # OK was waiting for a count: the dialog closes without saving
        super().reject()

    def accept(self) -> None:
        if self.busy is not None:
            return  # OK is already waiting for its count
        for box in (self.name_box, self.kind_box, self.choices_box):
            box.clear_error()
        self.general_label.hide()
        try:
            done = self.submit(self.form())
        except ValidationError as error:
            box = {"name": self.name_box, "kind": self.kind_box, "choices": self.choices_box}.get(
                error.field or ""
            )
            if box is not None and box.isVisibleTo(self):
                box.show_error(error_text(error))
                box.setFocus()
            else:
                self.show_general(error_text(error))
            return
        except CrmError as error:
            self.show_general(error_text(error))
            return
        if done:
            super().accept()

    def show_general(self, message: str) -> None:
        self.general_label.setText(message)
        self.general_label.show()

    def _on_kind_combo_changed(self, _index: int = 0) -> None:
        if self.mode == "add":
            self.choices_box.setEnabled(self.kind_combo.currentData() in CHOICE_KINDS)


class CustomFieldsSection(QFrame):
    """The list of definitions with the buttons that change them. Emits ``sig_fields_changed``."""

    sig_fields_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formCard")
        self.setMaximumWidth(860)
        self.job: Job | None = None  # clearing removed choices on the worker
        self.count_wait: WorkerWait | None = None  # a count on the worker the section waits for
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(10)
        title = QLabel(self.tr("Custom fields"), self)
        title.setObjectName("sectionTitle")
        title.setStyleSheet(scaled_css("font-size: 1.15em; font-weight: 600; color: #1f2a3c;"))
        hint = QLabel(
            self.tr(
                "Business features you record for every client, e.g. annual purchases or plant size. "
                "They appear in the client editor in this order; hidden fields keep their values."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("customFieldsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Choices"), self.tr("Visibility")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 180), (1, 120), (3, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(200)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_rename_button_clicked)
        # Right-click → Export this table… (every field: name, kind, choices, shown or hidden)
        self.export_action = install_table_export(
            self.table, self.tr("Export the custom fields"), "custom-fields"
        )
        body.addWidget(self.table, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        self.add_button = self._button(buttons, self.tr("Add…"), self._on_add_button_clicked)
        self.rename_button = self._button(buttons, self.tr("Rename…"), self._on_rename_button_clicked)
        self.choices_button = self._button(buttons, self.tr("Edit choices…"), self._on_choices_button_clicked)
        self.hide_button = self._button(buttons, self.tr("Hide"), self._on_hide_button_clicked)
        self.up_button = self._button(buttons, self.tr("Move up"), self._on_up_button_clicked)
        self.down_button = self._button(buttons, self.tr("Move down"), self._on_down_button_clicked)
        self.delete_button = self._button(buttons, self.tr("Delete…"), self._on_delete_button_clicked)
        buttons.addStretch(1)
        body.addLayout(buttons)
        layout.addLayout(body, 1)
        self.fields: list[tuple[int, str, str, list[str], bool]] = []  # id, name, kind, choices, hidden
        self._update_buttons()

    def _button(self, layout: QVBoxLayout, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumWidth(130)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # --- data -----------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self.fields = [
            (f.id, f.name, f.kind, service.field_choices(f), bool(f.hidden))
            for f in service.list_custom_fields()
        ]
        self.table.setRowCount(len(self.fields))
        for row, (_fid, name, kind, choices, hidden) in enumerate(self.fields):
            cells = (
                name,
                labels.label("custom_field_kind", kind),
                " · ".join(choices),
                self.tr("Hidden") if hidden else self.tr("Shown"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if hidden:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        ids = [f[0] for f in self.fields]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        self._update_buttons()

    def selected_id(self) -> int | None:
        row = self._selected_row()
        return None if row is None else self.fields[row][0]

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows and rows[0].row() < len(self.fields) else None

    def _field(self, field_id: int) -> tuple[int, str, str, list[str], bool] | None:
        return next((f for f in self.fields if f[0] == field_id), None)

    def _update_buttons(self) -> None:
        if self.count_wait is not None:  # nothing else starts while a count runs
            for button in self.findChildren(QPushButton):
                button.setEnabled(False)
            return
        self.add_button.setEnabled(True)
        row = self._selected_row()
        has = row is not None
        for button in (self.rename_button, self.hide_button, self.delete_button):
            button.setEnabled(has)
        self.choices_button.setEnabled(has and self.fields[row][2] in CHOICE_KINDS)  # type: ignore[index]
        self.up_button.setEnabled(has and row > 0)  # type: ignore[operator]
        self.down_button.setEnabled(has and row < len(self.fields) - 1)  # type: ignore[operator]
        hidden = has and self.fields[row][4]  # type: ignore[index]
        self.hide_button.setText(self.tr("Show") if hidden else self.tr("Hide"))

    def _changed(self, select_id: int | None = None) -> None:
        self.refresh(select_id)
        self.sig_fields_changed.emit()

    def _run(self, action: Callable[[], object], select_id: int | None = None) -> None:
        """Run a service call that needs no dialog; a refusal is shown in a message box."""
        try:
            action()
        except CrmError as error:
            prompts.show_error(self, self.tr("Custom fields"), error_text(error))
        self._changed(select_id)

    def _check(self, form: FieldForm, field_id: int | None, name: bool = True, choices: bool = False) -> None:
        """The refusals the section can tell by itself, in the interface language (the services check again)."""
        if name:
            key = form.name.strip().casefold()
            if not key:
                raise input_error(self.tr("Enter a name for the field."), "name")
            for other_id, other_name, *_rest in self.fields:
                if other_id != field_id and other_name.casefold() == key:
                    raise input_error(
                        self.tr("A field named “{name}” already exists.").format(name=other_name), "name"
                    )
        if choices:
            if not form.choices:
                raise input_error(self.tr("List at least one choice, one per line."), "choices")
            for index, choice in enumerate(form.choices):
                if choice in form.choices[:index]:
                    raise input_error(self.tr("“{choice}” is listed twice.").format(choice=choice), "choices")

    # --- slots ----------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        created: list[int] = []

        def submit(form: FieldForm) -> bool:
            self._check(form, None, choices=form.kind in CHOICE_KINDS)
            created.append(service.define_custom_field(form.name, form.kind, form.choices).id)
            return True

        if prompts.run_modal(CustomFieldDialog(self, "add", submit)) and created:
            self._changed(created[0])

    def _on_rename_button_clicked(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        field_id, name = self.fields[row][0], self.fields[row][1]

        def submit(form: FieldForm) -> bool:
            self._check(form, field_id)
            service.rename_custom_field(field_id, form.name)
            return True

        if prompts.run_modal(CustomFieldDialog(self, "rename", submit, name=name)):
            self._changed(field_id)

    def _on_choices_button_clicked(self) -> None:
        row = self._selected_row()
        if self.count_wait is not None or row is None or self.fields[row][2] not in CHOICE_KINDS:
            return
        field_id, name, kind, choices, _hidden = self.fields[row]

        to_clear: list[list[str]] = []  # the choices to keep, when values must be cleared on the worker

        def submit(form: FieldForm) -> bool:
            self._check(form, field_id, name=False, choices=True)
            chosen = list(form.choices)

            def count_or_save(progress: ProgressFn) -> tuple[int, str]:
                """On the worker: the clients using a removed choice (and the field's name as it is now);
                when none, the choices are saved (unless the wait was cancelled meanwhile)."""
                used = service.count_clients_using_removed_choices(field_id, chosen)
                if not used and progress(0, 0):
                    service.set_custom_field_choices(field_id, chosen)
                return used, _field_name(field_id, name)

            wait = WorkerWait(dialog, self.tr("Counting the clients that use the removed choices…"))
            dialog.set_busy(wait)
            try:
                answered = self._wait(wait, count_or_save)
            finally:
                if shiboken6.isValid(dialog):
                    dialog.set_busy(None)
            if not answered or not shiboken6.isValid(self):
                return False  # cancelled (the dialog stays open, or closes when it was its Cancel)
            if wait.crm_error is not None:
                raise wait.crm_error  # shown at its field, as before
            if wait.failure:
                dialog.show_general(wait.failure)
                return False
            used, current_name = cast(tuple[int, str], wait.value)
            if used:
                question = self.tr(
                    "{count} client(s) use a choice you removed from “{name}”. Remove it anyway and clear it "
                    "from those clients?"
                ).format(count=used, name=current_name)
                if not prompts.ask_yes_no(self, self.tr("Remove a choice in use"), question):
                    return False
                to_clear.append(chosen)
            return True

        dialog = CustomFieldDialog(self, "choices", submit, name=name, kind=kind, choices=choices)
        if not prompts.run_modal(dialog):
            return
        if to_clear:
            self._clear_removed_choices(field_id, to_clear[0])
        else:
            self._changed(field_id)

    def _clear_removed_choices(self, field_id: int, choices: list[str]) -> None:
        """Set the choices and clear the removed ones from every client's value on the worker."""

        def job(_progress: object) -> object:
            return service.set_custom_field_choices(field_id, choices, force=True)

        self._run_on_worker(self.tr("Clearing the removed choices…"), job, field_id)

    def _wait(self, wait: WorkerWait, fn: JobFn) -> bool:
        """``wait.run(fn)`` with the section's buttons off meanwhile (nothing else starts while it runs)."""
        self.count_wait = wait
        self._update_buttons()
        try:
            return wait.run(fn)
        finally:
            if shiboken6.isValid(self):
                self.count_wait = None
                self._update_buttons()

    def _run_on_worker(self, title: str, job: Callable[[object], object], select_id: int | None) -> None:
        """A change that rewrites clients' values (tens of thousands take seconds) runs on the worker
        with a progress dialog; the list follows when it is done."""
        running = run_with_progress(self, title, job)
        deliver(running, self, lambda _result: self._changed(select_id), self._on_worker_job_failed)
        running.sig_cancelled.connect(self._on_worker_job_cancelled)  # it may have committed anyway
        self.job = running

    def _on_worker_job_cancelled(self) -> None:
        self._changed(self.selected_id())

    def _on_worker_job_failed(self, message: str) -> None:
        prompts.show_error(self, self.tr("Custom fields"), message)
        self._changed()

    def _on_hide_button_clicked(self) -> None:
        row = self._selected_row()
        if row is not None:
            field_id, hidden = self.fields[row][0], self.fields[row][4]
            self._run(lambda: service.set_custom_field_hidden(field_id, not hidden), field_id)

    def _move(self, offset: int) -> None:
        row = self._selected_row()
        if row is not None:
            field_id = self.fields[row][0]
            self._run(lambda: service.move_custom_field(field_id, offset), field_id)

    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    def _on_down_button_clicked(self) -> None:
        self._move(1)

    def _on_delete_button_clicked(self) -> None:
        row = self._selected_row()
        if self.count_wait is not None or row is None:
            return
        field_id, name = self.fields[row][0], self.fields[row][1]
        wait = WorkerWait(self, self.tr("Counting the clients with a value in “{name}”…").format(name=name))

        def count_values(_progress: ProgressFn) -> tuple[int, str]:
            """On the worker: the values to delete, and the field's name as it is now."""
            return service.count_custom_field_values(field_id), _field_name(field_id, name)

        if not self._wait(wait, count_values):
            return  # cancelled, or the page was closed meanwhile
        if wait.crm_error is not None or wait.failure:
            message = error_text(wait.crm_error) if wait.crm_error is not None else wait.failure
            prompts.show_error(self, self.tr("Custom fields"), message)
            self._changed()
            return
        if self._field(field_id) is None:
            return  # deleted while it was counted (the list, refreshed meanwhile, shows it gone)
        count, name = cast(tuple[int, str], wait.value)  # renamed meanwhile: named as it is now
        question = self.tr(
            "Delete the field “{name}”? {count} client(s) have a value in it; those values are deleted too."
        )
        if not prompts.ask_yes_no(
            self, self.tr("Delete custom field"), question.format(name=name, count=count)
        ):
            return
        if count:
            title = self.tr("Deleting the field and its values…")
            self._run_on_worker(title, lambda _progress: service.delete_custom_field(field_id), None)
        else:
            self._run(lambda: service.delete_custom_field(field_id))
