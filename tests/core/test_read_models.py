"""The read models of ``desktop_crm.read``: what one open of the client page reads equals what each
section reads on its own; the timeline's loose steps equal the service's open steps; the pipeline board
equals the pipeline queries; users, counts, pick lists and the "large file" test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from desktop_crm.agenda import load_agenda
from desktop_crm.care_read import dossier_of, referral_of, referred_by_client
from desktop_crm.db import close_database, open_database
from desktop_crm.demo import generate_demo
from desktop_crm.models import Client, FollowUp, NextStep, Setting, User
from desktop_crm.pipeline import PipelineFilter, closed_totals, column_cards, stage_totals
from desktop_crm.power_map import load_stakeholders
from desktop_crm.read import choices, counts, size, today, users
from desktop_crm.read import followups as followups_read
from desktop_crm.read.client_page import (
    client_header,
    contact_rows,
    contract_rows,
    key_client_id,
    load_client_page,
    opportunity_choices,
    opportunity_rows,
)
from desktop_crm.read.pipeline import load_board, owner_choices
from desktop_crm.service_read import client_service_records
from desktop_crm.services.attachments import list_attachments
from desktop_crm.services.followups import open_next_steps

TODAY = date(2026, 6, 17)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("read") / "small.sqlite3"
    generate_demo(path, "small", seed=0, today=TODAY)
    close_database()
    return path


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Path]:
    """The small demo, opened for reading (the tests here never write to it)."""
    open_database(demo_path)
    yield demo_path
    close_database()


def test_one_read_of_the_client_page_equals_each_sections_own(demo: Path) -> None:
    client_id = key_client_id()
    assert client_id is not None
    page = load_client_page(client_id)
    assert page.client_id == client_id
    assert page.header == client_header(client_id)
    assert page.contacts == contact_rows(client_id) and page.contacts
    assert page.opportunity_choices == opportunity_choices(client_id)
    assert page.opportunity_filter is None
    assert page.people == load_stakeholders(client_id, None)
    assert page.timeline == followups_read.timeline(client_id) and page.timeline.follow_ups
    assert page.opportunities == opportunity_rows(client_id)
    assert page.contracts == contract_rows(client_id)
    assert page.service_rows == client_service_records(client_id)
    assert page.referral == referral_of(client_id)
    assert page.referred == referred_by_client(client_id)
    assert page.dossier == dossier_of(client_id)
    assert page.attachments == list_attachments(client_id, removed=False)
    assert [t.key for t in page.service_types]


def test_the_deal_filter_is_kept_while_the_deal_exists(demo: Path) -> None:
    client_id = next(
        cid for (cid,) in Client.select(Client.id).order_by(Client.id).tuples() if opportunity_choices(cid)
    )
    deal = opportunity_choices(client_id)[0][0]
    page = load_client_page(client_id, deal)
    assert page.opportunity_filter == deal
    assert page.people == load_stakeholders(client_id, deal)
    gone = load_client_page(client_id, 10**9)  # a deal deleted meanwhile: every contact again
    assert gone.opportunity_filter is None
    assert gone.people == load_stakeholders(client_id, None)


def test_a_missing_client_reads_as_no_header(demo: Path) -> None:
    page = load_client_page(10**9)
    assert page.header is None and page.contacts == [] and page.timeline.follow_ups == []


def test_loose_steps_are_the_open_steps_no_follow_up_set(db: object) -> None:
    now = datetime.combine(TODAY, time(9, 0))
    acme, other = Client.create(name="Acme"), Client.create(name="Globex")
    follow_up = FollowUp.create(client=acme, happened_at=now, channel="phone", summary="call")
    later = NextStep.create(client=acme, due_at=now + timedelta(days=3), title="later")
    sooner = NextStep.create(client=acme, due_at=now + timedelta(days=1), title="sooner")
    NextStep.create(client=acme, due_at=now, title="done", done=True, done_at=now)
    NextStep.create(client=acme, due_at=now, title="set by the call", source_follow_up=follow_up)
    NextStep.create(client=other, due_at=now, title="another client's")
    expected = [s.id for s in open_next_steps(acme.id) if s.source_follow_up_id is None]
    assert [c.id for c in followups_read.loose_steps(acme.id)] == expected == [sooner.id, later.id]
    assert followups_read.timeline(acme.id).loose_steps == followups_read.loose_steps(acme.id)


def test_the_board_equals_the_pipeline_queries(demo: Path) -> None:
    for flt in (PipelineFilter(), PipelineFilter(None, "created", date(2026, 1, 1), date(2026, 7, 1))):
        board = load_board(flt, 5)
        assert board.totals == stage_totals(flt)
        assert board.cards == {t.stage: column_cards(t.stage, flt, 5) for t in board.totals}
        assert board.closed == closed_totals(flt)
        assert board.open_count == sum(t.count for t in board.totals) > 0
    assert set(board.probabilities) >= {t.stage for t in board.totals}


def test_the_agenda_read_is_the_agenda_with_every_name(demo: Path) -> None:
    now = datetime.combine(TODAY, time(9, 0))
    result = today.load(now, None)
    assert result.agenda == load_agenda(now, None)
    assert result.user_names == {u.id: u.name for u in User.select()}


def test_counts_and_pick_lists(demo: Path) -> None:
    assert counts.client_count() == Client.select().where(Client.deleted_at.is_null()).count()
    owners = choices.owners()
    active = [u.active for u in (User.get_by_id(uid) for uid, _ in owners)]
    assert active == sorted(active, reverse=True)  # active ones first
    assert [name for _id, name in choices.tags()] == sorted(name for _id, name in choices.tags())


def test_large_means_more_clients_than_the_threshold(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    total = Client.select().count()
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", total - 1)
    assert size.is_large()
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", total)
    assert not size.is_large()


def test_the_viewer_and_the_owner_choices(db: object) -> None:
    assert users.viewer() == users.Viewer(None, "", False)
    assert users.user_name(None) == "" and users.user_name(12345) == ""
    boss = User.create(name="陈主管", role="supervisor")
    li = User.create(name="李娜", role="salesperson")
    Setting.create(key="current_user_id", value=str(boss.id))
    assert users.viewer() == users.Viewer(boss.id, "陈主管", True)
    assert users.user_names() == {boss.id: "陈主管", li.id: "李娜"}
    assert users.users() == sorted([(boss.id, "陈主管"), (li.id, "李娜")], key=lambda u: u[1])
    mine = owner_choices()
    assert (mine.me, mine.my_name) == (boss.id, "陈主管")
    assert mine.others == [(li.id, "李娜")]
