"""Hypothesis-generated hostile files: never anything but a coded error, and the database unchanged.

- random bytes (with and without a CSV-looking start, a BOM, a ZIP signature);
- well-formed CSV of random text (quotes, delimiters, line breaks, CJK, emoji) with a random delimiter and
  encoding read back cell for cell;
- well-formed CSV damaged by cutting and flipping bytes.
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.errors import CrmError
from desktop_crm.importing import prepare, read_table, run_import, suggest_mapping

from .conftest import dump_text

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", "客户名称,手机\n".encode(), b"Name;Phone\r\n"]
CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


def _attempt(db: Any, path: Path, kind: str = "clients") -> None:
    """Read, check and import ``path``: either it is imported or a CrmError leaves the database as it was."""
    before = dump_text(db)
    try:
        table = read_table(path)
        mapping = suggest_mapping(kind, table.headers)
        preview = prepare(kind, table, mapping)
        assert preview.counts["error"] == sum(1 for r in preview.rows if r.action == "error")
        run_import(kind, table, mapping)
    except CrmError:
        assert dump_text(db) == before


@SETTINGS
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400))
def test_random_bytes(db: Any, tmp_path: Path, prefix: bytes, body: bytes) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(prefix + body)
    _attempt(db, path)
    xlsx = tmp_path / "random.xlsx"
    xlsx.write_bytes(prefix + body)
    _attempt(db, xlsx)


def _csv_bytes(rows: list[list[str]], delimiter: str, encoding: str, quoting: int) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


@SETTINGS
@given(
    width=st.integers(1, 4),
    data=st.data(),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_random_csv_reads_back_cell_for_cell(
    db: Any, tmp_path: Path, width: int, data: Any, delimiter: str, encoding: str, quoting: int
) -> None:
    header = [f"h{i}" for i in range(width)]
    rows = data.draw(st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=6))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if encoding == "gb18030":
        rows = [[c.encode("gb18030", "ignore").decode("gb18030") for c in r] for r in rows]
    path = tmp_path / "random.csv"
    path.write_bytes(_csv_bytes([header, *rows], delimiter, encoding, quoting))
    if not rows:
        return
    try:
        table = read_table(path, delimiter=delimiter, encoding=encoding if encoding == "gb18030" else None)
    except CrmError as exc:  # only a text a CSV cannot carry: control characters that look like binary
        assert exc.code == "import.not_spreadsheet"
        return
    assert table.headers == header
    assert table.rows == rows
    _attempt(db, path)


@SETTINGS
@given(
    cuts=st.lists(st.integers(0, 10_000), max_size=3),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_damaged_csv(
    db: Any, tmp_path: Path, cuts: list[int], flips: list[tuple[int, int]], encoding: str, delimiter: str
) -> None:
    rows = [["客户名称", "客户级别", "手机", "预计金额", "下次联系时间"]]
    rows += [[f"客户{i}", "A（重点）", f"1380000{i:04d}", "¥1,200.00", "2026/3/9"] for i in range(20)]
    raw = bytearray(
        _csv_bytes(rows, delimiter, encoding, csv.QUOTE_MINIMAL).replace("¥".encode(encoding, "ignore"), b"")
    )
    for at, value in flips:
        raw[at % len(raw)] = value
    for at in cuts:
        del raw[at % max(len(raw), 1) :]
    path = tmp_path / "damaged.csv"
    path.write_bytes(bytes(raw))
    _attempt(db, path)


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(
        st.text(max_size=40),
        st.integers(),
        st.floats(),
        st.text(alphabet="0123456789/-.年月日 :：时点分上下午PMAM¥￥,万()-", max_size=25),
    )
)
def test_every_cell_parser_takes_anything(value: Any) -> None:
    from desktop_crm.importing.values import (
        CellError,
        parse_choice,
        parse_date,
        parse_datetime,
        parse_int,
        parse_money,
        parse_text,
    )
    from desktop_crm.models.enums import GRADES

    for parse in (
        parse_date,
        parse_datetime,
        parse_money,
        lambda v: parse_int(v, 0, 100),
        lambda v: parse_choice(v, GRADES),
        lambda v: parse_text(v, 200),
    ):
        with contextlib.suppress(CellError):
            parse(value)
