"""A small world of every kind of record for the property tests (ids 1, 2, 3... in a fresh database)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_crm import clock
from desktop_crm.db import close_database, open_database
from desktop_crm.models import Client, WeeklyForm
from desktop_crm.services import (
    clients,
    custom_fields,
    deals,
    followups,
    goals,
    handbook,
    payments,
    stakeholders,
    users,
    views,
    weekly,
)


def _build_world() -> dict[str, int]:
    """Users 1 (supervisor), 2 and 3 (salespeople, 2 working); clients 1, 2 (alive) and 3 (deleted) with
    contacts, opportunities (1 open, 2 won with contract 1, 3 won), instalments, a payment, follow-ups,
    next steps, a milestone, five custom fields, goals with targets and an action, weekly forms (1 draft,
    2 submitted), handbook entries and a saved view."""
    today = clock.today()
    boss = users.create_user("Boss Zhang", role="supervisor")
    li = users.create_user("Li Lei", supervisor_id=boss.id)
    users.create_user("Wang Fang", supervisor_id=boss.id)
    from desktop_crm import team

    team.switch_user(li.id)
    acme = clients.create_client("Acme", owner_id=li.id, tag_names=["vip"], phone="13800138000")
    clients.create_client("北京科技", owner_id=li.id)
    gone = clients.create_client("Gone Ltd", owner_id=li.id)
    clients.delete_client(gone.id)
    first = stakeholders.create_contact(acme.id, "Chen")
    stakeholders.create_contact(acme.id, "Zhou", reports_to_id=first.id)
    stakeholders.create_contact(2, "Sun")
    deals.create_opportunity(acme.id, "Pilot", expected_amount_cents=50_000)
    won = deals.create_opportunity(acme.id, "Rollout", expected_amount_cents=100_000)
    deals.close_opportunity(won.id, True, closed_on=today)
    other = deals.create_opportunity(2, "Other", expected_amount_cents=10_000)
    deals.close_opportunity(other.id, True, closed_on=today)
    contract = deals.create_contract(acme.id, 100_000, today, won.id)
    payments.add_instalment(contract.id, today + timedelta(days=30), 40_000)
    payments.add_instalment(contract.id, today + timedelta(days=60), 60_000)
    payments.record_payment(contract.id, 10_000, today, instalment_id=1)
    follow_up = followups.log_follow_up(acme.id, li.id, "call", clock.now(), contact_ids=[first.id])
    followups.add_next_step(acme.id, li.id, clock.now() + timedelta(days=1), source_follow_up_id=follow_up.id)
    done = followups.add_next_step(acme.id, li.id, clock.now() + timedelta(days=2))
    followups.complete_next_step(done.id)
    clients.add_milestone(acme.id, "Kick-off", due_date=today)
    custom_fields.define_custom_field("Size", "text")
    custom_fields.define_custom_field("Headcount", "number")
    custom_fields.define_custom_field("Founded", "date")
    custom_fields.define_custom_field("Tier", "choice", ["A", "B"])
    custom_fields.define_custom_field("Channels", "multi_choice", ["web", "shop"])
    clients.set_custom_value(acme.id, "Tier", "A")
    year = date(today.year, 1, 1)
    goal = goals.create_goal("year", "Year", year, date(today.year + 1, 1, 1), user_id=li.id, by=None)
    goals.create_goal("quarter", "Q1", year, date(today.year, 4, 1), parent_id=goal.id, by=None)
    goals.add_target(goal.id, "Visits", 100, by=None)
    goals.add_target(goal.id, "", 1_000_000, metric="signed_amount_cents", by=boss.id)
    goals.add_action(goal.id, "Call the top ten", client_ids=[acme.id], by=None)
    iso = today.isocalendar()
    form = weekly.open_weekly_form(li.id, iso[0], iso[1])
    weekly.add_plan_item(form.id, 0, "Visit Acme", client_id=acme.id)
    weekly.add_collection_item(form.id, 40_000, client_id=acme.id)
    last = (today - timedelta(days=7)).isocalendar()
    submitted = weekly.open_weekly_form(li.id, last[0], last[1])
    weekly.submit_weekly_form(submitted.id)
    handbook.add_entry("What is a visit?", "A meeting in person.", "visits")
    handbook.add_entry("回款率怎么算？", "已回款 / 应回款。")
    views.save_view("clients", "Mine", {"owner": li.id})
    from desktop_crm.services import service_records  # slice service: an open and a resolved record

    service_records.create_service_record(acme.id, "complaint", "Noisy", contact_id=first.id)
    resolved = service_records.create_service_record(acme.id, "training", "Train", contract_id=contract.id)
    service_records.resolve_service_record(resolved.id, "Done")
    return {"boss": boss.id, "seller": li.id, "client": acme.id, "contract": contract.id, "goal": goal.id}


_TEMPLATES: dict[date, tuple[Path, dict[str, int]]] = {}  # one world per clock date, copied per test


@pytest.fixture
def world(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, int]]:
    """A copy of the world (built once per run and clock date) opened as this test's database."""
    today = clock.today()
    if today not in _TEMPLATES:
        template = tmp_path_factory.mktemp("world") / "crm.sqlite3"
        open_database(template)
        try:
            _TEMPLATES[today] = (template, _build_world())
        finally:
            close_database()
    template, ids = _TEMPLATES[today]
    copy = tmp_path / "crm.sqlite3"
    shutil.copyfile(template, copy)
    open_database(copy)
    assert Client.select().count() == 3 and WeeklyForm.select().count() == 2  # the whole world was copied
    yield ids
    close_database()
