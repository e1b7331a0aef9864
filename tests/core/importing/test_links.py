"""Categories, custom fields, a follow-up's contacts and opportunity, a payment's instalment and payment
plans: imported by name, bad values reported at their row and column, nothing written on an error."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop_crm.errors import CrmError
from desktop_crm.importing import prepare, run_import, suggest_mapping
from desktop_crm.importing.values import unneutralise
from desktop_crm.models import (
    Client,
    ClientTag,
    Contact,
    Contract,
    CustomFieldValue,
    FollowUp,
    FollowUpContact,
    Opportunity,
    Payment,
    PaymentInstalment,
    Tag,
)
from desktop_crm.services.custom_fields import define_custom_field, get_custom_values

from .conftest import table


def _import(kind: str, headers: list[str], *rows: list[Any], on_duplicate: str = "skip") -> Any:
    data = table(headers, *rows)
    return run_import(kind, data, suggest_mapping(kind, headers), on_duplicate)


def _problems(kind: str, headers: list[str], *rows: list[Any]) -> list[tuple[int | None, str | None, str]]:
    data = table(headers, *rows)
    preview = prepare(kind, data, suggest_mapping(kind, headers))
    return [(p.row, p.column, p.code) for p in preview.all_problems() if p.severity == "error"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("'+86 571 8888", "+86 571 8888"),
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'-5", "-5"),
        ("'@王五", "@王五"),
        ("'\tx", "\tx"),
        ("'abc", "'abc"),  # only before a character the export neutralises
        ("'", "'"),
        ("''=x", "''=x"),
        (5, 5),
    ],
)
def test_the_exports_apostrophe_is_dropped_only_before_a_formula_character(cell: Any, expected: Any) -> None:
    assert unneutralise(cell) == expected


def test_clients_bring_categories_and_custom_fields(team: dict[str, int]) -> None:
    Tag.create(name="重点")
    define_custom_field("年采购额", "number")
    define_custom_field("采购周期", "choice", ["月度", "年度"])
    define_custom_field("关注", "multi_choice", ["价格", "服务", "交期"])
    define_custom_field("成立", "date")
    headers = ["Name", "Phone", "Categories", "年采购额", "采购周期", "关注", "成立"]
    _import(
        "clients",
        headers,
        ["甲公司", "'+86 571 8888", "重点, 新标签；老客户", "1,200.5", "年度", "交期, 价格", "2020/3/9"],
        ["乙公司", "", "", "", "", "", ""],
    )
    first = Client.get(Client.name == "甲公司")
    assert first.phone == "+86 571 8888"
    tags = {t.tag.name for t in ClientTag.select().where(ClientTag.client == first)}
    assert tags == {"重点", "新标签", "老客户"} and Tag.select().count() == 3  # "重点" reused
    assert get_custom_values(first.id) == {
        "年采购额": 1200.5,
        "采购周期": "年度",
        "关注": ["价格", "交期"],
        "成立": date(2020, 3, 9),
    }
    second = Client.get(Client.name == "乙公司")
    assert not ClientTag.select().where(ClientTag.client == second).exists()
    # an update replaces the categories and the non-blank custom values
    _import("clients", ["Name", "Categories", "年采购额"], ["甲公司", "VIP", "7"], on_duplicate="update")
    assert {t.tag.name for t in ClientTag.select().where(ClientTag.client == first)} == {"VIP"}
    assert get_custom_values(first.id)["年采购额"] == 7
    assert get_custom_values(first.id)["采购周期"] == "年度"


def test_bad_custom_values_are_reported_at_their_cell(team: dict[str, int]) -> None:
    define_custom_field("年采购额", "number")
    define_custom_field("采购周期", "choice", ["月度", "年度"])
    headers = ["Name", "年采购额", "采购周期"]
    problems = _problems("clients", headers, ["甲公司", "很多", "每周"], ["乙公司", "5", "月度"])
    assert problems == [(2, "年采购额", "import.not_number"), (2, "采购周期", "import.unknown_choice")]
    with pytest.raises(CrmError):
        _import("clients", headers, ["甲公司", "很多", "每周"], ["乙公司", "5", "月度"])
    assert Client.select().count() == 0 and CustomFieldValue.select().count() == 0


@pytest.fixture
def deal(team: dict[str, int]) -> dict[str, Any]:
    client = Client.create(name="甲公司")
    other = Client.create(name="乙公司")
    zhang = Contact.create(client=client, name="张三")
    li = Contact.create(client=client, name="李四")
    Contact.create(client=other, name="王五")
    opp = Opportunity.create(client=client, name="ERP 项目", stage="won", closed_on=date(2026, 1, 5))
    contract = Contract.create(
        client=client, opportunity=opp, number="HT-1", amount_cents=100_000, signed_on=date(2026, 1, 5)
    )
    return {"client": client, "zhang": zhang, "li": li, "opp": opp, "contract": contract}


def test_follow_ups_bring_their_contacts_and_opportunity(deal: dict[str, Any]) -> None:
    headers = ["Client", "Time", "Channel", "Contacts", "Opportunity"]
    _import("follow-ups", headers, ["甲公司", "2026-03-09 14:30", "visit", "张三, 李四", "erp项目"])
    follow_up = FollowUp.get()
    assert follow_up.opportunity_id == deal["opp"].id
    linked = {link.contact_id for link in FollowUpContact.select()}
    assert linked == {deal["zhang"].id, deal["li"].id}
    problems = _problems(
        "follow-ups",
        headers,
        ["甲公司", "2026-03-10 9:00", "call", "王五", ""],
        ["甲公司", "2026-03-11", "call", "", "CRM"],
    )
    assert problems == [
        (2, "Contacts", "import.unknown_contact"),
        (3, "Opportunity", "import.unknown_opportunity"),
    ]


def test_payment_plans_and_the_instalment_a_payment_pays(deal: dict[str, Any]) -> None:
    headers = ["Client", "Contract", "Due date", "Amount", "Note"]
    _import(
        "payment-plans",
        headers,
        ["甲公司", "HT-1", "2026-06-01", "600", "尾款"],
        ["甲公司", "HT-1", "2026-02-01", "400", "首付"],
    )
    plan = list(PaymentInstalment.select().order_by(PaymentInstalment.seq))
    assert [(i.seq, i.due_date, i.amount_cents, i.note) for i in plan] == [
        (1, date(2026, 2, 1), 40_000, "首付"),
        (2, date(2026, 6, 1), 60_000, "尾款"),
    ]
    problems = _problems("payment-plans", headers, ["甲公司", "HT-1", "2026-09-01", "1", ""])
    assert problems == [(2, "Amount", "import.plan_over_contract")]
    problems = _problems("payment-plans", headers, ["甲公司", "HT-1", "2026-06-01", "1", ""])
    assert problems == []  # the same due date is the same instalment: skipped as a duplicate
    pay = ["Client", "Contract", "Payment date", "Amount", "Instalment due"]
    _import("payments", pay, ["甲公司", "HT-1", "2026-02-03", "400", "2026/2/1"])
    assert Payment.get().instalment_id == plan[0].id
    problems = _problems("payments", pay, ["甲公司", "HT-1", "2026-03-03", "10", "2026-03-01"])
    assert problems == [(2, "Instalment due", "import.unknown_instalment")]


def test_a_new_instalment_on_a_taken_date_is_refused_when_creating_duplicates(deal: dict[str, Any]) -> None:
    PaymentInstalment.create(contract=deal["contract"], due_date=date(2026, 6, 1), amount_cents=100)
    headers = ["Client", "Contract", "Due date", "Amount"]
    data = table(headers, ["甲公司", "HT-1", "2026-06-01", "5"])
    preview = prepare("payment-plans", data, suggest_mapping("payment-plans", headers), "create")
    assert [(p.row, p.column, p.code) for p in preview.all_problems()] == [
        (2, "Due date", "import.plan_overlapping")
    ]
