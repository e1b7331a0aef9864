"""The one clock of the application: core, command line and interface all read the time here.

Nothing else calls ``date.today()`` or ``datetime.now()`` (a test keeps it so). Tests and screenshots move
the clock with ``freeze``; ``reset`` gives it back to the system. Times are local wall-clock times to the
second: every KPI works on local dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

_source: Callable[[], datetime] | None = None


def _system_now() -> datetime:
    return datetime.now()


def now() -> datetime:
    """The current local time, second precision."""
    current = _source() if _source is not None else _system_now()
    return current.replace(microsecond=0, tzinfo=None)


def today() -> date:
    """Today's local date."""
    return now().date()


class FrozenClock:
    """A clock that stands still at ``at`` until moved (``set``, ``advance``)."""

    def __init__(self, at: datetime) -> None:
        self.at = at.replace(microsecond=0, tzinfo=None)

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at.replace(microsecond=0, tzinfo=None)

    def now(self) -> datetime:
        return self.at

    def today(self) -> date:
        return self.at.date()

    def advance(self, delta: timedelta | None = None, **units: float) -> datetime:
        self.at += delta if delta is not None else timedelta(**units)
        return self.at


def freeze(at: datetime) -> FrozenClock:
    """Stop the clock at ``at`` (for tests, screenshots and reproducible demo data); returns the clock."""
    global _source
    frozen = FrozenClock(at)
    _source = frozen
    return frozen


def reset() -> None:
    """Back to the system clock."""
    global _source
    _source = None


def is_frozen() -> bool:
    return _source is not None
