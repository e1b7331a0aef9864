"""``generate_demo``: fill an empty database with a deterministic, believable sales team's history."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from peewee import Database, SqliteDatabase

from .. import changes, clock
from ..db import close_database, open_database
from ..driver import sqlite3
from ..errors import CrmError
from .activity import write_activity
from .attachments import db_path_of, write_attachments
from .care import write_care
from .clients import (
    CUSTOM_FIELDS,
    SALESPEOPLE,
    SUPERVISORS,
    TAGS,
    Setup,
    write_client,
    write_team_and_lookups,
)
from .contacts import write_contacts
from .context import COLUMNS, Ctx
from .deals import write_deals
from .goals import SellerBook, write_goals
from .handbook import write_handbook
from .loader import BulkLoader
from .plan import SIZES, SizeSpec, plan_client
from .service import write_service_records
from .weekly import write_weekly_forms

Progress = Callable[[int, int], bool]
# Above this many clients the indexes are rebuilt after the load instead of maintained (see loader).
_REBUILD_INDEXES_FROM = 20_000


@dataclass(frozen=True)
class DemoSummary:
    """What was generated: rows per table (every table of the schema, in dependency order)."""

    size: str
    seed: int
    today: date
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def generate_demo(
    db_path: str | os.PathLike[str] | SqliteDatabase,
    size: str = "small",
    seed: int = 0,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Generate the demo data set ``size`` ("small" or "large") into an empty database.

    ``db_path`` is a file path (opened with ``open_database`` and closed again afterwards; like
    ``open_database`` this binds the models to it) or an already open peewee ``SqliteDatabase``
    (used as is and left open, e.g. the GUI's own connection on its database worker).

    Everything is written in one transaction. ``progress(done, total)`` is called after each batch;
    returning False cancels: the transaction is rolled back and ``CrmError("... cancelled")`` raised.
    Refuses (``CrmError``) a database that already holds clients or any of the demo's user, tag or
    custom field names. The output depends only on (size, seed, today): ids, UUIDs, timestamps.

    A team database (a ``postgresql://`` URL) must be empty: the demo is generated into a temporary file
    by the same bulk loader and copied into it (``copy_db``: one transaction there too, attachments'
    bytes included), so it holds exactly what the file would.
    """
    if size not in SIZES:
        raise CrmError("demo.unknown_size", size=size, sizes=", ".join(SIZES))
    spec = SIZES[size]
    today = today or clock.today()
    started = time.perf_counter()
    from ..team_url import is_team_url

    if is_team_url(db_path):
        return _into_team_database(str(db_path), size, seed, today, progress, started)
    if isinstance(db_path, Database) and not isinstance(db_path, SqliteDatabase):
        raise CrmError("demo.team_database_open")  # an open team database: through its URL only
    if isinstance(db_path, SqliteDatabase):
        summary = _generate(db_path, spec, size, seed, today, progress, started)
        changes.announce()  # a bulk load beside the write transaction: every entity may have changed
        return summary
    db = open_database(db_path)
    try:
        return _generate(db, spec, size, seed, today, progress, started)
    finally:
        close_database()


def _into_team_database(
    url: str, size: str, seed: int, today: date, progress: Progress | None, started: float
) -> DemoSummary:
    """The demo generated into a temporary file, then copied into the empty team database at ``url``."""
    import tempfile
    from pathlib import Path

    from ..copy_db import copy_database, first_table_with_rows
    from ..team_url import display_url

    db = open_database(url)
    try:  # refused before minutes of work, not after
        table = first_table_with_rows(db)
        if table is not None:
            raise CrmError("demo.team_not_empty", target=display_url(url), table=table)
    finally:
        close_database()
    with tempfile.TemporaryDirectory(prefix="desktop-crm-demo-") as folder:
        path = Path(folder) / "demo.sqlite3"
        made = generate_demo(path, size, seed, today, progress)
        copy_database(path, url)
    return DemoSummary(size, seed, today, dict(made.counts), round(time.perf_counter() - started, 3))


def _generate(
    db: SqliteDatabase,
    spec: SizeSpec,
    size: str,
    seed: int,
    today: date,
    progress: Progress | None,
    started: float,
) -> DemoSummary:
    conn = db.connection()
    _refuse_non_empty(conn, spec)
    id_base = {
        table: int(conn.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0])
        for table in COLUMNS
    }
    ctx = Ctx(seed, today, id_base)
    total = spec.clients + spec.sellers  # one unit per client, then one per salesperson's goals and forms
    loader = BulkLoader(conn, rebuild_indexes=spec.clients >= _REBUILD_INDEXES_FROM)
    try:
        loader.begin()
        _tick(progress, 0, total)
        setup = write_team_and_lookups(ctx, spec)
        books = {s.id: SellerBook(s) for s in setup.sellers}
        for batch_start in range(0, spec.clients, spec.batch):
            for index in range(batch_start, min(batch_start + spec.batch, spec.clients)):
                _client(ctx, spec, setup, books, index)
            loader.flush(ctx)
            _tick(progress, min(batch_start + spec.batch, spec.clients), total)
        book_list = list(books.values())
        week_goals = write_goals(ctx, spec, book_list)
        write_weekly_forms(ctx, spec, book_list, week_goals)
        write_handbook(ctx, spec)
        loader.flush(ctx)
        write_service_records(ctx, spec, book_list, conn)  # slice service: after the rest, same stream
        ctx.counts.update(write_care(conn, seed, today))  # slice care: referrals, dossiers, birthdays
        ctx.counts.update(write_attachments(conn, db_path_of(db), seed, today))  # slice attach: files
        _tick(progress, total, total)
        loader.commit()
    except BaseException:
        loader.rollback()
        raise
    return DemoSummary(size, seed, today, dict(ctx.counts), round(time.perf_counter() - started, 3))


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise CrmError("demo.cancelled")


def _client(ctx: Ctx, spec: SizeSpec, setup: Setup, books: dict[int, SellerBook], index: int) -> None:
    sellers = setup.sellers
    key = index % spec.key_every < 3
    owner = sellers[index % len(sellers)] if key else ctx.pick(sellers)
    plan = plan_client(ctx, spec, ctx.new_id("client"), owner, key)
    write_client(ctx, setup, plan)
    write_contacts(ctx, plan)
    write_deals(ctx, plan)
    supervisor = owner.supervisor_id
    write_activity(ctx, spec, plan, supervisor)
    book = books[owner.id]
    entry = (plan.id, plan.short)
    if key:
        book.key_clients.append(entry)
    if plan.status in ("customer", "prospect", "lead") and len(book.clients) < 80:
        book.clients.append(entry)
    if plan.status == "customer" and len(book.customers) < 40:
        book.customers.append(entry)


_KIND_LABELS = {"user": "User", "tag": "Tag", "custom_field_def": "Custom field"}


def _refuse_non_empty(conn: sqlite3.Connection, spec: SizeSpec) -> None:
    if conn.execute('SELECT 1 FROM "client" LIMIT 1').fetchone():
        raise CrmError("demo.not_empty")
    checks = (
        ("user", "name", [name for name, _ in SUPERVISORS[: spec.supervisors] + SALESPEOPLE[: spec.sellers]]),
        ("tag", "name", [name for name, _ in TAGS]),
        ("custom_field_def", "name", [name for name, _kind, _choices in CUSTOM_FIELDS]),
    )
    for table, column, names in checks:
        marks = ", ".join("?" for _ in names)
        clash = conn.execute(
            f'SELECT "{column}" FROM "{table}" WHERE "{column}" IN ({marks}) LIMIT 1', names
        ).fetchone()
        if clash:
            raise CrmError("demo.name_exists", name=clash[0], kind_label=_KIND_LABELS[table])
