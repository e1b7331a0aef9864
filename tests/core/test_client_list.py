"""The Clients list query: every filter, search, sort order, paging by ids, custom-field columns."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_crm.client_list import ClientFilter, ClientQuery, CustomCondition, fetch_rows
from desktop_crm.models import (
    Client,
    ClientTag,
    Contact,
    CustomFieldDef,
    CustomFieldValue,
    FollowUp,
    Tag,
    User,
    now,
)

TODAY = date(2026, 11, 20)


@pytest.fixture
def data(db: object) -> dict[str, object]:
    wang = User.create(name="王磊")
    chen = User.create(name="陈静")
    a = Client.create(
        name="杭州云帆科技有限公司", status="customer", grade="A", value_verdict="valuable", owner=wang
    )
    b = Client.create(
        name="Northwind Logistics", status="prospect", grade="B", owner=chen, expected_amount_cents=900
    )
    c = Client.create(name="苏州恒达机械", status="lead", grade="C", value_verdict="not_valuable")
    d = Client.create(name="已删除的客户", deleted_at=now())
    vip = Tag.create(name="重点")
    ClientTag.create(client=a, tag=vip)
    Contact.create(client=c, name="王五")
    FollowUp.create(client=a, channel="call", happened_at=datetime(2026, 11, 19, 9))
    FollowUp.create(client=b, channel="visit", happened_at=datetime(2026, 10, 1, 9))
    size = CustomFieldDef.create(name="年采购额", kind="number")
    kinds = CustomFieldDef.create(name="关注", kind="multi_choice", choices='["价格", "服务"]')
    CustomFieldValue.create(field=size, client=a, value_number=5_000_000)
    CustomFieldValue.create(field=size, client=b, value_number=300_000)
    CustomFieldValue.create(field=kinds, client=b, value_text='["价格", "服务"]')
    return {"a": a, "b": b, "c": c, "d": d, "wang": wang, "vip": vip, "size": size, "kinds": kinds}


def names(flt: ClientFilter, sort: str = "name", desc: bool = False) -> list[str]:
    ids = ClientQuery(flt, sort, desc, today=TODAY).ids()
    rows = fetch_rows(ids, ["name"])
    return [rows[i][0] for i in ids]


def test_filters(data: dict) -> None:
    assert len(names(ClientFilter())) == 3
    assert names(ClientFilter(statuses=("customer", "lead"))) == ["杭州云帆科技有限公司", "苏州恒达机械"]
    assert names(ClientFilter(grades=("B",))) == ["Northwind Logistics"]
    assert names(ClientFilter(verdicts=("not_valuable",))) == ["苏州恒达机械"]
    assert names(ClientFilter(owner_ids=(data["wang"].id,))) == ["杭州云帆科技有限公司"]
    assert names(ClientFilter(owner_ids=(0,))) == ["苏州恒达机械"]
    assert names(ClientFilter(tag_ids=(data["vip"].id,))) == ["杭州云帆科技有限公司"]
    assert names(ClientFilter(trash=True)) == ["已删除的客户"]


def test_not_contacted_for_n_days(data: dict) -> None:
    # a: contacted yesterday; b: 50 days ago; c: never.
    assert sorted(names(ClientFilter(not_contacted_days=30))) == ["Northwind Logistics", "苏州恒达机械"]
    assert sorted(names(ClientFilter(not_contacted_days=50))) == ["Northwind Logistics", "苏州恒达机械"]
    assert names(ClientFilter(not_contacted_days=51)) == ["苏州恒达机械"]
    assert len(names(ClientFilter(not_contacted_days=1))) == 3
    assert len(names(ClientFilter(not_contacted_days=0))) == 3


def test_custom_field_conditions(data: dict) -> None:
    size, kinds = data["size"].id, data["kinds"].id
    assert names(ClientFilter(custom=(CustomCondition(size, "at_least", 1_000_000),))) == [
        "杭州云帆科技有限公司"
    ]
    assert names(ClientFilter(custom=(CustomCondition(size, "at_most", 1_000_000),))) == [
        "Northwind Logistics"
    ]
    assert names(ClientFilter(custom=(CustomCondition(size, "empty"),))) == ["苏州恒达机械"]
    assert names(ClientFilter(custom=(CustomCondition(kinds, "has", "服务"),))) == ["Northwind Logistics"]
    assert names(ClientFilter(custom=(CustomCondition(kinds, "has", "服"),))) == []
    assert names(ClientFilter(custom=(CustomCondition(size, "equals", 300000),))) == ["Northwind Logistics"]


def test_search_combines_with_filters(data: dict) -> None:
    assert names(ClientFilter(search="王五")) == ["苏州恒达机械"]
    assert names(ClientFilter(search="王五", grades=("A",))) == []
    assert names(ClientFilter(search="north")) == ["Northwind Logistics"]


def test_sorting_any_column_with_empty_values_last(data: dict) -> None:
    assert names(ClientFilter(), "last_contact_at") == [
        "Northwind Logistics",
        "杭州云帆科技有限公司",
        "苏州恒达机械",
    ]
    assert names(ClientFilter(), "last_contact_at", True)[0] == "杭州云帆科技有限公司"
    assert names(ClientFilter(), "last_contact_at", True)[-1] == "苏州恒达机械"
    assert names(ClientFilter(), "owner") == ["杭州云帆科技有限公司", "Northwind Logistics", "苏州恒达机械"]
    assert names(ClientFilter(), f"custom:{data['size'].id}", True)[0] == "杭州云帆科技有限公司"
    for key in ("tags", "contacts", "expected_amount_cents", "grade", "status", "created_at"):
        assert len(names(ClientFilter(), key)) == 3


def test_fetch_rows_gives_the_requested_columns(data: dict) -> None:
    a = data["a"]
    row = fetch_rows([a.id], ["name", "owner", "tags", "contacts", f"custom:{data['size'].id}"])[a.id]
    assert row == ("杭州云帆科技有限公司", "王磊", "重点", 0, 5000000)


def test_filter_round_trips_through_json(data: dict) -> None:
    flt = ClientFilter(
        search="云帆", statuses=("lead",), owner_ids=(0, 3), custom=(CustomCondition(1, "has", "价格"),)
    )
    assert ClientFilter.from_json(flt.to_json()) == flt
    assert ClientFilter().is_empty and not flt.is_empty
