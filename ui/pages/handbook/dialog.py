"""Add or edit one handbook entry: question, topic and answer; saved through one service call."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.handbook_seed import ROLE_KEYS, RULE_KEYS, topic_title
from desktop_crm.kpi import KPI_KEYS
from desktop_crm.services.handbook import HandbookItem, add_entry, update_entry

from ...errors import error_text
from ...widgets import error_label


class HandbookEntryDialog(QDialog):
    """``HandbookEntryDialog(parent, lang, item=None, key="")``: a new entry (about topic ``key``) or
    ``item`` edited. On OK it calls ``add_entry`` or ``update_entry``; a refused field keeps the dialog
    open with the message under that field. ``saved_id`` is the entry written."""

    def __init__(
        self, parent: QWidget | None, lang: str, item: HandbookItem | None = None, key: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handbookEntryDialog")
        self.item = item
        self.saved_id: int | None = None
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Edit handbook entry") if item else self.tr("New handbook entry"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        layout.addLayout(form)

        self.question_edit = QLineEdit(item.question if item else "", self)
        self.question_edit.setObjectName("questionEdit")
        self.question_edit.setPlaceholderText(self.tr("e.g. How is the conversion rate worked out?"))
        form.addRow(self.tr("Question"), self._with_error(self.question_edit, "question"))

        self.topic_combo = QComboBox(self)
        self.topic_combo.setObjectName("topicCombo")
        self.topic_combo.addItem(self.tr("(No topic)"), "")
        groups = (
            (self.tr("Role"), ROLE_KEYS),
            (self.tr("Scoring rule"), RULE_KEYS),
            (self.tr("KPI"), KPI_KEYS),
        )
        for kind, keys in groups:
            for topic in keys:
                self.topic_combo.addItem(f"{kind} · {topic_title(topic, lang) or topic}", topic)
        current = item.key if item else key
        if current and self.topic_combo.findData(current) < 0:
            self.topic_combo.addItem(current, current)
        self.topic_combo.setCurrentIndex(max(self.topic_combo.findData(current), 0))
        self.topic_combo.setMaxVisibleItems(16)
        form.addRow(self.tr("Topic"), self._with_error(self.topic_combo, "kpi_key"))

        self.answer_edit = QPlainTextEdit(item.answer if item else "", self)
        self.answer_edit.setObjectName("answerEdit")
        self.answer_edit.setMinimumHeight(260)
        form.addRow(self.tr("Answer"), self._with_error(self.answer_edit, "answer"))
        hint = QLabel(
            self.tr("A blank line starts a new paragraph; lines starting with “- ” become a list."), self
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow("", hint)

        self.general_error = error_label(self, "general", self.errors)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error_label(box, key, self.errors))
        return box

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def accept(self) -> None:
        for label in self.errors.values():
            label.hide()
        question = self.question_edit.text()
        answer = self.answer_edit.toPlainText()
        topic = str(self.topic_combo.currentData() or "")
        try:
            if self.item is None:
                self.saved_id = add_entry(question, answer, topic).id
            else:
                update_entry(self.item.id, question=question, answer=answer, kpi_key=topic)
                self.saved_id = self.item.id
        except ValidationError as exc:
            target = self.errors.get(exc.field or "general", self.general_error)
            target.setText(error_text(exc))
            target.show()
            return
        except CrmError as exc:
            self.general_error.setText(error_text(exc))
            self.general_error.show()
            return
        super().accept()
