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
        laptops.on("a")  # and on the laptop whose push met it, seen from there
        clash = [c for c in list_conflicts(raw_connection()) if c.field == "name"]
        assert [(c.original, c.mine, c.theirs, c.chosen, c.rule) for c in clash] == [
            (original, "笔记本改的名字", "总部改的名字", "mine", "newer")
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
        assert first["imported"][0]["records"] == 0  # what it sent does not come back
        close_database()
        assert cli.main(["--db", path, "sync", "--json"]) == 0  # the team database used last
        again = json.loads(capsys.readouterr().out)
        assert again["exported"]["records"] == 0 and again["imported"][0]["applied"] == 0
        close_database()


def _names(model: Any) -> set[str]:
    field = model.name if hasattr(model, "name") else model.title
    return {str(v) for (v,) in model.select(field).tuples()}


def test_a_salesperson_receives_their_own_and_ownership_changes_move_records(
    tmp_path: Path, clock: Any, team: str
) -> None:
    from datetime import date

    from desktop_crm.models import Annotation, FollowUp, Goal, Setting, User, WeeklyForm
    from desktop_crm.team import CURRENT_USER_KEY

    with fresh(team) as url:
        laptops = Team(tmp_path, clock, url)
        laptops.sync("a")  # the team database gets the base: 王总 (supervisor), 李娜 and her four clients
        laptops.on("hub")
        boss, lina = User.get(User.name == "王总"), User.get(User.name == "李娜")
        wei = User.create(name="张伟", supervisor=boss)
        mine = Client.create(name="张伟的客户", owner=wei)
        FollowUp.create(client=mine, user=wei, channel="visit", happened_at=clock.now(), summary="拜访")
        Client.create(name="公海客户", owner=None)
        week = {"kind": "week", "period_start": date(2026, 3, 2), "period_end": date(2026, 3, 9)}
        Goal.create(user=wei, title="张伟的目标", **week)
        Goal.create(user=lina, title="李娜的目标", **week)
        Goal.create(user=None, title="团队目标", **week)
        form = WeeklyForm.create(user=wei, iso_year=2026, iso_week=10)
        Annotation.create(form=form, author=boss, body="客户拜访要更深入")
        WeeklyForm.create(user=lina, iso_year=2026, iso_week=10)
        moving = Client.get(Client.name == "客户1")  # 李娜's, with follow-ups and steps from the base
        # 张伟's laptop: a copy of the base with 张伟 chosen (it holds 李娜's clients from the copy)
        laptops.on("c")
        User.create(name="张伟", supervisor=User.get(User.name == "王总"))  # the same key: merged as one
        Setting.create(key=CURRENT_USER_KEY, value=json.dumps(User.get(User.name == "张伟").id))
        laptops.sync("c")
        laptops.on("c")
        assert _names(Client) == {"张伟的客户", "公海客户"}  # 李娜's four were forgotten here
        assert _names(Goal) == {"张伟的目标", "团队目标"}
        assert [f.user.name for f in WeeklyForm.select()] == ["张伟"]
        assert [a.body for a in Annotation.select()] == ["客户拜访要更深入"]  # the supervisor's annotation
        assert {u.name for u in User.select()} == {"王总", "李娜", "张伟"}  # team-wide
        chosen = Setting.get(Setting.key == CURRENT_USER_KEY).value
        assert User.get_by_id(int(chosen)).name == "张伟"  # the laptop's own choice, never carried
        laptops.on("hub")
        assert Client.select().count() == 6  # forgetting on the laptop deleted nothing here
        assert Setting.get_or_none(Setting.key == CURRENT_USER_KEY) is None
        # 李娜's client moves to 张伟: it arrives whole; 张伟's own moves to 李娜: it leaves his laptop
        moving = Client.get(Client.uuid == moving.uuid)
        moving.owner = User.get(User.name == "张伟")
        moving.save()
        leaving = Client.get(Client.name == "张伟的客户")
        leaving.owner = lina
        leaving.save()
        steps = NextStep.select().where(NextStep.client == moving).count()
        follow_ups = FollowUp.select().where(FollowUp.client == moving).count()
        laptops.sync("c")
        laptops.on("c")
        assert _names(Client) == {"客户1", "公海客户"}
        arrived = Client.get(Client.uuid == moving.uuid)
        assert NextStep.select().where(NextStep.client == arrived).count() == steps > 0
        assert FollowUp.select().where(FollowUp.client == arrived).count() == follow_ups > 0
        laptops.edit("c", 1, 3)  # an ordinary edit afterwards
        laptops.sync("c")
        laptops.on("hub")
        assert Client.get(Client.name == "张伟的客户").owner.name == "李娜"  # still there, nothing deleted
        assert FollowUp.select().join(Client).where(Client.name == "张伟的客户").count() == 1
        # the supervisor's laptop receives everything
        laptops.on("b")
        Setting.create(key=CURRENT_USER_KEY, value=json.dumps(User.get(User.name == "王总").id))
        laptops.sync("b")
        laptops.on("b")
        Setting.delete().where(Setting.key == CURRENT_USER_KEY).execute()  # (this laptop's own)
        assert laptops.dump("b") == laptops.dump("hub")
