"""The next-step time rules stored in the database: load, save (validated), reset, resolve."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.schedule import BucketRules
from desktop_crm.services.schedule_rules import (
    SETTING_KEY,
    load_bucket_rules,
    reset_bucket_rules,
    resolve,
    save_bucket_rules,
)
from desktop_crm.services.settings import get_setting, set_setting

FRIDAY_NOON = datetime(2026, 3, 6, 12, 0)


def test_defaults_when_nothing_is_stored(db: object) -> None:
    assert load_bucket_rules() == BucketRules()
    assert resolve("tonight", FRIDAY_NOON) == datetime(2026, 3, 6, 20, 0)
    assert resolve("tomorrow", FRIDAY_NOON) == datetime(2026, 3, 9, 9, 0)  # weekend skipped


def test_saved_rules_change_what_resolves(db: object) -> None:
    saved = save_bucket_rules(
        {**BucketRules().to_dict(), "tonight": "19:30", "morning": "8:5", "skip_weekends": False}
    )
    assert saved.morning == "08:05"  # normalised
    assert get_setting(SETTING_KEY)["tonight"] == "19:30"
    assert load_bucket_rules() == saved
    assert resolve("tonight", FRIDAY_NOON) == datetime(2026, 3, 6, 19, 30)
    assert resolve("tomorrow", FRIDAY_NOON) == datetime(2026, 3, 7, 8, 5)  # Saturday now
    explicit = BucketRules(this_week_day=3, this_week_time="12:00")
    assert resolve("this_week", datetime(2026, 3, 2, 9, 0), explicit) == datetime(2026, 3, 5, 12, 0)
    assert reset_bucket_rules() == BucketRules() == load_bucket_rules()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tonight": "25:00"}, "tonight"),
        ({"morning": "nine"}, "morning"),
        ({"this_week_day": 7}, "this_week_day"),
        ({"next_week_day": True}, "next_week_day"),
        ({"later_today_hours": 0}, "later_today_hours"),
        ({"skip_weekends": "yes"}, "skip_weekends"),
    ],
)
def test_invalid_rules_refused_and_nothing_stored(db: object, change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        save_bucket_rules({**BucketRules().to_dict(), **change})
    assert err.value.field == field
    assert get_setting(SETTING_KEY) is None


def test_unreadable_stored_rules_fall_back_to_defaults(db: object) -> None:
    set_setting(SETTING_KEY, {"tonight": "late"})
    assert load_bucket_rules() == BucketRules()
    set_setting(SETTING_KEY, ["not", "a", "dict"])
    assert load_bucket_rules() == BucketRules()


def test_resolve_refuses_exact_and_unknown(db: object) -> None:
    for bucket in ("exact", "someday"):
        with pytest.raises(ValidationError) as err:
            resolve(bucket, FRIDAY_NOON)
        assert err.value.field == "bucket"
