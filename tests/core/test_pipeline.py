"""The pipeline query: per-stage count, amount and weighted amount by hand; owner/date filters; deleted
clients and opportunities excluded; the top-N rows of a column; won/lost of the period."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_crm.models import Client, Opportunity, User, now
from desktop_crm.pipeline import PipelineFilter, closed_totals, column_cards, owners, stage_totals


@pytest.fixture
def people(db: object) -> tuple[User, User]:
    return User.create(name="Li"), User.create(name="Wang")


def opp(client: Client, owner: User | None, stage: str, amount: int, prob: int, **kw: object) -> Opportunity:
    return Opportunity.create(
        client=client, owner=owner, name=f"{stage}-{amount}", stage=stage,
        expected_amount_cents=amount, probability=prob, **kw,
    )  # fmt: skip


@pytest.fixture
def data(people: tuple[User, User]) -> dict[str, object]:
    li, wang = people
    acme, globex, gone = (Client.create(name=n) for n in ("Acme", "Globex", "Gone"))
    opp(acme, li, "initial", 10_000, 10, expected_close_date=date(2026, 1, 10))
    opp(acme, wang, "initial", 30_000, 15, expected_close_date=date(2026, 2, 10))
    opp(globex, li, "proposal", 20_000, 50, expected_close_date=date(2026, 1, 20))
    opp(globex, li, "proposal", 5_001, 50)  # no expected close date
    opp(acme, wang, "negotiation", 40_000, 70, expected_close_date=date(2026, 1, 31))
    opp(acme, li, "won", 99_000, 100, closed_on=date(2026, 1, 15))
    opp(globex, wang, "lost", 7_000, 0, closed_on=date(2026, 2, 1))
    opp(gone, li, "proposal", 1_000_000, 50, expected_close_date=date(2026, 1, 5))
    opp(gone, li, "won", 1_000_000, 100, closed_on=date(2026, 1, 5))
    gone.deleted_at = now()
    gone.save()
    deleted = opp(acme, li, "needs", 500_000, 30)
    deleted.deleted_at = now()
    deleted.save()
    return {"li": li, "wang": wang, "acme": acme}


def as_tuples(flt: PipelineFilter | None = None) -> list[tuple[str, int, int, int]]:
    return [(t.stage, t.count, t.amount_cents, t.weighted_cents) for t in stage_totals(flt)]


def test_totals_by_hand(data: dict[str, object]) -> None:
    assert as_tuples() == [
        ("initial", 2, 40_000, 1_000 + 4_500),
        ("needs", 0, 0, 0),
        ("proposal", 2, 25_001, 12_501),  # (20_000×50 + 5_001×50) / 100 = 12_500.5 → rounded 12_501
        ("negotiation", 1, 40_000, 28_000),
    ]


def test_owner_filter(data: dict[str, object]) -> None:
    li = data["li"]
    assert as_tuples(PipelineFilter(owner_id=li.id)) == [  # type: ignore[attr-defined]
        ("initial", 1, 10_000, 1_000),
        ("needs", 0, 0, 0),
        ("proposal", 2, 25_001, 12_501),
        ("negotiation", 0, 0, 0),
    ]


def test_expected_close_range_is_half_open(data: dict[str, object]) -> None:
    january = PipelineFilter(start=date(2026, 1, 10), end=date(2026, 1, 31))
    assert as_tuples(january) == [
        ("initial", 1, 10_000, 1_000),
        ("needs", 0, 0, 0),
        ("proposal", 1, 20_000, 10_000),
        ("negotiation", 0, 0, 0),  # due on the 31st: the end is excluded
    ]


def test_created_range(data: dict[str, object]) -> None:
    first = Opportunity.select().where(Opportunity.name == "initial-10000").get()
    Opportunity.update(created_at=datetime(2025, 6, 1, 9, 0)).execute()
    Opportunity.update(created_at=datetime(2025, 7, 1, 23, 59)).where(Opportunity.id == first.id).execute()
    flt = PipelineFilter(date_field="created", start=date(2025, 7, 1), end=date(2025, 7, 2))
    assert as_tuples(flt)[0] == ("initial", 1, 10_000, 1_000)
    assert sum(t.count for t in stage_totals(flt)) == 1


def test_closed_totals_in_period(data: dict[str, object]) -> None:
    everything = closed_totals()
    assert (everything.won_count, everything.won_cents, everything.lost_count, everything.lost_cents) == (
        1, 99_000, 1, 7_000,
    )  # fmt: skip
    january = closed_totals(PipelineFilter(start=date(2026, 1, 1), end=date(2026, 2, 1)))
    assert (january.won_count, january.lost_count) == (1, 0)
    wang = closed_totals(PipelineFilter(owner_id=data["wang"].id))  # type: ignore[attr-defined]
    assert (wang.won_count, wang.lost_count, wang.lost_cents) == (0, 1, 7_000)


def test_column_cards_top_n_by_amount(data: dict[str, object]) -> None:
    cards = column_cards("proposal")
    assert [(c.client_name, c.amount_cents, c.owner_name) for c in cards] == [
        ("Globex", 20_000, "Li"),
        ("Globex", 5_001, "Li"),
    ]
    assert [c.amount_cents for c in column_cards("initial", limit=1)] == [30_000]
    assert column_cards("needs") == []
    assert column_cards("initial")[0].expected_close == date(2026, 2, 10)


def test_owners_lists_active_users_and_owners(people: tuple[User, User]) -> None:
    li, wang = people
    wang.active = False
    wang.save()
    assert owners() == [(li.id, "Li")]
    opp(Client.create(name="X"), wang, "initial", 1, 10)
    assert owners() == [(li.id, "Li"), (wang.id, "Wang")]
