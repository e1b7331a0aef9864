"""Reporting periods: half-open ranges of calendar days ``[start, end)``.

Kinds: ``week`` (ISO week, Monday first), ``month``, ``quarter``, ``year`` and ``custom`` (any range of
whole days). A period of a calendar kind must be exactly aligned on that kind (a month starts on the
1st and ends on the 1st of the next month); a custom period may be any non-empty range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("week", "month", "quarter", "year", "custom")

ONE_DAY = timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def _minus_one_year(day: date) -> date:
    """The same calendar day a year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _iso_weeks_in(iso_year: int) -> int:
    """52 or 53: the ISO week number of 28 December, which is always in the last week."""
    return date(iso_year, 12, 28).isocalendar()[1]


def _natural_end(kind: str, start: date) -> date:
    if kind == "week":
        return start + timedelta(days=7)
    if kind == "month":
        return _add_months(start, 1)
    if kind == "quarter":
        return _add_months(start, 3)
    if kind == "year":
        return date(start.year + 1, 1, 1)
    raise ValueError(f"unknown period kind {kind!r}")


def _aligned_start(kind: str, day: date) -> date:
    if kind == "week":
        return day - timedelta(days=day.weekday())
    if kind == "month":
        return day.replace(day=1)
    if kind == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if kind == "year":
        return date(day.year, 1, 1)
    raise ValueError(f"unknown period kind {kind!r}")


@dataclass(frozen=True, order=True)
class Period:
    """The days ``start <= d < end``; ``kind`` says how it was cut (see the module docstring)."""

    start: date
    end: date
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown period kind {self.kind!r} (expected one of {', '.join(KINDS)})")
        if not self.start < self.end:
            raise ValueError(f"a period must not be empty: {self.start} .. {self.end}")
        if self.kind != "custom" and (
            _aligned_start(self.kind, self.start) != self.start
            or _natural_end(self.kind, self.start) != self.end
        ):
            raise ValueError(f"{self.start} .. {self.end} is not one {self.kind}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        """The last day inside the period (``end`` is excluded)."""
        return self.end - ONE_DAY

    @property
    def label(self) -> str:
        if self.kind == "week":
            iso_year, iso_week, _ = self.start.isocalendar()
            return f"{iso_year}-W{iso_week:02d}"
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.last_day.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def next(self) -> Period:
        """The period of the same kind (and, for custom, the same length) right after this one."""
        if self.kind == "custom":
            return Period(self.end, self.end + (self.end - self.start), "custom")
        return Period(self.end, _natural_end(self.kind, self.end), self.kind)

    def previous(self) -> Period:
        """The period of equal length right before: the previous week/month/quarter/year; for a custom
        range, the same number of days just before it."""
        if self.kind == "custom":
            return Period(self.start - (self.end - self.start), self.start, "custom")
        return period_containing(self.kind, self.start - ONE_DAY)

    def year_ago(self) -> Period:
        """The same period a year earlier.

        ISO week N → week N of the previous ISO year, or its last week (52) when that year has no week 53.
        Custom → the range from the same first day to the same last day a year earlier (29 February → 28).
        """
        if self.kind == "week":
            iso_year, iso_week, _ = self.start.isocalendar()
            week = min(iso_week, _iso_weeks_in(iso_year - 1))
            monday = date.fromisocalendar(iso_year - 1, week, 1)
            return Period(monday, monday + timedelta(days=7), "week")
        if self.kind == "custom":
            start = _minus_one_year(self.start)
            return Period(start, _minus_one_year(self.last_day) + ONE_DAY, "custom")
        start = date(self.start.year - 1, self.start.month, 1)
        return Period(start, _natural_end(self.kind, start), self.kind)


def period_containing(kind: str, day: date) -> Period:
    """The period of ``kind`` that contains ``day`` (for ``custom``: the one-day range of ``day``)."""
    if kind == "custom":
        return Period(day, day + ONE_DAY, "custom")
    start = _aligned_start(kind, day)
    return Period(start, _natural_end(kind, start), kind)


def periods_between(kind: str, start: date, end: date) -> list[Period]:
    """Consecutive periods of ``kind`` covering ``[start, end)``: the first contains ``start``, the last
    contains ``end - 1 day``. Empty when ``end <= start``. For ``custom``, the one range ``[start, end)``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown period kind {kind!r} (expected one of {', '.join(KINDS)})")
    if end <= start:
        return []
    if kind == "custom":
        return [Period(start, end, "custom")]
    periods = [period_containing(kind, start)]
    while periods[-1].end < end:
        periods.append(periods[-1].next())
    return periods


def week_of_thursday(iso_year: int, iso_week: int) -> date:
    """The Thursday of an ISO week: the day that decides which month (quarter, year) the week belongs to."""
    return date.fromisocalendar(iso_year, iso_week, 4)
