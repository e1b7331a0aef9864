"""The performance handbook (绩效手册): search, the questions on the left, the chosen answer on the right.

A KPI link anywhere in the window (``ui.handbook_link``) lands here through ``show_key``. On the first
visit of a database whose handbook was never filled, the first edition is written in the interface
language (``seed_handbook_if_new``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.handbook_seed import language, topic_title
from desktop_crm.services.handbook import (
    HandbookItem,
    delete_entry,
    entries,
    entry_for_key,
    move_entry,
    seed_handbook,
    seed_handbook_if_new,
)

from ... import fmt, prompts
from ...a11y import scaled_css
from ...errors import error_text
from ...exporter.widget_tables import install_table_export
from ..base import Page
from .dialog import HandbookEntryDialog
from .render import answer_html

_ANSWER_CSS = "p { margin: 0 0 10px 0; } ul { margin: 0 0 10px 0; } li { margin-bottom: 4px; }"


class HandbookPage(Page):
    key = "handbook"
    watches = frozenset({"handbook_entry"})
    reloads = ("_load",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[HandbookItem] = []
        self._selected_id: int | None = None
        self._missing_key = ""  # a KPI link found no entry: Add… proposes that topic

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("handbookNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "background: #fff6e0; border: 1px solid #f0d28a; border-radius: 6px; padding: 8px 12px;"
            "color: #6b4b00;"
        )
        self.notice_label.hide()
        self.page_layout.addWidget(self.notice_label)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("handbookSearch")
        self.search_edit.setPlaceholderText(self.tr("Search questions and answers…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        bar.addWidget(self.search_edit)
        bar.addStretch(1)
        self.add_button = self._button(self.tr("Add…"), bar, self._on_add_button_clicked)
        self.edit_button = self._button(self.tr("Edit…"), bar, self._on_edit_button_clicked)
        self.delete_button = self._button(self.tr("Delete"), bar, self._on_delete_button_clicked)
        self.up_button = self._button(self.tr("Move up"), bar, self._on_up_button_clicked)
        self.down_button = self._button(self.tr("Move down"), bar, self._on_down_button_clicked)
        self.page_layout.addLayout(bar)

        self.list = QTreeWidget(self)
        self.list.setObjectName("handbookList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Question"), self.tr("Topic")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.list.setColumnWidth(1, 96)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        # Right-click → Export this table… (the questions the search leaves, with their topics)
        self.export_action = install_table_export(
            self.list, self.tr("Export the handbook's questions"), "handbook"
        )

        self.card = QFrame(self)
        self.card.setObjectName("formCard")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(22, 18, 22, 16)
        card_layout.setSpacing(6)
        self.topic_label = QLabel(self.card)
        self.topic_label.setObjectName("handbookTopic")
        self.topic_label.setStyleSheet("color: #3b6fd8; font-weight: 600;")
        self.question_label = QLabel(self.card)
        self.question_label.setObjectName("handbookQuestion")
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question_label.setStyleSheet(scaled_css("font-size: 1.35em; font-weight: 600; color: #1f2a3c;"))
        self.revised_label = QLabel(self.card)
        self.revised_label.setObjectName("handbookRevised")
        self.revised_label.setStyleSheet("color: #6b7785;")
        self.answer_view = QTextBrowser(self.card)
        self.answer_view.setObjectName("handbookAnswer")
        self.answer_view.setAccessibleName(self.tr("Answer"))
        self.answer_view.setFrameShape(QFrame.Shape.NoFrame)
        self.answer_view.setOpenLinks(False)
        self.answer_view.document().setDefaultStyleSheet(_ANSWER_CSS)
        self.answer_view.setStyleSheet(
            scaled_css("background: transparent; font-size: 1.05em; color: #2c3747;")
        )
        self.empty_label = QLabel(self.card)
        self.empty_label.setObjectName("handbookEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #6b7785;")
        self.seed_button = QPushButton(self.tr("Fill with the first edition"), self.card)
        self.seed_button.setObjectName("handbookSeedButton")
        self.seed_button.clicked.connect(self._on_seed_button_clicked)
        card_layout.addWidget(self.topic_label)
        card_layout.addWidget(self.question_label)
        card_layout.addWidget(self.revised_label)
        card_layout.addSpacing(6)
        card_layout.addWidget(self.answer_view, 1)
        card_layout.addWidget(self.empty_label)
        card_layout.addWidget(self.seed_button, 0, Qt.AlignmentFlag.AlignLeft)
        card_layout.addStretch(0)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(14)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([420, 560])
        self.page_layout.addWidget(self.splitter, 1)
        self.subtitle_label.setText(
            self.tr("How each KPI and the weekly form are judged, and what each role is judged on.")
        )
        self._show_entry(None)

    def _button(self, text: str, bar: QHBoxLayout, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    # --- Page ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Handbook")

    def refresh(self) -> None:
        seed_handbook_if_new(self.language())
        self._load()

    @staticmethod
    def language() -> str:
        return language(QLocale().name())

    # --- public --------------------------------------------------------------------------------
    def show_key(self, key: str) -> bool:
        """Select the entry about topic ``key`` (a KPI key or e.g. ``rule:smart``); when there is none,
        say so above the list. Returns whether an entry was found."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        seed_handbook_if_new(self.language())
        item = entry_for_key(key)
        if item is None:
            self._load()
            self._missing_key = key
            name = topic_title(key, self.language()) or key
            self.notice_label.setText(
                self.tr("No handbook entry explains “{topic}” yet. Use Add… to write one.").format(topic=name)
            )
            self.notice_label.show()
            return False
        self._selected_id = item.id
        self._load()
        return True

    def selected(self) -> HandbookItem | None:
        return next((i for i in self.items if i.id == self._selected_id), None)

    # --- loading and showing -------------------------------------------------------------------
    def _clear_notice(self) -> None:
        self._missing_key = ""
        self.notice_label.hide()

    def _load(self) -> None:
        self._clear_notice()
        self.items = entries(self.search_edit.text())
        self.list.blockSignals(True)
        self.list.clear()
        current: QTreeWidgetItem | None = None
        for item in self.items:
            row = QTreeWidgetItem([item.question, self._kind_text(item.kind)])
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(0, item.question)
            self.list.addTopLevelItem(row)
            if item.id == self._selected_id:
                current = row
        if current is None and self.items:
            current = self.list.topLevelItem(0)
        self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        if current is not None:
            self.list.scrollToItem(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._selected_id = int(current.data(0, Qt.ItemDataRole.UserRole)) if current else None
        self._show_entry(self.selected())

    def _kind_text(self, kind: str) -> str:
        return {"kpi": self.tr("KPI"), "rule": self.tr("Scoring rule"), "role": self.tr("Role")}.get(kind, "")

    def _show_entry(self, item: HandbookItem | None) -> None:
        has = item is not None
        for widget in (self.topic_label, self.question_label, self.revised_label, self.answer_view):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        searching = bool(self.search_edit.text().strip())
        self.seed_button.setVisible(not has and not searching and not self.items)
        index = self.items.index(item) if item is not None else -1
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        # Moving works on the whole handbook's order: not while a search hides entries.
        self.up_button.setEnabled(has and not searching and index > 0)
        self.down_button.setEnabled(has and not searching and 0 <= index < len(self.items) - 1)
        if item is None:
            if searching:
                text = self.tr("No question or answer contains “{text}”.").format(
                    text=self.search_edit.text().strip()
                )
            else:
                text = self.tr(
                    "The handbook is empty. Add the questions your team asks about how work is judged, "
                    "or fill it with the first edition: every KPI, the scoring rules and each role."
                )
            self.empty_label.setText(text)
            return
        kind = self._kind_text(item.kind)
        name = topic_title(item.key, self.language()) or item.key
        self.topic_label.setText(" · ".join(part for part in (kind, name) if part))
        self.topic_label.setVisible(bool(kind or name))
        self.question_label.setText(item.question)
        self.revised_label.setText(
            self.tr("Revised on {date}").format(date=fmt.short_date(item.revised_on))
            if item.revised_on
            else self.tr("Not revised yet")
        )
        no_answer = self.tr("(No answer yet.)")
        self.answer_view.setHtml(answer_html(item.answer) or f"<p>{no_answer}</p>")

    # --- slots ---------------------------------------------------------------------------------
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._load()

    def _on_list_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._selected_id = int(current.data(0, Qt.ItemDataRole.UserRole)) if current else None
        self._show_entry(self.selected())

    def _on_list_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._on_edit_button_clicked()

    def _on_add_button_clicked(self) -> None:
        dialog = HandbookEntryDialog(self, self.language(), key=self._missing_key)
        if prompts.run_modal(dialog) and dialog.saved_id is not None:
            self._selected_id = dialog.saved_id
            self.search_edit.clear()
            self._load()

    def _on_edit_button_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        dialog = HandbookEntryDialog(self, self.language(), item=item)
        if prompts.run_modal(dialog):
            self._load()

    def _on_delete_button_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        question = self.tr("Delete the question “{question}” and its answer?").format(question=item.question)
        if not prompts.ask_yes_no(self, self.tr("Delete handbook entry"), question):
            return
        index = self.items.index(item)
        try:
            delete_entry(item.id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Delete handbook entry"), error_text(exc))
            return
        rest = [i for i in self.items if i.id != item.id]
        self._selected_id = rest[min(index, len(rest) - 1)].id if rest else None
        self._load()

    def _move(self, step: int) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            move_entry(item.id, item.position + step)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Move handbook entry"), error_text(exc))
            return
        self._load()

    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    def _on_down_button_clicked(self) -> None:
        self._move(1)

    def _on_seed_button_clicked(self) -> None:
        try:
            seed_handbook(self.language())
        except CrmError as exc:
            prompts.show_error(self, self.tr("Handbook"), error_text(exc))
            return
        self._selected_id = None
        self._load()
