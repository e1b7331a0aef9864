"""The performance handbook (绩效手册): topics, the seeded first edition in both languages, search,
the entry a KPI link opens, the revision date, and the v8 -> v9 upgrade of earlier entries."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm import clock as app_clock
from desktop_crm.db import close_database, migrate, open_database, schema_version
from desktop_crm.driver import sqlite3
from desktop_crm.errors import ValidationError
from desktop_crm.handbook_seed import ROLE_KEYS, RULE_KEYS, SEED, seed_entries, topic_keys, topic_title
from desktop_crm.kpi import KPI_KEYS
from desktop_crm.models import HandbookEntry
from desktop_crm.services.handbook import (
    add_entry,
    delete_entry,
    entries,
    entry_for_key,
    seed_handbook,
    seed_handbook_if_new,
    topic_kind,
    update_entry,
)


def test_the_seed_explains_every_kpi_every_rule_and_both_roles() -> None:
    keys = [entry.key for entry in SEED]
    assert len(keys) == len(set(keys))
    assert set(KPI_KEYS) <= set(keys)
    assert set(ROLE_KEYS) == {"role:salesperson", "role:supervisor"}
    assert {
        "rule:weekly_score",
        "rule:completion",
        "rule:on_pace",
        "rule:smart",
        "rule:agreed_targets",
    } <= set(RULE_KEYS)
    assert set(keys) == set(KPI_KEYS) | set(RULE_KEYS) | set(ROLE_KEYS) == set(topic_keys())
    for entry in SEED:
        for text, least in ((entry.en, 80), (entry.zh, 40)):
            assert text.title and text.question and len(text.answer) > least, entry.key
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in entry.en.question), entry.key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry.zh.answer), entry.key
    # A few definitions, word for word from DOMAIN.md.
    by_key = {entry.key: entry for entry in SEED}
    assert (
        "share whose first contract is signed before the period ends" in by_key["conversion_rate"].en.answer
    )
    assert "在期末之前签了第一份合同的比例" in by_key["conversion_rate"].zh.answer
    assert "Thursday" in by_key["behaviour_score"].en.answer
    assert "twice the best of the last four comparable periods" in by_key["rule:smart"].en.answer
    assert topic_title("collected_amount_cents", "zh_CN") == "回款额"
    assert topic_title("collected_amount_cents", "en") == "Collected amount"
    assert topic_title("no_such_topic", "en") == ""


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_seeding_fills_an_empty_handbook_once(db: object, lang: str, clock: app_clock.FrozenClock) -> None:
    clock.set(datetime(2027, 3, 1, 9, 0))
    assert seed_handbook(lang) == len(SEED)
    items = entries()
    assert [(i.key, i.question, i.answer) for i in items] == seed_entries(lang)
    assert [i.position for i in items] == list(range(len(SEED)))
    assert {i.revised_on for i in items} == {date(2027, 3, 1)}
    assert seed_handbook(lang) == 0
    assert seed_handbook("en" if lang != "en" else "zh_CN") == 0
    assert HandbookEntry.select().count() == len(SEED)


def test_seeding_never_touches_a_handbook_with_entries(db: object) -> None:
    add_entry("Our own question", "Our own answer")
    assert seed_handbook("en") == 0
    assert [i.question for i in entries()] == ["Our own question"]


def test_topic_kinds(db: object) -> None:
    assert topic_kind("conversion_rate") == "kpi"
    assert topic_kind("rule:smart") == "rule"
    assert topic_kind("role:supervisor") == "role"
    assert topic_kind("") == topic_kind("signed_amount") == ""
    seed_handbook("en")
    kinds = {i.key: i.kind for i in entries()}
    assert (
        kinds["won_count"] == "kpi"
        and kinds["rule:on_pace"] == "rule"
        and kinds["role:salesperson"] == "role"
    )


def test_entry_for_key_finds_the_first_entry_of_a_topic(db: object) -> None:
    assert entry_for_key("conversion_rate") is None
    add_entry("Unrelated", kpi_key="rule:smart")
    first = add_entry("转化率是怎么算的？", "比例。", "conversion_rate")
    add_entry("Conversion, again", "", "conversion_rate")
    found = entry_for_key("conversion_rate")
    assert found is not None and (found.id, found.question, found.kind) == (
        first.id,
        "转化率是怎么算的？",
        "kpi",
    )
    assert entry_for_key(" conversion_rate ") == found
    assert entry_for_key("") is None and entry_for_key("nothing") is None


def test_search_matches_question_or_answer_in_either_language(db: object) -> None:
    seed_handbook("zh_CN")
    add_entry("How is Collection judged?", "By the DATE the money arrives.")
    questions = [i.question for i in entries("回款")]
    assert "回款额按哪天算？" in questions and "计划回款是什么？" in questions
    assert all("回款" in i.question or "回款" in i.answer for i in entries("回款"))
    assert [i.question for i in entries("  date the MONEY ")] == ["How is Collection judged?"]
    assert [i.question for i in entries("劳模")] == [
        "业务员考核什么？（职务说明书）",
        "为什么跟进次数多，绩效分反而不高？",
    ]
    assert entries("no such words anywhere") == []
    assert len(entries("")) == len(entries()) == len(SEED) + 1


def test_revision_date_follows_changes(db: object, clock: app_clock.FrozenClock) -> None:
    entry = add_entry("Q", "A", "rule:smart")
    assert entry.revised_on == app_clock.today()
    clock.advance(days=3)
    update_entry(entry.id, answer="A")  # nothing changed
    assert HandbookEntry.get_by_id(entry.id).revised_on == app_clock.today() - timedelta(days=3)
    update_entry(entry.id, answer="A, better")
    assert HandbookEntry.get_by_id(entry.id).revised_on == app_clock.today()
    update_entry(entry.id, question="Q2", revised_on="2025-01-02")
    assert HandbookEntry.get_by_id(entry.id).revised_on == date(2025, 1, 2)


@pytest.mark.parametrize("key", ["Conversion Rate", "rule:", "rule smart", ":x", "a:b:c", "转化率"])
def test_malformed_topic_keys_are_refused(db: object, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        add_entry("Q", kpi_key=key)
    assert info.value.field == "kpi_key"
    assert HandbookEntry.select().count() == 0


def test_seed_language_must_be_text(db: object) -> None:
    with pytest.raises(ValidationError):
        seed_handbook(None)  # type: ignore[arg-type]
    assert HandbookEntry.select().count() == 0


def test_upgrade_points_earlier_demo_entries_at_kpi_keys(tmp_path: Path) -> None:
    path = tmp_path / "v8.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=8)
    old = [("activity_counts", "activity_total"), ("collected_amount", "collected_amount_cents"),
           ("follow_up_cycle", "follow_up_cycle_days_mean"), ("monthly_behaviour_score", "behaviour_score"),
           ("repeat_rate", "repeat_rate"), ("", "")]  # fmt: skip
    for position, (key, _new) in enumerate(old):
        conn.execute(
            "INSERT INTO handbook_entry (uuid, created_at, updated_at, question, answer, kpi_key, revised_on, "
            "position) VALUES (?, '2025-01-01 09:00:00', '2025-01-01 09:00:00', ?, '答', ?, NULL, ?)",
            (f"h-{position}", f"问题{position}", key, position),
        )
    conn.close()
    db = open_database(path)
    try:
        assert schema_version(db.connection()) >= 9
        stored = [(e.question, e.kpi_key) for e in HandbookEntry.select().order_by(HandbookEntry.position)]
        assert stored == [(f"问题{i}", new) for i, (_old, new) in enumerate(old)]
        assert entry_for_key("behaviour_score") is not None
    finally:
        close_database()


def test_first_visit_seeds_a_new_handbook_but_not_one_emptied_on_purpose(db: object) -> None:
    assert seed_handbook_if_new("zh_CN") == len(SEED)
    assert entries()[0].question == "业务员考核什么？（职务说明书）"
    assert seed_handbook_if_new("zh_CN") == 0
    for item in entries():
        delete_entry(item.id)
    assert seed_handbook_if_new("en") == 0
    assert entries() == []
    assert seed_handbook("en") == len(SEED)  # asked for explicitly


def test_a_demo_like_handbook_is_not_seeded_again(db: object) -> None:
    add_entry("Written before this version")
    assert seed_handbook_if_new("en") == 0
    assert len(entries()) == 1
