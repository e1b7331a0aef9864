"""Shared fixtures. Every test points the data folder at a temporary folder (never the real one)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("MPLCONFIGDIR", str(home / "mpl"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    """A fresh, fully migrated database file bound to the models."""
    from desktop_crm.db import close_database, open_database

    database = open_database(db_path)
    yield database
    close_database()
