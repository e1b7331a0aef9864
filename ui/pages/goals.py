"""Goals: the current user's year, quarter and month goals, with their targets and actions, as a tree."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_crm.clock import today

from .. import fmt
from ..labels import label
from ..models import RIGHT
from . import data
from .base import Page


class GoalsPage(Page):
    key = "goals"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("goalsTree")
        self.tree.setHeaderLabels([self.tr("Goal"), self.tr("Period"), self.tr("Target"), self.tr("Actual")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.headerItem().setTextAlignment(2, RIGHT)
        self.tree.headerItem().setTextAlignment(3, RIGHT)
        for column, width in ((1, 210), (2, 150), (3, 150)):
            self.tree.setColumnWidth(column, width)
        self.page_layout.addWidget(self.tree, 1)

    def title(self) -> str:
        return self.tr("Goals")

    def refresh(self) -> None:
        day = today()
        user_id = data.current_user_id()
        roots = data.goal_tree(user_id, day)
        self.tree.clear()
        for node in roots:
            self.tree.addTopLevelItem(self._goal_item(node))
        self.tree.expandAll()
        name = data.user_name(user_id)
        if not roots:
            self.subtitle_label.setText(self.tr("No year, quarter or month goal covers today yet."))
        elif name:
            self.subtitle_label.setText(
                self.tr("Goals of {name} for the current year, quarter and month").format(name=name)
            )
        else:
            self.subtitle_label.setText(self.tr("Team goals for the current year, quarter and month"))

    def _goal_item(self, node: data.GoalNode) -> QTreeWidgetItem:
        last_day = node.period_end - timedelta(days=1)  # periods are half-open
        period = f"{fmt.short_date(node.period_start)} – {fmt.short_date(last_day)}"
        item = QTreeWidgetItem([f"{label('goal_kind', node.kind)} · {node.title}", period, "", ""])
        bold = QFont(item.font(0))
        bold.setBold(True)
        item.setFont(0, bold)
        for metric, text, unit, target, actual in node.targets:
            shown = fmt.money(target, 0) if unit == "cents" else fmt.number(target)
            done = "" if actual is None else (fmt.money(actual, 0) if unit == "cents" else fmt.number(actual))
            child = QTreeWidgetItem(
                [self.tr("Target: {label}").format(label=text or metric), "", shown, done]
            )
            for column in (2, 3):
                child.setTextAlignment(column, RIGHT)
            item.addChild(child)
        for category, title, due, done_flag in node.actions:
            mark = "✓" if done_flag else "○"
            category_text = label("plan_type", category)
            text = self.tr("Action: {title}").format(title=title)
            child = QTreeWidgetItem([f"{mark} {text}", fmt.short_date(due), category_text, ""])
            if done_flag:
                child.setForeground(0, QBrush(QColor("#6b7785")))
            item.addChild(child)
        for sub in node.children:
            item.addChild(self._goal_item(sub))
        return item
