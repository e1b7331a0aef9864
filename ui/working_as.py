"""Who is working: the "Team" menu and the status-bar switch, the PIN prompt, the first user's name.

The choice lives in the database (``desktop_crm.team.switch_user``), so it survives a restart. Switching
to someone with a PIN asks for it; a wrong PIN is shown at the field and nothing switches. After a switch
every page refreshes. ``team_notifier()`` tells the window and the Settings → Team section when the team
or the person working changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import team
from desktop_crm.errors import CrmError, ValidationError

from . import labels, prompts
from .errors import error_text

if TYPE_CHECKING:
    from .main_window import MainWindow


class TeamNotifier(QObject):
    """``sig_team_changed``: a user was added, edited, (de)activated, or got or lost a PIN;
    ``sig_working_user_changed``: someone else is working now."""

    sig_team_changed = Signal()
    sig_working_user_changed = Signal()


_NOTIFIER: TeamNotifier | None = None


def team_notifier() -> TeamNotifier:
    global _NOTIFIER
    if _NOTIFIER is None:
        _NOTIFIER = TeamNotifier()
    return _NOTIFIER


def working_as_text() -> str:
    """ "NAME (Role)" of the person working, or a hint that nobody is yet."""
    member = team.working_member()
    if member is None:
        return QCoreApplication.translate("WorkingAs", "(no user yet)")
    return QCoreApplication.translate("WorkingAs", "{name} ({role})").format(
        name=member.name, role=labels.label("user_role", member.role)
    )


class PinDialog(QDialog):
    """Ask for one PIN (hidden as it is typed). ``submit(pin)`` runs on OK and returns True to close;
    a ``ValidationError`` is shown under the field and the dialog stays open."""

    def __init__(
        self, parent: QWidget | None, title: str, prompt: str, submit: Callable[[str], bool]
    ) -> None:
        from .pages.clients.editor_inputs import FieldBox  # lazily: the pages import this module

        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(360)
        self.submit = submit
        layout = QVBoxLayout(self)
        text = QLabel(prompt, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_box = FieldBox(self.pin_edit, self)
        form = QFormLayout()
        form.addRow(self.tr("PIN"), self.pin_box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setStyleSheet("QLabel#fieldError { color: #c0392b; }")

    def accept(self) -> None:
        self.pin_box.clear_error()
        try:
            done = self.submit(self.pin_edit.text())
        except CrmError as error:
            self.pin_box.show_error(error_text(error))
            self.pin_edit.selectAll()
            self.pin_edit.setFocus()
            return
        if done:
            super().accept()


class FirstUserDialog(QDialog):
    """First launch: "Your name" and role; creates the first user, who is then the one working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from .pages.clients.editor_inputs import FieldBox  # lazily: the pages import this module

        super().__init__(parent)
        self.setObjectName("firstUserDialog")
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tell the CRM who you are. Your goals and weekly forms are kept under your name; "
                "you can add your colleagues later in Settings → Team."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("firstUserName")
        self.name_edit.setMaxLength(100)
        self.name_box = FieldBox(self.name_edit, self)
        form.addRow(self.tr("Your name"), self.name_box)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("firstUserRole")
        for key, text in labels.choices("user_role"):
            self.role_combo.addItem(text, key)
        self.role_box = FieldBox(self.role_combo, self)
        form.addRow(self.tr("Role"), self.role_box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setStyleSheet("QLabel#fieldError { color: #c0392b; }")
        self.created_id: int | None = None

    def accept(self) -> None:
        self.name_box.clear_error()
        self.role_box.clear_error()
        try:
            user = team.create_first_user(self.name_edit.text(), str(self.role_combo.currentData()))
        except ValidationError as error:
            box = self.role_box if error.field == "role" else self.name_box
            box.show_error(error_text(error))
            box.setFocus()
            return
        except CrmError as error:
            self.name_box.show_error(error_text(error))
            return
        self.created_id = user.id
        super().accept()


def ask_first_user(parent: QWidget | None) -> bool:
    """When the database has nobody yet, ask for the first user's name and role; True if created.

    While the file is still being checked for damage (writes wait for that), the question waits for the
    check; on a file that cannot be written (read-only, damaged) nobody can be added, so it is not asked.
    """
    from desktop_crm import write_guard

    from . import file_status

    if team.team_members():
        return False
    if file_status.state().checking:
        _ask_after_check(parent)
        return False
    if write_guard.write_refusal() is not None:
        return False
    dialog = FirstUserDialog(parent)
    prompts.run_modal(dialog)
    if dialog.created_id is None:
        return False
    team_notifier().sig_team_changed.emit()
    team_notifier().sig_working_user_changed.emit()
    return True


def _ask_after_check(parent: QWidget | None) -> None:
    """Ask for the first user once the running integrity check has finished (one question, once).

    Listens to ``sig_changed``, which the check's own slot emits in the GUI thread after it has updated
    the file state: the check cannot finish unseen between the test of ``checking`` and this connection.
    """
    import shiboken6

    from . import file_status

    signal = file_status.notifier().sig_changed

    def on_changed() -> None:
        if parent is not None and not shiboken6.isValid(parent):
            signal.disconnect(on_changed)  # the window is gone: nobody to ask
            return
        if file_status.state().checking:
            return
        signal.disconnect(on_changed)
        ask_first_user(parent)

    signal.connect(on_changed)


def switch_with_pin(parent: QWidget | None, user_id: int) -> bool:
    """Work as ``user_id``; asks for their PIN when they have one. True when the switch happened."""
    members = {m.id: m for m in team.team_members(active_only=True)}
    member = members.get(user_id)
    if member is None:
        return False
    if user_id == team.current_user_id():
        return False
    if member.has_pin:
        switched: list[bool] = []

        def submit(pin: str) -> bool:
            team.switch_user(user_id, pin)
            switched.append(True)
            return True

        title = QCoreApplication.translate("WorkingAs", "Switch to {name}").format(name=member.name)
        prompt = QCoreApplication.translate(
            "WorkingAs", "{name} is protected by a PIN. Enter it to continue."
        )
        prompts.run_modal(PinDialog(parent, title, prompt.format(name=member.name), submit))
        if not switched:
            return False
    else:
        try:
            team.switch_user(user_id)
        except CrmError as error:
            prompts.show_error(
                parent, QCoreApplication.translate("WorkingAs", "Working as"), error_text(error)
            )
            return False
    team_notifier().sig_working_user_changed.emit()
    return True


class WorkingAsSwitch(QObject):
    """The window's "Team" menu (every active user, the one working checked) and the status-bar button
    "Working as: NAME (Role)" that opens the same menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(self.tr("&Team"), window)
        self.menu.setObjectName("teamMenu")
        self.menu.aboutToShow.connect(self.rebuild_menu)
        bar = window.menuBar()
        actions = bar.actions()
        if actions:  # before Help, which stays last
            bar.insertMenu(actions[-1], self.menu)
        else:
            bar.addMenu(self.menu)
        self.button = QToolButton(window.statusBar())
        self.button.setObjectName("workingAsButton")
        self.button.setAutoRaise(True)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setMenu(self.menu)
        self.button.setStyleSheet(
            "QToolButton#workingAsButton { font-weight: 600; color: #1f4e8c; padding: 1px 6px; }"
            "QToolButton#workingAsButton::menu-indicator { image: none; }"
        )
        self.button.setToolTip(self.tr("Choose who is working on this copy"))
        window.statusBar().addPermanentWidget(self.button)
        self.user_actions: dict[int, QAction] = {}
        notifier = team_notifier()
        notifier.sig_team_changed.connect(self._on_team_changed)
        notifier.sig_working_user_changed.connect(self._on_working_user_changed)
        window.sig_database_opened.connect(self._on_database_opened)
        self.rebuild_menu()
        self.update_label()

    def label_text(self) -> str:
        return self.tr("Working as: {who}").format(who=working_as_text())

    def update_label(self) -> None:
        self.button.setText(self.label_text())

    def rebuild_menu(self) -> None:
        self.menu.clear()
        self.user_actions = {}
        members = team.team_members(active_only=True)
        if not members:
            self.menu.addAction(self.tr("Enter your name…"), self._on_first_user_action_triggered)
        else:
            self.menu.addSection(self.tr("Working as"))
            group = QActionGroup(self.menu)
            group.setExclusive(True)
            current = team.current_user_id()
            for member in members:
                text = self.tr("{name} ({role})").format(
                    name=member.name, role=labels.label("user_role", member.role)
                )
                if member.has_pin:
                    text = self.tr("{user} · PIN").format(user=text)
                action = self.menu.addAction(text)
                action.setCheckable(True)
                action.setChecked(member.id == current)
                action.triggered.connect(lambda _checked=False, uid=member.id: self.switch_to(uid))
                group.addAction(action)
                self.user_actions[member.id] = action
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Manage the team…"), self._on_manage_action_triggered)

    def switch_to(self, user_id: int) -> bool:
        """Switch (asking for the PIN when needed); the menu shows the outcome either way."""
        switched = switch_with_pin(self.window, user_id)
        self.rebuild_menu()
        return switched

    # --- slots ---------------------------------------------------------------------------------
    def _on_team_changed(self) -> None:
        self.rebuild_menu()
        self.window.refresh_all()

    def _on_working_user_changed(self) -> None:
        self.rebuild_menu()
        self.window.refresh_all()

    def _on_database_opened(self, _path: str) -> None:
        self.rebuild_menu()
        self.update_label()

    def _on_first_user_action_triggered(self) -> None:
        ask_first_user(self.window)

    def _on_manage_action_triggered(self) -> None:
        from .pages import PAGE_KEYS

        keys = list(PAGE_KEYS)  # the keys only: iterating ``window.pages`` would build every page
        if "settings" in keys:
            self.window.show_page(keys.index("settings"))
            from PySide6.QtWidgets import QScrollArea

            from .pages.settings_team import TeamSection

            page = self.window.pages[keys.index("settings")]
            section = page.findChild(TeamSection)
            scroll = page.findChild(QScrollArea, "settingsScroll")
            if section is not None and scroll is not None:
                scroll.ensureWidgetVisible(section)
