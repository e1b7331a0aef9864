"""Streaming CSV and XLSX writers: rows go from an iterator to the file, never all in memory.

``write_table(path, columns, rows, fmt=..., encoding=...)`` writes a header row and then every row of
the iterator, reporting ``progress(done, total)`` every :data:`PROGRESS_EVERY` rows (returning False
cancels: ``export.cancelled``). The file is written next to the target under a temporary name and
renamed over it only once complete: a failure, a cancel or a full disk leaves the target as it was.

CSV: comma separated, CRLF line ends, RFC 4180 quoting, in one of :data:`ENCODINGS` (UTF-8 with BOM by
default, so Excel opens Chinese correctly). A character the encoding cannot hold (GBK has no 𠮷 or
emoji) stops the export with ``export.unencodable`` naming the row and the column; nothing is written.
XLSX: openpyxl's write-only mode; dates and date-times are real dates, money a number shown with two
decimals, text a string cell (never a formula). Characters XML cannot hold (control characters) are
written as U+FFFD; a text over Excel's 32,767 characters per cell stops the export (``export.cell_too_long``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from ..errors import CrmError, ValidationError
from ..storage_errors import storage_error
from .cells import Column, csv_text, neutralise, typed_value

FORMATS = ("csv", "xlsx")
# Accepted encoding names (lower case) -> the Python codec written.
ENCODINGS: dict[str, str] = {
    "utf-8-sig": "utf-8-sig",
    "utf-8-bom": "utf-8-sig",
    "utf8-sig": "utf-8-sig",
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "gb18030": "gb18030",
    "gbk": "gbk",
    "cp936": "gbk",
    "utf-16": "utf-16",
    "utf16": "utf-16",
}
ENCODING_CHOICES = ("utf-8-sig", "utf-8", "gb18030", "gbk", "utf-16")
DEFAULT_ENCODING = "utf-8-sig"
PROGRESS_EVERY = 2000
XLSX_MAX_ROWS = 1_048_576  # including the header row
XLSX_MAX_CELL = 32_767
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
Progress = Callable[[int, int], bool | None]


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The export format: ``fmt`` when given (checked), else from the file's suffix, else csv."""
    if fmt is None:
        return "xlsx" if Path(path).suffix.lower() == ".xlsx" else "csv"
    if not isinstance(fmt, str) or fmt.lower() not in FORMATS:
        raise ValidationError("export.unknown_format", "format", format=str(fmt), allowed=", ".join(FORMATS))
    return fmt.lower()


def codec_for(encoding: str | None) -> str:
    """The Python codec of an accepted encoding name (None = UTF-8 with BOM)."""
    if encoding is None:
        return DEFAULT_ENCODING
    codec = ENCODINGS.get(str(encoding).strip().lower().replace("_", "-"))
    if codec is None:
        raise ValidationError(
            "export.unknown_encoding", "encoding", encoding=str(encoding), allowed=", ".join(ENCODING_CHOICES)
        )
    return codec


@contextmanager
def replaced_file(path: str | os.PathLike[str]) -> Iterator[tuple[IO[bytes], str]]:
    """``with replaced_file(p) as (out, temporary)``: ``p`` is replaced only if the block succeeds."""
    target = Path(path)
    if target.is_dir():
        raise CrmError("export.cannot_write", path=str(target), reason="it is a folder")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        mapped = storage_error(exc, target)
        if mapped is not None:
            raise mapped from exc
        raise CrmError("export.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            yield out, temporary
        with open(temporary, "rb") as written:  # the writer may have closed ``out`` (openpyxl writes by name)
            os.fsync(written.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            mapped = storage_error(exc, target)
            if mapped is not None:
                raise mapped from exc
            raise CrmError("export.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from exc
        raise


def check_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise CrmError("export.cancelled")


def write_table(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    total: int = 0,
    progress: Progress | None = None,
    sheet: str = "Export",
) -> int:
    """Write ``columns``' headers and ``rows`` (raw values in column order) to ``path``; the row count."""
    kind = format_for(path, fmt)
    if kind == "xlsx":
        if encoding is not None:
            raise ValidationError("export.encoding_for_xlsx", "encoding")
        if total >= XLSX_MAX_ROWS:
            raise CrmError("export.too_many_rows", rows=total, limit=XLSX_MAX_ROWS - 1)
        with replaced_file(path) as (out, temporary):
            out.close()  # openpyxl writes the file by name
            return _write_xlsx(temporary, columns, rows, total, progress, sheet)
    codec = codec_for(encoding)
    with replaced_file(path) as (out, _temporary):
        return _write_csv(out, codec, columns, rows, total, progress)


def _unencodable(codec: str, headers: Sequence[str], cells: Sequence[str], row: int) -> CrmError:
    for header, cell in zip(headers, cells, strict=False):
        for char in cell:
            try:
                char.encode(codec)
            except UnicodeEncodeError:
                return CrmError("export.unencodable", encoding=codec, row=row, column=header, char=char)
    return CrmError("export.unencodable", encoding=codec, row=row, column="?", char="?")


def _write_csv(
    out: IO[bytes],
    codec: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    total: int,
    progress: Progress | None,
) -> int:
    text = io.TextIOWrapper(out, encoding=codec, errors="strict", newline="", write_through=False)
    writer = csv.writer(text, lineterminator="\r\n")
    headers = [c.header for c in columns]
    kinds = [c.kind for c in columns]
    done = 0
    try:
        cells = [neutralise(h) for h in headers]
        try:
            writer.writerow(cells)
        except UnicodeEncodeError:
            raise _unencodable(codec, headers, cells, 1) from None
        check_progress(progress, 0, total)
        for raw in rows:
            cells = [csv_text(typed_value(k, v)) for k, v in zip(kinds, raw, strict=False)]
            try:
                writer.writerow(cells)
            except UnicodeEncodeError:
                raise _unencodable(codec, headers, cells, done + 2) from None
            done += 1
            if done % PROGRESS_EVERY == 0:
                check_progress(progress, done, total)
        text.flush()
    finally:
        text.detach()
    check_progress(progress, done, max(total, done))
    return done


def _xlsx_text(value: str, header: str, row: int) -> str:
    value = neutralise(value)
    if _XML_ILLEGAL.search(value):
        value = _XML_ILLEGAL.sub("\ufffd", value)
    if len(value) > XLSX_MAX_CELL:
        raise CrmError("export.cell_too_long", row=row, column=header, length=len(value), limit=XLSX_MAX_CELL)
    return value


def _write_xlsx(
    filename: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    total: int,
    progress: Progress | None,
    sheet: str,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=(_XML_ILLEGAL.sub("", sheet)[:31] or "Export").translate(_SHEET_SAFE))
    headers = [c.header for c in columns]
    kinds = [c.kind for c in columns]
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=_xlsx_text(header, header, 1))
        cell.data_type = "s"
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    check_progress(progress, 0, total)
    done = 0
    try:
        for raw in rows:
            if done + 1 >= XLSX_MAX_ROWS:
                raise CrmError("export.too_many_rows", rows=done + 1, limit=XLSX_MAX_ROWS - 1)
            values: list[Any] = []
            for kind, header, value in zip(kinds, headers, raw, strict=False):
                typed = typed_value(kind, value)
                if isinstance(typed, str):
                    typed = _xlsx_text(typed, header, done + 2)
                elif isinstance(typed, Decimal):
                    typed = WriteOnlyCell(ws, value=typed)
                    typed.number_format = "#,##0.00"
                elif isinstance(typed, datetime):
                    typed = WriteOnlyCell(ws, value=typed)
                    typed.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(typed, date):
                    typed = WriteOnlyCell(ws, value=typed)
                    typed.number_format = "yyyy-mm-dd"
                values.append(typed)
            ws.append(values)
            done += 1
            if done % PROGRESS_EVERY == 0:
                check_progress(progress, done, total)
    except BaseException:
        _abandon(ws)
        raise
    book.save(filename)
    check_progress(progress, done, max(total, done))
    return done


def _abandon(ws: Any) -> None:
    """Stop openpyxl's row writer of a sheet that will not be saved (else it writes to a closed file
    when garbage collected)."""
    writer = getattr(ws, "_rows", None)
    if writer is not None:
        with contextlib.suppress(Exception):  # the file is discarded anyway
            writer.close()


# Characters a sheet title cannot hold.
_SHEET_SAFE = str.maketrans({c: "_" for c in "[]:*?/\\"})
