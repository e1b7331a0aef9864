"""Settings stored as JSON in the database, and the performance handbook's ordered Q&A."""

from __future__ import annotations

import math
from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import HandbookEntry, Setting
from desktop_crm.services.handbook import add_entry, delete_entry, list_entries, move_entry, update_entry
from desktop_crm.services.settings import delete_setting, get_setting, set_setting


def test_get_missing_setting_returns_default(db: object) -> None:
    assert get_setting("ui.language") is None
    assert get_setting("ui.language", "zh_CN") == "zh_CN"


@pytest.mark.parametrize(
    "value",
    [None, True, 0, -3, 2.5, "中文 ✓", "", [1, "a", None], {"week_start": "monday", "goals": [1, 2]}],
)
def test_values_round_trip_as_json(db: object, value: object) -> None:
    set_setting("key", value)
    assert get_setting("key", "default") == value


def test_set_overwrites_one_row(db: object) -> None:
    set_setting(" currency ", "CNY")
    set_setting("currency", "EUR")
    assert Setting.select().count() == 1
    assert get_setting("currency") == "EUR"
    assert Setting.get().value == '"EUR"'
    assert delete_setting("currency") is True
    assert delete_setting("currency") is False
    assert get_setting("currency", "none") == "none"


def test_long_values_are_kept(db: object) -> None:
    value = {"columns": ["name"] * 500}
    set_setting("table.columns", value)
    assert get_setting("table.columns") == value


@pytest.mark.parametrize("value", [object(), {1, 2}, math.nan, math.inf, b"bytes", date(2024, 1, 1)])
def test_non_json_values_are_refused(db: object, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        set_setting("key", value)
    assert info.value.field == "value"
    assert Setting.select().count() == 0


@pytest.mark.parametrize("key", ["", "  ", None, "k" * 101, 5])
def test_bad_keys_are_refused(db: object, key: object) -> None:
    with pytest.raises(ValidationError):
        set_setting(key, 1)  # type: ignore[arg-type]


def test_unreadable_stored_value_gives_default(db: object) -> None:
    Setting.create(key="broken", value="{not json")
    assert get_setting("broken", 7) == 7


def questions() -> list[str]:
    return [e.question for e in list_entries()]


def test_add_and_list_in_order(db: object) -> None:
    first = add_entry(
        " How is the signed amount judged? ", "Sum of contracts signed in the period.", "signed_amount"
    )
    second = add_entry("什么是首次签约？", revised_on="2025-01-15")
    assert questions() == ["How is the signed amount judged?", "什么是首次签约？"]
    assert (first.position, second.position) == (0, 1)
    stored = HandbookEntry.get_by_id(second.id)
    assert (stored.answer, stored.kpi_key, stored.revised_on) == ("", "", date(2025, 1, 15))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"question": "  "}, "question"),
        ({"question": "Q", "kpi_key": "k" * 51}, "kpi_key"),
        ({"question": "Q", "revised_on": "1899-12-31"}, "revised_on"),
        ({"question": "Q", "answer": "a" * 100_001}, "answer"),
    ],
)
def test_invalid_entries_are_refused(db: object, kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        add_entry(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert HandbookEntry.select().count() == 0


def test_update_entry(db: object) -> None:
    entry = add_entry("Q")
    update_entry(entry.id, answer="A", revised_on=date(2025, 2, 1))
    stored = HandbookEntry.get_by_id(entry.id)
    assert (stored.answer, stored.revised_on) == ("A", date(2025, 2, 1))
    with pytest.raises(ValidationError, match="Unknown handbook field"):
        update_entry(entry, position=3)
    with pytest.raises(ValidationError):
        update_entry(entry, question="")
    with pytest.raises(NotFoundError):
        update_entry(999, answer="x")


def test_move_and_delete_keep_positions_dense(db: object) -> None:
    a, b, c, d = (add_entry(q) for q in "ABCD")
    move_entry(d.id, 0)
    assert questions() == ["D", "A", "B", "C"]
    move_entry(a, 3)
    assert questions() == ["D", "B", "C", "A"]
    move_entry(b, 1)  # already there
    assert questions() == ["D", "B", "C", "A"]
    for bad in (-1, 4, "2"):
        with pytest.raises(ValidationError):
            move_entry(c, bad)  # type: ignore[arg-type]
    delete_entry(b)
    assert questions() == ["D", "C", "A"]
    assert [e.position for e in list_entries()] == [0, 1, 2]
    assert add_entry("E").position == 3
    with pytest.raises(NotFoundError):
        delete_entry(b.id)
