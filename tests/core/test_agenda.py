"""The agenda: step buckets relative to now, neglect thresholds per grade, instalments due/overdue."""

from __future__ import annotations

from datetime import date, datetime

from desktop_crm.agenda import load_agenda
from desktop_crm.models import Client, Contract, NextStep, Payment, PaymentInstalment, Setting, User, now
from desktop_crm.receivables import allocate

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday


def step(client: Client, due: str, user: User | None = None, done: bool = False) -> NextStep:
    return NextStep.create(
        client=client, user=user, due_at=due, title=due, done=done, done_at=due if done else None
    )


def test_steps_fall_into_overdue_today_and_this_week(db: object) -> None:
    me, other = User.create(name="王磊"), User.create(name="陈静")
    client = Client.create(name="甲", owner=me)
    gone = Client.create(name="乙", owner=me, deleted_at=now())
    step(client, "2026-11-17 18:00:00", me)  # yesterday: overdue
    step(client, "2026-11-18 08:00:00", me)  # earlier today: today (not overdue)
    step(client, "2026-11-18 20:00:00", me)  # tonight: today
    step(client, "2026-11-22 23:00:00", me)  # Sunday: this week
    step(client, "2026-11-23 09:00:00", me)  # next Monday: not shown
    step(client, "2026-11-16 09:00:00", me, done=True)  # done: never shown
    step(gone, "2026-11-17 09:00:00", me)  # deleted client: never shown
    step(client, "2026-11-18 11:00:00", other)
    mine = load_agenda(NOW, user_id=me.id)
    assert [s.title for s in mine.overdue] == ["2026-11-17 18:00:00"]
    assert [s.title for s in mine.today] == ["2026-11-18 08:00:00", "2026-11-18 20:00:00"]
    assert [s.title for s in mine.this_week] == ["2026-11-22 23:00:00"]
    assert len(load_agenda(NOW).today) == 3
    sunday = load_agenda(datetime(2026, 11, 22, 9), user_id=me.id)
    assert sunday.this_week == [] and [s.title for s in sunday.today] == ["2026-11-22 23:00:00"]


def test_neglected_clients_per_grade_threshold(db: object) -> None:
    def client(name: str, grade: str, last: str | None, created: str = "2026-01-01 09:00:00") -> Client:
        c = Client.create(name=name, grade=grade, created_at=created)
        if last:
            Client.update(last_contact_at=last).where(Client.id == c.id).execute()
        return c

    client("A7", "A", "2026-11-11 10:00:00")  # 7 days: neglected (A threshold 7)
    client("A6", "A", "2026-11-12 10:00:00")  # 6 days: fine
    client("B14", "B", "2026-11-04 10:00:00")  # 14 days: neglected
    client("C29", "C", "2026-10-20 10:00:00")  # 29 days: fine
    client("Cnever", "C", None, created="2026-09-01 09:00:00")  # never, created long ago: neglected
    client("Cnew", "C", None, created="2026-11-10 09:00:00")  # never, but new: fine
    Client.create(name="lost", grade="A", status="lost", created_at="2025-01-01")
    agenda = load_agenda(NOW)
    assert [(c.name, c.days) for c in agenda.neglected] == [("A7", 7), ("B14", 14), ("Cnever", None)]
    assert agenda.neglected_total == 3
    Setting.create(key="agenda.neglect_days", value='{"A": 8, "C": 10}')
    assert [c.name for c in load_agenda(NOW).neglected] == ["B14", "Cnever", "C29"]  # never contacted first


def test_instalments_due_and_overdue_after_partial_payment(db: object) -> None:
    client = Client.create(name="丙")
    contract = Contract.create(client=client, amount_cents=300_00, signed_on="2026-10-01")
    i1 = PaymentInstalment.create(contract=contract, seq=1, due_date="2026-11-01", amount_cents=100_00)
    PaymentInstalment.create(contract=contract, seq=2, due_date="2026-11-20", amount_cents=100_00)
    PaymentInstalment.create(contract=contract, seq=3, due_date="2026-12-20", amount_cents=100_00)
    Payment.create(contract=contract, instalment=i1, paid_on="2026-11-02", amount_cents=60_00)
    agenda = load_agenda(NOW)
    assert [(d.due_date, d.remaining, d.overdue) for d in agenda.instalments_overdue] == [
        (date(2026, 11, 1), 40_00, True)
    ]
    assert [(d.due_date, d.remaining) for d in agenda.instalments_due] == [(date(2026, 11, 20), 100_00)]
    Payment.create(
        contract=contract, paid_on="2026-11-17", amount_cents=140_00
    )  # unlinked: fills in due order
    agenda = load_agenda(NOW)
    assert agenda.instalments_overdue == [] and agenda.instalments_due == []
    assert agenda.badge_count == 0


def test_allocate_links_first_then_due_order() -> None:
    plan = [(1, "2026-01-01", 100), (2, "2026-02-01", 100), (3, "2026-03-01", 100)]
    assert allocate(plan, [(3, 150)]) == {1: 50, 2: 0, 3: 100}
    assert allocate(plan, [(None, 250)]) == {1: 100, 2: 100, 3: 50}
    assert allocate(plan, []) == {1: 0, 2: 0, 3: 0}
    assert allocate(plan, [(99, 30)]) == {1: 30, 2: 0, 3: 0}


def test_instalments_of_more_contracts_than_one_statement_chunk_are_all_read(db: object) -> None:
    """1,203 contracts owing money (SQLite reads them 500 at a time, a team database in one array):
    every one is listed once, with what its payments left, however the ids were split."""
    from desktop_crm.agenda import instalments_due

    client = Client.create(name="大客户")
    expected = []
    with Client._meta.database.atomic():
        for n in range(1203):
            contract = Contract.create(client=client, amount_cents=200_00, signed_on="2026-10-01")
            first = PaymentInstalment.create(
                contract=contract, seq=1, due_date="2026-11-01", amount_cents=100_00
            )
            PaymentInstalment.create(contract=contract, seq=2, due_date="2027-01-01", amount_cents=100_00)
            paid = n % 100 * 100
            if paid:
                Payment.create(contract=contract, instalment=first, paid_on="2026-11-02", amount_cents=paid)
            expected.append((first.id, contract.id, 100_00 - paid))
    found = instalments_due(NOW.date(), NOW.date(), None, 5000)
    assert sorted((d.instalment_id, d.contract_id, d.remaining) for d in found) == sorted(expected)
    assert all(d.overdue and d.client_name == "大客户" for d in found)
