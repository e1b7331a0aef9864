"""Every kind exported with the import's headers; the clients list exports exactly its rows and columns;
the CLI's exit codes; an export reads back through the import's reader with the same headers."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop_crm import cli
from desktop_crm.client_list import ClientFilter, ClientQuery
from desktop_crm.errors import CrmError
from desktop_crm.exporting.entities import export_kind
from desktop_crm.exporting.lists import export_client_list
from desktop_crm.importing.fields import KINDS, fields, suggest_mapping
from desktop_crm.models import (
    Client,
    ClientTag,
    Contact,
    Contract,
    CustomFieldDef,
    CustomFieldValue,
    FollowUp,
    NextStep,
    Opportunity,
    Payment,
    PaymentInstalment,
    Tag,
    User,
    now,
)
from desktop_crm.models.care import DossierNote, Referral
from desktop_crm.models.service import ServiceRecord


@pytest.fixture
def data(db: object) -> dict[str, object]:
    wang = User.create(name="王磊")
    a = Client.create(
        name="杭州云帆科技有限公司",
        status="customer",
        grade="A",
        owner=wang,
        expected_amount_cents=-150,
        phone="+86 571 8888",
        notes="=cmd|' /C calc'!A0",
    )
    b = Client.create(name="Northwind Logistics", status="prospect", grade="B", expected_amount_cents=900)
    Client.create(name="苏州恒达机械", status="lead", grade="C")
    Client.create(name="已删除的客户", deleted_at=now())
    ClientTag.create(client=a, tag=Tag.create(name="重点"))
    ClientTag.create(client=a, tag=Tag.create(name="老客户"))
    size = CustomFieldDef.create(name="年采购额", kind="number", position=1)
    focus = CustomFieldDef.create(name="关注", kind="multi_choice", choices='["价格", "服务"]', position=2)
    CustomFieldValue.create(field=size, client=a, value_number=5_000_000)
    CustomFieldValue.create(field=focus, client=a, value_text='["价格", "服务"]')
    Contact.create(client=a, name="张三", phone="13800000000", role="decision_maker")
    FollowUp.create(
        client=a, user=wang, channel="visit", happened_at=datetime(2026, 3, 9, 14, 30), summary="面谈"
    )
    opp = Opportunity.create(client=a, owner=wang, name="ERP 项目", expected_amount_cents=1_000_000)
    contract = Contract.create(
        client=a, opportunity=opp, number="HT-1", amount_cents=1_234_56, signed_on=date(2026, 3, 1)
    )
    first = PaymentInstalment.create(contract=contract, seq=1, due_date=date(2026, 4, 1), amount_cents=50_000)
    Payment.create(
        contract=contract, instalment=first, paid_on=date(2026, 4, 1), amount_cents=50_000, method="转账"
    )
    NextStep.create(client=b, due_at=datetime(2030, 1, 2, 9, 0), bucket="exact", title="回访")
    ServiceRecord.create(
        client=a,
        contract=contract,
        user=wang,
        kind="complaint",
        title="发票有误",
        due_at=datetime(2026, 4, 2),
    )
    Referral.create(client=b, referrer_client=a, reward_promised="购物卡", reward_promised_cents=50_000)
    DossierNote.create(client=a, noted_on=date(2026, 3, 2), source="官网", text="新厂投产")
    return {"a": a, "b": b, "size": size, "focus": focus}


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_kind_has_the_import_headers(data: dict, tmp_path: Path, kind: str, lang: str) -> None:
    path = tmp_path / f"{kind}.csv"
    count = export_kind(kind, path, lang=lang)
    rows = _csv(path)
    headers = rows[0]
    assert count == len(rows) - 1 >= 1
    mapping = suggest_mapping(kind, headers)
    own = [h for i, h in enumerate(headers) if i in mapping]
    wanted = [s.header_zh if lang == "zh_CN" else s.header_en for s in fields(kind)]
    assert own and all(h in wanted for h in own)
    required = {s.key for s in fields(kind) if s.required}
    assert required <= set(mapping.values())  # the import recognises every required column


def test_clients_with_tags_custom_fields_and_neutralised_text(data: dict, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    assert export_kind("clients", path) == 3  # the deleted client is not exported
    rows = _csv(path)
    header = rows[0]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    first = by_name["杭州云帆科技有限公司"]
    assert first["Name"] == "杭州云帆科技有限公司"
    assert first["Categories"] == "老客户, 重点" or first["Categories"] == "重点, 老客户"
    assert first["年采购额"] == "5000000"
    assert first["关注"] == "价格, 服务"
    assert first["Phone"] == "'+86 571 8888"
    assert first["Notes"].startswith("'=cmd")
    assert first["Expected amount"] == "-1.50"  # a negative number is a number
    northwind = by_name["Northwind Logistics"]
    assert northwind["Next contact"] == "2030-01-02 09:00"


def test_xlsx_export_of_payments_has_numbers_and_dates(data: dict, tmp_path: Path) -> None:
    path = tmp_path / "payments.xlsx"
    export_kind("payments", path, lang="zh_CN")
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == [
        "客户名称",
        "合同",
        "回款日期",
        "回款金额",
        "回款方式",
        "备注",
        "对应回款计划",
    ]
    row = sheet[2]
    assert row[1].value == "HT-1"
    assert row[2].is_date and row[2].value == datetime(2026, 4, 1)
    assert row[3].data_type == "n" and row[3].value == 500


def test_filtered_clients_list_exports_exactly_its_rows_and_columns(data: dict, tmp_path: Path) -> None:
    query = ClientQuery(ClientFilter(grades=("A", "B")), "expected_amount_cents", descending=True)
    columns = ["name", "grade", "status", "expected_amount_cents", f"custom:{data['size'].id}", "tags"]
    headers = {"name": "名称", "grade": "级别", "status": "状态", "expected_amount_cents": "预计金额"}
    labels = {"status": {"customer": "客户", "prospect": "潜在客户"}}
    path = tmp_path / "list.xlsx"
    assert export_client_list(query, columns, headers, path, labels=labels) == 2
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["名称", "级别", "状态", "预计金额", "年采购额", "tags"]
    assert values[1] == ["Northwind Logistics", "B", "潜在客户", 9, None, None]
    assert values[2][:5] == ["杭州云帆科技有限公司", "A", "客户", -1.5, 5_000_000]
    trash = ClientQuery(ClientFilter(trash=True), "name")
    assert export_client_list(trash, ["name"], {"name": "Name"}, tmp_path / "trash.csv") == 1
    assert _csv(tmp_path / "trash.csv")[1] == ["已删除的客户"]


def test_unknown_kind_and_language(data: dict, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(CrmError) as caught:
        export_kind("leads", tmp_path / "x.csv")
    assert caught.value.code == "export.unknown_kind"
    with pytest.raises(CrmError) as caught:
        export_kind("clients", tmp_path / "x.csv", lang="fr")
    assert caught.value.code == "export.unknown_lang"
    assert list(tmp_path.iterdir()) == []


def test_cli_exports_and_refuses_bad_input(
    data: dict, db: object, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    base = ["--db", str(getattr(db, "crm_url", None) or db_path), "export"]  # a file or a team database
    assert cli.main([*base, "contacts", str(out / "c.xlsx"), "--lang", "zh_CN"]) == 0
    assert openpyxl.load_workbook(out / "c.xlsx").active["B1"].value == "姓名"
    assert cli.main([*base, "clients", str(out / "c.txt"), "--format", "csv", "--encoding", "gb18030"]) == 0
    assert (out / "c.txt").read_bytes().decode("gb18030").startswith("Name,")
    assert cli.main([*base, "next-steps", str(out / "n.ics")]) == 0
    assert "exported 1 open next steps" in capsys.readouterr().out
    before = sorted(p.name for p in out.iterdir())
    bad = [
        [*base, "leads", str(out / "x.csv")],
        [*base, "clients", str(out / "x.csv"), "--encoding", "latin-9"],
        [*base, "clients", str(out / "x.csv"), "--format", "ods"],
        [*base, "clients", str(out / "x.xlsx"), "--encoding", "gbk"],
        [*base, "clients", str(tmp_path / "missing" / "x.csv")],
        [*base, "next-steps", str(out / "x.ics"), "--format", "csv"],
        [*base, "next-steps", str(out / "x.ics"), "--user", "nobody"],
        [*base, "clients", str(out / "x.csv"), "--lang", "fr"],
    ]
    for argv in bad:
        assert cli.main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("desktop-crm: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert sorted(p.name for p in out.iterdir()) == before  # nothing written


def test_export_reads_back_through_the_import_reader(data: dict, tmp_path: Path) -> None:
    from desktop_crm.importing.reader import read_table

    for kind in KINDS:
        for name in (f"{kind}.csv", f"{kind}.xlsx"):
            path = tmp_path / name
            export_kind(kind, path, lang="zh_CN")
            table = read_table(path)
            assert table.headers[0] == "客户名称"
            assert len(table.rows) >= 1
