"""The window on a team database (PostgreSQL, ``--db postgresql://user@host:port/db``).

A team database is named by its URL, never by a file: no one-window lock, no file backups, no "file
damaged" check. The window holds the URL without any password (:func:`target_of`, what the title, the
status bar and the remembered last database show); a password typed by the user (or found in the URL) is
kept in this process's memory only (:func:`remember_password`) and handed to
``desktop_crm.postgres.open_team_database``. When the server asks for a password and none is known, the
user is asked once.

File → *Connect to team database…* is :class:`TeamConnectDialog` (host, port, database, user, password).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.team_url import display_url, is_team_url

DEFAULT_PORT = 5432

_passwords: dict[str, str] = {}  # {target (URL without password): password}, this process only


def is_team(target: object) -> bool:
    """Whether ``target`` (a ``--db`` value, the window's database) is a team database's URL."""
    return is_team_url(os.fspath(target) if isinstance(target, (str, Path)) else target)


def target_of(value: str | os.PathLike[str]) -> str | Path:
    """A ``--db`` value as the window holds it: a team database's URL without any password (a password
    in the URL is remembered in memory), else the file's path."""
    text = os.fspath(value)
    if not is_team_url(text):
        return Path(text)
    password = urlsplit(text).password
    target = display_url(text)
    if password:
        remember_password(target, unquote(password))
    return target


def shown(target: str | os.PathLike[str]) -> str:
    """The database as the window names it (the URL without password, or the file's path)."""
    text = os.fspath(target)
    return display_url(text) if is_team_url(text) else text


def remember_password(target: str, password: str) -> None:
    _passwords[display_url(target)] = password


def known_password(target: str) -> str | None:
    return _passwords.get(display_url(target))


def forget_passwords() -> None:
    _passwords.clear()


def build_url(host: str, port: int, database: str, user: str) -> str:
    """``postgresql://user@host:port/database`` (user and database quoted as a URL needs)."""
    who = quote(user.strip(), safe="") + "@" if user.strip() else ""
    return f"postgresql://{who}{host.strip() or 'localhost'}:{int(port)}/{quote(database.strip(), safe='')}"


def url_parts(url: str) -> tuple[str, int, str, str]:
    """(host, port, database, user) of ``url``."""
    parts = urlsplit(url)
    return (
        parts.hostname or "localhost",
        parts.port or DEFAULT_PORT,
        unquote(parts.path.lstrip("/")),
        unquote(parts.username or ""),
    )


def open_team_or_error(
    parent: QWidget | None, target: str, *, headless: bool = False
) -> tuple[str | None, CrmError | None]:
    """Open the team database ``target``: (target, None), or (None, the coded error to show). When the
    server asks for a password and none is known, the user is asked once (not when headless); a
    password that worked is kept in memory for this run."""
    from desktop_crm.postgres import open_team_database

    password = known_password(target)
    asked = False
    while True:
        try:
            open_team_database(target, password=password)
        except CrmError as error:
            if error.code == "team.password_required" and not asked and not headless:
                asked = True
                typed = ask_password(parent, target)
                if typed is None:
                    return None, None  # the user cancelled: nothing to say
                password = typed
                continue
            return None, error
        if password is not None:
            remember_password(target, password)
        return target, None


def ask_password(parent: QWidget | None, target: str) -> str | None:
    """The password for ``target`` (typed, shown as dots), or None when cancelled."""
    from PySide6.QtCore import QCoreApplication

    from . import prompts

    dialog = QInputDialog(parent)
    dialog.setObjectName("TeamPasswordDialog")
    dialog.setWindowTitle(QCoreApplication.translate("TeamDatabase", "Password"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "TeamDatabase", "The team database {url} asks for a password.\n\nPassword for {user}:"
        ).format(url=display_url(target), user=url_parts(target)[3] or getpass.getuser())
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.textValue()


class TeamConnectDialog(QDialog):
    """File → Connect to team database…: where the server is, which database, who is connecting.

    ``url()`` is the address without password; ``password()`` what was typed (kept in memory only)."""

    def __init__(self, parent: QWidget | None = None, last_url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("TeamConnectDialog")
        self.setWindowTitle(self.tr("Connect to team database"))
        host, port, database, user = url_parts(last_url) if last_url else ("localhost", DEFAULT_PORT, "", "")
        intro = QLabel(
            self.tr(
                "A team database is one PostgreSQL database that everybody in the team works on at "
                "once. Ask whoever runs the server for these details (see the README)."
            )
        )
        intro.setWordWrap(True)
        self.host_edit = QLineEdit(host)
        self.host_edit.setObjectName("host")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(port)
        self.database_edit = QLineEdit(database)
        self.database_edit.setObjectName("database")
        self.user_edit = QLineEdit(user or getpass.getuser())
        self.user_edit.setObjectName("user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("leave empty to use ~/.pgpass or PGPASSWORD"))
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        note = QLabel(self.tr("The password is kept in memory until the program closes, never saved."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        connect_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.database_edit if not database else self.password_edit).setFocus()

    def url(self) -> str:
        return build_url(
            self.host_edit.text(), self.port_spin.value(), self.database_edit.text(), self.user_edit.text()
        )

    def password(self) -> str | None:
        return self.password_edit.text() or None

    def accept(self) -> None:
        if not self.database_edit.text().strip():
            self.error_label.setText(self.tr("Enter the name of the database."))
            self.error_label.show()
            self.database_edit.setFocus()
            return
        super().accept()
