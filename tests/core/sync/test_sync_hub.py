"""Sync with the team database (``desktop_crm.sync.hub``): three laptops and the team database itself edit,
delete and sync in random order, some syncs killed midway; once everyone has synced, the laptops and the
team database hold identical records. Runs in the PostgreSQL pass (``--engine postgresql``)."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm import cli
from desktop_crm.db import close_database, open_database
from desktop_crm.engine import is_postgres, raw_connection
from desktop_crm.integrity import check_database
from desktop_crm.models import Client, NextStep, database
from desktop_crm.sync.conflicts import list_conflicts
from desktop_crm.sync.hub import sync_team

from .test_sync_convergence import LAPTOPS, Laptops, killed_after


@pytest.fixture
def team(db: Any, team_template: str | None) -> Iterator[str]:
    """The server of the PostgreSQL pass (each example gets its own team database from :func:`fresh`)."""
    if team_template is None or not is_postgres(db):
        pytest.skip("the team database is PostgreSQL: run with --engine postgresql")
    close_database()
    yield team_template


@contextlib.contextmanager
def fresh(template: str) -> Iterator[str]:
    from team_server import fresh_database

    with fresh_database(os.environ["DESKTOP_CRM_TEST_PG"], template) as url:
        try:
            yield url
        finally:
            close_database()


class Team(Laptops):
    """The laptops of the folder tests, syncing with a team database that is edited directly too."""

    def __init__(self, folder: Path, frozen: Any, url: str) -> None:
        super().__init__(folder, frozen)
        self.url = url

    def on(self, laptop: str) -> None:
        if laptop != "hub":
            return super().on(laptop)
        close_database()
        open_database(self.url)
        return None

    def sync(self, laptop: str, kill_after: int | None = None) -> None:
        super().on(laptop)
        if kill_after is None:
            sync_team(self.url)
            return
        with contextlib.suppress(KeyboardInterrupt), killed_after(kill_after):
            sync_team(self.url)


steps = st.lists(
    st.tuples(
        st.sampled_from(("edit", "edit", "edit", "sync", "kill")),
        st.sampled_from((*LAPTOPS, "hub")),
        st.integers(0, 10_000),
    ),
    min_size=5,
    max_size=30,
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_three_laptops_and_the_team_database_end_with_the_same_records(
    tmp_path_factory: pytest.TempPathFactory, clock: Any, team: str, steps: list[Any]
) -> None:
    with fresh(team) as url:
        laptops = Team(tmp_path_factory.mktemp("team"), clock, url)
        for action, laptop, number in steps:
            if action == "edit":
                laptops.edit(laptop, number, number // 7)
            elif laptop != "hub":  # the team database itself does not sync: it is synced with
                laptops.sync(laptop, kill_after=number % 7 if action == "kill" else None)
        for _round in range(2):
            for laptop in LAPTOPS:
                laptops.sync(laptop)
        dumps = {laptop: laptops.dump(laptop) for laptop in (*LAPTOPS, "hub")}
        assert dumps["a"] == dumps["b"] == dumps["c"] == dumps["hub"]
        for where in ("a", "hub"):  # the derived data followed every merge, on both engines
            laptops.on(where)
            assert check_database(database.obj).problems == []


def test_an_edit_made_on_the_team_database_reaches_the_laptops_and_a_clash_is_listed(
    tmp_path: Path, clock: Any, team: str
) -> None:
    with fresh(team) as url:
        laptops = Team(tmp_path, clock, url)
        for laptop in ("a", "b"):
            laptops.sync(laptop)
        laptops.on("hub")
        client = Client.select().order_by(Client.uuid).first()
        original = client.name
        client.name = "总部改的名字"
        client.save()
        clock.advance(minutes=2)
        laptops.on("a")
        mine = Client.get(Client.uuid == client.uuid)
        mine.name = "笔记本改的名字"
        mine.save()
        step = NextStep.select().order_by(NextStep.uuid).first()
        step.delete_instance()
        for laptop in ("a", "b"):
            laptops.sync(laptop)
        for where in ("a", "b", "hub"):
            laptops.on(where)
            assert Client.get(Client.uuid == client.uuid).name == "笔记本改的名字"  # the newer change
            assert NextStep.get_or_none(NextStep.uuid == step.uuid) is None  # the delete travelled
        laptops.on("hub")  # listed where the two met: on the team database, with the three values
        clash = [c for c in list_conflicts(raw_connection()) if c.field == "name"]
        assert [(c.original, c.mine, c.theirs, c.chosen, c.rule) for c in clash] == [
            (original, "总部改的名字", "笔记本改的名字", "theirs", "newer")
        ]


@pytest.mark.parametrize("kill_after", [0, 3, 40])
def test_a_sync_killed_midway_loses_nothing_and_the_next_completes(
    tmp_path: Path, clock: Any, team: str, kill_after: int
) -> None:
    with fresh(team) as url:
        laptops = Team(tmp_path, clock, url)
        laptops.sync("a")
        laptops.edit("a", 3, 11)  # a new client
        laptops.edit("hub", 1, 12)  # a phone and a note changed on the team database
        laptops.sync("a", kill_after=kill_after)
        laptops.sync("a")
        assert laptops.dump("a") == laptops.dump("hub")


def test_the_command_line_syncs_with_a_team_database_and_remembers_it(
    tmp_path: Path, clock: Any, team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with fresh(team) as url:
        laptops = Team(tmp_path, clock, url)
        path = str(laptops.paths["a"])
        close_database()
        assert cli.main(["--db", path, "sync", "--with", url, "--json"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert set(first) == {
            "folder",
            "team",
            "imported",
            "skipped",
            "exported",
            "pushed",
            "forgotten",
            "problems",
        }
        assert first["folder"] is None and first["exported"]["full"] is True
        assert first["pushed"]["applied"] == first["exported"]["records"] > 0
        close_database()
        assert cli.main(["--db", path, "sync", "--json"]) == 0  # the team database used last
        again = json.loads(capsys.readouterr().out)
        assert again["exported"]["records"] == 0 and again["imported"][0]["applied"] == 0
        close_database()
