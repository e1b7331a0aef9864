"""The Clients list as a query: filters, search, sort, and row fetching for a virtual table view.

The view asks ``ClientQuery.ids()`` once per filter change (all matching ids, in order: 100,000 ints
is cheap) and ``rows(ids)`` for the visible slice only. Everything is plain SQL over tuples.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from . import clock
from .derived import client_tally
from .engine import id_text, json_array_holds, raw_connection
from .models import database
from .models.enums import CLIENT_STATUSES, GRADES, VALUE_VERDICTS
from .search import search_condition

# key -> (select expression, sort expression). Expressions see ``client`` and the owner as ``owner_user``.
BASE_COLUMNS: dict[str, tuple[str, str]] = {
    "name": ("client.name", "client.name COLLATE NOCASE"),
    "short_name": ("client.short_name", "client.short_name COLLATE NOCASE"),
    "status": ("client.status", "client.status"),
    "grade": ("client.grade", "client.grade"),
    "value_verdict": ("client.value_verdict", "client.value_verdict"),
    "owner": ("owner_user.name", "owner_user.name"),
    "industry": ("client.industry", "client.industry"),
    "region": ("client.region", "client.region"),
    "source": ("client.source", "client.source"),
    "phone": ("client.phone", "client.phone"),
    "expected_amount_cents": ("client.expected_amount_cents", "client.expected_amount_cents"),
    "expected_sign_date": ("client.expected_sign_date", "client.expected_sign_date"),
    "last_contact_at": ("client.last_contact_at", "client.last_contact_at"),
    "created_at": ("client.created_at", "client.created_at"),
    "deleted_at": ("client.deleted_at", "client.deleted_at"),
    "tags": (
        "(SELECT group_concat(t.name, ', ') FROM client_tag ct JOIN tag t ON t.id = ct.tag_id"
        " WHERE ct.client_id = client.id)",
        "(SELECT min(t.name) FROM client_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.client_id = client.id)",
    ),
    "contacts": (
        "(SELECT count(*) FROM contact k WHERE k.client_id = client.id AND k.deleted_at IS NULL)",
        "(SELECT count(*) FROM contact k WHERE k.client_id = client.id AND k.deleted_at IS NULL)",
    ),
}
DEFAULT_COLUMNS = (
    "name",
    "status",
    "grade",
    "value_verdict",
    "owner",
    "industry",
    "region",
    "last_contact_at",
)
CUSTOM_PREFIX = "custom:"
CUSTOM_OPS = ("equals", "contains", "at_least", "at_most", "has", "empty", "not_empty")


@dataclass(frozen=True)
class CustomCondition:
    field_id: int
    op: str  # one of CUSTOM_OPS
    value: Any = None


@dataclass(frozen=True)
class ClientFilter:
    search: str = ""
    statuses: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    tag_ids: tuple[int, ...] = ()  # any of these tags
    owner_ids: tuple[int, ...] = ()  # 0 means "no owner"
    not_contacted_days: int | None = None  # no follow-up for at least N days (or never)
    custom: tuple[CustomCondition, ...] = ()
    trash: bool = False  # True: only soft-deleted clients (the trash view)

    def to_json(self) -> str:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["custom"] = [c.__dict__ for c in self.custom]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ClientFilter:
        """The filter a saved view holds; parts that are damaged or of the wrong type (a view edited by
        hand) are left out rather than refused, so the view still opens."""
        try:
            data = json.loads(text or "{}")
        except (ValueError, RecursionError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        values: dict[str, Any] = {}
        if isinstance(data.get("search"), str):
            values["search"] = data["search"]
        for key in ("statuses", "grades", "verdicts"):
            items = data.get(key)
            values[key] = tuple(i for i in items if isinstance(i, str)) if isinstance(items, list) else ()
        for key in ("tag_ids", "owner_ids"):
            items = data.get(key)
            whole = [i for i in items if _whole(i)] if isinstance(items, list) else []
            values[key] = tuple(whole)
        days: Any = data.get("not_contacted_days")
        values["not_contacted_days"] = days if _whole(days) and 0 <= days <= 36_500 else None
        values["trash"] = data.get("trash") is True
        conditions = data.get("custom")
        values["custom"] = tuple(
            CustomCondition(c["field_id"], c["op"], c.get("value"))
            for c in (conditions if isinstance(conditions, list) else [])
            if isinstance(c, dict)
            and _whole(c.get("field_id"))
            and c.get("op") in CUSTOM_OPS
            and _plain(c.get("value"))
        )
        return cls(**values)

    @property
    def is_empty(self) -> bool:
        return self == ClientFilter(trash=self.trash)


def _plain(value: Any) -> bool:
    """A condition value SQLite can bind: None, text that UTF-8 holds, a whole number it can store or a
    finite float."""
    if value is None or _whole(value):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass") == value.encode("utf-8", "ignore")
    return False


def _whole(value: Any) -> bool:
    """A whole number SQLite can compare (not bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63


def column_expr(key: str) -> tuple[str, str]:
    """(select, sort) SQL for a column key; custom fields are ``custom:<field id>``."""
    if key in BASE_COLUMNS:
        return BASE_COLUMNS[key]
    if key.startswith(CUSTOM_PREFIX):
        field_id = int(key[len(CUSTOM_PREFIX) :])
        # SQLite's expression (a value of any of the three types); the list reads and sorts these values
        # in Python (``fetch_rows``, ``_python_sort_values``), which gives the same on every engine
        value = (
            "(SELECT coalesce(v.value_text, v.value_number, v.value_date) FROM custom_field_value v"
            f" WHERE v.client_id = client.id AND v.field_id = {field_id})"
        )
        return value, value
    raise KeyError(f"unknown client column {key!r}")


# A number as SQLite reads one from text (its numeric affinity): what a text condition value compares
# with the number column as.
_NUMERIC_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _as_number(value: Any) -> int | float | None:
    """``value`` as a number to compare with ``value_number`` (None: no number equals it)."""
    if _whole(value) or (isinstance(value, float) and math.isfinite(value)):
        return value  # type: ignore[no-any-return]
    if isinstance(value, str) and _NUMERIC_TEXT.fullmatch(value):
        number = float(value)
        return number if math.isfinite(number) else None
    return None


def _in(column: str, values: tuple[Any, ...], allowed: tuple[str, ...] | None, params: list[Any]) -> str:
    if allowed is not None:
        values = tuple(v for v in values if v in allowed)
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


_HAS_VALUE = "(v.value_text IS NOT NULL OR v.value_number IS NOT NULL OR v.value_date IS NOT NULL)"


def _custom_clause(cond: CustomCondition, params: list[Any]) -> str:
    base = f"SELECT 1 FROM custom_field_value v WHERE v.client_id = client.id AND v.field_id = {int(cond.field_id)}"
    if cond.op == "empty":
        return f"NOT EXISTS ({base} AND {_HAS_VALUE})"
    if cond.op == "not_empty":
        return f"EXISTS ({base} AND {_HAS_VALUE})"
    number = _as_number(cond.value)
    if cond.op == "equals":
        # each column compared with the value as its own type (the number column only with a number)
        params.append(str(cond.value))
        numbers = ""
        if number is not None:
            numbers = " OR v.value_number = ?"
            params.append(number)
        params.append(str(cond.value))
        return f"EXISTS ({base} AND (v.value_text = ?{numbers} OR v.value_date = ?))"
    if cond.op == "contains":
        params.append(f"%{cond.value}%")
        return f"EXISTS ({base} AND v.value_text LIKE ?)"
    if cond.op == "has":  # multi-choice holds the value
        params.append(str(cond.value))
        return f"EXISTS ({base} AND {json_array_holds('v.value_text')})"
    if cond.op in ("at_least", "at_most"):
        sign = ">=" if cond.op == "at_least" else "<="
        numbers = ""
        if number is not None:
            numbers = f"v.value_number {sign} ? OR "
            params.append(number)
        params.append(str(cond.value))
        return f"EXISTS ({base} AND ({numbers}v.value_date {sign} ?))"
    raise ValueError(f"unknown custom-field operator {cond.op!r}")


def where_clause(flt: ClientFilter, today: date | None = None) -> tuple[str, list[Any]]:
    params: list[Any] = []
    clauses = ["client.deleted_at IS NOT NULL" if flt.trash else "client.deleted_at IS NULL"]
    if flt.statuses:
        clauses.append(_in("client.status", flt.statuses, CLIENT_STATUSES, params))
    if flt.grades:
        clauses.append(_in("client.grade", flt.grades, GRADES, params))
    if flt.verdicts:
        clauses.append(_in("client.value_verdict", flt.verdicts, VALUE_VERDICTS, params))
    if flt.owner_ids:
        owners = tuple(int(o) for o in flt.owner_ids if o)
        parts = []
        if owners:
            parts.append(_in("client.owner_id", owners, None, params))
        if 0 in flt.owner_ids:
            parts.append("client.owner_id IS NULL")
        clauses.append("(" + " OR ".join(parts) + ")")
    if flt.tag_ids:
        tag_in = _in("ct.tag_id", tuple(int(t) for t in flt.tag_ids), None, params)
        clauses.append(f"client.id IN (SELECT ct.client_id FROM client_tag ct WHERE {tag_in})")
    if flt.not_contacted_days is not None:
        cutoff = (today or clock.today()) - timedelta(days=int(flt.not_contacted_days))
        clauses.append("(client.last_contact_at IS NULL OR client.last_contact_at < ?)")
        params.append((cutoff + timedelta(days=1)).isoformat())
    for cond in flt.custom:
        clauses.append(_custom_clause(cond, params))
    searched = search_condition(flt.search)
    if searched:
        clauses.append(searched[0])
        params.extend(searched[1])
    return " AND ".join(clauses), params


# Sort keys an index serves (migration 14: ``(deleted_at, <column>)``, the id ending every entry): the alive
# clients' order is one scan of a covering index, without a sort step. The other keys (owner, categories,
# contacts, custom fields) are sorted by SQLite; the list runs either kind on the worker on a large file.
INDEXED_SORTS = frozenset(
    {
        "name",
        "short_name",
        "status",
        "grade",
        "value_verdict",
        "industry",
        "region",
        "source",
        "phone",
        "expected_amount_cents",
        "expected_sign_date",
        "last_contact_at",
        "created_at",
    }
)
# Of those, the nullable ones: their NULL rows are read by a second scan and put last, in either direction.
NULLABLE_SORTS = frozenset({"expected_sign_date", "last_contact_at", "deleted_at"})


def sort_is_indexed(sort_key: str, trash: bool = False) -> bool:
    """Whether the list's order by ``sort_key`` comes from an index (the trash: by deletion time)."""
    return sort_key == "deleted_at" if trash else sort_key in INDEXED_SORTS


def _id_list(sql: str, params: list[Any]) -> list[int]:
    """The ids ``sql`` selects, in its order (read as one text: a third faster than 100,000 rows), parsed
    by the JSON decoder: 4 ms for 100,000 ids with the list as its only allocation, where splitting made
    100,000 short-lived strings first (10 ms, twice the memory, and their freed slots among the ints
    kept by the list held the allocator's memory for good: ~5 MB more resident after each sort)."""
    text = database.execute_sql(f"SELECT {id_text('id')} FROM ({sql}) AS listed", params).fetchone()[0]
    return json.loads(f"[{text}]") if text else []


def _python_sort_values(key: str) -> tuple[dict[int, Any], Any]:
    """(client id -> sort value, the value of a client not in it) for the keys no index serves (owner, categories, contacts, custom
    fields), read with one small grouped query: sorting 100,000 ids in Python beats SQLite's sort of
    the correlated subqueries by five to ten times."""
    if key == "owner":
        names = dict(database.execute_sql("SELECT id, name FROM user").fetchall())
        rows = database.execute_sql("SELECT id, owner_id FROM client WHERE owner_id IS NOT NULL")
        return {cid: names.get(owner) for cid, owner in rows}, None
    if key == "tags":
        sql = "SELECT ct.client_id, min(t.name) FROM client_tag ct JOIN tag t ON t.id = ct.tag_id GROUP BY ct.client_id"
        return dict(database.execute_sql(sql).fetchall()), None
    if key == "contacts":
        sql = "SELECT client_id, count(*) FROM contact WHERE deleted_at IS NULL GROUP BY client_id"
        return dict(database.execute_sql(sql).fetchall()), 0
    if key.startswith(CUSTOM_PREFIX):
        field_id = int(key[len(CUSTOM_PREFIX) :])
        sql = "SELECT client_id, value_text, value_number, value_date FROM custom_field_value WHERE field_id = ?"
        return {cid: _first(values) for cid, *values in database.execute_sql(sql, [field_id])}, None
    raise KeyError(f"unknown client column {key!r}")


def _first(values: list[Any]) -> Any:
    """The first of a custom value's columns (text, number, date) that is set: SQLite's ``coalesce`` of
    them, read as three columns (one SQL expression cannot give text or a number on every engine)."""
    return next((v for v in values if v is not None), None)


def _sql_order(value: Any) -> tuple[int, Any]:
    """SQLite's order of values of mixed types: numbers before text before blobs (text by code point,
    which is the BINARY collation's UTF-8 byte order)."""
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, str):
        return (1, value)
    return (2, bytes(value))


def _sorted_by_values(ids: list[int], values: dict[int, Any], default: Any, descending: bool) -> list[int]:
    """``ids`` by their value, ties by id, clients without a value (NULL) last, in either direction.

    The distinct values are ranked once (an owner, a first tag or a count: a few hundred at most for
    100,000 clients), then the ids are sorted as plain integers ``rank * span + id``: five times faster than
    sorting (value, id) pairs."""
    get = values.get
    distinct = {value for value in values.values() if value is not None}
    if default is not None:
        distinct.add(default)
    rank = {value: position for position, value in enumerate(sorted(distinct, key=_sql_order))}
    span = max(ids, default=0) + 1
    keyed: list[int] = []
    empty: list[int] = []
    for cid in ids:
        value = get(cid, default)
        if value is None:
            empty.append(cid)
        else:
            keyed.append(rank[value] * span + cid)
    keyed.sort(reverse=descending)
    empty.sort(reverse=descending)
    return [key % span for key in keyed] + empty


@dataclass
class ClientQuery:
    filter: ClientFilter = field(default_factory=ClientFilter)
    sort_key: str = "name"
    descending: bool = False
    today: date | None = None

    def _order(self) -> str:
        direction = "DESC" if self.descending else "ASC"
        sort = column_expr(self.sort_key)[1]
        # Empty values last in both directions; ties broken by id so the order is stable.
        return f"({sort}) IS NULL, {sort} {direction}, client.id {direction}"

    def _from(self) -> str:
        if self.sort_key == "owner":
            return "client LEFT JOIN user AS owner_user ON owner_user.id = client.owner_id"
        return "client"

    def ids(self) -> list[int]:
        """The matching ids in the list's order: empty values last in both directions, ties by id.

        An indexed column is read in index order (and, if it may be NULL, its NULL rows by a second
        scan appended); the others are sorted in Python by values read with one grouped query.
        """
        where, params = where_clause(self.filter, self.today)
        key = self.sort_key
        if key in INDEXED_SORTS or key == "deleted_at":
            direction = "DESC" if self.descending else "ASC"
            sort = column_expr(key)[1]
            base = f"SELECT client.id FROM client WHERE {where}"
            if key not in NULLABLE_SORTS:
                return _id_list(f"{base} ORDER BY {sort} {direction}, client.id {direction}", params)
            present = f"{base} AND {sort} IS NOT NULL ORDER BY {sort} {direction}, client.id {direction}"
            empty = f"{base} AND {sort} IS NULL ORDER BY client.id {direction}"
            return _id_list(present, params) + _id_list(empty, params)
        values, default = _python_sort_values(key)
        ids = _id_list(f"SELECT client.id FROM client WHERE {where}", params)
        return _sorted_by_values(ids, values, default, self.descending)

    def count(self) -> int:
        if self.filter.is_empty:  # all clients alive, or all in the trash: the tally kept by triggers
            alive, deleted = client_tally(raw_connection())
            return deleted if self.filter.trash else alive
        where, params = where_clause(self.filter, self.today)
        return int(database.execute_sql(f"SELECT count(*) FROM client WHERE {where}", params).fetchone()[0])


def fetch_rows(ids: list[int], columns: tuple[str, ...] | list[str]) -> dict[int, tuple[Any, ...]]:
    """Column values for the given client ids (the visible slice), keyed by id."""
    if not ids:
        return {}
    keys = list(columns)
    exprs = [column_expr(key)[0] for key in keys]  # an unknown key is refused here
    base = [expr for key, expr in zip(keys, exprs, strict=True) if not key.startswith(CUSTOM_PREFIX)]
    marks = ", ".join("?" for _ in ids)
    sql = (
        f"SELECT {', '.join(['client.id', *base])} FROM client"
        f" LEFT JOIN user AS owner_user ON owner_user.id = client.owner_id WHERE client.id IN ({marks})"
    )
    rows = {row[0]: list(row[1:]) for row in database.execute_sql(sql, list(ids))}
    field_ids = sorted({int(key[len(CUSTOM_PREFIX) :]) for key in keys if key.startswith(CUSTOM_PREFIX)})
    if not field_ids:
        return {cid: tuple(values) for cid, values in rows.items()}
    custom: dict[tuple[int, int], Any] = {}
    fields_in = ", ".join(str(f) for f in field_ids)
    for cid, fid, *values in database.execute_sql(
        "SELECT client_id, field_id, value_text, value_number, value_date FROM custom_field_value"
        f" WHERE client_id IN ({marks}) AND field_id IN ({fields_in})",
        list(ids),
    ):
        custom[(cid, fid)] = _first(values)
    result: dict[int, tuple[Any, ...]] = {}
    for cid, values in rows.items():
        read = iter(values)
        result[cid] = tuple(
            custom.get((cid, int(key[len(CUSTOM_PREFIX) :]))) if key.startswith(CUSTOM_PREFIX) else next(read)
            for key in keys
        )
    return result
