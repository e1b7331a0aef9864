"""Shared fixtures. Every test points the data folder at a temporary folder (never the real one), and
runs with the application's one clock (``desktop_crm.clock``) frozen by the ``clock`` fixture.

``--clock 2028-02-29T23:30`` moves that clock for the whole run: the suite must pass at any date
(``tools/dev.py test`` runs it at the real time and at moved dates).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop_crm import clock as app_clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_START = pytest.StashKey[datetime]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        default=None,
        metavar="YYYY-MM-DDTHH:MM",
        help="freeze the application's clock at this local time for every test (default: the real time "
        "when the run starts)",
    )


def pytest_configure(config: pytest.Config) -> None:
    value = config.getoption("--clock", default=None)
    try:
        start = datetime.fromisoformat(value) if value else app_clock.now()
    except ValueError:
        raise pytest.UsageError(f"--clock: {value!r} is not an ISO date and time") from None
    config.stash[_START] = start.replace(microsecond=0)


def pytest_report_header(config: pytest.Config) -> str:
    return f"application clock frozen at {config.stash[_START].isoformat(sep=' ')}"


@pytest.fixture(autouse=True)
def clock(request: pytest.FixtureRequest) -> Iterator[app_clock.FrozenClock]:
    """The application's clock, frozen at the run's instant; ``clock.set``/``clock.advance`` move it."""
    frozen = app_clock.freeze(request.config.stash[_START])
    yield frozen
    app_clock.reset()


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
