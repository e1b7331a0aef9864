"""Goals: a person's (or the team's) goal tree for a year with progress from real data.

Each goal row shows its rolled-up completion and pace; its numeric targets (target, actual, completion,
gap, on pace) and action targets (with a check box for done and their clients) are its child rows,
then its sub-goals. Progress is computed by ``desktop_crm.goal_progress`` (on the database worker when
the file is large). Every change goes through one service of ``desktop_crm.services.goals``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_crm import clock, goal_progress
from desktop_crm.errors import CrmError
from desktop_crm.goal_progress import ALL, ActionView, GoalView, TargetProgress, Viewer
from desktop_crm.services import goals as goal_service

from ... import fmt, prompts
from ...changes import GOALS, KPI_SOURCES
from ...errors import error_text
from ...exporter.widget_tables import EXPORT_ROLE, install_table_export
from ...handbook_link import kpi_anchor, open_kpi_entry, open_link
from ...labels import label
from ...models import RIGHT
from ...tasks import default_worker, deliver
from ..base import Page
from . import dialogs, texts

TEAM = "team"
KIND_ROLE = Qt.ItemDataRole.UserRole
BAR_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 7
(COL_GOAL, COL_PERIOD, COL_TARGET, COL_ACTUAL, COL_COMPLETION, COL_GAP, COL_PACE) = range(COLUMNS)


class CompletionDelegate(QStyledItemDelegate):
    """Draws the completion cell as a bar in the pace colour under the percentage."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        bar = index.data(BAR_ROLE)
        if bar is not None:
            ratio, colour = bar
            rect = QRect(option.rect).adjusted(6, 5, -6, -5)  # type: ignore[attr-defined]
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e8ecf0"))
            painter.drawRoundedRect(rect, 3, 3)
            filled = QRect(rect)
            filled.setWidth(int(rect.width() * max(0.0, min(1.0, ratio))))
            tint = QColor(colour)
            tint.setAlpha(110)
            painter.setBrush(tint)
            painter.drawRoundedRect(filled, 3, 3)
            painter.restore()
        super().paint(painter, option, index)


class GoalsPage(Page):
    key = "goals"
    watches = GOALS | KPI_SOURCES  # the goals and their actuals
    reloads = ("_load",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = Viewer(None, False, [])
        self.forest: list[GoalView] = []
        self.goals: dict[int, GoalView] = {}
        self.targets: dict[int, tuple[TargetProgress, GoalView]] = {}
        self.actions: dict[int, tuple[ActionView, GoalView]] = {}
        self._generation = 0
        self._filling = False
        self.loading = False

        controls = QHBoxLayout()
        controls.setSpacing(8)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("goalPerson")
        self.person_combo.setMinimumWidth(160)
        self.person_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("goalYear")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(clock.today().year)
        self.year_spin.valueChanged.connect(self._on_scope_changed)
        controls.addWidget(QLabel(self.tr("Person"), self))
        controls.addWidget(self.person_combo)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Year"), self))
        controls.addWidget(self.year_spin)
        controls.addSpacing(12)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("goalsToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        controls.addWidget(self.toolbar, 1)
        self.page_layout.addLayout(controls)

        self.new_goal_action = self._action(self.tr("New goal…"), self.new_goal)
        self.new_sub_action = self._action(self.tr("New sub-goal…"), self.new_sub_goal)
        self.edit_action = self._action(self.tr("Edit…"), self.edit_selected)
        self.delete_action = self._action(self.tr("Delete"), self.delete_selected)
        self.add_target_action = self._action(self.tr("Add target…"), self.add_target)
        self.add_action_action = self._action(self.tr("Add action…"), self.add_action)
        self.split_action = self._action(self.tr("Split target…"), self.split_selected)
        self.move_action = self._action(self.tr("Move…"), self.move_selected)
        self.link_action = self._action(self.tr("Link clients…"), self.link_clients)
        self.propose_action = self._action(self.tr("Propose value…"), self.propose_selected)
        self.agree_action = self._action(self.tr("Agree"), self.agree_selected)
        self.accept_action = self._action(self.tr("Accept proposal"), self.accept_selected)
        self.keep_action = self._action(self.tr("Keep target"), self.keep_selected)
        self.done_action = self._action(self.tr("Mark done"), self.toggle_done)
        self.kpi_action = self._action(self.tr("What does this KPI mean?"), self.explain_kpi)
        for action in (
            self.new_goal_action,
            self.new_sub_action,
            self.edit_action,
            self.delete_action,
            self.add_target_action,
            self.add_action_action,
            self.split_action,
        ):
            self.toolbar.addAction(action)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("goalsTree")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [
                self.tr("Goal"),
                self.tr("Period"),
                self.tr("Target"),
                self.tr("Actual"),
                self.tr("Completion"),
                self.tr("Gap"),
                self.tr("On pace"),
            ]
        )
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegateForColumn(COL_COMPLETION, CompletionDelegate(self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        # "Export this table…" at the end of the tree's own menu: every goal, target, action and client
        # line of the person and year shown, with a Level column for the nesting; numbers as numbers
        self.export_action = install_table_export(self.tree, self.tr("Export the goals"), "goals")
        self.tree.itemSelectionChanged.connect(self._on_selection_changed)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: QTimer.singleShot(0, self, self.edit_selected))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_GOAL, QHeaderView.ResizeMode.Stretch)
        for column in (COL_TARGET, COL_ACTUAL, COL_GAP):
            self.tree.headerItem().setTextAlignment(column, RIGHT)
        for column, width in (
            (COL_PERIOD, 175),
            (COL_TARGET, 120),
            (COL_ACTUAL, 120),
            (COL_COMPLETION, 100),
            (COL_GAP, 115),
            (COL_PACE, 100),
        ):
            self.tree.setColumnWidth(column, width)

        self.details = QLabel(self)
        self.details.setObjectName("goalDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(96)
        self.details.setStyleSheet(
            "background: #f7f9fb; border: 1px solid #e1e6eb; border-radius: 6px; padding: 8px;"
        )
        self.details.linkActivated.connect(open_link)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        self.page_layout.addWidget(splitter, 1)
        self._update_actions()

    def _action(self, text: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- Page ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Goals")

    def refresh(self) -> None:
        """Reload who is working, the person list, then the tree (on the worker when the file is large)."""
        self.viewer = goal_progress.viewer()
        chosen = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for user_id, name in self.viewer.people:
            self.person_combo.addItem(name, user_id)
        if self.viewer.supervisor or self.viewer.user_id is None:
            self.person_combo.addItem(self.tr("Team"), TEAM)
        index = self.person_combo.findData(chosen) if chosen is not None else -1
        self.person_combo.setCurrentIndex(index if index >= 0 else 0)
        self.person_combo.blockSignals(False)
        self._load()

    def show_person(self, user_id: int) -> None:
        """Show ``user_id``'s goal tree (when the working user sees them)."""
        index = self.person_combo.findData(user_id)
        if index >= 0 and index != self.person_combo.currentIndex():
            self.person_combo.setCurrentIndex(index)  # reloads

    def owner(self) -> int | None:
        """The person whose tree is shown (None = the team)."""
        data = self.person_combo.currentData()
        return None if data in (TEAM, None) else int(data)

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation
        owner = self.owner()
        year = self.year_spin.value()
        today = clock.today()
        if not goal_progress.is_large():
            self._show(goal_progress.goal_forest(owner, year, today), generation)
            return
        self.loading = True
        self.subtitle_label.setText(self.tr("Loading goals…"))
        job = default_worker().submit(lambda _progress: goal_progress.goal_forest(owner, year, today))
        deliver(job, self, lambda forest: self._show(forest, generation), self._on_job_failed)

    def _on_job_failed(self, message: str) -> None:
        self.loading = False
        self.subtitle_label.setText(message)

    def _on_scope_changed(self, *_args: Any) -> None:
        self._load()

    # --- showing -------------------------------------------------------------------------------
    def _show(self, forest: list[GoalView], generation: int) -> None:
        if generation != self._generation:
            return
        self.loading = False
        selected = self.selected()
        self.forest = forest
        self.goals, self.targets, self.actions = {}, {}, {}
        today = clock.today()
        self._filling = True
        self.tree.clear()
        for view in forest:
            self.tree.addTopLevelItem(self._goal_item(view, today))
        current: QTreeWidgetItem | None = None
        for item in self._items():
            data = item.data(COL_GOAL, KIND_ROLE)
            view = self.goals.get(int(data[1])) if data and data[0] == "goal" else None
            if view is None:
                continue
            running = view.start <= today < view.end
            if item.parent() is None or (running and view.kind in ("year", "quarter", "month")):
                item.setExpanded(True)
                if view.kind == "month" and running:
                    current = item
        self._filling = False
        if selected is not None:
            self._select(selected)
        elif current is not None:
            self.tree.setCurrentItem(current)
            self.tree.scrollToTop()
        name = self.person_combo.currentText()
        year = self.year_spin.value()
        if not forest:
            self.subtitle_label.setText(
                self.tr("No goal of {name} in {year} yet: start with New goal….").format(name=name, year=year)
            )
        else:
            count = sum(1 for root in forest for _ in root.walk())
            self.subtitle_label.setText(
                self.tr("{name} · {year}: {count} goals; progress from the recorded data up to {day}").format(
                    name=name, year=year, count=count, day=fmt.short_date(today)
                )
            )
        self._on_selection_changed()

    def _period_text(self, start: date, end: date) -> str:
        return f"{fmt.short_date(start)} – {fmt.short_date(end - timedelta(days=1))}"

    def _goal_item(self, view: GoalView, today: date) -> QTreeWidgetItem:
        self.goals[view.goal_id] = view
        progress = view.progress
        title = f"{label('goal_kind', view.kind)} · {view.title}"
        if view.qualitative:
            title += " · " + self.tr("qualitative")
        item = QTreeWidgetItem([title, self._period_text(view.start, view.end), "", "", "", "", ""])
        item.setData(COL_GOAL, KIND_ROLE, ("goal", view.goal_id))
        bold = QFont(item.font(COL_GOAL))
        bold.setBold(True)
        item.setFont(COL_GOAL, bold)
        if view.smart or view.target_warnings:
            item.setToolTip(COL_GOAL, "\n".join(texts.warning(w) for w in view.smart + view.target_warnings))
            item.setText(COL_GOAL, title + "  ⚠")
        self._set_progress(item, progress.completion, progress.pace)
        for target in progress.targets:
            item.addChild(self._target_item(target, view))
        for action in view.actions:
            item.addChild(self._action_item(action, view))
        if view.clients:
            names = ", ".join(name for _id, name in view.clients)
            clients = QTreeWidgetItem([self.tr("Clients: {names}").format(names=names)] + [""] * 6)
            clients.setData(COL_GOAL, KIND_ROLE, ("clients", view.goal_id))
            clients.setForeground(COL_GOAL, QBrush(QColor("#52606d")))
            item.addChild(clients)
        for child in view.children:
            item.addChild(self._goal_item(child, today))
        return item

    def _set_progress(self, item: QTreeWidgetItem, completion: float | None, pace: str) -> None:
        colour = texts.PACE_COLOURS.get(pace, "#8a94a0")
        item.setText(COL_COMPLETION, texts.completion(completion))
        if completion is not None:  # exported as the percentage, a number
            item.setData(COL_COMPLETION, EXPORT_ROLE, round(completion * 100, 2))
        item.setTextAlignment(COL_COMPLETION, Qt.AlignmentFlag.AlignCenter)
        if completion is not None:
            item.setData(COL_COMPLETION, BAR_ROLE, (completion, colour))
        item.setText(COL_PACE, texts.pace(pace))
        item.setForeground(COL_PACE, QBrush(QColor(colour)))
        item.setData(COL_PACE, KIND_ROLE, pace)

    def _target_item(self, target: TargetProgress, view: GoalView) -> QTreeWidgetItem:
        self.targets[target.target_id] = (target, view)
        name = target.label or texts.metric(target.metric)
        text = self.tr("Target: {name}").format(name=name)
        if target.agreement != "agreed":
            text += f" · {texts.agreement(target.agreement)}"
        item = QTreeWidgetItem(
            [
                text,
                "",
                texts.value(target.target, target.unit),
                texts.value(target.actual, target.unit),
                "",
                texts.value(target.gap, target.unit),
                "",
            ]
        )
        item.setData(COL_GOAL, KIND_ROLE, ("target", target.target_id))
        for column, amount in (
            (COL_TARGET, target.target),
            (COL_ACTUAL, target.actual),
            (COL_GAP, target.gap),
        ):
            item.setTextAlignment(column, RIGHT)
            exported = texts.export_value(amount, target.unit)
            if exported is not None:
                item.setData(column, EXPORT_ROLE, exported)
        if target.agreement == "proposed":
            item.setForeground(COL_GOAL, QBrush(QColor("#8a5a00")))
        self._set_progress(item, target.completion, target.pace)
        return item

    def _action_item(self, action: ActionView, view: GoalView) -> QTreeWidgetItem:
        self.actions[action.action_id] = (action, view)
        text = self.tr("Action: {title}").format(title=action.title)
        extra = texts.category(action.category, action.label)
        if action.clients:
            extra += " · " + ", ".join(name for _id, name in action.clients)
        item = QTreeWidgetItem([f"{text} ({extra})", fmt.short_date(action.due), "", "", "", "", ""])
        item.setData(COL_GOAL, KIND_ROLE, ("action", action.action_id))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(COL_GOAL, Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked)
        if action.done:  # the check box is not text: an export says it
            item.setData(COL_GOAL, EXPORT_ROLE, self.tr("{action} · done").format(action=item.text(COL_GOAL)))
        if action.done:
            item.setForeground(COL_GOAL, QBrush(QColor("#6b7785")))
        return item

    # --- selection -----------------------------------------------------------------------------
    def selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        data = item.data(COL_GOAL, KIND_ROLE)
        return (str(data[0]), int(data[1])) if data else None

    def _select(self, key: tuple[str, int]) -> None:
        for item in self._items():
            if tuple(item.data(COL_GOAL, KIND_ROLE) or ()) == key:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            found.append(item)
            pending.extend(item.child(i) for i in range(item.childCount()))
        return found

    def item_for(self, kind: str, record_id: int) -> QTreeWidgetItem | None:
        return next(
            (i for i in self._items() if tuple(i.data(COL_GOAL, KIND_ROLE) or ()) == (kind, record_id)), None
        )

    def selected_goal(self) -> GoalView | None:
        """The selected goal, or the goal of the selected target, action or client line."""
        key = self.selected()
        if key is None:
            return None
        kind, record_id = key
        if kind in ("goal", "clients"):
            return self.goals.get(record_id)
        if kind == "target":
            return self.targets[record_id][1]
        return self.actions[record_id][1]

    def selected_target(self) -> TargetProgress | None:
        key = self.selected()
        return self.targets[key[1]][0] if key and key[0] == "target" else None

    def selected_action(self) -> ActionView | None:
        key = self.selected()
        return self.actions[key[1]][0] if key and key[0] == "action" else None

    def _can_propose(self, target: TargetProgress, goal: GoalView) -> bool:
        return (
            target.agreement == "assigned"
            and goal.user_id is not None
            and goal.user_id == self.viewer.user_id
        )

    def _can_decide(self, target: TargetProgress, goal: GoalView) -> bool:
        return (
            target.agreement == "proposed" and self.viewer.supervisor and goal.user_id != self.viewer.user_id
        )

    def _update_actions(self) -> None:
        goal = self.selected_goal()
        target = self.selected_target()
        action = self.selected_action()
        has_goal = goal is not None
        self.new_sub_action.setEnabled(has_goal and goal is not None and goal.kind != "event")
        for qaction in (self.edit_action, self.delete_action, self.add_target_action, self.add_action_action):
            qaction.setEnabled(has_goal)
        self.add_target_action.setEnabled(has_goal and goal is not None and not goal.qualitative)
        self.split_action.setEnabled(
            target is not None and goal is not None and goal.kind in goal_service.SPLITS
        )
        self.done_action.setText(self.tr("Mark not done") if action and action.done else self.tr("Mark done"))

    def _on_selection_changed(self) -> None:
        self._update_actions()
        self.details.setText(self._details_html())

    def _details_html(self) -> str:
        target = self.selected_target()
        goal = self.selected_goal()
        if goal is None:
            return self.tr("Select a goal, target or action to see its details.")
        if target is not None:
            name = texts.metric(target.metric)
            head = kpi_anchor(name, target.metric) if target.metric != "manual" else name
            parts = [f"<b>{head}</b>" + (f" · {_esc(target.label)}" if target.label else "")]
            share = target.expected_share
            if share is not None:
                parts.append(
                    self.tr("Time elapsed: {elapsed}; reached: {reached}").format(
                        elapsed=texts.completion(share), reached=texts.completion(target.completion) or "–"
                    )
                )
            parts.append(self.tr("Agreement: {state}").format(state=texts.agreement(target.agreement)))
            if target.proposed is not None and target.proposal_state:
                parts.append(
                    self.tr("Proposed {value}: {reason}").format(
                        value=texts.value(target.proposed, target.unit), reason=_esc(target.proposal_reason)
                    )
                    + (" (" + self.tr("declined") + ")" if target.proposal_state == "declined" else "")
                    + (" (" + self.tr("accepted") + ")" if target.proposal_state == "accepted" else "")
                )
            return "<br>".join(parts)
        warnings = goal.smart + goal.target_warnings
        head = f"<b>{_esc(label('goal_kind', goal.kind))} · {_esc(goal.title)}</b>"
        if not warnings:
            return head + "<br>" + self.tr("SMART check: no warning.")
        lines = "".join(f"<li>{_esc(texts.warning(w))}</li>" for w in warnings)
        smart = self.tr("SMART check:")
        return head + f"<br>{smart}<ul style='margin:0'>{lines}</ul>"

    def _on_tree_context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            self.tree.setCurrentItem(item)
        menu = self.context_menu()
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        """The actions that apply to the selection (only those), then the tree's export."""
        menu = QMenu(self)
        self._add_selection_actions(menu)
        menu.addSeparator()
        menu.addAction(self.export_action)
        return menu

    def _add_selection_actions(self, menu: QMenu) -> None:
        goal = self.selected_goal()
        target = self.selected_target()
        action = self.selected_action()
        menu.addAction(self.new_goal_action)
        if goal is None:
            return
        if goal.kind != "event":
            menu.addAction(self.new_sub_action)
        menu.addAction(self.edit_action)
        menu.addAction(self.move_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        if not goal.qualitative:
            menu.addAction(self.add_target_action)
        menu.addAction(self.add_action_action)
        menu.addAction(self.link_action)
        if target is not None:
            menu.addSeparator()
            if goal.kind in goal_service.SPLITS:
                menu.addAction(self.split_action)
            if self._can_propose(target, goal):
                menu.addAction(self.propose_action)
                menu.addAction(self.agree_action)
            if self._can_decide(target, goal):
                menu.addAction(self.accept_action)
                menu.addAction(self.keep_action)
            if target.metric != "manual":
                menu.addAction(self.kpi_action)
        if action is not None:
            menu.addSeparator()
            menu.addAction(self.done_action)

    # --- use cases -----------------------------------------------------------------------------
    def _run(self, dialog: dialogs.GoalFormDialog) -> bool:
        prompts.run_modal(dialog)
        if dialog.saved:
            self.refresh()
        return dialog.saved

    def _call(self, title: str, fn: Any, *args: Any) -> bool:
        try:
            fn(*args)
        except CrmError as exc:
            prompts.show_error(self, title, error_text(exc))
            return False
        self.refresh()
        return True

    def new_goal(self) -> None:
        dialog = dialogs.GoalDialog(
            self, owner_id=self.owner(), year=self.year_spin.value(), today=clock.today()
        )
        self._run(dialog)

    def new_sub_goal(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        dialog = dialogs.GoalDialog(
            self, owner_id=goal.user_id, parent_goal=goal, year=self.year_spin.value(), today=clock.today()
        )
        self._run(dialog)

    def edit_selected(self) -> None:
        target, action, goal = self.selected_target(), self.selected_action(), self.selected_goal()
        if goal is None:
            return
        if target is not None:
            self._run(dialogs.TargetDialog(self, goal, target))
        elif action is not None:
            self._run(dialogs.ActionDialog(self, goal, action))
        elif self.selected() and self.selected()[0] == "clients":  # type: ignore[index]
            self._run(dialogs.LinkClientsDialog(self, goal))
        else:
            self._run(
                dialogs.GoalDialog(
                    self, owner_id=goal.user_id, goal=goal, year=self.year_spin.value(), today=clock.today()
                )
            )

    def delete_selected(self) -> None:
        target, action, goal = self.selected_target(), self.selected_action(), self.selected_goal()
        if goal is None:
            return
        title = self.tr("Delete")
        if target is not None:
            name = target.label or texts.metric(target.metric)
            if prompts.ask_yes_no(self, title, self.tr('Delete the target "{name}"?').format(name=name)):
                self._call(title, goal_service.delete_target, target.target_id)
        elif action is not None:
            if prompts.ask_yes_no(
                self, title, self.tr('Delete the action "{name}"?').format(name=action.title)
            ):
                self._call(title, goal_service.delete_action, action.action_id)
        else:
            count = sum(1 for _ in goal.walk()) - 1
            text = self.tr('Delete the goal "{name}"?').format(name=goal.title)
            if count:
                text += " " + self.tr("Its {count} sub-goals are deleted with it.").format(count=count)
            if prompts.ask_yes_no(self, title, text):
                self._call(title, goal_service.delete_goal, goal.goal_id)

    def add_target(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            self._run(dialogs.TargetDialog(self, goal))

    def add_action(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            self._run(dialogs.ActionDialog(self, goal))

    def link_clients(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            self._run(dialogs.LinkClientsDialog(self, goal))

    def split_selected(self) -> None:
        goal, target = self.selected_goal(), self.selected_target()
        if goal is not None and target is not None:
            self._run(dialogs.SplitDialog(self, goal, target))

    def move_selected(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        own = {g.goal_id for g in goal.walk()}
        rank = {kind: i for i, kind in enumerate(("year", "quarter", "month", "week", "day", "event"))}
        candidates = [
            view
            for root in self.forest
            for view in root.walk()
            if view.goal_id not in own
            and rank[view.kind] < rank[goal.kind]
            and view.user_id in (None, goal.user_id)
            and view.start <= goal.start
            and goal.end <= view.end
        ]
        self._run(dialogs.MoveDialog(self, goal, candidates))

    def propose_selected(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._run(dialogs.ProposeDialog(self, target, self.viewer.user_id))

    def agree_selected(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._call(self.tr("Agree"), goal_service.agree_target, target.target_id, self.viewer.user_id)

    def accept_selected(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._call(
                self.tr("Accept proposal"),
                goal_service.accept_proposal,
                target.target_id,
                self.viewer.user_id,
            )

    def keep_selected(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._call(
                self.tr("Keep target"), goal_service.keep_target, target.target_id, self.viewer.user_id
            )

    def toggle_done(self) -> None:
        action = self.selected_action()
        if action is not None:
            self._call(self.tr("Mark done"), goal_service.set_action_done, action.action_id, not action.done)

    def explain_kpi(self) -> None:
        target = self.selected_target()
        if target is not None and target.metric != "manual":
            open_kpi_entry(target.metric)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != COL_GOAL:
            return
        data = item.data(COL_GOAL, KIND_ROLE)
        if not data or data[0] != "action":
            return
        action, _goal = self.actions[int(data[1])]
        done = item.checkState(COL_GOAL) == Qt.CheckState.Checked
        if done != action.done:
            # After the signal: saving refreshes the tree, which deletes this item.
            QTimer.singleShot(0, self, lambda: self._set_done(action.action_id, done))

    def _set_done(self, action_id: int, done: bool) -> None:
        self._call(self.tr("Mark done"), goal_service.set_action_done, action_id, done)
        self._select(("action", action_id))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["ALL", "GoalsPage"]
