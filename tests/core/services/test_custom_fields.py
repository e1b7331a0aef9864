"""Owner-defined custom fields of clients: definitions, ordering and values of every kind."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import CustomFieldDef, CustomFieldValue
from desktop_crm.services.clients import (
    create_client,
    define_custom_field,
    delete_client,
    delete_custom_field,
    field_choices,
    get_custom_values,
    list_custom_fields,
    rename_custom_field,
    reorder_custom_fields,
    set_client_tags,
    set_custom_field_hidden,
    set_custom_value,
    update_client,
)
from desktop_crm.services.custom_fields import (
    count_clients_using_removed_choices,
    count_custom_field_values,
    list_tag_names,
    move_custom_field,
    set_custom_field_choices,
)


def test_define_fields_of_every_kind(db: object) -> None:
    text = define_custom_field(" Notes for ops ", "text")
    number = define_custom_field("Employees", "number")
    day = define_custom_field("Founded", "date")
    choice = define_custom_field("Size", "choice", [" small", "large "])
    multi = define_custom_field("Products", "multi_choice", ("pumps", "valves", "泵阀"))
    assert [f.name for f in list_custom_fields()] == [
        "Notes for ops",
        "Employees",
        "Founded",
        "Size",
        "Products",
    ]
    assert [f.position for f in (text, number, day, choice, multi)] == [0, 1, 2, 3, 4]
    assert field_choices(CustomFieldDef.get_by_id(choice.id)) == ["small", "large"]
    assert field_choices(CustomFieldDef.get_by_id(multi.id)) == ["pumps", "valves", "泵阀"]


@pytest.mark.parametrize(
    ("name", "kind", "choices", "field"),
    [
        ("  ", "text", (), "name"),
        ("X", "colour", (), "kind"),
        ("X", "choice", (), "choices"),
        ("X", "choice", ("a", "a"), "choices"),
        ("X", "choice", ("a", " "), "choices"),
        ("X", "multi_choice", "abc", "choices"),
        ("X", "number", ("1", "2"), "choices"),
    ],
)
def test_bad_definitions_are_refused(db: object, name: str, kind: str, choices: object, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        define_custom_field(name, kind, choices)  # type: ignore[arg-type]
    assert info.value.field == field
    assert CustomFieldDef.select().count() == 0


def test_field_names_are_unique_ignoring_case(db: object) -> None:
    first = define_custom_field("Employees", "number")
    other = define_custom_field("Revenue", "number")
    with pytest.raises(ValidationError, match="already exists"):
        define_custom_field("employees", "text")
    with pytest.raises(ValidationError, match="already exists"):
        rename_custom_field(other, "EMPLOYEES")
    assert rename_custom_field(first.id, "Headcount").name == "Headcount"


def test_hide_reorder_delete(db: object) -> None:
    a = define_custom_field("A", "text")
    b = define_custom_field("B", "text")
    c = define_custom_field("C", "text")
    set_custom_field_hidden(b, True)
    assert [f.name for f in list_custom_fields(include_hidden=False)] == ["A", "C"]
    with pytest.raises(ValidationError):
        set_custom_field_hidden(b, "no")  # type: ignore[arg-type]
    reorder_custom_fields([c.id, a, b.id])
    assert [f.name for f in list_custom_fields()] == ["C", "A", "B"]
    for bad in ([c.id, a.id], [c.id, a.id, a.id], [c.id, a.id, b.id, 999]):
        with pytest.raises(ValidationError, match="every custom field exactly once"):
            reorder_custom_fields(bad)
    assert [f.name for f in list_custom_fields()] == ["C", "A", "B"]
    client = create_client("Acme", custom_values={"A": "kept?"})
    delete_custom_field(a)
    assert [f.name for f in list_custom_fields()] == ["C", "B"]
    assert get_custom_values(client) == {}
    assert CustomFieldValue.select().count() == 0
    with pytest.raises(NotFoundError):
        delete_custom_field(a.id)


def test_values_of_every_kind_round_trip(db: object) -> None:
    define_custom_field("Remark", "text")
    define_custom_field("Employees", "number")
    define_custom_field("Ratio", "number")
    define_custom_field("Founded", "date")
    define_custom_field("Size", "choice", ["small", "large"])
    define_custom_field("Products", "multi_choice", ["pumps", "valves", "泵阀"])
    client = create_client(
        "Acme",
        custom_values={
            "Remark": "  重要 ⭐ client ",
            "Employees": 250,
            "Ratio": 0.25,
            "Founded": "1998-04-01",
            "Size": "large",
            "Products": ["泵阀", "pumps", "pumps"],
        },
    )
    assert get_custom_values(client.id) == {
        "Remark": "重要 ⭐ client",
        "Employees": 250,
        "Ratio": 0.25,
        "Founded": date(1998, 4, 1),
        "Size": "large",
        "Products": ["pumps", "泵阀"],  # definition order, no duplicates
    }
    stored = CustomFieldValue.get(CustomFieldValue.value_text.contains("pumps"))
    assert json.loads(stored.value_text) == ["pumps", "泵阀"]


@pytest.mark.parametrize(
    ("kind", "choices", "value"),
    [
        ("text", (), 12),
        ("text", (), "x" * 100_001),
        ("number", (), "12"),
        ("number", (), True),
        ("number", (), math.nan),
        ("number", (), math.inf),
        ("number", (), 10**20),
        ("date", (), "1899-12-31"),
        ("date", (), "2101-01-01"),
        ("date", (), "31/12/2020"),
        ("choice", ("a", "b"), "c"),
        ("choice", ("a", "b"), ["a"]),
        ("multi_choice", ("a", "b"), "a"),
        ("multi_choice", ("a", "b"), ["a", "z"]),
    ],
)
def test_invalid_values_are_refused(db: object, kind: str, choices: tuple[str, ...], value: object) -> None:
    field = define_custom_field("F", kind, choices)
    client = create_client("Acme")
    with pytest.raises(ValidationError) as info:
        set_custom_value(client, field, value)
    assert info.value.field == "F"
    assert CustomFieldValue.select().count() == 0


def test_none_and_empty_clear_the_value(db: object) -> None:
    text = define_custom_field("Remark", "text")
    multi = define_custom_field("Products", "multi_choice", ["a", "b"])
    client = create_client("Acme")
    set_custom_value(client, text, "hello")
    row = set_custom_value(client.id, multi.id, ["b"])
    assert row is not None and row.value_text == '["b"]'
    assert get_custom_values(client) == {"Remark": "hello", "Products": ["b"]}
    set_custom_value(client, text.id, "world")  # overwrites, one row per client and field
    assert CustomFieldValue.select().where(CustomFieldValue.field == text.id).count() == 1
    assert set_custom_value(client, text, None) is None
    set_custom_value(client, multi, [])
    assert get_custom_values(client) == {}
    assert CustomFieldValue.select().count() == 0


def test_update_client_sets_custom_values_atomically(db: object) -> None:
    define_custom_field("Employees", "number")
    client = create_client("Acme", custom_values={"Employees": 10})
    with pytest.raises(ValidationError):
        update_client(client, name="Renamed", custom_values={"Employees": "lots"})
    with pytest.raises(NotFoundError, match="does not exist"):
        update_client(client, name="Renamed", custom_values={"Missing": 1})
    assert client.__class__.get_by_id(client.id).name == "Acme"
    update_client(client, custom_values={"Employees": 12.5})
    assert get_custom_values(client) == {"Employees": 12.5}


def test_deleted_client_cannot_get_values(db: object) -> None:
    field = define_custom_field("Employees", "number")
    client = create_client("Acme")
    delete_client(client)
    with pytest.raises(NotFoundError, match="deleted"):
        set_custom_value(client, field, 3)


# --- choices, counts, moves and the tag vocabulary (Settings editor, client editor) ---------------


def test_set_choices_adds_reorders_and_refuses_removing_used_ones(db: object) -> None:
    size = define_custom_field("Size", "choice", ["small", "large"])
    products = define_custom_field("Products", "multi_choice", ["pumps", "valves", "泵阀"])
    a = create_client("A", custom_values={size.id: "small", products.id: ["pumps", "泵阀"]})
    create_client("B", custom_values={size.id: "small", products.id: ["valves"]})
    set_custom_field_choices(size.id, ["large", "small", " medium "])
    assert field_choices(CustomFieldDef.get_by_id(size.id)) == ["large", "small", "medium"]
    assert count_clients_using_removed_choices(size.id, ["large"]) == 2
    with pytest.raises(ValidationError) as info:
        set_custom_field_choices(size.id, ["large", "medium"])
    assert info.value.field == "choices" and info.value.code == "custom_field.choice_in_use"
    assert info.value.params == {"count": 2, "choices": "'small'"}
    assert "2 clients use a removed choice ('small')" in info.value.message
    assert field_choices(CustomFieldDef.get_by_id(size.id)) == ["large", "small", "medium"]
    with pytest.raises(ValidationError, match=r"1 client uses a removed choice \('泵阀'\)"):
        set_custom_field_choices(products.id, ["pumps", "valves"])
    assert get_custom_values(a.id)["Products"] == ["pumps", "泵阀"]


def test_set_choices_with_force_clears_the_removed_values(db: object) -> None:
    size = define_custom_field("Size", "choice", ["small", "large"])
    products = define_custom_field("Products", "multi_choice", ["pumps", "valves"])
    a = create_client("A", custom_values={size.id: "small", products.id: ["pumps", "valves"]})
    b = create_client("B", custom_values={size.id: "large", products.id: ["pumps"]})
    set_custom_field_choices(size.id, ["large"], force=True)
    set_custom_field_choices(products.id, ["valves"], force=True)
    assert get_custom_values(a.id) == {"Products": ["valves"]}
    assert get_custom_values(b.id) == {"Size": "large"}
    assert CustomFieldValue.select().count() == 2


@pytest.mark.parametrize("choices", [[], ["a", "a"], ["a", "  "], "abc"])
def test_set_choices_refuses_bad_lists(db: object, choices: object) -> None:
    size = define_custom_field("Size", "choice", ["small"])
    with pytest.raises(ValidationError) as info:
        set_custom_field_choices(size.id, choices)  # type: ignore[arg-type]
    assert info.value.field == "choices"
    assert field_choices(CustomFieldDef.get_by_id(size.id)) == ["small"]


def test_set_choices_of_a_text_field_is_refused(db: object) -> None:
    note = define_custom_field("Note", "text")
    with pytest.raises(ValidationError, match="not a choice field"):
        set_custom_field_choices(note.id, ["a"])
    assert count_clients_using_removed_choices(note.id, []) == 0


def test_count_values_includes_deleted_clients(db: object) -> None:
    size = define_custom_field("Size", "choice", ["small"])
    other = define_custom_field("Other", "text")
    a = create_client("A", custom_values={size.id: "small"})
    create_client("B", custom_values={size.id: "small", other.id: "x"})
    delete_client(a.id)
    assert count_custom_field_values(size.id) == 2
    assert count_custom_field_values("Other") == 1
    with pytest.raises(NotFoundError):
        count_custom_field_values(999)


def test_move_field_up_and_down_clamped(db: object) -> None:
    ids = [define_custom_field(name, "text").id for name in ("a", "b", "c")]
    assert [f.name for f in move_custom_field(ids[2], -1)] == ["a", "c", "b"]
    assert [f.name for f in move_custom_field(ids[0], 5)] == ["c", "b", "a"]
    assert [f.name for f in move_custom_field(ids[2], -9)] == ["c", "b", "a"]
    assert [f.position for f in list_custom_fields()] == [0, 1, 2]
    with pytest.raises(ValidationError):
        move_custom_field(ids[0], 1.5)  # type: ignore[arg-type]


def test_tag_names_are_listed_alphabetically(db: object) -> None:
    assert list_tag_names() == []
    client = create_client("A")
    set_client_tags(client.id, ["制造", "Key account", "Channel"])
    assert list_tag_names() == sorted(["制造", "Key account", "Channel"])
