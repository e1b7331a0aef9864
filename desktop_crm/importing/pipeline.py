"""Checking a table against the database (``prepare``) and importing it in one transaction (``run_import``).

Rules (where the issue left the choice to us):

- **Cells**: parsed by ``values`` (dates, times, money, whole numbers, choices, text). A blank cell leaves
  the field at its default on a new record and unchanged on an updated one.
- **References** are looked up by name, compared ignoring case and blanks: ``client`` among the alive
  clients (unknown or several with that name → error at that cell); ``owner``/``user`` among the users
  (unknown or inactive → error; blank on a new record → the user this copy works for,
  ``team.current_user_id``, and for an opportunity its client's owner, as the editor does); a
  payment's ``contract`` by contract number, else by title, within the payment's client; a contract's
  ``opportunity`` by name within its client (it must be won and not under another contract, as for
  contracts made in the window; a contract without one is history brought from another tool).
- **Duplicates**: clients are the same when their names match (ignoring case and blanks) or their
  phones do (digits only; a number with a country or area code matches it without, as the client editor's
  duplicate warning does); contacts: same client and same name or phone; follow-ups: same client, time and
  channel; opportunities: same client and name; contracts: same client and number (or, without a number,
  title, signing date and amount); payments: same contract, date and amount; referrals: the same
  referred client (one referral per client: "create" on one is an error); dossier notes: same client,
  date and text. Against the database
  ``on_duplicate`` decides: ``skip`` (default), ``update`` (the mapped, non-blank cells overwrite the
  record's fields) or ``create``. Within the file the first row wins and later duplicates are skipped
  (``create``: imported too); ``PreviewRow.duplicate_of`` names that earlier row.
- **Clients**: "Next contact" adds an open next step (下步事务, "keep in touch", due then, for the owner)
  unless the client already has an open step due at that time; "Contact" (or first + last name) adds the
  contact person to the client unless one of that name exists.
- **Opportunities**: without a probability the stage's default is used; won/lost without "Closed on" are
  closed on the import's day; "Closed on" on an open stage is an error.
- **All or nothing**: ``run_import`` checks again inside one ``BEGIN IMMEDIATE`` transaction and writes
  with ``executemany`` (the derived-data triggers stay on); any invalid row, a cancel through
  ``progress`` or any failure rolls everything back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .. import clock
from ..engine import raw_connection
from ..errors import CrmError, ValidationError
from ..gc_pause import without_gc
from ..messages import render
from ..models.enums import OPEN_STAGES
from .fields import KINDS, FieldSpec, combine_name, field_map, fields
from .reader import Table, UnsavedFormula
from .values import (
    CellError,
    is_blank,
    parse_choice,
    parse_custom_choice,
    parse_custom_choices,
    parse_date,
    parse_datetime,
    parse_int,
    parse_money,
    parse_names,
    parse_number,
    parse_text,
    unneutralise,
)

Progress = Callable[[int, int], bool | None]
ON_DUPLICATE = ("skip", "update", "create")
MAX_ROWS = 1_000_000
_CHECK_EVERY = 500
MIN_PHONE_SUFFIX = 7


@dataclass(frozen=True)
class Problem:
    row: int | None  # the file's row number (header = 1), None for the whole file
    column: str | None  # the column's header text
    field: str | None  # the field key
    code: str  # a code of desktop_crm.messages
    params: dict[str, Any]
    message: str  # the English sentence (the interface translates by code and params)
    severity: str = "error"  # "error" (blocks the import) or "note" (a skipped or updated duplicate)


@dataclass
class PreviewRow:
    row: int  # the file's row number
    values: dict[str, Any]  # field key -> parsed value (references as written)
    action: str  # "create" | "update" | "skip" | "error"
    duplicate_of: int | None  # the earlier file row this row repeats
    problems: list[Problem]
    existing_id: int | None = None  # the database record it repeats (skipped or updated)
    refs: dict[str, int | None] = field(default_factory=dict, repr=False)  # resolved reference ids
    links: dict[str, list[int]] = field(default_factory=dict, repr=False)  # a follow-up's contact ids


@dataclass
class Preview:
    kind: str
    rows: list[PreviewRow]
    problems: list[Problem]  # problems of the whole file (a required field not mapped...)
    counts: dict[str, int]  # create/update/skip/error

    @property
    def ok(self) -> bool:
        """Nothing blocks the import."""
        return self.counts.get("error", 0) == 0 and not any(p.severity == "error" for p in self.problems)

    @property
    def error_count(self) -> int:
        return self.counts.get("error", 0) + sum(1 for p in self.problems if p.severity == "error")

    def all_problems(self) -> list[Problem]:
        """The file's problems, then every row's, in row order."""
        return [*self.problems, *(p for row in self.rows for p in row.problems)]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int


def _problem(
    row: int | None, column: str | None, key: str | None, code: str, severity: str = "error", **params: Any
) -> Problem:
    return Problem(row, column, key, code, params, render(code, params), severity)


def name_key(text: str) -> str:
    return "".join(text.split()).casefold()


def phone_digits(text: str) -> str:
    return re.sub(r"\D", "", text or "", flags=re.ASCII)


def same_phone(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_PHONE_SUFFIX and long.endswith(short)


class _PhoneIndex:
    """Phones by their last seven digits, matched with ``same_phone``."""

    def __init__(self) -> None:
        self._by_tail: dict[str, list[tuple[str, int]]] = {}

    def add(self, digits: str, ident: int) -> None:
        if len(digits) >= MIN_PHONE_SUFFIX:
            self._by_tail.setdefault(digits[-MIN_PHONE_SUFFIX:], []).append((digits, ident))
        elif digits:
            self._by_tail.setdefault(digits, []).append((digits, ident))

    def find(self, digits: str) -> int | None:
        if not digits:
            return None
        tail = digits[-MIN_PHONE_SUFFIX:] if len(digits) >= MIN_PHONE_SUFFIX else digits
        for other, ident in self._by_tail.get(tail, ()):
            if same_phone(digits, other):
                return ident
        return None


# ---- arguments ---------------------------------------------------------------------------------------


def _clean_args(
    kind: Any, table: Any, mapping: Any, on_duplicate: Any
) -> tuple[dict[str, FieldSpec], dict[int, str]]:
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValidationError("import.unknown_kind", "kind", kind=str(kind)[:60], kinds=", ".join(KINDS))
    if not isinstance(table, Table):
        raise ValidationError("import.bad_mapping", "table")
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError("import.bad_on_duplicate", "on_duplicate", value=str(on_duplicate)[:60])
    if len(table.rows) > MAX_ROWS:
        raise ValidationError(
            "import.too_many_rows", "table", file=table.source, count=len(table.rows), max_rows=MAX_ROWS
        )
    specs = field_map(kind)
    if not isinstance(mapping, dict):
        raise ValidationError("import.bad_mapping", "mapping")
    clean: dict[int, str] = {}
    taken: dict[str, int] = {}
    width = len(table.headers)
    for column, key in mapping.items():
        if isinstance(column, bool) or not isinstance(column, int):
            raise ValidationError("import.bad_mapping", "mapping")
        if not 0 <= column < width:
            raise ValidationError("import.mapping_bad_column", "mapping", column=column + 1, count=width)
        if key is None or key == "":
            continue
        if not isinstance(key, str) or key not in specs:
            raise ValidationError(
                "import.mapping_unknown_field", "mapping", field=str(key)[:60], fields=", ".join(specs)
            )
        if key in taken:
            raise ValidationError(
                "import.mapping_twice",
                "mapping",
                label=specs[key].header_en,
                first=_column_name(table, taken[key]),
                second=_column_name(table, column),
            )
        taken[key] = column
        clean[column] = key
    return specs, dict(sorted(clean.items()))


def _column_name(table: Table, column: int) -> str:
    header = table.headers[column] if column < len(table.headers) else ""
    return header or f"#{column + 1}"


_INT_RANGES = {"probability": (0, 100), "satisfaction": (1, 5)}


def _parse(spec: FieldSpec, cell: Any) -> Any:
    if isinstance(cell, UnsavedFormula):  # never computed: its value is unknown, not blank
        raise CellError("import.formula_without_value", value=cell.formula)
    if spec.kind == "choice":
        return parse_choice(cell, spec.choices)
    if spec.kind == "date":
        return parse_date(cell)
    if spec.kind == "datetime":
        return parse_datetime(cell)
    if spec.kind == "money":
        return parse_money(cell)
    if spec.kind == "int":
        return parse_int(cell, *_INT_RANGES.get(spec.key, (0, 100_000)))
    if spec.kind == "tags" or spec.key == "contacts":
        return parse_names(cell)
    if spec.kind == "custom_number":
        return parse_number(cell)
    if spec.kind == "custom_date":
        return parse_date(cell)
    if spec.kind == "custom_choice":
        return parse_custom_choice(cell, spec.choices)
    if spec.kind == "custom_multi":
        return parse_custom_choices(cell, spec.choices)
    return parse_text(cell, spec.max_length)


# ---- lookups -----------------------------------------------------------------------------------------


def _conn() -> Any:

    return raw_connection()


_LOOKUP_EVERY = 4_000  # stored clients read between two progress calls (~0.1 s under load)


class _Lookups:
    """The clients (names, phones) and users of the database. ``tick(fraction)`` is called while the
    clients are read (100,000 clients take about a second)."""

    def __init__(self, kind: str, mapped: set[str], tick: Callable[[float], None] | None = None) -> None:
        conn = _conn()
        self.kind = kind
        self.clients: dict[str, list[int]] = {}
        self.client_names: dict[int, str] = {}
        self.client_phones = _PhoneIndex()
        need_phones = kind == "clients"
        count = conn.execute("SELECT count(*) FROM client WHERE deleted_at IS NULL").fetchone()[0] or 1
        query = "SELECT id, name, phone FROM client WHERE deleted_at IS NULL"
        for index, (cid, name, phone) in enumerate(conn.execute(query)):
            if tick is not None and index % _LOOKUP_EVERY == 0 and index:
                tick(index / count)
            self.clients.setdefault(name_key(name), []).append(cid)
            self.client_names[cid] = name
            if need_phones:
                self.client_phones.add(phone_digits(phone), cid)
        self.users: dict[str, tuple[int, bool, str]] = {}
        for uid, name, active in conn.execute("SELECT id, name, active FROM user ORDER BY id"):
            self.users.setdefault(name_key(name), (uid, bool(active), name))

    def user_names(self) -> str:
        names = sorted(name for _, _, name in self.users.values())
        return ", ".join(names[:12]) + (", …" if len(names) > 12 else "") or "none"


def _in_chunks(ids: Iterable[int], size: int = 900) -> Iterable[list[int]]:
    chunk: list[int] = []
    for ident in ids:
        chunk.append(ident)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rows_of(sql: str, ids: Iterable[int]) -> Iterable[tuple[Any, ...]]:
    conn = _conn()
    for chunk in _in_chunks(sorted(set(ids))):
        marks = ", ".join("?" for _ in chunk)
        yield from conn.execute(sql.format(marks=marks), chunk)


# ---- identities (duplicates) ---------------------------------------------------------------------------


def _money_day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _identities(kind: str, values: dict[str, Any], refs: dict[str, int | None]) -> list[tuple[Any, ...]]:
    """The keys under which a row (or a stored record) is the same record; clients' phones aside."""
    client = refs.get("client")
    if kind == "clients":
        return [("n", name_key(values["name"]))] if values.get("name") else []
    if kind == "contacts":
        keys: list[tuple[Any, ...]] = []
        if values.get("name"):
            keys.append((client, "n", name_key(values["name"])))
        digits = phone_digits(values.get("phone", ""))
        if len(digits) >= MIN_PHONE_SUFFIX:
            keys.append((client, "p", digits[-MIN_PHONE_SUFFIX:], digits))
        return keys
    if kind == "follow-ups":
        when = values.get("happened_at")
        return [(client, str(when), values.get("channel"))] if when else []
    if kind == "opportunities":
        return [(client, name_key(values["name"]))] if values.get("name") else []
    if kind == "contracts":
        if values.get("number"):
            return [(client, "n", name_key(values["number"]))]
        return [
            (
                client,
                "t",
                name_key(values.get("title", "")),
                _money_day(values.get("signed_on")),
                values.get("amount_cents"),
            )
        ]
    if kind == "payment-plans":
        return [(refs.get("contract"), _money_day(values.get("due_date")))]
    if kind == "referrals":  # one referral per client
        return [(client,)] if client is not None else []
    if kind == "dossier-notes":  # same client, date and text
        day = values.get("noted_on")
        return [(client, _money_day(day), name_key(values.get("text", "")))] if day else []
    if kind == "service-records":  # same client, title and opening time
        opened = values.get("created_at")
        return [(client, name_key(values.get("title", "")), str(opened))] if opened else []
    # payments
    return [(refs.get("contract"), _money_day(values.get("paid_on")), values.get("amount_cents"))]


def _existing_identities(
    kind: str, client_ids: set[int], contract_ids: set[int]
) -> dict[tuple[Any, ...], int]:
    index: dict[tuple[Any, ...], int] = {}

    def add(keys: list[tuple[Any, ...]], ident: int) -> None:
        for key in keys:
            index.setdefault(key, ident)

    if kind == "contacts":
        sql = "SELECT id, client_id, name, phone FROM contact WHERE deleted_at IS NULL AND client_id IN ({marks})"
        for ident, cid, name, phone in _rows_of(sql, client_ids):
            add(_identities(kind, {"name": name, "phone": phone}, {"client": cid}), ident)
    elif kind == "follow-ups":
        sql = "SELECT id, client_id, happened_at, channel FROM follow_up WHERE client_id IN ({marks})"
        for ident, cid, when, channel in _rows_of(sql, client_ids):
            moment = datetime.fromisoformat(str(when)).replace(microsecond=0)
            add(_identities(kind, {"happened_at": moment, "channel": channel}, {"client": cid}), ident)
    elif kind == "opportunities":
        sql = (
            "SELECT id, client_id, name FROM opportunity WHERE deleted_at IS NULL AND client_id IN ({marks})"
        )
        for ident, cid, name in _rows_of(sql, client_ids):
            add(_identities(kind, {"name": name}, {"client": cid}), ident)
    elif kind == "contracts":
        sql = "SELECT id, client_id, number, title, signed_on, amount_cents FROM contract WHERE client_id IN ({marks})"
        for ident, cid, number, title, signed, amount in _rows_of(sql, client_ids):
            values = {"number": number, "title": title, "signed_on": date.fromisoformat(str(signed)[:10])}
            add(_identities(kind, {**values, "amount_cents": amount}, {"client": cid}), ident)
            if number:  # a file row without a number still finds it by title, date and amount
                add(
                    _identities(kind, {**values, "number": "", "amount_cents": amount}, {"client": cid}),
                    ident,
                )
    elif kind == "payment-plans":
        sql = "SELECT id, contract_id, due_date FROM payment_instalment WHERE contract_id IN ({marks})"
        for ident, contract, due in _rows_of(sql, contract_ids):
            values = {"due_date": date.fromisoformat(str(due)[:10])}
            add(_identities(kind, values, {"contract": contract}), ident)
    elif kind == "service-records":
        sql = (
            "SELECT id, client_id, title, created_at FROM service_record"
            " WHERE deleted_at IS NULL AND client_id IN ({marks})"
        )
        for ident, cid, title, opened in _rows_of(sql, client_ids):
            moment = datetime.fromisoformat(str(opened)).replace(microsecond=0)
            add(_identities(kind, {"title": title, "created_at": moment}, {"client": cid}), ident)
    elif kind == "referrals":
        for ident, cid in _rows_of(
            "SELECT id, client_id FROM referral WHERE client_id IN ({marks})", client_ids
        ):
            add(_identities(kind, {}, {"client": cid}), ident)
    elif kind == "dossier-notes":
        sql = "SELECT id, client_id, noted_on, text FROM dossier_note WHERE client_id IN ({marks})"
        for ident, cid, day, text in _rows_of(sql, client_ids):
            values = {"noted_on": date.fromisoformat(str(day)[:10]), "text": text}
            add(_identities(kind, values, {"client": cid}), ident)
    elif kind == "payments":
        sql = "SELECT id, contract_id, paid_on, amount_cents FROM payment WHERE contract_id IN ({marks})"
        for ident, contract, paid, amount in _rows_of(sql, contract_ids):
            values = {"paid_on": date.fromisoformat(str(paid)[:10]), "amount_cents": amount}
            add(_identities(kind, values, {"contract": contract}), ident)
    return index


# ---- prepare -----------------------------------------------------------------------------------------


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise CrmError("import_cancelled")


class _Ticker:
    """Progress of the duplicate phase: units ``offset`` .. ``offset + rows``."""

    def __init__(self, progress: Progress | None, offset: int, total: int) -> None:
        self.progress, self.offset, self.total = progress, offset, total

    def __call__(self, index: int) -> None:
        if index % _CHECK_EVERY == 0 and index:
            _tick(self.progress, self.offset + index, self.total)


@without_gc  # millions of short-lived objects: no full collections stalling the window
def prepare(
    kind: str,
    table: Table,
    mapping: dict[int, str],
    on_duplicate: str = "skip",
    progress: Progress | None = None,
) -> Preview:
    """Check every row against the rules and the database; write nothing. ``progress(done, total)``
    returning False raises ``CrmError("import_cancelled")``."""
    return _prepare(kind, table, mapping, on_duplicate, progress, 3)


def _prepare(
    kind: str,
    table: Table,
    mapping: dict[int, str],
    on_duplicate: str,
    progress: Progress | None,
    share: int,
) -> Preview:
    """``share``: the progress total in units of the row count (3 for prepare: reading the database's
    clients, checking the rows, duplicates; 4 for run_import, whose writing is the fourth)."""
    specs, columns = _clean_args(kind, table, mapping, on_duplicate)
    unit = len(table.rows)
    total = max(unit, 1) * share
    _tick(progress, 0, total)
    mapped = set(columns.values())
    column_of = {key: column for column, key in columns.items()}
    file_problems = _missing_required(kind, specs, mapped)
    lookups = _Lookups(kind, mapped, lambda fraction: _tick(progress, int(fraction * unit), total))
    _tick(progress, unit, total)
    width = len(table.headers)
    rows: list[PreviewRow] = []
    for index, (cells, number) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if index % _CHECK_EVERY == 0 and index:
            _tick(progress, unit + index, total)
        if number in table.formula_only_rows and all(
            column >= len(cells) or is_blank(cells[column]) for column in columns
        ):
            continue  # formulas without results only in columns not imported: a blank row
        rows.append(_check_row(kind, table, specs, columns, column_of, lookups, cells, number, width))
    _tick(progress, 2 * unit, total)
    ticker = _Ticker(progress, 2 * unit, total)
    _mark_duplicates(kind, rows, lookups, on_duplicate, table, column_of, ticker)
    _tick(progress, 3 * unit, total)
    counts = {"create": 0, "update": 0, "skip": 0, "error": 0}
    for row in rows:
        counts[row.action] += 1
    return Preview(kind, rows, file_problems, counts)


def _missing_required(kind: str, specs: dict[str, FieldSpec], mapped: set[str]) -> list[Problem]:
    problems = []
    for spec in specs.values():
        if not spec.required or spec.key in mapped:
            continue
        if spec.key in ("name", "contact") and {f"{spec.key}_first", f"{spec.key}_last"} & mapped:
            continue
        problems.append(_problem(None, None, spec.key, "import.missing_required", label=spec.header_en))
    return problems


def _check_row(
    kind: str,
    table: Table,
    specs: dict[str, FieldSpec],
    columns: dict[int, str],
    column_of: dict[str, int],
    lookups: _Lookups,
    cells: list[Any],
    number: int,
    width: int,
) -> PreviewRow:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for column, key in columns.items():
        cell = unneutralise(cells[column]) if column < len(cells) else None
        if is_blank(cell):
            continue
        spec = specs[key]
        try:
            values[key] = _parse(spec, cell)
        except CellError as exc:
            problems.append(
                _problem(
                    number, _column_name(table, column), key, exc.code, label=spec.header_en, **exc.params
                )
            )
    if len(cells) > width:
        extra = [column for column in range(width, len(cells)) if not is_blank(cells[column])]
        if extra:  # at the first extra cell that holds something ("#5": a column without a header)
            where = _column_name(table, extra[0])
            problems.append(
                _problem(number, where, None, "import.extra_cells", count=len(cells) - width, width=width)
            )
    for base in ("name", "contact"):
        first, last = values.pop(f"{base}_first", ""), values.pop(f"{base}_last", "")
        if base not in values and (first or last):
            values[base] = combine_name(first, last)[: specs[base].max_length]
    failed = {p.field for p in problems}
    for spec in specs.values():
        if spec.required and spec.key not in values and spec.key not in failed:
            part = column_of.get(
                spec.key, column_of.get(f"{spec.key}_first", column_of.get(f"{spec.key}_last"))
            )
            if part is not None:
                problems.append(
                    _problem(
                        number, _column_name(table, part), spec.key, "import.required", label=spec.header_en
                    )
                )
    refs = _resolve(kind, values, lookups, problems, number, table, column_of, specs)
    if kind == "opportunities":
        _check_opportunity(values, problems, number, table, column_of)
    if kind in ("payments", "contracts") and values.get("amount_cents") == 0:
        where = _column_name(table, column_of["amount_cents"])
        problems.append(_problem(number, where, "amount_cents", "import.zero_money", label="Amount"))
    action = "error" if any(p.severity == "error" for p in problems) else "create"
    return PreviewRow(number, values, action, None, problems, None, refs)


def _check_opportunity(
    values: dict[str, Any], problems: list[Problem], number: int, table: Table, column_of: dict[str, int]
) -> None:
    stage = values.get("stage")
    if values.get("closed_on") is not None and (stage is None or stage in OPEN_STAGES):
        column = _column_name(table, column_of["closed_on"])
        problems.append(_problem(number, column, "closed_on", "import.open_stage_closed", label="Closed on"))


def _resolve(
    kind: str,
    values: dict[str, Any],
    lookups: _Lookups,
    problems: list[Problem],
    number: int,
    table: Table,
    column_of: dict[str, int],
    specs: dict[str, FieldSpec],
) -> dict[str, int | None]:
    refs: dict[str, int | None] = {}

    def fail(key: str, code: str, **params: Any) -> None:
        column = _column_name(table, column_of[key]) if key in column_of else None
        problems.append(_problem(number, column, key, code, label=specs[key].header_en, **params))

    if "client" in specs and "client" in values:
        found = lookups.clients.get(name_key(values["client"]), [])
        if not found:
            fail("client", "import.unknown_client", value=values["client"][:60])
        elif len(found) > 1:
            fail("client", "import.ambiguous_client", value=values["client"][:60], count=len(found))
        else:
            refs["client"] = found[0]
    for key in ("owner", "user"):
        if key not in specs:
            continue
        if key in values:
            user = lookups.users.get(name_key(values[key]))
            if user is None:
                fail(key, "import.unknown_user", value=values[key][:60], users=lookups.user_names())
            elif not user[1]:
                fail(key, "import.inactive_user", value=values[key][:60])
            else:
                refs[key] = user[0]
    return refs


def _resolve_deals(kind: str, rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """A payment's contract and a contract's opportunity, looked up within the row's client."""
    key = "opportunity" if kind == "contracts" else "contract"
    wanted = [row for row in rows if row.action != "error" and key in row.values and row.refs.get("client")]
    if not wanted:
        return
    clients = {row.refs["client"] for row in wanted if row.refs.get("client") is not None}
    by_name: dict[tuple[int, str], list[int]] = {}
    by_number: dict[tuple[int, str], list[int]] = {}
    refused: dict[int, str] = {}  # opportunity id -> why a contract cannot come from it
    used: set[int] = set()
    if kind != "contracts":
        sql = "SELECT id, client_id, number, title FROM contract WHERE client_id IN ({marks}) ORDER BY id"
        for ident, cid, contract_number, title in _rows_of(sql, clients):  # type: ignore[arg-type]
            if contract_number:
                by_number.setdefault((cid, name_key(contract_number)), []).append(ident)
            if title:
                by_name.setdefault((cid, name_key(title)), []).append(ident)
    else:
        sql = (
            "SELECT o.id, o.client_id, o.name, o.stage, EXISTS (SELECT 1 FROM contract k WHERE k.opportunity_id = o.id) "
            "FROM opportunity o WHERE o.deleted_at IS NULL AND o.client_id IN ({marks}) ORDER BY o.id"
        )
        for ident, cid, name, stage, contracted in _rows_of(sql, clients):  # type: ignore[arg-type]
            by_name.setdefault((cid, name_key(name)), []).append(ident)
            if stage != "won":
                refused[ident] = "import.opportunity_not_won"
            elif contracted:
                refused[ident] = "import.opportunity_has_contract"
    column = _column_name(table, column_of[key])
    for row in wanted:
        client = row.refs["client"]
        assert client is not None
        text = row.values[key]
        found = by_number.get((client, name_key(text))) or by_name.get((client, name_key(text))) or []
        client_name = row.values.get("client", "")
        label = "Opportunity" if kind == "contracts" else "Contract"
        code = None
        if not found:
            code = "import.unknown_opportunity" if kind == "contracts" else "import.unknown_contract"
            params: dict[str, Any] = {"value": text[:60], "client": client_name[:60]}
        elif len(found) > 1:
            code = "import.ambiguous_opportunity" if kind == "contracts" else "import.ambiguous_contract"
            params = {"value": text[:60], "client": client_name[:60], "count": len(found)}
        elif found[0] in refused or found[0] in used:
            code = refused.get(found[0], "import.opportunity_has_contract")
            params = {"value": text[:60]}
        if code is None:
            row.refs[key] = found[0]
            if kind == "contracts":
                used.add(found[0])
        else:
            row.problems.append(_problem(row.row, column, key, code, label=label, **params))
            row.action = "error"


def _mark_duplicates(
    kind: str,
    rows: list[PreviewRow],
    lookups: _Lookups,
    on_duplicate: str,
    table: Table,
    column_of: dict[str, int],
    ticker: _Ticker,
) -> None:
    if kind in ("payments", "contracts", "payment-plans", "service-records"):
        _resolve_deals(kind, rows, table, column_of)
    if kind == "service-records":
        from .service_rows import check_service_rows

        check_service_rows(rows, table, column_of)
    if kind == "payments":
        from .links import resolve_instalments

        resolve_instalments(rows, table, column_of)
    if kind == "follow-ups":
        from .links import resolve_follow_up_links

        resolve_follow_up_links(rows, table, column_of)
    if kind == "contacts":
        from .care_rows import check_birthdays

        check_birthdays(rows, table, column_of)
    if kind == "dossier-notes":
        from .care_rows import check_note_rows

        check_note_rows(rows, table, column_of)
    good = [row for row in rows if row.action != "error"]
    client_ids = {row.refs["client"] for row in good if row.refs.get("client") is not None}
    contract_ids = {row.refs["contract"] for row in good if row.refs.get("contract") is not None}
    existing = _existing_identities(kind, client_ids, contract_ids)  # type: ignore[arg-type]
    seen: dict[tuple[Any, ...], int] = {}
    seen_phones = _PhoneIndex()
    claimed: dict[int, int] = {}  # stored record -> the file row that skips or updates it
    for index, row in enumerate(good):
        ticker(index)
        keys = _identities(kind, row.values, row.refs)
        digits = phone_digits(row.values.get("phone", "")) if kind == "clients" else ""
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is None and kind == "clients":
            earlier = seen_phones.find(digits)
        if kind == "clients":
            match = next((lookups.clients[k[1]][0] for k in keys if k[1] in lookups.clients), None)
            if match is None:
                match = lookups.client_phones.find(digits)
        else:
            match = next((existing[k] for k in keys if k in existing), None)
        if earlier is None and match is not None and on_duplicate != "create":
            earlier = claimed.get(match)  # an earlier row already stands for that stored record
        if earlier is not None and on_duplicate != "create":
            row.action, row.duplicate_of = "skip", earlier
            row.problems.append(
                _problem(row.row, None, None, "import.duplicate_in_file", "note", other=earlier)
            )
            continue
        for key in keys:
            seen.setdefault(key, row.row)
        if kind == "clients":
            seen_phones.add(digits, row.row)
        if match is None or on_duplicate == "create":
            continue
        claimed[match] = row.row
        row.existing_id = match
        name = lookups.client_names.get(match, "") if kind == "clients" else ""
        if on_duplicate == "skip":
            row.action = "skip"
            code = "import.duplicate_of_client" if kind == "clients" else "import.duplicate_existing"
        else:
            row.action = "update"
            code = "import.updates_client" if kind == "clients" else "import.updates_existing"
        params = {"name": name[:60]} if kind == "clients" else {}
        row.problems.append(_problem(row.row, None, None, code, "note", **params))
    if kind == "payment-plans":
        from .links import check_plans

        check_plans(rows, table, column_of)
    if kind == "clients":
        from .dossier import check_dossier_rows

        check_dossier_rows(rows, table, column_of)
        from .referrers import check_referrers

        check_referrers(rows, lookups.clients, table, column_of)
    if kind == "referrals":
        from .care_rows import check_referral_rows
        from .referrers import check_referrers, referral_row

        check_referrers(rows, lookups.clients, table, column_of, referral_row)
        check_referral_rows(rows, table, column_of)


# ---- run_import ----------------------------------------------------------------------------------------


@without_gc  # millions of short-lived objects: no full collections stalling the window
def run_import(
    kind: str,
    table: Table,
    mapping: dict[int, str],
    on_duplicate: str = "skip",
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``table`` in one transaction: every row or none. Raises ``CrmError("import_has_errors",
    count=...)`` when a row is invalid and ``CrmError("import_cancelled")`` when ``progress`` returns
    False; the database is then exactly as before."""
    from .writer import write_rows

    return write_rows(kind, table, mapping, on_duplicate, progress)


def check_result(preview: Preview) -> None:
    if not preview.ok:
        raise CrmError("import_has_errors", count=preview.error_count)


def now_text() -> str:
    return clock.now().replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S")


def new_uuid() -> str:
    return str(uuid.uuid4())


__all__ = [
    "ImportResult",
    "Preview",
    "PreviewRow",
    "Problem",
    "fields",
    "prepare",
    "run_import",
]
