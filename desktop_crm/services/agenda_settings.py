"""Settings of the Today page: neglect thresholds per grade and the in-app reminders.

Stored in the database (shared by everyone using the file): ``agenda.neglect_days`` (read by
``desktop_crm.agenda``) as ``{"A": 7, "B": 14, "C": 30}``, and ``reminders`` as
``{"enabled": true, "lead_minutes": 10}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..agenda import DEFAULT_NEGLECT_DAYS, NEGLECT_SETTING, neglect_days
from ..errors import ValidationError
from .common import require_mapping, shown, transactional
from .settings import get_setting, set_setting

MIN_DAYS, MAX_DAYS = 1, 365
REMINDER_SETTING = "reminders"
DEFAULT_LEAD_MINUTES = 10
MIN_LEAD, MAX_LEAD = 0, 24 * 60


def load_neglect_days() -> dict[str, int]:
    """Days without a follow-up after which a client of each grade counts as neglected."""
    return neglect_days()


def _days(value: Any, grade: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError("agenda.grade_days_whole", grade, grade=grade) from None
    if not MIN_DAYS <= value <= MAX_DAYS:
        raise ValidationError("agenda.grade_days_range", grade, grade=grade, low=MIN_DAYS, high=MAX_DAYS)
    return int(value)


@transactional
def save_neglect_days(days: Mapping[str, Any]) -> dict[str, int]:
    """Store the thresholds of the grades given (others keep their value); returns all of them."""
    current = load_neglect_days()
    for grade, value in require_mapping(days, "grade", "Grade").items():
        if grade not in DEFAULT_NEGLECT_DAYS:
            raise ValidationError("agenda.unknown_grade", "grade", grade=shown(grade))
        current[grade] = _days(value, grade)
    set_setting(NEGLECT_SETTING, current)
    return current


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = True
    lead_minutes: int = DEFAULT_LEAD_MINUTES


def load_reminder_settings() -> ReminderSettings:
    stored = get_setting(REMINDER_SETTING)
    if not isinstance(stored, dict):
        return ReminderSettings()
    enabled = stored.get("enabled", True)
    lead = stored.get("lead_minutes", DEFAULT_LEAD_MINUTES)
    if not isinstance(lead, int) or isinstance(lead, bool) or not MIN_LEAD <= lead <= MAX_LEAD:
        lead = DEFAULT_LEAD_MINUTES
    return ReminderSettings(bool(enabled), lead)


@transactional
def save_reminder_settings(enabled: bool, lead_minutes: int) -> ReminderSettings:
    if (
        isinstance(lead_minutes, bool)
        or not isinstance(lead_minutes, int)
        or not MIN_LEAD <= lead_minutes <= MAX_LEAD
    ):
        raise ValidationError("agenda.lead_range", "lead_minutes", low=MIN_LEAD, high=MAX_LEAD)
    settings = ReminderSettings(bool(enabled), lead_minutes)
    set_setting(REMINDER_SETTING, {"enabled": settings.enabled, "lead_minutes": settings.lead_minutes})
    return settings
