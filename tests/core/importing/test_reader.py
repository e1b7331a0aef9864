"""Reading CSV (every encoding, every delimiter, hostile files) and XLSX into a Table."""

from __future__ import annotations

import contextlib
import os
import threading
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from desktop_crm.errors import CrmError
from desktop_crm.importing import read_table, suggest_mapping
from desktop_crm.importing.reader import UnsavedFormula

ROWS = "客户名称,客户级别,手机\n华东机电,A（重点客户）,13800138000\n𠮷野家,B,\n"


def _write(tmp_path: Path, data: bytes, name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ROWS.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ROWS.encode("utf-8"), "utf-8-sig"),
        (ROWS.replace("𠮷", "吉").encode("gbk"), "gb18030"),
        (ROWS.encode("gb18030"), "gb18030"),
        (ROWS.encode("utf-16"), "utf-16"),
        (ROWS.encode("utf-16-le"), "utf-16-le"),
        (ROWS.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_every_encoding_is_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    table = read_table(_write(tmp_path, data))
    assert table.encoding == encoding
    assert table.headers == ["客户名称", "客户级别", "手机"]
    assert table.rows[0] == ["华东机电", "A（重点客户）", "13800138000"]
    assert table.rows[1][0] in ("𠮷野家", "吉野家")
    assert table.row_numbers == [2, 3]
    assert suggest_mapping("clients", table.headers) == {0: "name", 1: "grade", 2: "phone"}


def test_gbk_decided_on_the_whole_file(tmp_path: Path) -> None:
    # The first rows are ASCII (valid UTF-8); only the last is GBK: the whole file is GBK.
    text = "Name,Phone\n" + "".join(f"Client {i},1380000{i:04d}\n" for i in range(500)) + "华南贸易,1\n"
    table = read_table(_write(tmp_path, text.encode("gbk")))
    assert table.encoding == "gb18030"
    assert table.rows[-1][0] == "华南贸易"


def test_mixed_encodings_are_refused_naming_the_row(tmp_path: Path) -> None:
    data = "Name\n华东机电\n".encode() + "华南贸易\n".encode("gbk")
    with pytest.raises(CrmError) as caught:
        read_table(_write(tmp_path, data))
    assert caught.value.code == "import.mixed_encoding"
    assert caught.value.params["row"] == 3


def test_undecodable_bytes_name_row_and_character(tmp_path: Path) -> None:
    data = b"Name,Phone\nabc,\x80\xff\xfe\n"
    with pytest.raises(CrmError) as caught:
        read_table(_write(tmp_path, data))
    assert caught.value.code == "import.undecodable"
    assert caught.value.params["row"] == 2
    assert caught.value.params["column"] == 5


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_delimiters_are_detected(tmp_path: Path, sep: str) -> None:
    text = sep.join(["Company", "First Name", "Last Name", "Phone 1"]) + "\n"
    text += (
        sep.join(["Acme, Inc." if sep != "," else '"Acme, Inc."', "Ada", "Lovelace", "+44 20 1234"]) + "\n"
    )
    table = read_table(_write(tmp_path, text.encode()))
    assert table.delimiter == sep
    assert table.rows[0] == ["Acme, Inc.", "Ada", "Lovelace", "+44 20 1234"]


def test_ragged_rows_are_padded_and_extra_cells_kept(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, b"a,b,c\n1\n1,2,3,4\n"))
    assert table.rows == [["1", "", ""], ["1", "2", "3", "4"]]


def test_blank_rows_keep_their_numbers(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, b"Name\n\nAcme\n,\nBeta\n"))
    assert table.rows == [["Acme"], ["Beta"]]
    assert table.row_numbers == [3, 5]


def test_unterminated_quote_names_row_and_column(tmp_path: Path) -> None:
    data = b'Name,Phone,Notes\nAcme,1,ok\nBeta,2,"never closed\nGamma,3,x\n'
    with pytest.raises(CrmError) as caught:
        read_table(_write(tmp_path, data))
    assert caught.value.code == "import.unterminated_quote"
    assert (caught.value.params["row"], caught.value.params["column"]) == (3, 3)
    assert "row 3, column 3" in str(caught.value)


def test_multiline_cells_and_one_megabyte_cells(tmp_path: Path) -> None:
    big = "长" * 1_000_000
    data = f'Name,Notes\nAcme,"line 1\nline 2"\nBeta,{big}\n'.encode()
    table = read_table(_write(tmp_path, data))
    assert table.rows[0][1] == "line 1\nline 2"
    assert len(table.rows[1][1]) == 1_000_000
    assert table.row_numbers == [2, 3]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "import.empty_file"),
        (b"  \r\n\n", "import.empty_file"),
        ("客户名称,手机\n".encode(), "import.header_only"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00", "import.not_spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "import.old_excel"),
        (b"PK\x03\x04" + b"\x00" * 50, "import.xlsx_damaged"),
        # one NUL byte in a short text file: not taken for UTF-16 (its lines would vanish into one)
        (b"Company,Phone 1\nA3\x00,1\n", "import.not_spreadsheet"),
    ],
)
def test_bad_files_are_refused_with_a_code(tmp_path: Path, data: bytes, code: str) -> None:
    with pytest.raises(CrmError) as caught:
        read_table(_write(tmp_path, data))
    assert caught.value.code == code


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_stream_without_a_size_is_read_no_further_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pipe or a device (/dev/zero) has no size to check first: reading stops past the limit with
    import.file_too_large, never holding an endless stream in memory."""
    from desktop_crm.importing import reader

    monkeypatch.setattr(reader, "MAX_FILE", 64 * 1024)
    pipe = tmp_path / "clients.csv"
    os.mkfifo(pipe)

    def feed() -> None:
        try:
            with pipe.open("wb") as out:
                out.write(b"Name\n" + b"a,b\n" * 250_000)  # a megabyte
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(CrmError) as caught:
            read_table(pipe)
    finally:
        with contextlib.suppress(OSError):  # unblock a writer still waiting for a reader
            os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
        writer.join(timeout=10)
    assert caught.value.code == "import.file_too_large"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CrmError) as caught:
        read_table(tmp_path / "nope.csv")
    assert caught.value.code == "import.no_file"


def _xlsx(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["客户名称", "下次联系时间", "预计金额", None])
    sheet.append(["华东机电", datetime(2026, 3, 9, 14, 30), 1200.5, None])
    sheet.append([None, None, None])
    sheet.append(["=1+1", 45360, "¥1,200.00"])
    sheet["A4"].data_type = "s"  # text that looks like a formula (not a formula)
    book.create_sheet("其他").append(["x"])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    return path


def test_xlsx_cells_keep_their_types(tmp_path: Path) -> None:
    table = read_table(_xlsx(tmp_path))
    assert table.encoding is None and table.sheet == "客户" and table.sheets == ["客户", "其他"]
    assert table.headers == ["客户名称", "下次联系时间", "预计金额"]
    assert table.rows[0][:3] == ["华东机电", datetime(2026, 3, 9, 14, 30), 1200.5]
    assert table.rows[1][:3] == ["=1+1", 45360, "¥1,200.00"]
    assert table.row_numbers == [2, 4]


def test_xlsx_percentage_cells_read_as_shown(tmp_path: Path) -> None:
    """A cell Excel shows as a percentage holds a fraction (60% is 0.6, 100% is 1): it is read as a
    ``Percent``, which a probability takes as 60 and 100 and a text takes as written, "60%"."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["商机名称", "赢率", "备注"])
    for place, (value, shown) in enumerate([(0.6, "0%"), (1, "0%"), (0.255, "0.0%"), (60, "General")], 2):
        sheet.append([f"商机{place}", value, value])
        sheet.cell(place, 2).number_format = shown
        sheet.cell(place, 3).number_format = shown
    path = tmp_path / "opportunities.xlsx"
    book.save(path)
    table = read_table(path)
    cells = [row[1] for row in table.rows]
    assert [type(cell).__name__ for cell in cells] == ["Percent", "Percent", "Percent", "int"]
    assert cells == [0.6, 1, 0.255, 60]
    assert [str(cell) for cell in cells] == ["60%", "100%", "25.5%", "60"]


def test_xlsx_sheet_choice(tmp_path: Path) -> None:
    path = _xlsx(tmp_path)
    with pytest.raises(CrmError) as caught:
        read_table(path, sheet="Nope")
    assert caught.value.code == "import.no_such_sheet"
    with pytest.raises(CrmError) as caught:
        read_table(path, sheet="其他")
    assert caught.value.code == "import.header_only"


def test_truncated_xlsx(tmp_path: Path) -> None:
    data = _xlsx(tmp_path).read_bytes()
    for cut in (len(data) // 3, len(data) - 30):
        path = _write(tmp_path, data[:cut], "cut.xlsx")
        with pytest.raises(CrmError) as caught:
            read_table(path)
        assert caught.value.code == "import.xlsx_damaged"


def test_xlsx_with_a_broken_sheet_part(tmp_path: Path) -> None:
    source = _xlsx(tmp_path)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet1"):
                body = body[: len(body) // 2]
            zout.writestr(item, body)
    with pytest.raises(CrmError) as caught:
        read_table(broken)
    assert caught.value.code == "import.xlsx_damaged"


def test_progress_moves_and_cancel_stops(tmp_path: Path) -> None:
    text = "Name\n" + "".join(f"c{i}\n" for i in range(10_000))
    path = _write(tmp_path, text.encode())
    seen: list[tuple[int, int]] = []
    read_table(path, progress=lambda done, total: seen.append((done, total)) and None)
    assert len(seen) >= 5
    with pytest.raises(CrmError) as caught:
        read_table(path, progress=lambda done, total: done == 0)
    assert caught.value.code == "import_cancelled"


def test_explicit_encoding_and_delimiter(tmp_path: Path) -> None:
    path = _write(tmp_path, "名称;电话\n甲;1\n".encode("gbk"))
    table = read_table(path, encoding="gbk", delimiter=";")
    assert table.rows == [["甲", "1"]]
    with pytest.raises(CrmError) as caught:
        read_table(path, encoding="utf-8")
    assert caught.value.code == "import.undecodable"
    with pytest.raises(CrmError) as caught:
        read_table(path, encoding="klingon")
    assert caught.value.code == "import.unknown_encoding"


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "zlib", "uu", "undefined"])
def test_a_codec_that_is_no_text_encoding_is_an_unknown_encoding(tmp_path: Path, encoding: str) -> None:
    """``--encoding rot13`` (a codec Python knows that does not decode bytes to text) is refused like an
    unknown name, not an unexpected error."""
    path = _write(tmp_path, "名称,电话\n甲,1\n".encode("gbk"))
    with pytest.raises(CrmError) as caught:
        read_table(path, encoding=encoding)
    assert caught.value.code == "import.unknown_encoding"


def test_decoding_a_large_file_reports_progress(tmp_path: Path) -> None:
    text = "客户名称,备注\n" + "".join(f"客户{i},来自旧系统的客户资料{i}\n" for i in range(120_000))
    data = text.encode("gb18030")
    assert len(data) > 3 * 1024 * 1024
    path = _write(tmp_path, data)
    seen: list[tuple[int, int]] = []
    table = read_table(path, progress=lambda done, total: seen.append((done, total)) and None)
    assert table.encoding == "gb18030" and len(table.rows) == 120_000
    decoding = [done for done, total in seen if 0 < done <= total // 10]
    assert len(decoding) >= 3  # a megabyte at a time: the bar moves before the parsing starts
    shares = [done / total for done, total in seen]
    assert shares == sorted(shares) and shares[-1] == 1


def _with_sheet(tmp_path: Path, sheet_xml: str, name: str = "script.xlsx") -> Path:
    """A workbook whose first sheet is ``sheet_xml`` as written (other tools write what openpyxl would
    not: shared formulas, prefixed tags, rows and cells without their ``r``)."""
    book = openpyxl.Workbook()
    book.active.append(["x"])
    source = tmp_path / "source.xlsx"
    book.save(source)
    path = tmp_path / name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = sheet_xml.encode()
            zout.writestr(item, body)
    return path


def _sheet(p: str, rows: str) -> str:
    namespace = f"xmlns:{p[:-1]}" if p else "xmlns"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {namespace}='
        f'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><{p}sheetData>{rows}'
        f"</{p}sheetData></{p}worksheet>"
    )


def _text(p: str, ref: str, text: str) -> str:
    where = f' r="{ref}"' if ref else ""
    return f'<{p}c{where} t="inlineStr"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>'


def test_xlsx_formulas_without_a_saved_value_are_not_read_as_blank(tmp_path: Path) -> None:
    """openpyxl (and other scripts) write formulas without their results; data_only reads them as
    empty. They are read as ``UnsavedFormula`` at their place, a row holding only such cells too."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "预计金额", "备注", "级别"])
    sheet.append(["华东机电", "=1200*2", "ok", "A"])
    sheet.append(["华南贸易", 80, '=""', "B"])
    sheet.append([None, None, None, None])
    sheet.append([None, None, None, '=IF(A5="","","A")'])
    path = tmp_path / "script.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.rows == [
        ["华东机电", UnsavedFormula("=1200*2"), "ok", "A"],
        ["华南贸易", 80, UnsavedFormula('=""'), "B"],
        [None, None, None, UnsavedFormula('=IF(A5="","","A")')],
    ]
    assert table.row_numbers == [2, 3, 5]
    assert table.formula_only_rows == {5}
    assert str(table.rows[0][1]) == "=1200*2"


@pytest.mark.parametrize("p", ["", "x:"])
@pytest.mark.parametrize("chunk", [1 << 22, 7])
def test_xlsx_formula_results_saved_by_a_spreadsheet_program_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, p: str, chunk: int
) -> None:
    """Saved results are values (an empty text result too); a shared formula without results is named
    as written for its own cell; rows and cells without ``r`` follow the ones before; prefixed tags;
    the sheet's bytes looked at a few at a time (``chunk``) as well as at once."""
    from desktop_crm.importing import reader

    monkeypatch.setattr(reader, "_SCAN_CHUNK", chunk)
    rows = (
        f'<{p}row r="1">{_text(p, "A1", "Name")}{_text(p, "B1", "Amount")}{_text(p, "C1", "Note")}</{p}row>'
        f'<{p}row r="2">{_text(p, "A2", "甲")}<{p}c r="B2"><{p}f>1+1</{p}f><{p}v>2</{p}v></{p}c>'
        f'<{p}c r="C2" t="str"><{p}f>IF(B2&gt;5,"big","")</{p}f><{p}v></{p}v></{p}c></{p}row>'
        f'<{p}row r="3">{_text(p, "A3", "乙")}<{p}c r="B3"><{p}f t="shared" ref="B3:B4" si="0">A1*2</{p}f>'
        f"</{p}c>{_text(p, 'C3', 'row&gt; c&gt;')}</{p}row>"
        f'<{p}row>{_text(p, "", "丙")}<{p}c><{p}f t="shared" si="0"/><{p}v/></{p}c></{p}row>'
        f'<{p}row r="6"><{p}c r="C6"><{p}f>A6&amp;"x"</{p}f></{p}c></{p}row>'
    )
    table = read_table(_with_sheet(tmp_path, _sheet(p, rows)))
    assert table.headers == ["Name", "Amount", "Note"]
    assert table.rows == [
        ["甲", 2, None],
        ["乙", UnsavedFormula("=A1*2"), "row> c>"],
        ["丙", UnsavedFormula("=A2*2"), None],
        [None, None, UnsavedFormula('=A6&"x"')],
    ]
    assert table.row_numbers == [2, 3, 4, 6]


@pytest.mark.parametrize("chunk", [1 << 22, 7])
def test_xlsx_with_saved_formula_results_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """A file whose formulas have their results (every file Excel or WPS saved) is not read a second
    time: one quick look at the sheet's bytes finds nothing to place."""
    from desktop_crm.importing import reader

    monkeypatch.setattr(reader, "_SCAN_CHUNK", chunk)

    def second_reading(*_args: object) -> None:
        raise AssertionError("the sheet was read again")

    monkeypatch.setattr(reader, "_unsaved_formulas", second_reading)
    rows = "".join(
        f'<row r="{n}">{_text("", f"A{n}", f"c{n}")}<c r="B{n}"><f>ROW()*2</f><v>{2 * n}</v></c>'
        f'<c r="C{n}" t="str"><f>""</f><v></v></c></row>'
        for n in range(2, 2002)
    )
    header = f'<row r="1">{_text("", "A1", "Name")}{_text("", "B1", "Twice")}{_text("", "C1", "Blank")}</row>'
    table = read_table(_with_sheet(tmp_path, _sheet("", header + rows)))
    assert table.rows[0] == ["c2", 4, None] and table.rows[-1] == ["c2001", 4002, None]
    assert not table.formula_only_rows
