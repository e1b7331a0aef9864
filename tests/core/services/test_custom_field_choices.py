"""Removing choices of a field counts and clears the values that use them in SQL (100,000 values are not
loaded one by one); the counts and the clearing stay exact for single and multiple choice, with quotes,
Chinese and look-alike choices."""

from __future__ import annotations

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.services import clients
from desktop_crm.services.custom_fields import (
    count_clients_using_removed_choices,
    define_custom_field,
    get_custom_values,
    set_custom_field_choices,
)


def test_single_choice_counts_and_clears_only_the_removed(db: object) -> None:
    size = define_custom_field("Size", "choice", ['big "XL"', "大型", "big"])
    ids = [
        clients.create_client(name, custom_values={size.id: value}).id
        for name, value in (("A", 'big "XL"'), ("B", "大型"), ("C", "big"), ("D", 'big "XL"'))
    ]
    assert count_clients_using_removed_choices(size.id, ["大型", "big"]) == 2
    assert count_clients_using_removed_choices(size.id, ['big "XL"', "大型", "big"]) == 0
    with pytest.raises(ValidationError) as caught:
        set_custom_field_choices(size.id, ["大型", "big"])
    assert caught.value.code == "custom_field.choice_in_use" and caught.value.params["count"] == 2
    set_custom_field_choices(size.id, ["大型", "big"], force=True)
    assert [get_custom_values(i) for i in ids] == [{}, {"Size": "大型"}, {"Size": "big"}, {}]


def test_multiple_choice_keeps_the_other_items(db: object) -> None:
    products = define_custom_field("Products", "multi_choice", ["泵阀", 'valve "A"', "valve"])
    both = clients.create_client("A", custom_values={products.id: ["泵阀", 'valve "A"']}).id
    only = clients.create_client("B", custom_values={products.id: ['valve "A"']}).id
    other = clients.create_client("C", custom_values={products.id: ["valve"]}).id
    assert count_clients_using_removed_choices(products.id, ["泵阀", "valve"]) == 2
    assert count_clients_using_removed_choices(products.id, ['valve "A"', "valve"]) == 1
    set_custom_field_choices(products.id, ["泵阀", "valve"], force=True)
    assert get_custom_values(both) == {"Products": ["泵阀"]}
    assert get_custom_values(only) == {}
    assert get_custom_values(other) == {"Products": ["valve"]}
