"""Input at the service boundary: the crashes the fuzzing found, as plain examples, and round trips of
the text the services accept (stored and read back exactly as given, surrounding blanks stripped)."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm import clock
from desktop_crm.errors import CrmError, NotFoundError, ValidationError
from desktop_crm.models import Client, Contact, FollowUp, HandbookEntry, database
from desktop_crm.services import (
    clients,
    custom_fields,
    followups,
    goals,
    handbook,
    settings,
    stakeholders,
    views,
    weekly,
)
from desktop_crm.services.common import MAX_ID, get_record, long_text, require_text, shown

from .fuzz import call, digest

# --- the crashes, one by one ---------------------------------------------------------------------------


def test_a_lone_surrogate_is_refused_at_the_field(world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as err:
        clients.create_client("a\ud800b")
    assert err.value.code == "text.unpaired_surrogate"
    assert err.value.field == "name"
    assert "Name" in err.value.message
    assert Client.select().count() == 3


@pytest.mark.parametrize("text", ["a\x00b", "\x1b[31m", "bell\x07", "\x7f", "\x9b"])
def test_control_characters_are_refused(world: dict[str, int], text: str) -> None:
    with pytest.raises(ValidationError) as err:
        clients.update_client(world["client"], notes=text)
    assert (err.value.code, err.value.field) == ("text.control_character", "notes")


def test_tabs_and_line_breaks_are_kept_in_notes(world: dict[str, int]) -> None:
    client = clients.update_client(world["client"], notes="line one\r\n\tline two")
    assert Client.get_by_id(client.id).notes == "line one\r\n\tline two"


@pytest.mark.parametrize("bad_id", [2**63, -(2**63) - 1, 10**400, -1, 0, MAX_ID])
def test_ids_out_of_sqlite_range_are_not_found(world: dict[str, int], bad_id: int) -> None:
    with pytest.raises(NotFoundError):
        clients.update_client(bad_id, name="x")


@pytest.mark.parametrize("bad_id", [True, 1.0, "1", b"1", [1], None, math.nan])
def test_ids_of_the_wrong_type_are_refused(world: dict[str, int], bad_id: Any) -> None:
    with pytest.raises(CrmError):
        clients.update_client(bad_id, name="x")
    with pytest.raises(CrmError):
        get_record(Client, bad_id, "Client")


def test_an_owner_of_the_wrong_type_is_refused_at_its_field(world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as err:
        clients.create_client("Acme 2", owner_id="2")
    assert (err.value.code, err.value.field) == ("record.bad_id", "owner_id")


@pytest.mark.parametrize("tags", [None, "vip", 5, {"vip": 1}, b"vip"])
def test_tags_must_be_a_list(world: dict[str, int], tags: Any) -> None:
    before = digest()
    with pytest.raises(ValidationError) as err:
        clients.create_client("Acme 2", tag_names=tags)
    assert err.value.field == "tags"
    with pytest.raises(ValidationError):
        clients.set_client_tags(world["client"], tags)
    assert digest() == before


def test_update_without_tags_keeps_them(world: dict[str, int]) -> None:
    clients.update_client(world["client"], tag_names=None, grade="B")
    assert [t.name for t in clients.get_client_tags(world["client"])] == ["vip"]


@pytest.mark.parametrize("value", [10**400, -(10**400), math.inf, math.nan])
def test_custom_numbers_beyond_a_float_are_refused(world: dict[str, int], value: float) -> None:
    with pytest.raises(ValidationError) as err:
        custom_fields.set_custom_value(world["client"], "Headcount", value)
    assert err.value.field == "Headcount"


def test_a_custom_field_named_with_a_surrogate_is_refused(world: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        custom_fields.set_custom_value(world["client"], "Size\ud800", "x")


@pytest.mark.parametrize("value", [math.nan, math.inf, 10**400])
def test_goal_targets_refuse_nan_infinity_and_huge_numbers(world: dict[str, int], value: float) -> None:
    with pytest.raises(ValidationError) as err:
        goals.add_target(world["goal"], "Visits", value, by=None)
    assert err.value.field == "target_value"


@pytest.mark.parametrize("weights", [[math.nan] * 4, [math.inf, 1, 1, 1], [10**400, 1, 1, 1], 5, {"a": 1}])
def test_split_weights_refuse_nan_and_non_lists(world: dict[str, int], weights: Any) -> None:
    with pytest.raises(ValidationError) as err:
        goals.split_target(1, "quarter", weights, by=None)
    assert err.value.field == "weights"


def test_an_acting_user_beyond_sqlite_is_not_found(world: dict[str, int]) -> None:
    with pytest.raises(NotFoundError):
        goals.update_goal(world["goal"], title="x", by=2**63)


def test_an_annotated_line_beyond_sqlite_is_refused(world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as err:
        weekly.annotate(2, world["boss"], "Good", line="plan:99999999999999999999")
    assert err.value.field == "line"


def test_settings_refuse_deep_nesting_and_surrogates(world: dict[str, int]) -> None:
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    for value in (deep, {"a": "\ud800"}, ["\udfff"]):
        with pytest.raises(ValidationError):
            settings.set_setting("x.y", value)
        with pytest.raises(ValidationError):
            views.save_view("clients", "Deep", value)
    assert settings.get_setting("x.y") is None


def test_a_view_for_a_missing_user_is_refused(world: dict[str, int]) -> None:
    with pytest.raises(NotFoundError):
        views.save_view("clients", "Ghost", {}, user_id=99)
    with pytest.raises(NotFoundError):
        views.list_views("clients", user_id=2**63)


def test_contacts_of_a_follow_up_must_be_a_list(world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as err:
        followups.update_follow_up(1, contact_ids=None)
    assert err.value.field == "contact_ids"


def test_messages_show_hostile_values_short_and_escaped() -> None:
    assert shown("a\ud800b") == "a\\ud800b"
    assert len(shown("x" * 10_000)) == 60
    assert shown(10**5000) == "<a very large number>"
    with pytest.raises(ValidationError) as err:
        require_text(5, "name", "Name")
    assert err.value.message == "Name must be text."


def test_a_refused_call_inside_a_chain_leaves_nothing_behind(world: dict[str, int]) -> None:
    """The follow-up is written before the next step is refused: the whole chain is rolled back."""
    before = digest()
    now = clock.now()
    outcome = call(
        followups.log_follow_up_with_next_step,
        1,
        2,
        "call",
        now,
        now + timedelta(days=1),
        next_title="\x00",
    )
    assert outcome.error is not None and outcome.error.field == "title"
    assert digest() == before and not database.in_transaction()


# --- accepted text round-trips ---------------------------------------------------------------------------

# Any text that UTF-8 can hold, without control characters other than tab and line breaks.
storable = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(["\t", "\n", "\r", " "]),
    max_size=60,
)


@given(name=storable, notes=storable)
def test_client_text_round_trips(world: dict[str, int], name: str, notes: str) -> None:
    outcome = call(clients.update_client, world["client"], name=name, notes=notes)
    if not name.strip():
        assert outcome.error is not None and outcome.error.field == "name"
        return
    stored = Client.get_by_id(world["client"])
    assert (stored.name, stored.notes) == (name.strip(), notes.strip())


@given(name=storable, interests=storable)
def test_contact_text_round_trips(world: dict[str, int], name: str, interests: str) -> None:
    outcome = call(stakeholders.create_contact, world["client"], name, interests=interests)
    if outcome.error is not None:
        assert outcome.error.field == "name" and not name.strip()
        return
    stored = Contact.get_by_id(outcome.value.id)
    assert (stored.name, stored.interests) == (name.strip(), interests.strip())


@given(tag=storable)
def test_tag_names_round_trip(world: dict[str, int], tag: str) -> None:
    """A tag is stored as typed, or matches an existing tag ignoring case (tags are one vocabulary)."""
    call(clients.set_client_tags, world["client"], [tag])
    names = [t.name for t in clients.get_client_tags(world["client"])]
    assert [n.casefold() for n in names] == ([tag.strip().casefold()] if tag.strip() else [])


@given(summary=storable)
def test_follow_up_summary_round_trips(world: dict[str, int], summary: str) -> None:
    outcome = call(followups.update_follow_up, 1, summary=summary)
    assert outcome.error is None
    assert FollowUp.get_by_id(1).summary == summary.strip()


@given(question=storable, answer=storable)
def test_handbook_text_round_trips(world: dict[str, int], question: str, answer: str) -> None:
    outcome = call(handbook.update_entry, 1, question=question, answer=answer)
    if not question.strip():
        assert outcome.error is not None and outcome.error.field == "question"
        return
    entry = HandbookEntry.get_by_id(1)
    assert (entry.question, entry.answer) == (question.strip(), answer.strip())


@given(text=st.text(max_size=40))
def test_the_text_validators_accept_exactly_the_storable_text(text: str) -> None:
    try:
        kept = long_text(text, "notes", "Notes")
    except ValidationError as exc:
        assert exc.code in ("text.unpaired_surrogate", "text.control_character")
        return
    assert kept == text.strip()
    kept.encode("utf-8")


def test_a_topic_key_that_cannot_be_stored_finds_no_entry(world: dict[str, int]) -> None:
    assert handbook.entry_for_key("visits\ud800") is None
    assert handbook.entry_for_key("visits") is not None


def test_scores_and_weights_refuse_numbers_too_large_for_a_float(world: dict[str, int]) -> None:
    from desktop_crm.services import weekly_criteria

    with pytest.raises(ValidationError):
        weekly_criteria.save_criteria([{"label": "Plan", "weight": 10**400}])
    with pytest.raises(ValidationError):
        weekly.score_week(2, world["boss"], 10**400)
