"""Per-user locations (the same folders QStandardPaths.AppDataLocation uses), without Qt.

``DESKTOP_CRM_HOME`` overrides the data folder (tests and portable installs use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "desktop-crm"
DB_FILENAME = "crm.sqlite3"


def data_dir() -> Path:
    override = os.environ.get("DESKTOP_CRM_HOME")
    if override:
        return Path(override)
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
