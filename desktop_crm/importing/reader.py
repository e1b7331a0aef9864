"""Reading a CSV or XLSX file into a ``Table`` of header texts and cell values.

CSV: the encoding is decided on the *whole* file: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without
a mark (recognised by its NUL bytes), else strict UTF-8, else strict GB18030 (a superset of GBK, which
Chinese Excel writes); a file whose lines are partly UTF-8 and partly another encoding is refused
(``import.mixed_encoding``), as is one that no encoding reads (``import.undecodable``, naming the row
and column). The delimiter (comma, semicolon, tab, or ``|``) is the one that splits the first records
into the same number of columns. Parsing is strict: an unterminated quote is reported at the row where
it opens, never swallowing the rest of the file. Cells may hold up to ``MAX_CELL`` characters.

XLSX (openpyxl, read-only): the chosen sheet (default: the first); cell values come as openpyxl gives
them (text, numbers, datetimes, None); a number the sheet shows as a percentage is a ``Percent``. A
formula the file holds without its result (a file written by a script and never opened in a spreadsheet
program: openpyxl reads it as empty) is an ``UnsavedFormula``, which ``prepare`` reports at its row and
column. Old ``.xls``/``.ods`` files and anything else are refused with a message saying what to do.

Row numbers are the file's record numbers (header = 1) as a spreadsheet shows them; wholly empty rows are
skipped but keep their number. Rows are padded to the header's width; longer rows keep their extra cells
(``prepare`` reports extra cells that hold something).
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CrmError
from ..gc_pause import without_gc

Progress = Callable[[int, int], bool | None]

MAX_CELL = 4 * 1024 * 1024  # characters in one cell (a 1 MB cell is fine)
MAX_FILE = 512 * 1024 * 1024  # bytes: larger files are refused before reading
DELIMITERS = (",", ";", "\t", "|")
_PROGRESS_EVERY = 2000
_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Any]]  # cell values: str (CSV), or str/int/float/datetime/None (XLSX)
    row_numbers: list[int]  # the file's row number of each row (1-based, header = 1), for messages
    source: str  # file name
    encoding: str | None  # detected (CSV), None for XLSX
    delimiter: str | None
    sheet: str | None
    sheets: list[str] = field(default_factory=list)  # XLSX: every sheet's name
    # XLSX: rows holding nothing but formulas without a saved result (blank where none is imported)
    formula_only_rows: set[int] = field(default_factory=set)


def _check_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise CrmError("import_cancelled")


@without_gc  # millions of short-lived objects: no full collections stalling the window
def read_table(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> Table:
    """Read ``path`` (CSV or XLSX); ``encoding``/``delimiter`` (CSV) and ``sheet`` (XLSX) override the
    detection. ``progress(done, total)`` is called throughout; returning False cancels
    (``CrmError("import_cancelled")``). Every problem is a ``CrmError`` with a stable code."""
    file = Path(path)
    name = file.name
    try:
        size = file.stat().st_size
    except OSError:
        raise CrmError("import.no_file", path=str(file)) from None
    if file.is_dir():
        raise CrmError("import.not_spreadsheet", file=name)
    if size > MAX_FILE:
        raise CrmError("import.file_too_large", file=name, max_mb=MAX_FILE // (1024 * 1024))
    try:
        with file.open("rb") as handle:  # a pipe or device has no size: never read past the limit
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise CrmError("import.cannot_read", file=name, reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_FILE:
        raise CrmError("import.file_too_large", file=name, max_mb=MAX_FILE // (1024 * 1024))
    if not data.strip():
        raise CrmError("import.empty_file", file=name)
    if data[:4] == b"PK\x03\x04" or file.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(file, data, sheet, progress)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an old Excel (.xls) or other OLE file
        raise CrmError("import.old_excel", file=name)
    return _read_csv(name, data, encoding, delimiter, progress)


# ---- CSV -------------------------------------------------------------------------------------------


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """(line, 1-based character column) of a byte offset, counted on the undecoded bytes."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _looks_utf16(data: bytes) -> str | None:
    sample = data[: 1 << 16]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zero >= half * 0.05 and even_zero <= odd_zero * 0.01:
        codec = "utf-16-le"
    elif even_zero >= half * 0.05 and odd_zero <= even_zero * 0.01:
        codec = "utf-16-be"
    else:
        return None
    # Lines of 8-bit text that vanish when read as UTF-16: a stray NUL in a short file, not UTF-16 text.
    if b"\n" in sample:
        text = sample[: len(sample) // 2 * 2].decode(codec, "replace")
        if "\n" not in text and "\r" not in text:
            return None
    return codec


_DECODE_CHUNK = 1 << 20  # bytes decoded between two progress calls


def _decode_in_chunks(data: bytes, codec: str, tick: Callable[[int], None] | None) -> str:
    """``data.decode(codec)`` (strict), a megabyte at a time with ``tick(bytes done)`` in between; a
    failure raises the whole-file decode's own error (its position is exact)."""
    if tick is None or len(data) <= _DECODE_CHUNK:
        return data.decode(codec)
    decoder = codecs.getincrementaldecoder(codec)("strict")
    parts = []
    try:
        for start in range(0, len(data), _DECODE_CHUNK):
            end = start + _DECODE_CHUNK
            parts.append(decoder.decode(data[start:end], final=end >= len(data)))
            tick(min(end, len(data)))
    except UnicodeDecodeError:
        return data.decode(codec)  # raises the same error with the file's offsets
    return "".join(parts)


def _decode(
    name: str, data: bytes, encoding: str | None, tick: Callable[[int], None] | None = None
) -> tuple[str, str]:
    if encoding is not None:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise CrmError("import.unknown_encoding", encoding=encoding[:60]) from None
        if not getattr(info, "_is_text_encoding", True):  # rot13, hex, base64, zlib: no text from bytes
            raise CrmError("import.unknown_encoding", encoding=encoding[:60])
        try:
            return _decode_in_chunks(data, info.name, tick), encoding
        except UnicodeDecodeError as exc:
            line, column = _position(data, exc.start)
            raise CrmError(
                "import.undecodable", file=name, encoding=encoding, row=line, column=column
            ) from None
        except (UnicodeError, LookupError):  # the "undefined" codec refuses every use
            raise CrmError("import.unknown_encoding", encoding=encoding[:60]) from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif (utf16 := _looks_utf16(data)) is not None:
        candidates = [utf16]
    else:
        candidates = ["utf-8", "gb18030"]
    first_error: UnicodeDecodeError | None = None
    for codec in candidates:
        try:
            text = _decode_in_chunks(data, codec, tick)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if codec == "gb18030":
            _refuse_mixed(name, data, tick)
        return text, codec
    assert first_error is not None
    line, column = _position(data, first_error.start)
    raise CrmError("import.undecodable", file=name, encoding=candidates[0], row=line, column=column)


def _refuse_mixed(name: str, data: bytes, tick: Callable[[int], None] | None = None) -> None:
    """A file read as GB18030 whose other lines are valid UTF-8 text (with non-ASCII characters) mixes
    two encodings: refuse it, naming the first line that is not UTF-8."""
    utf8_lines = 0
    first_bad: int | None = None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if tick is not None and number % 20_000 == 0:
            tick(len(data))
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            if first_bad is None:
                first_bad = number
        else:
            utf8_lines += 1
        if utf8_lines and first_bad is not None:
            raise CrmError("import.mixed_encoding", file=name, row=first_bad)


def _sniff_delimiter(text: str) -> str:
    """The candidate that splits the first records into the same number (> 1) of columns most often."""
    head = text[:65536]
    best, best_score = ",", (0, 0)
    for candidate in DELIMITERS:
        counts: dict[int, int] = {}
        reader = csv.reader(io.StringIO(head, newline=""), delimiter=candidate)
        try:
            for index, record in enumerate(reader):
                if index >= 50:
                    break
                if record:
                    counts[len(record)] = counts.get(len(record), 0) + 1
        except csv.Error:
            pass
        if not counts:
            continue
        width, times = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (times if width > 1 else 0, width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _quote_column(line: str, delimiter: str) -> int:
    """The 1-based column where an unterminated quote opens in the record's first line."""
    column, quoted = 1, False
    for index, char in enumerate(line):
        if char == '"' and (quoted or index == 0 or line[index - 1] == delimiter):
            quoted = not quoted
        elif char == delimiter and not quoted:
            column += 1
    return column


def _read_csv(
    name: str, data: bytes, encoding: str | None, delimiter: str | None, progress: Progress | None
) -> Table:
    _check_progress(progress, 0, len(data))
    bom16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data and encoding is None and not bom16 and _looks_utf16(data) is None:
        raise CrmError("import.not_spreadsheet", file=name)
    size = max(len(data), 1)
    # decoding is the first tenth of the reading (bytes decoded), parsing the rest (characters read)
    text, used = _decode(name, data, encoding, lambda done: _check_progress(progress, done // 10, size))
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text or len(_BINARY.findall(text[:65536])) > len(text[:65536]) // 200:
        raise CrmError("import.not_spreadsheet", file=name)  # control characters: binary data
    if not text.strip():
        raise CrmError("import.empty_file", file=name)
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise CrmError("import.bad_delimiter", delimiter=delimiter[:10])
    sep = delimiter or _sniff_delimiter(text)
    if csv.field_size_limit() < MAX_CELL:
        csv.field_size_limit(MAX_CELL)
    total = max(len(text), 1)
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for line in io.StringIO(text, newline=""):
            consumed += len(line)
            yield line

    reader = csv.reader(lines(), delimiter=sep, strict=True)
    records: list[list[str]] = []
    numbers: list[int] = []
    last_line = 0
    record_no = 0
    try:
        for record in reader:
            record_no += 1
            if record_no % _PROGRESS_EVERY == 0:
                _check_progress(progress, size // 10 + int(consumed / total * (size - size // 10)), size)
            last_line = reader.line_num
            if record and any(cell.strip() for cell in record):
                records.append(record)
                numbers.append(record_no)
    except csv.Error as exc:
        row = record_no + 1
        message = str(exc)
        if "field larger than field limit" in message:
            raise CrmError("import.cell_too_large", file=name, row=row, max_chars=MAX_CELL) from None
        physical = io.StringIO(text, newline="").readlines()
        start = physical[last_line] if last_line < len(physical) else ""
        if "unexpected end of data" in message or "EOF" in message or "new-line" in message:
            raise CrmError(
                "import.unterminated_quote", file=name, row=row, column=_quote_column(start, sep)
            ) from None
        raise CrmError("import.bad_quote", file=name, row=row, reason=message[:120]) from None
    return _table(name, records, numbers, used, sep, None, [], progress)


def _table(
    name: str,
    records: list[list[Any]],
    numbers: list[int],
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    sheets: list[str],
    progress: Progress | None,
) -> Table:
    if not records:
        raise CrmError("import.empty_file", file=name)
    headers = ["" if cell is None else str(cell).strip() for cell in records[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise CrmError("import.empty_file", file=name)
    rows = records[1:]
    if not rows:
        raise CrmError("import.header_only", file=name)
    width = len(headers)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)) if encoding is not None else [None] * (width - len(row)))
    _check_progress(progress, 1, 1)
    return Table(headers, rows, numbers[1:], name, encoding, delimiter, sheet, sheets)


# ---- XLSX ------------------------------------------------------------------------------------------


class Percent(float):
    """A number an XLSX cell shows as a percentage: Excel keeps 60% as 0.6 and 100% as 1. It is that
    number; as text it is what the sheet shows ("60%"), and a field counted in percent (a probability)
    takes it times 100."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.percent():.9f}".rstrip("0").rstrip(".") + "%"

    def percent(self) -> float:
        return round(float(self) * 100, 9)


_QUOTED = re.compile(r'"[^"]*"|\\.')


@functools.lru_cache(maxsize=256)
def _is_percent_format(code: str | None) -> bool:
    return bool(code) and "%" in _QUOTED.sub("", str(code))


def _percent_styles(book: Any) -> frozenset[int] | None:
    """The workbook's cell styles that show a percentage (empty: no cell does, the values are read
    alone), or None when the styles cannot be told (then every cell's format is looked at)."""
    try:
        from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code

        custom = list(book._number_formats)
        found = set()
        for index, style in enumerate(book._cell_styles):
            fmt_id = int(style.numFmtId or 0)
            if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
                code = builtin_format_code(fmt_id)
            else:
                code = custom[fmt_id - BUILTIN_FORMATS_MAX_SIZE]
            if _is_percent_format(code):
                found.add(index)
        return frozenset(found)
    except Exception:  # openpyxl internals changed: look at every cell
        return None


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and _is_percent_format(cell.number_format)
    ):
        return Percent(value)
    return value


class UnsavedFormula:
    """An XLSX cell holding a formula without a saved result: nothing to import (the result was never
    computed); as text it is the formula ("=B2*C2")."""

    __slots__ = ("formula",)

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return self.formula

    def __repr__(self) -> str:
        return f"UnsavedFormula({self.formula!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnsavedFormula) and other.formula == self.formula

    def __hash__(self) -> int:
        return hash(self.formula)


_SCAN_CHUNK = 1 << 22  # bytes of a sheet's XML looked at at once
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData[\s>/]")
_STRING_RESULT = re.compile(rb"""\bt\s*=\s*["']str["']""")


@functools.lru_cache(maxsize=8)
def _formula_and_value(prefix: bytes) -> re.Pattern[bytes]:
    """A cell's formula and its saved value's text after it (group 1: None when it has no value or an
    empty ``<v/>``), the tags written with ``prefix`` ("" or "x:")."""
    p = re.escape(prefix)
    return re.compile(
        rb"<" + p + rb"f\b[^>]*?(?:/>|>[^<]*</" + p + rb"f>)"
        rb"\s*(?:<" + p + rb"v\b[^>]*?(?:/>|>([^<]*)</" + p + rb"v>))?"
    )


def _has_unsaved_formula(source: Any) -> bool:
    """Whether the sheet's XML (a binary stream) holds a formula cell without a saved result: no value,
    or an empty one that is not a text result (``t="str"``: a formula giving ""). One pass over the bytes
    (a few per cent of openpyxl's reading), a chunk at a time, cut after a cell's closing tag (no text
    holds "<", so that is a tag)."""
    buffer = b""
    prefix: bytes | None = None
    finished = False
    while not finished:
        chunk = source.read(_SCAN_CHUNK)
        buffer += chunk
        finished = not chunk
        if prefix is None:
            start = _SHEET_DATA.search(buffer)
            if start is None:
                if finished:
                    return False
                buffer = buffer[-256:]  # a tag cut by the chunk's end is kept
                continue
            prefix = start.group(1)
            buffer = buffer[start.end() :]
        end = buffer.find(b"</" + prefix + b"sheetData>")
        if end >= 0:
            part, finished = buffer[:end], True
        elif finished:
            part = buffer
        else:
            cut = buffer.rfind(b"</" + prefix + b"c>")
            if cut < 0:
                continue  # no whole cell yet (a very long one): read on
            cut += len(prefix) + 4
            part, buffer = buffer[:cut], buffer[cut:]
        for formula in _formula_and_value(prefix).finditer(part):
            saved = formula.group(1)
            if saved is not None and saved.strip():
                continue
            cell = part.rfind(b"<" + prefix + b"c", 0, formula.start())
            if not _STRING_RESULT.search(part, cell, part.find(b">", cell)):
                return True
    return False


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _unsaved_formulas(source: Any, check: Callable[[], None]) -> dict[tuple[int, int], str]:
    """{(row, column): "=formula"} of the formula cells without a saved result, read from the sheet's XML
    as openpyxl reads it (a row or cell without its ``r`` follows the one before); a shared formula
    (Excel's ``t="shared"``) is written out for its own cell."""
    from openpyxl.formula.translate import Translator
    from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

    found: dict[tuple[int, int], str] = {}
    shared: dict[str, tuple[str, str]] = {}  # si -> (formula, the cell it is written in)
    row_no = column_no = 0
    container: Any = None
    for event, element in ET.iterparse(source, events=("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "sheetData":
                container = element
            elif tag == "row":
                written = element.get("r")
                row_no = int(float(written)) if written else row_no + 1
                column_no = 0
                if row_no % _PROGRESS_EVERY == 0:
                    check()
            continue
        if tag == "row" and container is not None:
            container.clear()  # the rows read so far: memory stays flat
        elif tag == "sheetData":
            break
        if tag != "c":
            continue
        reference = element.get("r")
        if reference:
            row, column = coordinate_to_tuple(reference)
            column_no = column
        else:
            column_no += 1
            row, column = row_no, column_no
        children = {_local(child.tag): child for child in element}
        formula = children.get("f")
        if formula is None:
            continue
        text = (formula.text or "").strip()
        here = f"{get_column_letter(column)}{row}"
        if formula.get("t") == "shared" and formula.get("si") is not None:
            if text:
                shared[formula.get("si", "")] = ("=" + text, here)
            elif formula.get("si", "") in shared:
                origin_formula, origin = shared[formula.get("si", "")]
                try:
                    text = Translator(origin_formula, origin=origin).translate_formula(here)[1:]
                except Exception:  # a formula the translator cannot read: shown as the first one
                    text = origin_formula[1:]
        value = children.get("v")
        saved = None if value is None else value.text
        if (saved is None or not saved.strip()) and element.get("t") != "str":
            found[(row, column)] = "=" + text
    return found


def _mark_unsaved(
    records: list[list[Any]], numbers: list[int], unsaved: dict[tuple[int, int], str]
) -> set[int]:
    """Put an ``UnsavedFormula`` where a formula without a result was read as empty. A row holding only
    such cells was skipped as blank: it comes back in its place, and its number is returned."""
    position = {number: index for index, number in enumerate(numbers)}
    added: dict[int, list[Any]] = {}
    for (row, column), formula in sorted(unsaved.items()):
        cells = records[position[row]] if row in position else added.setdefault(row, [])
        if len(cells) < column:
            cells.extend([None] * (column - len(cells)))
        if cells[column - 1] in (None, ""):
            cells[column - 1] = UnsavedFormula(formula)
    if added:
        merged = sorted([*zip(numbers, records, strict=True), *added.items()], key=lambda item: item[0])
        numbers[:] = [number for number, _ in merged]
        records[:] = [cells for _, cells in merged]
    return set(added)


def _find_unsaved(data: bytes, worksheet: Any, check: Callable[[], None]) -> dict[tuple[int, int], str]:
    """The formula cells of ``worksheet`` without a saved result (usually none, found in one quick pass;
    the exact places are read only when there are some)."""
    path = worksheet._worksheet_path  # openpyxl's read-only sheet: the part it reads (a test holds it)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with archive.open(path) as source:
            if not _has_unsaved_formula(source):
                return {}
        with archive.open(path) as source:
            return _unsaved_formulas(source, check)


def _read_xlsx(file: Path, data: bytes, sheet: str | None, progress: Progress | None) -> Table:
    name = file.name
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - a dependency of the package
        raise CrmError("import.not_spreadsheet", file=name) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CrmError("import.xlsx_damaged", file=name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        OSError,
        EOFError,
        ValueError,
        TypeError,
        IndexError,
        AttributeError,
        SyntaxError,
    ) as exc:
        raise CrmError("import.xlsx_damaged", file=name) from exc
    except Exception as exc:  # lxml/ElementTree parse errors of a damaged part
        raise CrmError("import.xlsx_damaged", file=name) from exc
    try:
        names = list(book.sheetnames)
        if not names:
            raise CrmError("import.empty_file", file=name)
        chosen = names[0] if sheet is None else sheet
        if chosen not in names:
            raise CrmError("import.no_such_sheet", file=name, sheet=str(sheet)[:60], sheets=", ".join(names))
        worksheet = book[chosen]
        total = int(getattr(worksheet, "max_row", 0) or 0) or 1
        records: list[list[Any]] = []
        numbers: list[int] = []
        try:
            if _percent_styles(book) == frozenset():  # no cell can show a percentage: values alone
                rows: Iterator[tuple[Any, ...]] = worksheet.iter_rows(values_only=True)
            else:
                rows = (tuple(_cell_value(cell) for cell in cells) for cells in worksheet.iter_rows())
            for number, values in enumerate(rows, start=1):
                if number % _PROGRESS_EVERY == 0:
                    _check_progress(progress, min(number, total), total)
                cells = [value.strip() if isinstance(value, str) else value for value in values]
                if any(isinstance(cell, str) and len(cell) > MAX_CELL for cell in cells):
                    raise CrmError("import.cell_too_large", file=name, row=number, max_chars=MAX_CELL)
                if any(cell not in (None, "") for cell in cells):
                    while cells and cells[-1] in (None, ""):
                        cells.pop()
                    records.append(cells)
                    numbers.append(number)
            unsaved = _find_unsaved(data, worksheet, lambda: _check_progress(progress, total, total))
            formula_only = _mark_unsaved(records, numbers, unsaved) if unsaved else set()
        except CrmError:
            raise
        except Exception as exc:  # a truncated or damaged sheet part
            raise CrmError("import.xlsx_damaged", file=name) from exc
        table = _table(name, records, numbers, None, None, chosen, names, progress)
        table.formula_only_rows = formula_only
        return table
    finally:
        book.close()
