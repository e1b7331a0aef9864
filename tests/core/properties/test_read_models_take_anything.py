"""The read side that takes what a person typed or a saved view holds: the client search and the client
list's filter. Anything in, a (possibly empty) list out; never an exception."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.client_list import ClientFilter, ClientQuery
from desktop_crm.models import database
from desktop_crm.search import search_client_ids

from .fuzz import EXTREME_INTS, texts

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10),
    st.sampled_from(EXTREME_INTS),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=10,
)
filter_keys = st.sampled_from(
    [
        "search",
        "statuses",
        "grades",
        "verdicts",
        "tag_ids",
        "owner_ids",
        "not_contacted_days",
        "custom",
        "trash",
        "other",
    ]
)
conditions = st.fixed_dictionaries(
    {
        "field_id": st.one_of(st.integers(-1, 6), json_values),
        "op": st.sampled_from(
            ["equals", "contains", "at_least", "at_most", "has", "empty", "not_empty", "x"]
        ),
    },
    optional={"value": json_values},
)
filters = st.one_of(
    st.dictionaries(filter_keys, st.one_of(json_values, st.lists(conditions, max_size=3)), max_size=6),
    json_values,
)


@given(query=st.one_of(texts, st.text()))
def test_search_takes_any_text(world: dict[str, int], query: str) -> None:
    ids = search_client_ids(database.connection(), query)
    assert all(isinstance(i, int) for i in ids)


def test_search_treats_control_characters_as_spaces(world: dict[str, int]) -> None:
    assert search_client_ids(database.connection(), "Ac\x00me") == [world["client"]]
    assert search_client_ids(database.connection(), "Acme\ud800") == [world["client"]]


@given(data=filters, raw=st.one_of(st.none(), texts))
def test_a_saved_filter_of_any_shape_opens(world: dict[str, int], data: Any, raw: str | None) -> None:
    text = raw if raw is not None else json.dumps(data, ensure_ascii=False)
    query = ClientQuery(filter=ClientFilter.from_json(text))
    ids = query.ids()
    assert query.count() == len(ids)
