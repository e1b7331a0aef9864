"""Shared fixtures. Every test points the data folder at a temporary folder (never the real one), and
runs with the application's one clock (``desktop_crm.clock``) frozen by the ``clock`` fixture.

``--clock 2028-02-29T23:30`` moves that clock for the whole run: the suite must pass at any date
(``tools/dev.py test`` runs it at the real time and at moved dates).

``--engine postgresql`` runs the tests that use the ``db`` fixture on a team database instead of a file:
each test gets a fresh PostgreSQL database cloned from a template with the schema, on the server named
by ``DESKTOP_CRM_TEST_PG`` (a ``postgresql://user@host:port`` URL of a user allowed to create
databases; ``tools/dev.py test`` starts a private server). Tests that are about SQLite files themselves
are marked ``sqlite_only``; the others run on both engines.
"""

from __future__ import annotations

import logging
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
        "--engine",
        default="sqlite",
        choices=("sqlite", "postgresql"),
        help="the database engine of the `db` fixture (postgresql needs DESKTOP_CRM_TEST_PG)",
    )
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
    config.addinivalue_line("markers", "sqlite_only: about SQLite files themselves; not run on PostgreSQL")
    if config.getoption("--engine", default="sqlite") == "postgresql" and not os.environ.get(
        "DESKTOP_CRM_TEST_PG"
    ):
        raise pytest.UsageError("--engine postgresql needs DESKTOP_CRM_TEST_PG=postgresql://user@host:port")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, run the tests that work through the ``db`` fixture and are not about files."""
    if config.getoption("--engine") != "postgresql":
        return
    kept, dropped = [], []
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if item.get_closest_marker("sqlite_only") is None and "db" in fixtures:
            kept.append(item)
        else:
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_report_header(config: pytest.Config) -> str:
    engine = config.getoption("--engine")
    return f"application clock frozen at {config.stash[_START].isoformat(sep=' ')}; engine {engine}"


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


@pytest.fixture(autouse=True)
def _no_keys_or_keychain(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes the machine's real keychain (a test that needs one installs a
    keychain in memory), and the keys of encrypted files unlocked by a test are forgotten after it."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    yield
    from desktop_crm import driver

    with driver._lock:
        driver._keys.clear()


@pytest.fixture(autouse=True)
def _no_leftover_log_handlers() -> Iterator[None]:
    """A test that starts the application (``ui.app.configure_logging``) leaves the log file's handler on the
    root logger; removed after the test, or the next test's records go to that test's data folder."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        if getattr(handler, "_desktop_crm", False):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


@pytest.fixture(scope="session")
def team_template(request: pytest.FixtureRequest, worker_id: str) -> str | None:
    """On ``--engine postgresql``: a template database with the schema, one per test process."""
    if request.config.getoption("--engine") != "postgresql":
        return None
    from team_server import build_template

    return build_template(os.environ["DESKTOP_CRM_TEST_PG"], worker_id)


@pytest.fixture
def db(db_path: Path, team_template: str | None) -> Iterator[object]:
    """A fresh, fully migrated database bound to the models: a file, or on ``--engine postgresql`` a
    new team database cloned from the template."""
    from desktop_crm.db import close_database, open_database

    if team_template is None:
        database = open_database(db_path)
        yield database
        close_database()
        return
    from team_server import fresh_database

    with fresh_database(os.environ["DESKTOP_CRM_TEST_PG"], team_template) as url:
        database = open_database(url)
        try:
            yield database
        finally:
            close_database()
