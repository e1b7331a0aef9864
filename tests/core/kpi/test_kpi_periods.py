"""Period helpers: labels, previous(), year_ago(), period_containing and periods_between."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.kpi import Period, period_containing, periods_between

D = date


def test_iso_week_one_crosses_the_year_boundary() -> None:
    week = period_containing("week", D(2024, 12, 31))  # a Tuesday
    assert (week.start, week.end, week.label) == (D(2024, 12, 30), D(2025, 1, 6), "2025-W01")
    assert period_containing("week", D(2025, 1, 5)) == week  # the Sunday
    assert week.previous().label == "2024-W52"
    assert week.year_ago() == Period(D(2024, 1, 1), D(2024, 1, 8), "week")  # 2024-W01


def test_week_53_of_2026() -> None:
    week = period_containing("week", D(2026, 12, 31))
    assert (week.start, week.end, week.label) == (D(2026, 12, 28), D(2027, 1, 4), "2026-W53")
    assert week.next().label == "2027-W01"
    # 2025 has no week 53: a year earlier is 2025's last week, W52
    assert week.year_ago() == Period(D(2025, 12, 22), D(2025, 12, 29), "week")
    assert week.year_ago().label == "2025-W52"
    # and week 53 of 2020 (2019 has 52 weeks too)
    assert period_containing("week", D(2021, 1, 1)).year_ago().label == "2019-W52"
    # 2027-W53 does not exist; 2027-W52's year-ago is 2026-W52, not W53
    assert period_containing("week", D(2027, 12, 27)).year_ago().label == "2026-W52"


def test_months_quarters_years() -> None:
    jan = period_containing("month", D(2025, 1, 31))
    assert (jan.start, jan.end, jan.label) == (D(2025, 1, 1), D(2025, 2, 1), "2025-01")
    assert jan.previous().label == "2024-12"
    assert jan.year_ago().label == "2024-01"
    assert period_containing("month", D(2024, 2, 10)).days == 29

    q2 = period_containing("quarter", D(2025, 5, 17))
    assert (q2.start, q2.end, q2.label) == (D(2025, 4, 1), D(2025, 7, 1), "2025-Q2")
    assert q2.previous().label == "2025-Q1"
    assert period_containing("quarter", D(2025, 1, 1)).previous().label == "2024-Q4"
    assert q2.year_ago().label == "2024-Q2"

    year = period_containing("year", D(2025, 7, 4))
    assert (year.start, year.end, year.label) == (D(2025, 1, 1), D(2026, 1, 1), "2025")
    assert (year.previous().label, year.year_ago().label) == ("2024", "2024")


def test_custom_ranges() -> None:
    p = Period(D(2025, 1, 10), D(2025, 1, 20), "custom")
    assert p.label == "2025-01-10..2025-01-19"  # the inclusive last day is shown
    assert p.previous() == Period(D(2024, 12, 31), D(2025, 1, 10), "custom")  # the 10 days before
    assert p.year_ago() == Period(D(2024, 1, 10), D(2024, 1, 20), "custom")
    leap = Period(D(2024, 2, 29), D(2024, 3, 1), "custom")
    assert leap.year_ago() == Period(D(2023, 2, 28), D(2023, 3, 1), "custom")
    # January to 28 February 2024 (inclusive) → January to 28 February 2023
    assert Period(D(2024, 1, 1), D(2024, 2, 29), "custom").year_ago().last_day == D(2023, 2, 28)
    assert periods_between("custom", D(2025, 1, 10), D(2025, 1, 20)) == [p]
    assert period_containing("custom", D(2025, 1, 10)).label == "2025-01-10..2025-01-10"


def test_invalid_periods_are_refused() -> None:
    with pytest.raises(ValueError):
        Period(D(2025, 1, 2), D(2025, 2, 1), "month")  # not aligned
    with pytest.raises(ValueError):
        Period(D(2025, 1, 1), D(2025, 3, 1), "month")  # two months
    with pytest.raises(ValueError):
        Period(D(2025, 1, 1), D(2025, 1, 1), "custom")  # empty
    with pytest.raises(ValueError):
        Period(D(2025, 1, 1), D(2025, 1, 2), "fortnight")
    with pytest.raises(ValueError):
        periods_between("fortnight", D(2025, 1, 1), D(2025, 2, 1))
    assert periods_between("month", D(2025, 2, 1), D(2025, 2, 1)) == []


def test_periods_between_examples() -> None:
    labels = [p.label for p in periods_between("quarter", D(2024, 2, 1), D(2025, 1, 2))]
    assert labels == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    months = periods_between("month", D(2024, 1, 1), D(2026, 1, 1))
    assert len(months) == 24 and months[0].label == "2024-01" and months[-1].label == "2025-12"
    weeks = periods_between("week", D(2026, 12, 20), D(2027, 1, 10))
    assert [w.label for w in weeks] == ["2026-W51", "2026-W52", "2026-W53", "2027-W01"]


CALENDAR_KINDS = st.sampled_from(["week", "month", "quarter", "year"])
DAYS = st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31))


@given(kind=CALENDAR_KINDS, start=DAYS, length=st.integers(min_value=1, max_value=1500))
def test_periods_between_are_consecutive_and_cover_the_range(kind: str, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    periods = periods_between(kind, start, end)
    assert periods[0].contains(start)
    assert periods[-1].contains(end - timedelta(days=1))
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.end == after.start  # consecutive, hence neither overlapping nor leaving a gap
        assert after.previous() == before
        assert before.next() == after
    for period in periods:
        assert period.kind == kind
        assert period_containing(kind, period.start) == period
        assert period_containing(kind, period.last_day) == period
    labels = [p.label for p in periods]
    assert len(set(labels)) == len(labels)


@given(kind=CALENDAR_KINDS, day=DAYS)
def test_previous_and_year_ago_keep_the_kind(kind: str, day: date) -> None:
    period = period_containing(kind, day)
    previous, year_ago = period.previous(), period.year_ago()
    assert previous.end == period.start and previous.kind == kind
    assert year_ago.kind == kind
    if kind == "week":
        year, week, _ = period.start.isocalendar()
        ago_year, ago_week, _ = year_ago.start.isocalendar()
        assert ago_year == year - 1
        assert ago_week == week or (week == 53 and ago_week == 52)
    else:
        assert year_ago.start == period.start.replace(year=period.start.year - 1)
        assert year_ago.days in (period.days - 1, period.days, period.days + 1)


@given(start=DAYS, length=st.integers(min_value=1, max_value=800))
def test_custom_previous_has_the_same_length(start: date, length: int) -> None:
    period = Period(start, start + timedelta(days=length), "custom")
    assert period.previous().days == length and period.previous().end == period.start
    assert period.year_ago().days in (length - 1, length, length + 1)
