"""Empty import templates: the kind's canonical headers in English or Chinese, as CSV or XLSX.

CSV is UTF-8 with a byte-order mark (Excel then opens Chinese correctly); XLSX has one sheet named after
the kind with the header row in bold and frozen. Required columns come first, as ``fields`` lists them.
Name parts (first/last name) are left out: a template has the one name column.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..errors import CrmError
from .fields import fields

LANGS = ("en", "zh_CN")
FORMATS = ("csv", "xlsx")


def template_headers(kind: str, lang: str = "en") -> list[str]:
    if lang not in LANGS:
        raise CrmError("import.template_lang", lang=str(lang)[:20])
    specs = [s for s in fields(kind) if not s.key.endswith(("_first", "_last"))]
    specs.sort(key=lambda s: not s.required)
    return [s.header_zh if lang == "zh_CN" else s.header_en for s in specs]


def write_template(kind: str, path: str | Path, *, lang: str = "en", fmt: str = "csv") -> None:
    """Write an empty template for ``kind`` to ``path`` (replaced atomically)."""
    if fmt not in FORMATS:
        raise CrmError("import.template_format", fmt=str(fmt)[:20])
    headers = template_headers(kind, lang)
    target = Path(path)
    if not target.parent.is_dir():
        raise CrmError("import.cannot_write", path=str(target), reason="no such folder")
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(headers)
        data = buffer.getvalue().encode("utf-8-sig")
    else:
        data = _xlsx(kind, headers)
    temp = target.with_name(f".{target.name}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise CrmError("import.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from None


def _xlsx(kind: str, headers: list[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = kind
    sheet.append(headers)
    for index, cell in enumerate(sheet[1], start=1):
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(headers[index - 1]) * 2 + 4))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
