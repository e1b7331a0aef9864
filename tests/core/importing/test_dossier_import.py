"""The clients import and export carry the dossier facts (客户雷达): the unified social credit code checked
by its check character and unique among live clients, the founding date not after today, the bands by
key or label; written to the client's dossier, created or updated; nothing written on an error."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import credit_code
from desktop_crm.errors import CrmError
from desktop_crm.exporting.entities import export_kind
from desktop_crm.importing import prepare, run_import, suggest_mapping
from desktop_crm.models import Client
from desktop_crm.models.care import ClientDossier
from desktop_crm.services.dossier import save_dossier

from .conftest import table

HEADERS = [
    "客户名称",
    "统一社会信用代码",
    "法定代表人",
    "注册资本",
    "成立日期",
    "经营范围",
    "人员规模",
    "营收规模",
]


def _code(first17: str) -> str:
    return first17 + credit_code.check_character(first17)


GOOD = _code("91330106MA2CFY0B0")
OTHER = _code("91310115673043200")


def _import(headers: list[str], *rows: list[Any], on_duplicate: str = "skip") -> Any:
    return run_import("clients", table(headers, *rows), suggest_mapping("clients", headers), on_duplicate)


def _problems(headers: list[str], *rows: list[Any]) -> list[tuple[int | None, str | None, str]]:
    preview = prepare("clients", table(headers, *rows), suggest_mapping("clients", headers))
    return [(p.row, p.column, p.code) for p in preview.all_problems() if p.severity == "error"]


def test_dossier_facts_are_imported_and_exported(team: dict[str, int], tmp_path: Path) -> None:
    assert len(suggest_mapping("clients", HEADERS)) == len(HEADERS)
    spaced = f"{GOOD[:6]} {GOOD[6:].lower()}"
    _import(
        HEADERS,
        ["甲公司", spaced, "王强", "1,000,000", "2015-04-01", "软件开发", "20-99人", "年营收 500 万–5000 万"],
    )
    dossier = ClientDossier.get()
    assert (dossier.credit_code, dossier.legal_representative) == (GOOD, "王强")
    assert dossier.registered_capital_cents == 100_000_000 and str(dossier.founded_on) == "2015-04-01"
    assert (dossier.headcount_band, dossier.revenue_band) == ("20_99", "5m_50m")
    path = tmp_path / "clients.csv"
    export_kind("clients", path, lang="zh_CN")
    with path.open(encoding="utf-8-sig") as handle:
        header, line = list(csv.reader(handle))
    shown = dict(zip(header, line, strict=True))
    assert (
        shown["统一社会信用代码"] == GOOD
        and shown["人员规模"] == "20_99"
        and shown["成立日期"] == "2015-04-01"
    )
    # updating: the mapped cells overwrite, the client keeps its own code, the rest stays
    result = _import(
        ["Name", "Credit code", "Legal representative"], ["甲公司", GOOD, "李娜"], on_duplicate="update"
    )
    assert result.updated == 1
    dossier = ClientDossier.get()
    assert (dossier.legal_representative, dossier.business_scope) == ("李娜", "软件开发")


def test_bad_codes_dates_and_taken_codes_are_refused(team: dict[str, int], clock: Any) -> None:
    save_dossier(Client.create(name="已有公司").id, credit_code=OTHER)
    wrong = GOOD[:17] + ("1" if GOOD[17] != "1" else "2")
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    rows = [
        ["甲公司", wrong, "", "", "", "", "", ""],
        ["乙公司", GOOD[:10], "", "", "", "", "", ""],
        ["丙公司", OTHER, "", "", "", "", "", ""],
        ["丁公司", "", "", "", tomorrow, "", "", ""],
        ["戊公司", GOOD, "", "", "", "", "", ""],
        ["己公司", GOOD, "", "", "", "", "", ""],
        ["庚公司", "", "", "", "", "", "很多人", ""],
    ]
    assert _problems(HEADERS, *rows) == [
        (2, "统一社会信用代码", "dossier.credit_code_check"),
        (3, "统一社会信用代码", "dossier.credit_code_length"),
        (4, "统一社会信用代码", "dossier.credit_code_taken"),
        (5, "成立日期", "dossier.date_in_future"),
        (7, "统一社会信用代码", "dossier.credit_code_taken"),
        (8, "人员规模", "import.unknown_choice"),
    ]
    with pytest.raises(CrmError):
        _import(HEADERS, *rows)
    assert Client.select().count() == 1 and ClientDossier.select().count() == 1
