"""Cell parsing: dates, times, money, whole numbers and choices in the forms other tools write."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_crm.errors import CrmError
from desktop_crm.importing import prepare, read_table, run_import, suggest_mapping
from desktop_crm.importing.values import (
    CellError,
    parse_choice,
    parse_date,
    parse_datetime,
    parse_int,
    parse_money,
)
from desktop_crm.models import Client
from desktop_crm.models.enums import CHANNELS, CLIENT_STATUSES, GRADES, OPPORTUNITY_STAGES

from .conftest import table


@pytest.mark.parametrize(
    "text",
    [
        "2026/3/9",
        "2026-03-09",
        "2026年3月9日",
        "3/9/2026",
        "2026.3.9",
        "20260309",
        46090,
        "46090",
        "2026-03-09 18:00",
    ],
)
def test_dates(text: Any) -> None:
    assert parse_date(text) == date(2026, 3, 9)


def test_day_first_when_the_first_number_cannot_be_a_month() -> None:
    assert parse_date("13/9/2026") == date(2026, 9, 13)
    assert parse_date(datetime(2026, 3, 9, 8)) == date(2026, 3, 9)


@pytest.mark.parametrize("text", ["明天", "2026-02-30", "13/13/2026", "1/1/1800", "abc", "", "3000000"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)
    assert caught.value.code in ("import.not_a_date", "import.date_out_of_range")


@pytest.mark.parametrize(
    "text",
    [
        "Mar 9 2026",
        "Mar 09, 2026",
        "March 9, 2026",
        "9 Mar 2026",
        "09-Mar-2026",
        "9-Mar-26",
        "2026-Mar-09",
        "MAR 9 2026",
        "09-MAR-2026",
        "09mar2026",
        "9 March, 2026",
        "March 9th, 2026",
        "Mar. 9, 2026",
        "Mon, 09 Mar 2026",
        "Monday, March 9, 2026",
        "Mar 9, 2026 10:30 AM",
        "09-Mar-2026 14:05",
        "Mon, 09 Mar 2026 10:30:00 +0000",
        "2026-03-09T10:30:00Z",
        "2026-03-09T23:30:00-05:00",  # a date keeps its day as written, whatever the zone
        "2026-03-09 10:30:00",
    ],
)
def test_dates_with_english_month_names(text: str) -> None:
    assert parse_date(text) == date(2026, 3, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-Jan-00", date(2000, 1, 1)),
        ("31-Dec-29", date(2029, 12, 31)),
        ("1-Jan-30", date(1930, 1, 1)),
        ("15-Aug-99", date(1999, 8, 15)),
        ("26-Mar-09", date(2009, 3, 26)),  # day first, as Excel and Oracle read it, never the year
        ("Sept 30, 2026", date(2026, 9, 30)),
        ("may 1 2026", date(2026, 5, 1)),
    ],
)
def test_two_digit_years_pivot_like_excel_only_with_a_month_name(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3/9/26",  # all numbers, two-digit year: which is the year?
        "26-03-09",
        "Mar 9",  # no year
        "March 2026",  # no day
        "Mar 9 10:30",  # a time where the year belongs
        "Tue, 9 Mar 2026",  # 9 March 2026 is a Monday
        "Mär 9 2026",  # English month names only
        "9 mars 2026",
        "Foo 9 2026",
        "Feb 30, 2026",
        "Mar 9, 2026 25:00",
    ],
)
def test_ambiguous_or_foreign_dates_are_refused(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)
    assert caught.value.code == "import.not_a_date"
    assert caught.value.params == {"value": text}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-09 14:30", datetime(2026, 3, 9, 14, 30)),
        ("2026/3/9 下午2:30", datetime(2026, 3, 9, 14, 30)),
        ("2026年3月9日 上午9点", datetime(2026, 3, 9, 9, 0)),
        ("3/9/2026 2:30 PM", datetime(2026, 3, 9, 14, 30)),
        ("3/9/2026 12:05 AM", datetime(2026, 3, 9, 0, 5)),
        ("2026-03-09", datetime(2026, 3, 9)),
        (46090.75, datetime(2026, 3, 9, 18, 0)),
        ("2026-03-09 10:30:00", datetime(2026, 3, 9, 10, 30)),
        ("2026-03-09T10:30:00", datetime(2026, 3, 9, 10, 30)),
        ("Mar 9, 2026 10:30 AM", datetime(2026, 3, 9, 10, 30)),
        ("Mar 9, 2026 12:15 PM", datetime(2026, 3, 9, 12, 15)),
        ("March 9, 2026 at 2:30 pm", datetime(2026, 3, 9, 14, 30)),
        ("09-Mar-2026 14:05", datetime(2026, 3, 9, 14, 5)),
        ("9-Mar-26 14:05:30", datetime(2026, 3, 9, 14, 5, 30)),
        ("2026-Mar-09 08:00", datetime(2026, 3, 9, 8, 0)),
        ("Mar 9 2026", datetime(2026, 3, 9)),
    ],
)
def test_datetimes(text: Any, expected: datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.fixture
def shanghai_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's local time is UTC+8 (a POSIX zone: no zone database needed)."""
    if not hasattr(time, "tzset"):
        pytest.skip("the process zone cannot be changed here")
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-09T10:30:00Z", datetime(2026, 3, 9, 18, 30)),
        ("2026-03-09T02:30:00.000Z", datetime(2026, 3, 9, 10, 30)),
        ("2026-03-09T10:30:00+08:00", datetime(2026, 3, 9, 10, 30)),
        ("2026-03-09T10:30:00+0800", datetime(2026, 3, 9, 10, 30)),
        ("2026-03-08T21:30:00-05:00", datetime(2026, 3, 9, 10, 30)),  # the next day here
        ("2026-03-09 02:30:00 UTC", datetime(2026, 3, 9, 10, 30)),
        ("2026-03-09 10:30 GMT+8", datetime(2026, 3, 9, 10, 30)),
        ("Mon, 09 Mar 2026 02:30:00 +0000", datetime(2026, 3, 9, 10, 30)),
        ("2026-03-09T10:30:00", datetime(2026, 3, 9, 10, 30)),  # no zone: local already
    ],
)
def test_a_time_with_a_zone_is_converted_to_local_time(
    shanghai_time: None, text: str, expected: datetime
) -> None:
    assert parse_datetime(text) == expected


def test_a_date_with_a_zone_keeps_its_day(shanghai_time: None) -> None:
    # Tools write date-only fields as midnight UTC; the day is the one written, here or west of UTC.
    assert parse_date("2026-03-09T00:00:00.000Z") == date(2026, 3, 9)
    assert parse_date("2026-03-09T23:30:00-05:00") == date(2026, 3, 9)


@pytest.mark.parametrize(
    "text", ["2026-03-09T10:30:00+15:00", "2026-03-09 10:30 PST", "2026-03-09 1" + " " * 100_000 + "Z x"]
)
def test_unknown_zones_and_overlong_times_are_refused(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_datetime(text)
    assert caught.value.code == "import.not_a_datetime"


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("¥1,200.00", 120000),
        ("￥1,200", 120000),
        ("1 200", 120000),
        ("RMB 3.5", 350),
        ("1,200元", 120000),
        ("12万", 12000000),
        ("$ 12,500.00", 1250000),
        ("US$1,200.00", 120000),
        ("HK$ 80", 8000),
        ("1,200.00 USD", 120000),
        ("€1.200,50", 120050),
        ("1.200,50", 120050),
        (1200.5, 120050),
        (7, 700),
        ("0", 0),
    ],
)
def test_money(text: Any, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-5", "import.negative_money"),
        ("(1,200)", "import.negative_money"),
        ("abc", "import.not_money"),
        ("1.234", "import.not_money"),
        ("12,34,5", "import.not_money"),
        ("1e400", "import.not_money"),
        (float("nan"), "import.not_money"),
        ("9" * 30, "import.money_too_large"),
    ],
)
def test_bad_money(text: Any, code: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_money(text)
    assert caught.value.code == code


def test_whole_numbers() -> None:
    assert parse_int("50%", 0, 100) == 50 and parse_int(45.0, 0, 100) == 45
    for bad, code in (
        ("4.5", "import.not_whole"),
        ("101", "import.out_of_range"),
        (True, "import.not_whole"),
    ):
        with pytest.raises(CellError) as caught:
            parse_int(bad, 0, 100)
        assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "choices", "key"),
    [
        ("A（重点客户）", GRADES, "A"),
        ("B(普通客户)", GRADES, "B"),
        ("c", GRADES, "C"),
        ("A级", GRADES, "A"),
        ("大单", GRADES, "A"),
        ("成交客户", CLIENT_STATUSES, "customer"),
        ("Churned", CLIENT_STATUSES, "lost"),
        ("上门拜访", CHANNELS, "visit"),
        ("E-mail", CHANNELS, "email"),
        ("赢单", OPPORTUNITY_STAGES, "won"),
        ("Negotiation/Review", OPPORTUNITY_STAGES, "negotiation"),
    ],
)
def test_choices(text: str, choices: tuple[str, ...], key: str) -> None:
    assert parse_choice(text, choices) == key


def test_unknown_choice_names_the_allowed_values() -> None:
    with pytest.raises(CellError) as caught:
        parse_choice("D（待定）", GRADES)
    assert caught.value.params == {"value": "D（待定）", "allowed": "A, B, C"}


def test_xlsx_cells_with_real_dates_and_numbers(team: dict[str, int], tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户名称", "下次联系时间", "预计金额", "预计签约日期", "手机"])
    sheet.append(["华东机电", datetime(2030, 3, 9, 14, 30), 1200.5, 46090, 13800138000])
    sheet.append(["华南贸易", "2030/3/9", "¥80", date(2030, 1, 2), "+86 139 0000 0000"])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    loaded = read_table(path)
    mapping = suggest_mapping("clients", loaded.headers)
    assert run_import("clients", loaded, mapping).created == 2
    first = Client.get(Client.name == "华东机电")
    assert (first.expected_amount_cents, str(first.expected_sign_date), first.phone) == (
        120050,
        "2026-03-09",
        "13800138000",
    )


def test_xlsx_formulas_without_a_saved_value_are_errors_at_their_cell(
    team: dict[str, int], tmp_path: Path
) -> None:
    """A formula a script wrote without its result is not imported as blank: the row and column are
    named with what to do. A row holding such formulas only in columns not imported is a blank row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户名称", "预计金额", "备注", "辅助列"])
    sheet.append(["华东机电", "=1200*2", "ok", "=B2*2"])
    sheet.append(["华南贸易", 80, None, "=B3*2"])
    sheet.append([None, None, None, '=IF(A4="","",B4)'])
    sheet.append([None, None, '=A5&"?"', None])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    loaded = read_table(path)
    mapping = {0: "name", 1: "expected_amount_cents", 2: "notes"}
    preview = prepare("clients", loaded, mapping)
    assert [(r.row, r.action) for r in preview.rows] == [(2, "error"), (3, "create"), (5, "error")]
    found = [(p.row, p.column, p.code, p.params.get("value")) for p in preview.all_problems()]
    assert found == [
        (2, "预计金额", "import.formula_without_value", "=1200*2"),
        (5, "备注", "import.formula_without_value", '=A5&"?"'),
        (5, "客户名称", "import.required", None),
    ]
    message = preview.rows[0].problems[0].message
    assert message == (
        "Expected amount: '=1200*2' is a formula without a saved value; open the file in Excel or WPS "
        "and save it again."
    )
    with pytest.raises(CrmError) as caught:
        run_import("clients", loaded, mapping)
    assert caught.value.code == "import_has_errors"
    assert not Client.select().exists()


def test_xlsx_percentage_probability_and_text(team: dict[str, int], tmp_path: Path) -> None:
    """Excel keeps 60% as 0.6 and 100% as 1: the probability is 60 and 100 (not an error, not 1%), a
    text column keeps what the sheet shows; 25.5% is no whole probability, named as shown."""
    from desktop_crm.models import Opportunity
    from desktop_crm.services.clients import create_client

    create_client("华东机电")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户名称", "商机名称", "赢率", "备注"])
    for place, value in enumerate([0.6, 1, 0.255], 2):
        sheet.append(["华东机电", f"商机{place}", value, value])
        sheet.cell(place, 3).number_format = "0%"
        sheet.cell(place, 4).number_format = "0.0%"
    path = tmp_path / "opportunities.xlsx"
    book.save(path)
    loaded = read_table(path)
    mapping = suggest_mapping("opportunities", loaded.headers)
    preview = prepare("opportunities", loaded, mapping)
    assert [r.action for r in preview.rows] == ["create", "create", "error"]
    problem = preview.rows[2].problems[0]
    assert (problem.code, problem.params["value"]) == ("import.not_whole", "25.5%")
    good = read_table(path)
    good.rows, good.row_numbers = good.rows[:2], good.row_numbers[:2]
    assert run_import("opportunities", good, mapping).created == 2
    stored = {o.name: (o.probability, o.notes) for o in Opportunity.select()}
    assert stored == {"商机2": (60, "60%"), "商机3": (100, "100%")}


def test_extra_cells_beyond_the_header_are_a_row_problem(team: dict[str, int]) -> None:
    t = table(["客户名称"], ["甲", "", ""], ["乙", "stray"], ["丙", "", "", "stray", ""])
    preview = prepare("clients", t, {0: "name"})
    assert [r.action for r in preview.rows] == ["create", "error", "error"]
    assert preview.rows[1].problems[0].code == "import.extra_cells"
    assert preview.rows[1].problems[0].params == {"count": 1, "width": 1}
    # named at the first extra cell that holds something, as a column without a header is named
    assert [(p.row, p.column) for p in preview.rows[1].problems] == [(3, "#2")]
    assert [(p.row, p.column, p.params["count"]) for p in preview.rows[2].problems] == [(4, "#4", 4)]
