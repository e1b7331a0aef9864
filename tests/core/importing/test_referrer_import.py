"""The clients import and export carry the referrer ("Referred by"/介绍人): a client by name (also one the
same file creates) or a contact written as "Contact name (Client name)"; a client never refers itself."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from desktop_crm.exporting.entities import export_kind
from desktop_crm.importing import prepare, run_import, suggest_mapping
from desktop_crm.models import Client, Contact
from desktop_crm.models.care import Referral
from desktop_crm.services.referrals import set_referral

from .conftest import table

HEADERS = ["客户名称", "介绍人"]


def _import(*rows: list[Any], on_duplicate: str = "skip") -> Any:
    return run_import("clients", table(HEADERS, *rows), suggest_mapping("clients", HEADERS), on_duplicate)


def _problems(*rows: list[Any]) -> list[tuple[int | None, str | None, str]]:
    preview = prepare("clients", table(HEADERS, *rows), suggest_mapping("clients", HEADERS))
    return [(p.row, p.column, p.code) for p in preview.all_problems() if p.severity == "error"]


def test_referrers_by_client_name_or_contact_and_back_out(team: dict[str, int], tmp_path: Path) -> None:
    old = Client.create(name="Brightpath Trading (China) Co., Ltd.")
    zhang = Contact.create(client=old, name="张三")
    _import(
        ["甲公司", "乙公司"],  # a client created by a later row of the file
        ["乙公司", "brightpath trading (china) co., ltd."],
        ["丙公司", "张三（Brightpath Trading (China) Co., Ltd.）"],
    )
    by_name = {r.client.name: r for r in Referral.select()}
    assert by_name["甲公司"].referrer_client.name == "乙公司"
    assert by_name["乙公司"].referrer_client_id == old.id
    assert by_name["丙公司"].referrer_contact_id == zhang.id
    path = tmp_path / "clients.csv"
    export_kind("clients", path, lang="zh_CN")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("介绍人")
    shown = {row[0]: row[column] for row in rows[1:]}
    assert shown["丙公司"] == "张三 (Brightpath Trading (China) Co., Ltd.)" and shown["甲公司"] == "乙公司"
    assert shown[old.name] == ""


def test_update_replaces_the_referrer_and_keeps_the_reward(team: dict[str, int]) -> None:
    a, b, c = (Client.create(name=n) for n in ("甲公司", "乙公司", "丙公司"))
    set_referral(a.id, referrer_client_id=b.id, reward_promised="购物卡")
    assert _import(["甲公司", "丙公司"], on_duplicate="update").updated == 1
    referral = Referral.get(Referral.client == a.id)
    assert (referral.referrer_client_id, referral.reward_promised) == (c.id, "购物卡")


def test_bad_referrers_are_refused_at_their_cell(team: dict[str, int]) -> None:
    own = Client.create(name="甲公司")
    Contact.create(client=own, name="李四")
    other = Client.create(name="乙公司")
    Contact.create(client=other, name="王五")
    Contact.create(client=other, name="王五")
    assert _problems(
        ["丁公司", "丁公司"],
        ["甲公司", "李四 (甲公司)"],
        ["戊公司", "赵六 (乙公司)"],
        ["己公司", "王五 (乙公司)"],
    ) == [
        (2, "介绍人", "referral.self"),
        (4, "介绍人", "import.unknown_referrer"),
        (5, "介绍人", "import.ambiguous_referrer"),
    ]
    preview = prepare(
        "clients", table(HEADERS, ["甲公司", "李四 (甲公司)"]), {0: "name", 1: "referrer"}, "update"
    )
    assert [p.code for p in preview.all_problems() if p.severity == "error"] == ["referral.own_contact"]
    assert Referral.select().count() == 0
