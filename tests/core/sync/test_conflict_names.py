"""The conflict list's read model: the records a conflict mentions, named as a person knows them."""

from __future__ import annotations

from desktop_crm.sync.conflict_names import model_field, record_names
from desktop_crm.sync.conflicts import Conflict


def _conflict(table: str, uuid: str, field: str, mine: object = "", theirs: object = "") -> Conflict:
    return Conflict(
        1, "2026-01-01 10:00:00", table, uuid, field, "", mine, theirs, "theirs", "newer", "peer", None
    )


def test_records_are_named_by_their_name_or_their_parent_and_values_pointing_at_records_too(
    db: object,
) -> None:
    from desktop_crm.models import Client, Contact, User

    owner = User.create(name="王晓明")
    other = User.create(name="李娜")
    client = Client.create(name="上海华东精密机械", owner=owner)
    contact = Contact.create(client=client, name="")  # no name of its own: its client's
    names = record_names(
        [
            _conflict("client", client.uuid, "owner_id", mine=owner.uuid, theirs=other.uuid),
            _conflict("contact", contact.uuid, "title"),
            _conflict("client", "not-a-known-uuid", "name"),
        ]
    )
    assert names[("client", client.uuid)] == "上海华东精密机械"
    assert names[("contact", contact.uuid)] == "上海华东精密机械"
    assert names[("user", owner.uuid)] == "王晓明" and names[("user", other.uuid)] == "李娜"
    assert ("client", "not-a-known-uuid") not in names


def test_a_conflicting_value_is_typed_by_its_model_field() -> None:
    from peewee import IntegerField

    assert isinstance(model_field("client", "expected_amount_cents"), IntegerField)
    assert model_field("client", "no_such_column") is None and model_field("no_such_table", "name") is None
