"""Per-user locations (the same folders QStandardPaths.AppDataLocation uses), without Qt.

``DESKTOP_CRM_HOME`` overrides the data folder (tests and portable installs use it). With it set, the
installation is portable: the interface's settings live in that folder too (``ui.app.configure_application``)
and a database inside it is remembered relative to it (a USB stick may get another drive letter).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "desktop-crm"
DB_FILENAME = "crm.sqlite3"


def portable_home() -> Path | None:
    """The folder named by ``DESKTOP_CRM_HOME`` (a portable installation), or None."""
    override = os.environ.get("DESKTOP_CRM_HOME")
    return Path(override) if override else None


def data_dir() -> Path:
    override = portable_home()
    if override is not None:
        return override
    home = Path.home()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir() -> Path:
    return data_dir() / "backups"
