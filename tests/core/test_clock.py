"""One clock: nothing but ``desktop_crm.clock`` reads the system time, and freezing it moves everything."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_crm import clock
from desktop_crm.clock import FrozenClock

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_TIME = re.compile(
    r"\b(date\.today|datetime\.now|datetime\.today|datetime\.utcnow|QDate\.currentDate|"
    r"QDateTime\.currentDateTime|QTime\.currentTime|time\.time|time\.localtime)\s*\("
)


def test_only_the_clock_reads_the_system_time() -> None:
    offenders = []
    for package in ("desktop_crm", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == ROOT / "desktop_crm" / "clock.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SYSTEM_TIME.search(line.split("#", 1)[0]):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_fixture_freezes_the_clock(clock: FrozenClock) -> None:
    clock.set(datetime(2028, 2, 29, 23, 30, 59, 999))
    assert clock.now() == datetime(2028, 2, 29, 23, 30, 59)
    from desktop_crm import clock as module

    assert module.now() == datetime(2028, 2, 29, 23, 30, 59)
    assert module.today() == date(2028, 2, 29)
    clock.advance(minutes=30)
    assert module.today() == date(2028, 3, 1)
    clock.advance(timedelta(days=1))
    assert module.now() == datetime(2028, 3, 2, 0, 0, 59)


def test_records_are_stamped_by_the_clock(db: object, clock: FrozenClock) -> None:
    from desktop_crm.models import User
    from desktop_crm.services.users import create_user, update_user

    clock.set(datetime(2027, 3, 1, 0, 0, 5))
    user = create_user("王晓明")
    assert user.created_at == datetime(2027, 3, 1, 0, 0, 5)
    clock.advance(hours=1)
    update_user(user.id, phone="13800000000")
    assert User.get_by_id(user.id).updated_at == datetime(2027, 3, 1, 1, 0, 5)


def test_reset_gives_the_system_time_back() -> None:
    clock.reset()
    try:
        assert not clock.is_frozen()
        before = datetime.now().replace(microsecond=0)
        assert before <= clock.now() <= datetime.now()
    finally:
        clock.freeze(datetime(2026, 1, 1))
