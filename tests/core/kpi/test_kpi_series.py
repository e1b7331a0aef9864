"""Series: values per period, MoM and YoY (including the first period), JSON form, query count."""

from __future__ import annotations

import json
from datetime import date

import pytest
from kpi_builders import Builder, Scenario

from desktop_crm import engine
from desktop_crm.kpi import KPI_KEYS, compute, series, series_to_json
from desktop_crm.kpi.compute import change
from desktop_crm.models import database


def test_change_rules() -> None:
    assert change(15, 10) == 0.5
    assert change(0, 4) == -1.0
    assert change(3, 0) is None  # zero base: no change
    assert change(None, 4) is None
    assert change(4, None) is None
    assert change(0.25, 0.5) == -0.5


def test_month_series_with_mom_and_yoy(scenario: Scenario) -> None:
    results = series("month", date(2025, 2, 1), date(2025, 4, 1))
    assert [r.period.label for r in results] == ["2025-02", "2025-03"]
    feb, mar = results
    for r in results:
        assert r.values == compute(r.period)
        assert set(r.mom) == set(r.yoy) == set(KPI_KEYS)

    # follow-ups: Jan 1 (c1 01-15), Feb 1 (c1 02-20), Mar 5, Mar 2024 2 (c6)
    assert (feb.values["activity_total"], mar.values["activity_total"]) == (1, 5)
    assert feb.mom["activity_total"] == 0.0  # 1 / 1 − 1: the first period's base (January) is computed too
    assert mar.mom["activity_total"] == 4.0  # 5 / 1 − 1
    assert mar.yoy["activity_total"] == 1.5  # 5 / 2 − 1 against March 2024
    assert feb.yoy["activity_total"] is None  # February 2024: nothing, a zero base
    # new clients: Jan 1 (c1), Feb 0, Mar 2, Mar 2024 1 (c6)
    assert feb.mom["new_clients"] == -1.0  # 0 / 1 − 1
    assert mar.mom["new_clients"] is None  # base 0
    assert mar.yoy["new_clients"] == 1.0  # 2 / 1 − 1
    # rates: February has no new client (value None), March 2024's conversion is 0 / 1 = 0.0
    assert feb.values["conversion_rate"] is None and feb.mom["conversion_rate"] is None
    assert mar.mom["conversion_rate"] is None  # base None
    assert mar.yoy["conversion_rate"] is None  # base 0.0
    # call minutes: Mar 25, Mar 2024 3 + 7 = 10
    assert mar.yoy["call_minutes"] == 1.5


def test_user_series_and_week_series(scenario: Scenario) -> None:
    weeks = series("week", date(2025, 3, 24), date(2025, 4, 7), user_id=scenario.alice)
    assert [w.period.label for w in weeks] == ["2025-W13", "2025-W14"]
    assert [w.values["activity_total"] for w in weeks] == [0, 2]  # W14: c3's sms 03-31, meeting 04-01
    assert weeks[1].values["behaviour_score"] == 40.0
    assert weeks[0].mom["activity_total"] == -1.0  # W12 had c1's call on 03-20: 0 / 1 − 1
    for w in weeks:
        assert w.values == compute(w.period, user_id=scenario.alice)


def test_series_to_json(scenario: Scenario) -> None:
    rows = series_to_json(series("quarter", date(2025, 1, 1), date(2025, 7, 1)))
    assert [(r["period"], r["start"], r["end"]) for r in rows] == [
        ("2025-Q1", "2025-01-01", "2025-04-01"),
        ("2025-Q2", "2025-04-01", "2025-07-01"),
    ]
    text = json.dumps(rows, allow_nan=False)
    back = json.loads(text)
    assert back == rows
    assert back[0]["values"]["signed_amount_cents"] == 200_000  # k1 + k3 + c4's March contract
    assert back[1]["values"]["signed_amount_cents"] == 50_000  # k2
    assert back[1]["mom"]["signed_amount_cents"] == -0.75  # 50_000 / 200_000 − 1
    assert back[0]["yoy"]["signed_amount_cents"] is None  # Q1 2024: no contract
    assert set(back[0]) == {"period", "start", "end", "values", "mom", "yoy"}


def test_custom_series_is_one_period(scenario: Scenario) -> None:
    (result,) = series("custom", date(2025, 3, 1), date(2025, 4, 1))
    assert result.period.label == "2025-03-01..2025-03-31"
    assert result.values == compute(result.period)
    assert result.values["activity_total"] == 5
    # the 31 days before: 2025-01-29 .. 2025-02-28 hold c1's visit on 02-20 only
    assert result.mom["activity_total"] == 4.0


def _statements(run: object) -> list[str]:
    seen: list[str] = []
    db = database.obj
    if engine.is_postgres(db):  # every statement reaches the server through _execute_cursor
        original = db._execute_cursor

        def traced(sql: str, params: object = None) -> object:
            seen.append(sql)
            return original(sql, params)

        db._execute_cursor = traced
        try:
            run()  # type: ignore[operator]
        finally:
            del db._execute_cursor
    else:
        conn = database.connection()
        conn.set_trace_callback(seen.append)
        try:
            run()  # type: ignore[operator]
        finally:
            conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


@pytest.mark.parametrize("user", [None, 1])
def test_query_count_does_not_grow_with_the_number_of_periods(build: Builder, user: int | None) -> None:
    build.user("frank")
    one = _statements(lambda: series("month", date(2025, 3, 1), date(2025, 4, 1), user_id=user))
    many = _statements(lambda: series("month", date(2023, 1, 1), date(2025, 1, 1), user_id=user))
    assert len(one) == len(many) <= 17  # one aggregate query per fact family (17th: referrals)
