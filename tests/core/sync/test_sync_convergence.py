"""Three laptops edit, delete and sync through a shared folder in random order, some syncs killed midway:
once every one has synced with the others, their records are identical (``dump --by-uuid``), and every
field both sides changed differently was listed as a conflict or settled by the stated rule."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm import clock as app_clock
from desktop_crm.db import close_database, open_database
from desktop_crm.dump import dump_database
from desktop_crm.engine import raw_connection
from desktop_crm.integrity import check_database
from desktop_crm.models import Client, ClientTag, FollowUp, NextStep, Tag, User, database
from desktop_crm.sync import merge
from desktop_crm.sync.folder import sync_folder

pytestmark = pytest.mark.sqlite_only

LAPTOPS = ("a", "b", "c")
NAMES = ("华信", "Acme", "远大", "Nordwind")
TAGS = ("重点", "VIP", "new")


def _base(folder: Path) -> Path:
    """One file with a few users, clients, follow-ups and next steps: every laptop starts as its copy."""
    path = folder / "base.sqlite3"
    open_database(path)
    with database.atomic():
        boss = User.create(name="王总", role="supervisor")
        seller = User.create(name="李娜", supervisor=boss)
        for n in range(4):
            client = Client.create(name=f"客户{n}", owner=seller, phone=f"1380000000{n}")
            for k in range(2):
                FollowUp.create(
                    client=client, user=seller, channel="phone", happened_at=app_clock.now(), summary=f"s{k}"
                )
                NextStep.create(client=client, user=seller, due_at=app_clock.now(), title=f"t{n}{k}")
    close_database()
    return path


@contextlib.contextmanager
def killed_after(records: int) -> Iterator[None]:
    """The merge dies (as from Ctrl+C or a closed lid) when it is about to apply record ``records + 1``."""
    applied = 0
    real = merge.Merger.apply

    def dying(self: merge.Merger, record: merge.Record) -> None:
        nonlocal applied
        applied += 1
        if applied > records:
            raise KeyboardInterrupt("killed midway")
        real(self, record)

    merge.Merger.apply = dying  # type: ignore[method-assign]
    try:
        yield
    finally:
        merge.Merger.apply = real  # type: ignore[method-assign]


class Laptops:
    def __init__(self, folder: Path, frozen: Any) -> None:
        self.folder = folder
        self.clock = frozen
        self.shared = folder / "shared"
        self.shared.mkdir()
        base = _base(folder)
        self.paths = {name: folder / f"{name}.sqlite3" for name in LAPTOPS}
        for path in self.paths.values():
            shutil.copyfile(base, path)

    def on(self, laptop: str) -> None:
        close_database()
        open_database(self.paths[laptop])

    def edit(self, laptop: str, choice: int, word: int) -> None:
        self.on(laptop)
        self.clock.advance(timedelta(seconds=1 + choice % 7))
        clients = list(Client.select().order_by(Client.uuid))
        kind = choice % 9
        if not clients and kind not in (3,):
            kind = 3
        client = clients[choice % len(clients)] if clients else None
        with database.atomic():
            if kind == 0 and client is not None:
                client.name = f"{NAMES[word % len(NAMES)]}{word}"
                client.save()
            elif kind == 1 and client is not None:
                client.phone = f"139{word:08d}"
                client.notes = f"note {laptop} {word}"
                client.save()
            elif kind == 2 and client is not None:
                client.deleted_at = None if client.deleted_at else app_clock.now()
                client.save()
            elif kind == 3:
                Client.create(name=f"新客户{laptop}{word}", phone=str(word))
            elif kind == 4 and client is not None:
                FollowUp.create(
                    client=client, channel="visit", happened_at=app_clock.now(), summary=f"{laptop}{word}"
                )
            elif kind == 5:
                steps = list(NextStep.select().order_by(NextStep.uuid))
                if steps:
                    step = steps[word % len(steps)]
                    step.title = f"{laptop} {word}"
                    step.done = not step.done
                    step.done_at = app_clock.now() if step.done else None
                    step.save()
            elif kind == 6:
                doomed = list(FollowUp.select().order_by(FollowUp.uuid)) + list(
                    NextStep.select().order_by(NextStep.uuid)
                )
                if doomed:
                    doomed[word % len(doomed)].delete_instance()
            elif kind == 7 and client is not None and word % 3 == 0:
                client.delete_instance()  # purged from the trash: its follow-ups and steps go with it
            elif kind == 8 and client is not None:
                name = TAGS[word % len(TAGS)]
                tags = list(Tag.select().order_by(Tag.uuid))
                if word % 2 and tags and Tag.get_or_none(Tag.name == name) is None:
                    tag = tags[word % len(tags)]  # renamed onto a name another laptop may have made
                    tag.name = name
                else:
                    tag = Tag.get_or_none(Tag.name == name) or Tag.create(name=name)
                tag.color = f"#{word % 999:03d}"
                tag.save()
                ClientTag.get_or_create(client=client, tag=tag)

    def sync(self, laptop: str, kill_after: int | None = None) -> None:
        self.on(laptop)
        if kill_after is None:
            sync_folder(self.shared)
            return
        with contextlib.suppress(KeyboardInterrupt), killed_after(kill_after):
            sync_folder(self.shared)

    def dump(self, laptop: str) -> str:
        self.on(laptop)
        out = io.StringIO()
        dump_database(database.obj, out, by_uuid=True)
        return out.getvalue()

    def conflicts(self, laptop: str) -> int:
        self.on(laptop)
        return int(raw_connection().execute("SELECT count(*) FROM sync_conflict").fetchone()[0])


steps = st.lists(
    st.tuples(
        st.sampled_from(("edit", "edit", "edit", "sync", "kill")),
        st.sampled_from(LAPTOPS),
        st.integers(0, 10_000),
    ),
    min_size=5,
    max_size=40,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_three_laptops_end_with_the_same_records(
    tmp_path_factory: pytest.TempPathFactory, clock: Any, steps: list[Any]
) -> None:
    laptops = Laptops(tmp_path_factory.mktemp("laptops"), clock)
    try:
        for action, laptop, number in steps:
            if action == "edit":
                laptops.edit(laptop, number, number // 7)
            else:
                laptops.sync(laptop, kill_after=number % 5 if action == "kill" else None)
        for _round in range(3):
            for laptop in LAPTOPS:
                laptops.sync(laptop)
        dumps = {laptop: laptops.dump(laptop) for laptop in LAPTOPS}
        assert dumps["a"] == dumps["b"] == dumps["c"]
        laptops.on("a")  # the derived data (search text, KPI summaries, client count) followed every merge
        assert check_database(database.obj).problems == []
    finally:
        close_database()


def test_a_field_changed_on_two_laptops_is_listed_and_the_newer_kept(tmp_path: Path, clock: Any) -> None:
    laptops = Laptops(tmp_path, clock)
    for laptop in ("a", "b"):
        laptops.sync(laptop)
    laptops.on("a")
    first = Client.select().order_by(Client.uuid).first()
    original = first.name
    first.name = "A 的名字"
    first.save()
    clock.advance(minutes=5)
    laptops.on("b")
    first = Client.get(Client.uuid == first.uuid)
    first.name = "B 的名字"
    first.save()
    for laptop in ("a", "b", "a"):
        laptops.sync(laptop)
    for laptop in ("a", "b"):
        laptops.on(laptop)
        assert Client.get(Client.uuid == first.uuid).name == "B 的名字"
    laptops.on("a")
    rows = (
        raw_connection()
        .execute("SELECT col, original, mine, theirs, chosen, rule FROM sync_conflict")
        .fetchall()
    )
    assert rows == [("name", f'"{original}"', '"A 的名字"', '"B 的名字"', "theirs", "newer")]
    close_database()
