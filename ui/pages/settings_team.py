"""Settings → Team: the people who use this file, their role, whom they report to, and their PINs.

Each button is one use case of ``desktop_crm.services.users``; a refused value is shown at its field in
the dialog, which stays open; a refused deactivation is shown under the table. Changes are announced
through ``ui.working_as.team_notifier()`` (the window's Team menu and status bar follow).

The team is read on the database worker when the section is shown and when the team changes elsewhere;
until the first reading arrives the table is disabled and says "Loading the team…" (never an empty team).
After the section's own change it is read at once (a handful of rows) so the change shows without delay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import team
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.services import users as service
from desktop_crm.team import TeamMember

from .. import labels, prompts
from ..errors import error_text
from ..exporter.widget_tables import EXPORT_ROLE, install_table_export
from ..tasks import default_worker, deliver
from ..widgets import section_card
from ..working_as import PinDialog, team_notifier
from .clients.editor_inputs import FieldBox


@dataclass
class UserForm:
    """What the user dialog collected."""

    name: str
    role: str
    supervisor_id: int | None
    email: str
    phone: str


class UserDialog(QDialog):
    """Name, role, reports-to, e-mail and phone of a new or existing user. ``submit(form)`` runs on OK and
    returns True to close; a ``ValidationError`` is shown at its field and the dialog stays open."""

    def __init__(
        self,
        parent: QWidget | None,
        submit: Callable[[UserForm], bool],
        supervisors: list[TeamMember],
        member: TeamMember | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.submit = submit
        self.setWindowTitle(
            self.tr("Edit {name}").format(name=member.name) if member else self.tr("New user")
        )
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name_edit = QLineEdit(member.name if member else "", self)
        self.name_edit.setObjectName("userNameEdit")
        self.name_edit.setMaxLength(100)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("userRoleCombo")
        for key, text in labels.choices("user_role"):
            self.role_combo.addItem(text, key)
        self.role_combo.setCurrentIndex(
            max(self.role_combo.findData(member.role if member else "salesperson"), 0)
        )
        self.supervisor_combo = QComboBox(self)
        self.supervisor_combo.setObjectName("userSupervisorCombo")
        self.supervisor_combo.addItem(self.tr("(nobody)"), None)
        for boss in supervisors:
            if member is None or boss.id != member.id:
                self.supervisor_combo.addItem(boss.name, boss.id)
        current = member.reports_to_id if member else None
        self.supervisor_combo.setCurrentIndex(max(self.supervisor_combo.findData(current), 0))
        self.email_edit = QLineEdit(member.email if member else "", self)
        self.email_edit.setObjectName("userEmailEdit")
        self.phone_edit = QLineEdit(member.phone if member else "", self)
        self.phone_edit.setObjectName("userPhoneEdit")
        self.boxes = {
            "name": FieldBox(self.name_edit, self),
            "role": FieldBox(self.role_combo, self),
            "supervisor_id": FieldBox(self.supervisor_combo, self),
            "email": FieldBox(self.email_edit, self),
            "phone": FieldBox(self.phone_edit, self),
        }
        form.addRow(self.tr("Name"), self.boxes["name"])
        form.addRow(self.tr("Role"), self.boxes["role"])
        form.addRow(self.tr("Reports to"), self.boxes["supervisor_id"])
        form.addRow(self.tr("E-mail"), self.boxes["email"])
        form.addRow(self.tr("Phone"), self.boxes["phone"])
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

    def form(self) -> UserForm:
        boss = self.supervisor_combo.currentData()
        return UserForm(
            self.name_edit.text(),
            str(self.role_combo.currentData()),
            int(boss) if boss is not None else None,
            self.email_edit.text(),
            self.phone_edit.text(),
        )

    def accept(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.general_label.hide()
        try:
            done = self.submit(self.form())
        except ValidationError as error:
            box = self.boxes.get(error.field or "")
            if box is not None:
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


class SetPinDialog(QDialog):
    """A new PIN typed twice (hidden), plus the current one when the person working needs it."""

    def __init__(
        self,
        parent: QWidget | None,
        member: TeamMember,
        ask_current: bool,
        submit: Callable[[str, str | None], bool],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setPinDialog")
        self.setWindowTitle(self.tr("PIN for {name}").format(name=member.name))
        self.setMinimumWidth(400)
        self.submit = submit
        self.ask_current = ask_current
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("4 to 12 digits. Anyone switching to {name} will have to enter it.").format(
                name=member.name
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        self.current_edit = self._pin_edit("currentPinEdit")
        self.pin_edit = self._pin_edit("newPinEdit")
        self.repeat_edit = self._pin_edit("repeatPinEdit")
        self.boxes = {
            "current_pin": FieldBox(self.current_edit, self),
            "pin": FieldBox(self.pin_edit, self),
            "repeat": FieldBox(self.repeat_edit, self),
        }
        if ask_current:
            form.addRow(self.tr("Current PIN"), self.boxes["current_pin"])
        else:
            self.boxes["current_pin"].hide()
        form.addRow(self.tr("New PIN"), self.boxes["pin"])
        form.addRow(self.tr("Repeat the new PIN"), self.boxes["repeat"])
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setStyleSheet("QLabel#fieldError { color: #c0392b; }")

    def _pin_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(12)
        return edit

    def accept(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        if self.pin_edit.text() != self.repeat_edit.text():
            self.boxes["repeat"].show_error(self.tr("The two PINs differ; type the same PIN twice."))
            return
        try:
            done = self.submit(self.pin_edit.text(), self.current_edit.text() if self.ask_current else None)
        except CrmError as error:
            field = getattr(error, "field", None)
            box = self.boxes.get(field or "") or self.boxes["pin"]
            if not box.isVisibleTo(self):
                box = self.boxes["pin"]
            box.show_error(error_text(error))
            box.setFocus()
            return
        if done:
            super().accept()


def read_team() -> tuple[list[TeamMember], int | None]:
    """What the section shows: every user, and the one working (on the worker, or after an own change)."""
    return team.team_members(), team.current_user_id()


class TeamSection(QFrame):
    """The team as a table with the buttons that change it."""

    sig_loaded = Signal()  # the table shows the team as read by the latest load or refresh

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generation = 0  # the latest load or refresh; a reading arriving for an older one is dropped
        self.loaded = False  # False until the first reading arrives: the table is disabled meanwhile
        self.reading = False  # a reading is on its way from the worker (screenshots wait for it)
        layout, title = section_card(self, self.tr("Team"), spacing=10)
        hint = QLabel(
            self.tr(
                "The people who use this file. A salesperson sees their own goals and weekly forms; a "
                "supervisor also sees those of the people reporting to them and of salespeople who report "
                "to nobody. A PIN protects switching to a person (set one for every supervisor)."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        self.loading_label = QLabel(self.tr("Loading the team…"), self)
        self.loading_label.setObjectName("teamLoading")
        layout.addWidget(self.loading_label)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Reports to"), self.tr("Active"), self.tr("PIN")]
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 150), (3, 80), (4, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(220)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_edit_button_clicked)
        body.addWidget(self.table, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        self.add_button = self._button(buttons, self.tr("Add…"), self._on_add_button_clicked)
        self.edit_button = self._button(buttons, self.tr("Edit…"), self._on_edit_button_clicked)
        self.active_button = self._button(buttons, self.tr("Deactivate"), self._on_active_button_clicked)
        self.pin_button = self._button(buttons, self.tr("Set PIN…"), self._on_pin_button_clicked)
        self.clear_pin_button = self._button(
            buttons, self.tr("Remove PIN"), self._on_clear_pin_button_clicked
        )
        buttons.addStretch(1)
        self.export_action = install_table_export(self.table, self.tr("Export the team"), "team")
        self.export_button = self._button(buttons, self.tr("Export…"), self.export_action.trigger)
        self.export_button.setObjectName("exportTeamButton")
        body.addLayout(buttons)
        layout.addLayout(body, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("teamStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)
        self.members: list[TeamMember] = []
        notifier = team_notifier()
        notifier.sig_team_changed.connect(self._on_notifier_changed)
        notifier.sig_working_user_changed.connect(self._on_notifier_changed)
        self._update_buttons()

    def _button(self, layout: QVBoxLayout, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumWidth(130)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def showEvent(self, event: QShowEvent) -> None:
        self.load()
        super().showEvent(event)

    # --- data -----------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the team on the worker. Before the first reading the table is disabled and says it is
        loading; later ones keep the rows shown until the new reading replaces them."""
        self._generation += 1
        generation = self._generation
        if not self.loaded:
            self.loading_label.setText(self.tr("Loading the team…"))
            self.loading_label.show()
            self.table.setEnabled(False)
            self._update_buttons()
        self.reading = True
        job = default_worker().submit(lambda _progress: read_team())
        deliver(
            job,
            self,
            lambda reading: self._on_team_read(reading, generation),
            lambda message: self._on_load_failed(message, generation),
        )

    def refresh(self, select_id: int | None = None) -> None:
        """Read the team now: after the section's own change, which must show at once."""
        self._generation += 1  # a load still on its way is older: dropped
        self.reading = False
        members, working = read_team()
        self._show(members, working, select_id)

    def _on_team_read(self, reading: tuple[list[TeamMember], int | None], generation: int) -> None:
        if generation != self._generation:
            return  # a newer load or refresh is on its way or shown
        self.reading = False
        self._show(*reading)

    def _on_load_failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return  # a newer load or refresh is on its way or shown
        self.reading = False
        self.loading_label.setText(self.tr("The team could not be read: {error}").format(error=message))
        self.loading_label.show()

    def _show(self, members: list[TeamMember], working: int | None, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self.members = members
        self.loaded = True
        self.loading_label.hide()
        self.table.setEnabled(True)
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            name = member.name
            if member.id == working:
                name = self.tr("{name} (working now)").format(name=member.name)
            cells = (
                name,
                labels.label("user_role", member.role),
                member.reports_to or "",
                self.tr("Yes") if member.active else self.tr("No"),
                self.tr("Yes") if member.has_pin else self.tr("No"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(EXPORT_ROLE, member.name)  # without "(working now)"
                if not member.active:
                    item.setForeground(Qt.GlobalColor.gray)
                if member.id == working and column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        ids = [m.id for m in self.members]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        self._update_buttons()
        self.sig_loaded.emit()

    def selected(self) -> TeamMember | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if rows and rows[0].row() < len(self.members):
            return self.members[rows[0].row()]
        return None

    def selected_id(self) -> int | None:
        member = self.selected()
        return member.id if member else None

    def select(self, name: str) -> None:
        self.table.selectRow([m.name for m in self.members].index(name))

    def _update_buttons(self) -> None:
        for button in (self.add_button, self.export_button):
            button.setEnabled(self.loaded)
        member = self.selected() if self.loaded else None
        for button in (self.edit_button, self.active_button, self.pin_button):
            button.setEnabled(member is not None)
        self.active_button.setText(
            self.tr("Reactivate") if member is not None and not member.active else self.tr("Deactivate")
        )
        self.pin_button.setText(
            self.tr("Change PIN…") if member is not None and member.has_pin else self.tr("Set PIN…")
        )
        self.clear_pin_button.setEnabled(member is not None and member.has_pin)

    def _supervisors(self) -> list[TeamMember]:
        return [m for m in self.members if m.role == "supervisor" and m.active]

    def _show_status(self, message: str, error: bool) -> None:
        color = "#c0392b" if error else "#2e7d32"
        self.status_label.setStyleSheet(f"color: {color};")
        self.status_label.setText(message)
        self.status_label.show()

    def _changed(self, select_id: int | None, message: str) -> None:
        self.refresh(select_id)
        self._show_status(message, error=False)
        team_notifier().sig_team_changed.emit()

    def _needs_current_pin(self, member: TeamMember) -> bool:
        """Whether the person working must type ``member``'s current PIN to change or remove it."""
        working = team.working_member()
        return member.has_pin and not (working and (working.id == member.id or working.role == "supervisor"))

    # --- slots ----------------------------------------------------------------------------------
    def _on_notifier_changed(self) -> None:
        if self.isVisible():
            self.load()

    def _on_add_button_clicked(self) -> None:
        created: list[tuple[int, str]] = []  # id and name as stored

        def submit(form: UserForm) -> bool:
            user = service.create_user(form.name, form.role, form.supervisor_id, form.email, form.phone)
            created.append((user.id, user.name))
            return True

        prompts.run_modal(UserDialog(self, submit, self._supervisors()))
        if created:
            user_id, name = created[0]
            self._changed(user_id, self.tr("{name} was added.").format(name=name))

    def _on_edit_button_clicked(self) -> None:
        member = self.selected()
        if member is None:
            return
        saved: list[bool] = []

        def submit(form: UserForm) -> bool:
            changes: dict[str, object] = {}
            before = {
                "name": member.name,
                "role": member.role,
                "supervisor_id": member.reports_to_id,
                "email": member.email,
                "phone": member.phone,
            }
            for key, value in vars(form).items():
                if value != before[key]:
                    changes[key] = value
            if changes:
                service.update_user(member.id, **changes)
            saved.append(bool(changes))
            return True

        prompts.run_modal(UserDialog(self, submit, self._supervisors(), member))
        if saved and saved[0]:
            self._changed(member.id, self.tr("The changes were saved."))

    def _on_active_button_clicked(self) -> None:
        member = self.selected()
        if member is None:
            return
        try:
            if member.active:
                service.deactivate_user(member.id)
                message = self.tr("{name} was deactivated; their records stay.").format(name=member.name)
            else:
                service.reactivate_user(member.id)
                message = self.tr("{name} is active again.").format(name=member.name)
        except CrmError as error:
            self._show_status(error_text(error), error=True)
            return
        self._changed(member.id, message)

    def _on_pin_button_clicked(self) -> None:
        member = self.selected()
        if member is None:
            return
        done: list[bool] = []

        def submit(pin: str, current: str | None) -> bool:
            service.set_pin(member.id, pin, current)
            done.append(True)
            return True

        prompts.run_modal(SetPinDialog(self, member, self._needs_current_pin(member), submit))
        if done:
            self._changed(member.id, self.tr("The PIN of {name} was set.").format(name=member.name))

    def _on_clear_pin_button_clicked(self) -> None:
        member = self.selected()
        if member is None or not member.has_pin:
            return
        if self._needs_current_pin(member):
            done: list[bool] = []

            def submit(pin: str) -> bool:
                try:
                    service.clear_pin(member.id, pin)
                except ValidationError as error:
                    raise error.at("pin") from None
                done.append(True)
                return True

            prompts.run_modal(
                PinDialog(
                    self,
                    self.tr("Remove PIN"),
                    self.tr("Enter the current PIN of {name} to remove it.").format(name=member.name),
                    submit,
                )
            )
            if not done:
                return
        else:
            if not prompts.ask_yes_no(
                self,
                self.tr("Remove PIN"),
                self.tr("Remove the PIN of {name}? Anyone will then be able to work as {name}.").format(
                    name=member.name
                ),
            ):
                return
            try:
                service.clear_pin(member.id)
            except CrmError as error:
                self._show_status(error_text(error), error=True)
                return
        self._changed(member.id, self.tr("The PIN of {name} was removed.").format(name=member.name))
