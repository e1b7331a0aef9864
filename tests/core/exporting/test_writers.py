"""The CSV and XLSX writers: formula neutralisation, numbers stay numbers, every encoding read back,
unencodable characters named by row and column, nothing written on failure or cancel."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop_crm.errors import CrmError
from desktop_crm.exporting.cells import Column, neutralise
from desktop_crm.exporting.writers import write_table

COLUMNS = [
    Column("name", "名称"),
    Column("amount", "Amount", "money"),
    Column("count", "Count", "int"),
    Column("day", "Day", "date"),
    Column("when", "When", "datetime"),
]
HOSTILE = ["=1+2", "+86 138", "-3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")', "plain"]


def _rows() -> list[list[object]]:
    return [[text, -123456, -7, date(2026, 3, 9), datetime(2026, 3, 9, 14, 30)] for text in HOSTILE]


def _read_csv(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def test_neutralise() -> None:
    assert [neutralise(t) for t in HOSTILE] == ["'" + t for t in HOSTILE[:-1]] + ["plain"]
    assert neutralise("a=b") == "a=b"


def test_csv_neutralises_text_and_keeps_numbers(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write_table(path, COLUMNS, _rows()) == len(HOSTILE)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM by default
    assert b"\r\n" in raw
    rows = _read_csv(path, "utf-8-sig")
    assert rows[0] == ["名称", "Amount", "Count", "Day", "When"]
    assert [r[0] for r in rows[1:]] == ["'" + t for t in HOSTILE[:-1]] + ["plain"]
    assert rows[1][1:] == ["-1234.56", "-7", "2026-03-09", "2026-03-09 14:30"]  # negative numbers untouched


def test_xlsx_has_no_formula_and_typed_cells(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_table(path, COLUMNS, _rows())
    sheet = openpyxl.load_workbook(path).active
    cells = [row for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    # (XML reads a carriage return back as a line feed)
    expected = ["'" + t.replace("\r", "\n") for t in HOSTILE[:-1]] + ["plain"]
    assert [row[0].value for row in cells] == expected
    assert all(row[0].data_type == "s" for row in cells)
    first = cells[0]
    assert first[1].value == pytest.approx(-1234.56) and first[1].data_type == "n"
    assert first[1].number_format == "#,##0.00"
    assert first[2].value == -7 and first[2].data_type == "n"
    assert first[3].value == datetime(2026, 3, 9) and first[3].is_date
    assert first[4].value == datetime(2026, 3, 9, 14, 30) and first[4].is_date


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030", "gbk", "utf-16"])
def test_each_encoding_reads_back(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"out-{encoding}.csv"
    rows = [['杭州云帆科技有限公司, 张三 "老客户"\n第二行', 120000, 3, None, None]]
    write_table(path, COLUMNS, rows, encoding=encoding)
    back = _read_csv(path, "utf-16" if encoding == "utf-16" else encoding)
    assert back[0][0].lstrip("\ufeff") == "名称"
    assert back[1][:3] == [rows[0][0], "1200.00", "3"]
    if encoding == "utf-8":
        assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_gbk_refuses_a_character_it_cannot_hold_naming_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old")
    rows = [["fine", 1, 1, None, None], ["吉祥 𠮷", 1, 1, None, None]]
    with pytest.raises(CrmError) as caught:
        write_table(path, COLUMNS, rows, encoding="gbk")
    assert caught.value.code == "export.unencodable"
    assert caught.value.params["row"] == 3 and caught.value.params["column"] == "名称"
    assert caught.value.params["char"] == "𠮷"
    assert path.read_bytes() == b"old"  # left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left
    write_table(path, COLUMNS, rows, encoding="gb18030")  # GB18030 holds every character
    assert _read_csv(path, "gb18030")[2][0] == "吉祥 𠮷"


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = ([f"row {i}", i, i, None, None] for i in range(10_000))
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 4000

    with pytest.raises(CrmError) as caught:
        write_table(path, COLUMNS, rows, total=10_000, progress=progress)
    assert caught.value.code == "export.cancelled"
    assert not path.exists() and list(tmp_path.iterdir()) == []
    assert seen[:3] == [0, 2000, 4000]


def test_bad_format_encoding_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CrmError) as caught:
        write_table(tmp_path / "a.csv", COLUMNS, [], encoding="latin-9")
    assert caught.value.code == "export.unknown_encoding"
    with pytest.raises(CrmError) as caught:
        write_table(tmp_path / "a.csv", COLUMNS, [], fmt="ods")
    assert caught.value.code == "export.unknown_format"
    with pytest.raises(CrmError) as caught:
        write_table(tmp_path / "a.xlsx", COLUMNS, [], encoding="gbk")
    assert caught.value.code == "export.encoding_for_xlsx"
    with pytest.raises(CrmError) as caught:
        write_table(tmp_path / "missing" / "a.csv", COLUMNS, [])
    assert caught.value.code == "export.cannot_write"
    assert list(tmp_path.iterdir()) == []


def test_xlsx_control_characters_and_overlong_text(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_table(path, COLUMNS, [["a\x01b", 0, 0, None, None]])
    assert openpyxl.load_workbook(path).active["A2"].value == "a\ufffdb"
    with pytest.raises(CrmError) as caught:
        write_table(path, COLUMNS, [["x" * 40_000, 0, 0, None, None]])
    assert caught.value.code == "export.cell_too_long" and caught.value.params["row"] == 2


def test_streaming_many_rows_in_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    count = write_table(path, COLUMNS, ([f"r{i}", i, i, None, None] for i in range(20_000)), total=20_000)
    assert count == 20_000
    sheet = openpyxl.load_workbook(path, read_only=True).active
    assert sum(1 for _row in sheet.iter_rows(values_only=True)) == 20_001
