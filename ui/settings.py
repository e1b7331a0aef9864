"""Per-user GUI settings, declared once with their defaults, stored in ``QSettings``.

The organisation and application names set in :func:`ui.app.configure_application` decide where
the file lives; tests redirect it with ``QSettings.setPath`` to a temporary folder.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop_crm.paths import portable_home
from desktop_crm.team_url import display_url, is_team_url

ORGANIZATION_NAME = "desktop-crm"
APPLICATION_NAME = "desktop-crm"

LANGUAGES = ("en", "zh_CN")
THEMES = ("light", "dark")

_DEFAULTS: dict[str, object] = {
    "language": "",  # "" = follow the system locale
    "window/geometry": QByteArray(),
    "window/last_page": "today",
    "database/last": "",  # the database last opened, reopened when --db is not given
    "database/last_team": "",  # the team database connected to last (URL without password)
    "view/theme": "light",  # light or dark: the window and the charts
}


class AppSettings:
    """Typed access to the GUI settings."""

    def __init__(self) -> None:
        self._qs = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION_NAME, APPLICATION_NAME
        )

    def _get(self, key: str) -> object:
        return self._qs.value(key, _DEFAULTS[key])

    @property
    def language(self) -> str:
        value = str(self._get("language") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("language", value if value in LANGUAGES else "")

    @property
    def geometry(self) -> QByteArray:
        value = self._get("window/geometry")
        return value if isinstance(value, QByteArray) else QByteArray()

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def last_page(self) -> str:
        return str(self._get("window/last_page") or "today")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._qs.setValue("window/last_page", value)

    @property
    def last_database(self) -> str:
        """Absolute path of the database opened last ('' if none). A file inside the portable folder
        (``DESKTOP_CRM_HOME``) is stored relative to it, so the folder can move (another drive letter)."""
        value = str(self._get("database/last") or "")
        home = portable_home()
        if is_team_url(value):
            return value
        if value and home is not None and not Path(value).is_absolute():
            return str(home / value)
        return value

    @last_database.setter
    def last_database(self, value: str) -> None:
        home = portable_home()
        if is_team_url(value):  # a team database: its address, never a password
            value = display_url(value)
        elif value and home is not None:
            with contextlib.suppress(ValueError):
                value = str(Path(value).resolve().relative_to(home.resolve()))
        self._qs.setValue("database/last", value)

    @property
    def last_team_url(self) -> str:
        """The team database connected to last (its URL without password; '' if none): File → Connect
        to team database… starts from it."""
        return str(self._get("database/last_team") or "")

    @last_team_url.setter
    def last_team_url(self, value: str) -> None:
        self._qs.setValue("database/last_team", display_url(value) if value else "")

    @property
    def theme(self) -> str:
        value = str(self._get("view/theme") or "light")
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("view/theme", value if value in THEMES else "light")

    def sync(self) -> None:
        self._qs.sync()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()
