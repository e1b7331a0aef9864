"""The Clients list's remembered columns, widths and sort order (in ``QSettings``)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from desktop_crm.client_list import BASE_COLUMNS, CUSTOM_PREFIX, DEFAULT_COLUMNS

from ...settings import APPLICATION_NAME, ORGANIZATION_NAME

GROUP = "clients_list"
DEFAULT_SORT = ("name", False)


def _valid_key(key: str) -> bool:
    if key in BASE_COLUMNS:
        return True
    return key.startswith(CUSTOM_PREFIX) and key[len(CUSTOM_PREFIX) :].isdigit()


class ColumnState:
    """Typed access to the list's settings; unknown or broken values fall back to the defaults."""

    def __init__(self) -> None:
        self._qs = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION_NAME, APPLICATION_NAME
        )

    def _json(self, key: str) -> object:
        try:
            return json.loads(str(self._qs.value(f"{GROUP}/{key}", "") or "null"))
        except ValueError:
            return None

    def _store(self, key: str, value: object) -> None:
        self._qs.setValue(f"{GROUP}/{key}", json.dumps(value, ensure_ascii=False))

    @property
    def columns(self) -> list[str]:
        value = self._json("columns")
        if isinstance(value, list):
            keys = [str(k) for k in value if isinstance(k, str) and _valid_key(k) and k != "deleted_at"]
            if "name" in keys:
                return list(dict.fromkeys(keys))
        return list(DEFAULT_COLUMNS)

    @columns.setter
    def columns(self, keys: list[str]) -> None:
        self._store("columns", [k for k in dict.fromkeys(keys) if _valid_key(k)])

    @property
    def widths(self) -> dict[str, int]:
        value = self._json("widths")
        if not isinstance(value, dict):
            return {}
        return {str(k): int(v) for k, v in value.items() if isinstance(v, int) and 20 <= v <= 2000}

    def set_width(self, key: str, width: int) -> None:
        widths = self.widths
        widths[key] = int(width)
        self._store("widths", widths)

    @property
    def sort(self) -> tuple[str, bool]:
        value = self._json("sort")
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and _valid_key(value[0]):
            return value[0], bool(value[1])
        return DEFAULT_SORT

    @sort.setter
    def sort(self, value: tuple[str, bool]) -> None:
        self._store("sort", [value[0], bool(value[1])])
