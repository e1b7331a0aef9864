"""Settings → Custom fields (业务特征): define, rename, hide, reorder, edit choices of, delete the fields.

Every change goes through ``desktop_crm.services.custom_fields``; a refused value is shown at its field
in the small dialog, which stays open. The client editor reads the definitions each time it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from ..tasks import Job, deliver, run_with_progress
from .clients.editor_inputs import FieldBox

CHOICE_KINDS = ("choice", "multi_choice")


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
        self.setStyleSheet("QLabel#fieldError { color: #c0392b; }")
        self._on_kind_combo_changed()

    def form(self) -> FieldForm:
        lines = [line.strip() for line in self.choices_edit.toPlainText().splitlines()]
        kind = str(self.kind_combo.currentData())
        wants_choices = self.mode == "choices" or kind in CHOICE_KINDS
        return FieldForm(
            self.name_edit.text(), kind, [line for line in lines if line] if wants_choices else []
        )

    def accept(self) -> None:
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
                self._show_general(error_text(error))
            return
        except CrmError as error:
            self._show_general(error_text(error))
            return
        if done:
            super().accept()

    def _show_general(self, message: str) -> None:
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

    def _update_buttons(self) -> None:
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
        if row is None or self.fields[row][2] not in CHOICE_KINDS:
            return
        field_id, name, kind, choices, _hidden = self.fields[row]

        to_clear: list[list[str]] = []  # the choices to keep, when values must be cleared on the worker

        def submit(form: FieldForm) -> bool:
            self._check(form, field_id, name=False, choices=True)
            used = service.count_clients_using_removed_choices(field_id, form.choices)
            if used:
                question = self.tr(
                    "{count} client(s) use a choice you removed from “{name}”. Remove it anyway and clear it "
                    "from those clients?"
                ).format(count=used, name=name)
                if not prompts.ask_yes_no(self, self.tr("Remove a choice in use"), question):
                    return False
                to_clear.append(list(form.choices))
                return True
            service.set_custom_field_choices(field_id, form.choices)
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
        if row is None:
            return
        field_id, name = self.fields[row][0], self.fields[row][1]
        try:
            count = service.count_custom_field_values(field_id)
        except CrmError as error:
            prompts.show_error(self, self.tr("Custom fields"), error_text(error))
            self._changed()
            return
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
