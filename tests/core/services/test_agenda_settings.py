"""Neglect thresholds per grade and reminder settings: defaults, validation 1..365, effect on the agenda."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_crm.agenda import load_agenda
from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, User
from desktop_crm.services.agenda_settings import (
    ReminderSettings,
    load_neglect_days,
    load_reminder_settings,
    save_neglect_days,
    save_reminder_settings,
)
from desktop_crm.services.settings import set_setting


def test_defaults_and_saving(db: object) -> None:
    assert load_neglect_days() == {"A": 7, "B": 14, "C": 30}
    assert save_neglect_days({"B": "10"}) == {"A": 7, "B": 10, "C": 30}
    assert load_neglect_days() == {"A": 7, "B": 10, "C": 30}


@pytest.mark.parametrize("bad", [0, 366, -1, "x", 2.5, True])
def test_days_are_validated(db: object, bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        save_neglect_days({"A": bad})
    assert info.value.field == "A"
    assert load_neglect_days()["A"] == 7


def test_unknown_grade_is_refused(db: object) -> None:
    with pytest.raises(ValidationError, match="Unknown grade"):
        save_neglect_days({"D": 5})


def test_thresholds_change_the_neglected_list(db: object) -> None:
    me = User.create(name="王磊")
    Client.create(
        name="甲", owner=me, grade="B", created_at=datetime(2026, 1, 1), last_contact_at=datetime(2026, 11, 8)
    )
    now = datetime(2026, 11, 18, 10)
    assert load_agenda(now).neglected == []  # 10 days < 14
    save_neglect_days({"B": 10})
    assert [c.name for c in load_agenda(now).neglected] == ["甲"]


def test_reminder_settings(db: object) -> None:
    assert load_reminder_settings() == ReminderSettings(True, 10)
    assert save_reminder_settings(False, 30) == ReminderSettings(False, 30)
    assert load_reminder_settings() == ReminderSettings(False, 30)
    with pytest.raises(ValidationError):
        save_reminder_settings(True, -5)
    set_setting("reminders", {"enabled": True, "lead_minutes": "soon"})
    assert load_reminder_settings() == ReminderSettings(True, 10)
