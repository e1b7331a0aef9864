"""Settings → Client form: hide the built-in client fields the business does not use, give them its own
labels (English and Chinese) and order the client editor's sections (seed 003: 屏蔽字段、修改字段标签、
修改页面布局). Stored in the database (``desktop_crm.services.form_layout``), so every user of the file
sees the same form. Custom fields stay under Settings → Custom fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.services.form_layout import (
    FIELDS,
    LANGUAGES,
    MAX_LABEL,
    REQUIRED,
    FormLayout,
    form_layout,
    reset_form_layout,
    save_form_layout,
)

from .. import prompts
from ..a11y import line_height
from ..errors import error_text
from ..widgets import section_card

ERROR_STYLE = "QLineEdit { border: 1px solid #d93025; background: #fff5f4; }"


class ClientFormSettingsSection(QFrame):
    """One row per built-in field (shown, English label, Chinese label) and the sections' order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientFormSettings")
        layout, heading = section_card(self, self.tr("Client form"), spacing=10)
        layout.addWidget(heading)
        hint = QLabel(
            self.tr(
                "Hide the client fields your business does not use, give them your own labels and order the "
                "client editor's sections. Everyone who uses this file sees the same form; a hidden field keeps "
                "its value. An empty label keeps the built-in one. Add your own fields under Custom fields."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.shown_checks: dict[str, QCheckBox] = {}
        self.label_edits: dict[tuple[str, str], QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        headers = (self.tr("Field"), self.tr("Shown"), self.tr("English label"), self.tr("Chinese label"))
        for column, text in enumerate(headers):
            title = QLabel(text, self)
            title.setStyleSheet("font-weight: 600;")
            grid.addWidget(title, 0, column)
        names = self._built_in_names()
        for row, key in enumerate(FIELDS, start=1):
            grid.addWidget(QLabel(names[key], self), row, 0)
            check = QCheckBox(self)
            check.setObjectName(f"shown_{key}")
            check.setChecked(True)
            if key in REQUIRED:
                check.setEnabled(False)
                check.setToolTip(self.tr("Every client needs a name: it cannot be hidden."))
            self.shown_checks[key] = check
            grid.addWidget(check, row, 1, Qt.AlignmentFlag.AlignHCenter)
            for column, language in enumerate(LANGUAGES, start=2):
                edit = QLineEdit(self)
                edit.setObjectName(f"label_{key}_{language}")
                edit.setMaxLength(MAX_LABEL + 20)  # longer text is refused with a message, not cut
                edit.setPlaceholderText(self.tr("built-in label"))
                edit.textEdited.connect(self._on_any_edited)
                self.label_edits[(key, language)] = edit
                grid.addWidget(edit, row, column)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        order_title = QLabel(self.tr("Order of the client editor's sections"), self)
        order_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(order_title)
        self.sections_list = QListWidget(self)
        self.sections_list.setObjectName("sectionsList")
        self.sections_list.setFixedHeight(4 * max(26, line_height(self.sections_list, 10)) + 6)
        self.sections_list.setMaximumWidth(360)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.up_button.clicked.connect(self._on_up_clicked)
        self.down_button.clicked.connect(self._on_down_clicked)
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        order_row = QHBoxLayout()
        order_row.addWidget(self.sections_list)
        order_row.addLayout(moves)
        order_row.addStretch(1)
        layout.addLayout(order_row)
        self.save_button = QPushButton(self.tr("Save client form"), self)
        self.save_button.setObjectName("primaryButton")
        self.reset_button = QPushButton(self.tr("Back to the built-in form…"), self)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.status_label, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _built_in_names(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "short_name": self.tr("Short name"),
            "owner_id": self.tr("Owner"),
            "phone": self.tr("Phone"),
            "website": self.tr("Website"),
            "address": self.tr("Address"),
            "industry": self.tr("Industry"),
            "region": self.tr("Region"),
            "source": self.tr("Source"),
            "notes": self.tr("Notes"),
            "status": self.tr("Status"),
            "value_verdict": self.tr("Value verdict"),
            "grade": self.tr("Grade"),
            "expected_sign_date": self.tr("Expected signing"),
            "expected_amount_cents": self.tr("Expected amount"),
            "tags": self.tr("Categories"),
        }

    def _section_names(self) -> dict[str, str]:
        return {
            "profile": self.tr("Profile"),
            "value": self.tr("Classification & value"),
            "milestones": self.tr("Key milestones"),
            "features": self.tr("Business features"),
        }

    # --- showing -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        try:
            layout = form_layout()
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        self._show(layout)

    def _show(self, layout: FormLayout) -> None:
        self._clear_errors()
        for key, check in self.shown_checks.items():
            check.setChecked(not layout.is_hidden(key))
        for (key, language), edit in self.label_edits.items():
            edit.setText(layout.label(key, language) or "")
        self.sections_list.clear()
        names = self._section_names()
        for key in layout.sections:
            item = QListWidgetItem(names[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sections_list.addItem(item)
        self.sections_list.setCurrentRow(0)

    def sections(self) -> list[str]:
        return [
            str(self.sections_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.sections_list.count())
        ]

    # --- messages ------------------------------------------------------------------------------
    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b91c1c; font-weight: 600;" if error else "")
        self.status_label.setText(text)

    def _clear_errors(self) -> None:
        for edit in self.label_edits.values():
            edit.setStyleSheet("")
            edit.setToolTip("")
        self.status_label.clear()

    def _show_field_error(self, exc: ValidationError) -> None:
        parts = (exc.field or "").split(":")
        edit = self.label_edits.get((parts[1], parts[2])) if len(parts) == 3 and parts[0] == "label" else None
        message = error_text(exc)
        if edit is not None:
            edit.setStyleSheet(ERROR_STYLE)
            edit.setToolTip(message)
            edit.setFocus()
        self._show_status(message, error=True)

    # --- slots ---------------------------------------------------------------------------------
    def _on_any_edited(self, _text: str) -> None:
        edit = self.sender()
        if isinstance(edit, QLineEdit):
            edit.setStyleSheet("")

    def _on_up_clicked(self) -> None:
        self._move(-1)

    def _on_down_clicked(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.sections_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.sections_list.count():
            return
        item = self.sections_list.takeItem(row)
        self.sections_list.insertItem(target, item)
        self.sections_list.setCurrentRow(target)

    def _on_save_clicked(self) -> None:
        self._clear_errors()
        hidden = [key for key, check in self.shown_checks.items() if not check.isChecked()]
        labels: dict[str, dict[str, str]] = {}
        for (key, language), edit in self.label_edits.items():
            labels.setdefault(key, {})[language] = edit.text()
        try:
            saved = save_form_layout(hidden=hidden, labels=labels, sections=self.sections())
        except ValidationError as exc:
            self._show_field_error(exc)
            return
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        self._show(saved)
        self._show_status(self.tr("Saved. The client editor and the clients list use this form."))

    def _on_reset_clicked(self) -> None:
        if not prompts.ask_yes_no(
            self,
            self.tr("Client form"),
            self.tr("Show every field with its built-in label and the sections in their usual order?"),
        ):
            return
        try:
            layout = reset_form_layout()
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        self._show(layout)
        self._show_status(self.tr("The built-in client form is back."))
