"""Service records (服务单) imported and exported: type by key or name (English/Chinese), contact and
contract within the client, the service's rules (resolution when resolved, due not before opened...),
defaults, duplicates; errors at their row and column and nothing written."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.errors import CrmError
from desktop_crm.exporting.entities import export_kind
from desktop_crm.importing import prepare, read_table, run_import, suggest_mapping
from desktop_crm.models import Client, Contact, Contract
from desktop_crm.models.service import ServiceRecord
from desktop_crm.services.service_records import save_service_types, service_types

from .conftest import table

HEADERS = ["Client", "Service type", "Title", "Status", "Opened at", "Due at", "Resolution"]


def _import(headers: list[str], *rows: list[Any], on_duplicate: str = "skip") -> Any:
    data = table(headers, *rows)
    return run_import("service-records", data, suggest_mapping("service-records", headers), on_duplicate)


def _problems(headers: list[str], *rows: list[Any]) -> list[tuple[int | None, str | None, str]]:
    data = table(headers, *rows)
    preview = prepare("service-records", data, suggest_mapping("service-records", headers))
    return [(p.row, p.column, p.code) for p in preview.all_problems() if p.severity == "error"]


@pytest.fixture
def client(team: dict[str, int]) -> Client:
    found = Client.create(name="甲公司")
    Contact.create(client=found, name="张三")
    other = Client.create(name="乙公司")
    Contact.create(client=other, name="王五")
    Contract.create(
        client=found, number="HT-1", title="年度维保", amount_cents=100_000, signed_on=date(2026, 1, 5)
    )
    return found


def test_chinese_headers_and_labels_import_with_links_and_defaults(client: Client, clock: Any) -> None:
    clock.set(datetime(2026, 6, 1, 9, 0))
    headers = [
        "客户名称",
        "服务类型",
        "服务主题",
        "紧急程度",
        "处理状态",
        "联系人",
        "合同",
        "创建时间",
        "处理结果",
        "满意度",
    ]
    assert len(suggest_mapping("service-records", headers)) == len(headers)
    _import(
        headers,
        ["甲公司", "投诉", "发票有误", "紧急", "客户已确认", "张三", "HT-1", "2026-05-20 10:00", "已重开", 4],
        ["甲公司", "Training", "上机培训", "", "", "", "年度维保", "", "", ""],
    )
    complaint, training = ServiceRecord.select().order_by(ServiceRecord.id)
    assert (complaint.kind, complaint.severity, complaint.status) == ("complaint", "urgent", "confirmed")
    assert complaint.contact.name == "张三" and complaint.contract.number == "HT-1"
    assert complaint.created_at == datetime(2026, 5, 20, 10, 0)
    assert complaint.due_at == datetime(2026, 5, 21, 10, 0)  # opened + the complaint's 24 h target
    assert complaint.resolved_at == datetime(2026, 6, 1, 9, 0)  # the import's time
    assert complaint.confirmed_at == complaint.resolved_at and complaint.satisfaction == 4
    assert complaint.user_id is not None  # logged by the user this copy works for
    assert (training.kind, training.severity, training.status) == ("training", "normal", "open")
    assert training.created_at == datetime(2026, 6, 1, 9, 0) and training.contract.title == "年度维保"
    assert training.due_at == datetime(2026, 6, 6, 9, 0) and training.resolved_at is None


def test_the_business_types_are_found_by_name_and_turned_off_ones_refused(client: Client) -> None:
    kept = [
        {"key": t.key, "response_hours": t.response_hours, "active": t.key != "praise"}
        for t in service_types()
    ]
    save_service_types([*kept, {"name": "巡检", "response_hours": 48}])
    _import(HEADERS, ["甲公司", "巡检", "季度巡检", "open", "2026-03-01 08:00", "", ""])
    assert ServiceRecord.get().kind == "custom_1"
    assert _problems(
        HEADERS, ["甲公司", "表扬", "好评", "", "", "", ""], ["甲公司", "保修", "x", "", "", "", ""]
    ) == [
        (2, "Service type", "import.service_type_off"),
        (3, "Service type", "import.unknown_service_type"),
    ]


def test_the_services_rules_are_kept_and_nothing_is_written(client: Client) -> None:
    headers = [*HEADERS, "Contact", "Resolved at", "Satisfaction", "Confirmed at"]
    rows = [
        ["甲公司", "complaint", "a", "resolved", "2026-03-01 10:00", "", "", "", "", "", ""],
        ["甲公司", "complaint", "b", "open", "2026-03-01 10:00", "2026-03-01 09:00", "", "", "", "", ""],
        ["甲公司", "complaint", "c", "in_progress", "2026-03-01 10:00", "", "", "", "2026-03-02", "", ""],
        ["甲公司", "complaint", "d", "resolved", "2026-03-01 10:00", "", "ok", "", "", 5, ""],
        ["甲公司", "complaint", "e", "confirmed", "2026-03-01 10:00", "", "ok", "", "", "", ""],
        ["甲公司", "complaint", "f", "resolved", "2026-03-01 10:00", "", "ok", "", "2026-02-28", "", ""],
        ["甲公司", "complaint", "g", "open", "2026-03-01 10:00", "", "", "王五", "", "", ""],
        ["甲公司", "complaint", "h", "confirmed", "2026-03-01", "", "ok", "", "2026-03-05", 9, "2026-03-04"],
        ["甲公司", "complaint", "i", "confirmed", "2026-03-01", "", "ok", "", "2026-03-05", 2, "2026-03-04"],
        [
            "甲公司",
            "complaint",
            "j",
            "open",
            "2026-03-01 10:00",
            "2026-03-01 10:00:30",
            "",
            "张三",
            "",
            "",
            "",
        ],
    ]
    assert _problems(headers, *rows) == [
        (2, "Resolution", "import.resolution_required"),
        (3, "Due at", "import.before_opened"),
        (4, "Resolved at", "import.only_when_resolved"),
        (5, "Satisfaction", "import.only_when_confirmed"),
        (6, "Satisfaction", "import.satisfaction_required"),
        (7, "Resolved at", "import.before_opened"),
        (8, "Contact", "import.unknown_contact"),
        (9, "Satisfaction", "import.out_of_range"),
        (10, "Confirmed at", "import.confirmed_before_resolved"),
    ]
    with pytest.raises(CrmError):
        _import(headers, *rows)
    assert ServiceRecord.select().count() == 0


def test_duplicates_are_the_same_client_title_and_opening(client: Client) -> None:
    row = ["甲公司", "maintenance", "更换滤芯", "open", "2026-03-01 10:00", "", ""]
    assert _import(HEADERS, row, row).created == 1
    result = _import(
        HEADERS,
        ["甲公司", "maintenance", "更换滤芯", "resolved", "2026-03-01 10:00", "", "已更换"],
        on_duplicate="update",
    )
    assert (result.created, result.updated) == (0, 1)
    record = ServiceRecord.get()
    assert (record.status, record.resolution) == ("resolved", "已更换")


def test_export_writes_what_the_import_reads(client: Client, tmp_path: Path) -> None:
    _import(
        [*HEADERS, "Contact", "Satisfaction", "Resolved at"],
        [
            "甲公司",
            "complaint",
            "发票有误",
            "confirmed",
            "2026-03-01 10:00",
            "",
            "已重开",
            "张三",
            5,
            "2026-03-02 11:00",
        ],
    )
    path = tmp_path / "service.csv"
    assert export_kind("service-records", path, lang="zh_CN") == 1
    with path.open(encoding="utf-8-sig") as handle:
        header, line = list(csv.reader(handle))
    shown = dict(zip(header, line, strict=True))
    assert shown["服务类型"] == "complaint" and shown["联系人"] == "张三" and shown["满意度"] == "5"
    assert shown["解决时间"] == "2026-03-02 11:00" and shown["客户确认时间"] == "2026-03-02 11:00"
    data = read_table(path)
    assert len(suggest_mapping("service-records", data.headers)) == len(data.headers)
    assert run_import("service-records", data, suggest_mapping("service-records", data.headers)).skipped == 1


def test_cli_exports_and_imports_service_records(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(db_path)
    Client.create(name="甲公司")
    close_database()
    out = tmp_path / "out.csv"
    assert main(["--db", str(db_path), "export", "service-records", str(out)]) == 0
    assert out.read_bytes().decode("utf-8-sig").startswith("Client,Service type,Title,Severity,Status")
    bad = tmp_path / "bad.csv"
    bad.write_text("Client,Service type,Title,Status\n甲公司,complaint,x,resolved\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "service-records", str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text("Client,Service type,Title\n甲公司,complaint,x\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "service-records", str(good)]) == 0
