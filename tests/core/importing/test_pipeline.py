"""prepare and run_import: values, references, duplicates, all-or-nothing, cancel, every kind."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.importing import prepare, remember_mapping, remembered_mapping, run_import, suggest_mapping
from desktop_crm.models import Client, Contact, Contract, FollowUp, NextStep, Opportunity, Payment
from desktop_crm.services.clients import create_client
from desktop_crm.services.users import update_user

from .conftest import dump_text, table

CN_HEADERS = ["客户名称", "客户级别", "手机", "下次联系时间", "负责人", "联系人", "预计金额", "备注"]


def _auto(kind: str, t: Any) -> dict[int, str]:
    return suggest_mapping(kind, t.headers)


def test_a_chinese_export_is_imported_with_its_decorations(team: dict[str, int], clock: Any) -> None:
    t = table(
        CN_HEADERS,
        [
            "华东机电",
            "A（重点客户）",
            "138 0013 8000",
            "2026年3月9日 下午2:30",
            "陈静",
            "张三",
            "¥1,200.00",
            "=SUM(A1)",
        ],
        ["华南贸易", "C", "", "", "", "", "1 200", ""],
    )
    mapping = _auto("clients", t)
    assert mapping == {
        0: "name", 1: "grade", 2: "phone", 3: "next_contact", 4: "owner", 5: "contact",
        6: "expected_amount_cents", 7: "notes",
    }  # fmt: skip
    preview = prepare("clients", t, mapping)
    assert preview.ok and preview.counts == {"create": 2, "update": 0, "skip": 0, "error": 0}
    assert run_import("clients", t, mapping).created == 2
    first = Client.get(Client.name == "华东机电")
    assert (first.grade, first.phone, first.expected_amount_cents) == ("A", "138 0013 8000", 120000)
    assert first.owner_id == team["陈静"]
    assert first.notes == "=SUM(A1)"  # a formula-looking cell is plain text
    assert [c.name for c in first.contacts] == ["张三"]
    step = NextStep.get(NextStep.client == first)
    assert (step.due_at, step.user_id, step.done) == (datetime(2026, 3, 9, 14, 30), team["陈静"], False)
    second = Client.get(Client.name == "华南贸易")
    assert second.expected_amount_cents == 120000 and second.owner_id is not None  # the working user
    assert not NextStep.select().where(NextStep.client == second).exists()


def test_every_problem_names_row_column_and_the_allowed_values(team: dict[str, int]) -> None:
    t = table(
        CN_HEADERS,
        ["", "Z", "", "明天", "无名氏", "", "-5", ""],
        ["好客户", "B", "", "", "", "", "abc", "\x00"],
    )
    preview = prepare("clients", t, _auto("clients", t))
    assert not preview.ok and preview.counts["error"] == 2
    found = {(p.row, p.column, p.code) for p in preview.all_problems()}
    assert found == {
        (2, "客户名称", "import.required"),
        (2, "客户级别", "import.unknown_choice"),
        (2, "下次联系时间", "import.not_a_datetime"),
        (2, "负责人", "import.unknown_user"),
        (2, "预计金额", "import.negative_money"),
        (3, "预计金额", "import.not_money"),
        (3, "备注", "import.control_character"),
    }
    grade = next(p for p in preview.all_problems() if p.code == "import.unknown_choice")
    assert grade.params["allowed"] == "A, B, C" and "'Z'" in grade.message
    user = next(p for p in preview.all_problems() if p.code == "import.unknown_user")
    assert "王磊" in user.message


def test_a_required_field_not_mapped_blocks_the_import(team: dict[str, int]) -> None:
    t = table(["手机"], ["1"])
    preview = prepare("clients", t, _auto("clients", t))
    assert not preview.ok and preview.problems[0].code == "import.missing_required"
    assert preview.problems[0].row is None


def test_bad_mappings_are_refused(team: dict[str, int]) -> None:
    t = table(["a", "b"], ["1", "2"])
    for mapping, code in [
        ({5: "name"}, "import.mapping_bad_column"),
        ({0: "nonsense"}, "import.mapping_unknown_field"),
        ({0: "name", 1: "name"}, "import.mapping_twice"),
        ("name", "import.bad_mapping"),
    ]:
        with pytest.raises(ValidationError) as caught:
            prepare("clients", t, mapping)  # type: ignore[arg-type]
        assert caught.value.code == code
    with pytest.raises(ValidationError) as caught:
        prepare("clients", t, {0: "name"}, on_duplicate="merge")
    assert caught.value.code == "import.bad_on_duplicate"
    with pytest.raises(ValidationError) as caught:
        prepare("widgets", t, {})
    assert caught.value.code == "import.unknown_kind"


def test_the_whole_import_or_nothing(db: Any, team: dict[str, int]) -> None:
    create_client("已有客户", phone="021-5555 0000")
    before = dump_text(db)
    rows = [[f"客户{i}", "A", "", "", "", "", "", ""] for i in range(1500)]
    rows.append(["坏的", "Z", "", "", "", "", "", ""])
    t = table(CN_HEADERS, *rows)
    with pytest.raises(CrmError) as caught:
        run_import("clients", t, _auto("clients", t))
    assert caught.value.code == "import_has_errors" and caught.value.params["count"] == 1
    assert dump_text(db) == before


def test_cancel_midway_writes_nothing(db: Any, team: dict[str, int]) -> None:
    before = dump_text(db)
    t = table(CN_HEADERS, *[[f"客户{i}", "A", f"1390000{i:04d}", "", "", "", "", ""] for i in range(3000)])
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total * 5 // 6  # cancel while writing (the last third is the writing)

    with pytest.raises(CrmError) as caught:
        run_import("clients", t, _auto("clients", t), progress=progress)
    assert caught.value.code == "import_cancelled"
    assert dump_text(db) == before
    assert len(seen) > 10 and all(b == seen[0][1] for _, b in seen)


def test_duplicates_in_the_file_and_the_database(team: dict[str, int]) -> None:
    existing = create_client("华东 机电", phone="+86 138 0013 8000", grade="C")
    headers = ["Company", "Phone 1", "Rating"]
    rows = [
        ["华东机电", "", "A"],  # same name as the stored client (blanks ignored)
        ["Other", "13800138000", "B"],  # same phone as the stored client (country code ignored)
        ["New One", "021 6666 7777", "B"],
        ["new one", "", "C"],  # same name as row 4 of the file
    ]
    t = table(headers, *rows)
    mapping = _auto("clients", t)
    skip = prepare("clients", t, mapping)
    assert [r.action for r in skip.rows] == ["skip", "skip", "create", "skip"]
    assert skip.rows[0].existing_id == existing.id
    assert [r.duplicate_of for r in skip.rows] == [None, 2, None, 4]  # row 3 finds the client row 2 found
    update = prepare("clients", t, mapping, on_duplicate="update")
    assert [r.action for r in update.rows] == ["update", "skip", "create", "skip"]
    create = prepare("clients", t, mapping, on_duplicate="create")
    assert [r.action for r in create.rows] == ["create"] * 4
    result = run_import("clients", t, mapping, on_duplicate="update")
    assert (result.created, result.updated, result.skipped) == (1, 1, 2)
    stored = Client.get_by_id(existing.id)
    assert (stored.grade, stored.name, stored.phone) == ("A", "华东机电", "+86 138 0013 8000")
    assert Client.select().count() == 2


def test_contacts_with_first_and_last_names(team: dict[str, int]) -> None:
    acme = create_client("Acme Ltd")
    create_client("华东机电")
    t = table(
        ["Account Name", "First Name", "Last Name", "Title", "Mobile", "立场"],
        ["Acme Ltd", "Ada", "Lovelace", "CTO", "+44 20 7946 0000", "支持者"],
        ["华东机电", "三", "张", "", "", "中立"],
        ["Nobody Inc", "X", "Y", "", "", ""],
    )
    mapping = _auto("contacts", t)
    assert mapping == {0: "client", 1: "name_first", 2: "name_last", 3: "title", 4: "phone", 5: "stance"}
    preview = prepare("contacts", t, mapping)
    assert [r.action for r in preview.rows] == ["create", "create", "error"]
    assert preview.rows[2].problems[0].code == "import.unknown_client"
    assert preview.rows[2].problems[0].column == "Account Name"
    t.rows.pop()
    t.row_numbers.pop()
    run_import("contacts", t, mapping)
    names = sorted((c.name, c.stance) for c in Contact.select())
    assert names == [("Ada Lovelace", "supporter"), ("张三", "neutral")]
    assert Contact.get(Contact.name == "Ada Lovelace").client_id == acme.id
    again = prepare("contacts", t, mapping)
    assert [r.action for r in again.rows] == ["skip", "skip"]


def test_ambiguous_client_names_are_errors(team: dict[str, int]) -> None:
    create_client("双胞胎公司")
    create_client("双胞胎公司")
    t = table(["客户名称", "姓名"], ["双胞胎公司", "李四"])
    preview = prepare("contacts", t, _auto("contacts", t))
    assert preview.rows[0].problems[0].code == "import.ambiguous_client"


def test_follow_ups_opportunities_contracts_and_payments(team: dict[str, int], clock: Any) -> None:
    client = create_client("华东机电")
    day = clock.today() - timedelta(days=3)
    follow = table(
        ["客户名称", "跟进时间", "跟进方式", "跟进内容", "跟进人", "时长"],
        ["华东机电", f"{day:%Y/%m/%d} 10:15", "上门拜访", "谈了预算", "王磊", "45"],
        ["华东机电", f"{day:%Y-%m-%d} 16:00", "微信", "", "", ""],
    )
    assert run_import("follow-ups", follow, _auto("follow-ups", follow)).created == 2
    visit = FollowUp.get(FollowUp.channel == "visit")
    assert (visit.user_id, visit.duration_minutes, visit.summary) == (team["王磊"], 45, "谈了预算")
    assert Client.get_by_id(client.id).last_contact_at == datetime.combine(day, datetime.min.time()).replace(
        hour=16
    )
    assert prepare("follow-ups", follow, _auto("follow-ups", follow)).counts["skip"] == 2

    opps = table(
        ["Account Name", "Opportunity Name", "Stage", "Amount", "Close Date"],
        ["华东机电", "二期项目", "Closed Won", "500,000", f"{day:%m/%d/%Y}"],
        ["华东机电", "三期项目", "Proposal/Price Quote", "¥80,000.50", ""],
    )
    run_import("opportunities", opps, _auto("opportunities", opps))
    won = Opportunity.get(Opportunity.name == "二期项目")
    assert (won.stage, won.probability, won.closed_on, won.expected_amount_cents) == (
        "won",
        100,
        clock.today(),
        50000000,
    )
    assert Opportunity.get(Opportunity.name == "三期项目").probability == 50

    deals = table(
        ["客户名称", "合同编号", "合同名称", "合同金额", "签约日期", "关联商机"],
        ["华东机电", "HT-001", "二期合同", "￥500,000.00", f"{day:%Y年%m月%d日}", "二期项目"],
        ["华东机电", "HT-002", "旧合同", "1000", "45000", ""],
        ["华东机电", "HT-003", "错", "1000", "2026-01-01", "三期项目"],
    )
    preview = prepare("contracts", deals, _auto("contracts", deals))
    assert [r.action for r in preview.rows] == ["create", "create", "error"]
    assert preview.rows[2].problems[0].code == "import.opportunity_not_won"
    deals.rows.pop()
    deals.row_numbers.pop()
    run_import("contracts", deals, _auto("contracts", deals))
    assert Contract.get(Contract.number == "HT-001").opportunity_id == won.id
    assert str(Contract.get(Contract.number == "HT-002").signed_on) == "2023-03-15"  # Excel serial 45000

    pays = table(
        ["客户名称", "合同", "回款日期", "回款金额", "回款方式"],
        ["华东机电", "HT-001", f"{day:%Y-%m-%d}", "200,000", "银行转账"],
        ["华东机电", "二期合同", f"{day:%Y-%m-%d}", "100000", ""],
        ["华东机电", "HT-999", f"{day:%Y-%m-%d}", "1", ""],
        ["华东机电", "HT-002", f"{day:%Y-%m-%d}", "0", ""],
    )
    preview = prepare("payments", pays, _auto("payments", pays))
    assert [r.action for r in preview.rows] == ["create", "create", "error", "error"]
    assert preview.rows[2].problems[0].code == "import.unknown_contract"
    assert preview.rows[3].problems[0].code == "import.zero_money"


def test_an_inactive_owner_is_refused(team: dict[str, int]) -> None:
    update_user(team["陈静"], active=False)
    t = table(["客户名称", "负责人"], ["甲", "陈静"])
    assert prepare("clients", t, _auto("clients", t)).rows[0].problems[0].code == "import.inactive_user"


def test_prepare_writes_nothing_and_reports_progress(db: Any, team: dict[str, int]) -> None:
    before = dump_text(db)
    t = table(CN_HEADERS, *[[f"客户{i}", "B", "", "", "", "", "", ""] for i in range(2000)])
    calls: list[int] = []
    prepare("clients", t, _auto("clients", t), progress=lambda done, total: calls.append(done) and None)
    assert dump_text(db) == before
    assert calls == sorted(calls) and calls[-1] == 6000 and len(calls) >= 8  # database, rows, duplicates


def test_mapping_memory(team: dict[str, int]) -> None:
    headers = ["公司", "级别 ", "Whatever"]
    assert remembered_mapping("clients", headers) is None
    remember_mapping("clients", headers, {0: "name", 2: "notes"})
    assert remembered_mapping("clients", ["公司", "级别", "whatever"]) == {0: "name", 2: "notes"}
    assert remembered_mapping("contacts", headers) is None
    assert remembered_mapping("clients", ["公司"]) is None


def test_payments_are_imported_against_their_contract(team: dict[str, int], clock: Any) -> None:
    client = create_client("华东机电")
    contract = Contract.create(
        client=client, number="HT-9", title="合同九", amount_cents=10**7, signed_on=clock.today()
    )
    t = table(
        ["Account Name", "Contract Number", "Payment Date", "Payment Amount", "Payment Method"],
        ["华东机电", "ht-9", clock.today().isoformat(), "1,234.56", "bank"],
        ["华东机电", "合同九", clock.today().isoformat(), "100", ""],
    )
    assert run_import("payments", t, _auto("payments", t)).created == 2
    assert sorted(p.amount_cents for p in Payment.select().where(Payment.contract == contract)) == [
        10000,
        123456,
    ]


def test_reading_the_databases_clients_moves_the_progress(
    db: Any, team: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.importing import pipeline
    from desktop_crm.models import Client

    monkeypatch.setattr(pipeline, "_LOOKUP_EVERY", 2)
    for i in range(10):
        Client.create(name=f"老客户{i}")
    t = table(CN_HEADERS, *[[f"客户{i}", "B", "", "", "", "", "", ""] for i in range(100)])
    calls: list[int] = []
    prepare("clients", t, _auto("clients", t), progress=lambda done, total: calls.append(done) and None)
    reading = [c for c in calls if 0 < c < 100]  # the first share: the database's clients
    assert len(reading) >= 4 and reading == sorted(reading)
