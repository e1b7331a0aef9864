"""A list view exported as it is shown: its rows (filters, search, sort) and its visible columns.

``export_client_list`` runs the Clients list's own query (``desktop_crm.client_list``): the ids in the
view's order, then the visible columns fetched in batches, so 100,000 clients never sit in memory as
rows. Headers are given by the caller (the interface passes the headers it shows); enum columns may
be given display labels (``labels``: column key -> stored key -> label) so that the file reads like
the view. ``export_rows`` writes any table a page already holds (the dashboard's per-person summary,
a drill-down list).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..client_list import CUSTOM_PREFIX, ClientQuery, fetch_rows
from ..models import database
from .cells import Column
from .writers import Progress, write_table

BATCH = 1000
_KINDS = {
    "expected_amount_cents": "money",
    "expected_sign_date": "date",
    "last_contact_at": "datetime",
    "created_at": "datetime",
    "deleted_at": "datetime",
    "contacts": "int",
}


def client_column_kind(key: str) -> str:
    if key.startswith(CUSTOM_PREFIX):
        row = database.execute_sql(
            "SELECT kind FROM custom_field_def WHERE id = ?", (int(key[len(CUSTOM_PREFIX) :]),)
        ).fetchone()
        return {"number": "number", "date": "date"}.get(row[0] if row else "text", "text")
    return _KINDS.get(key, "text")


def _client_rows(
    ids: list[int], keys: Sequence[str], labels: Mapping[str, Mapping[str, str]], multi: set[int]
) -> Iterator[tuple[Any, ...]]:
    from .entities import _multi

    maps = [labels.get(key) for key in keys]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        fetched = fetch_rows(chunk, list(keys))
        for client_id in chunk:
            row = fetched.get(client_id)
            if row is None:  # deleted meanwhile
                continue
            values = list(row)
            for i, mapping in enumerate(maps):
                if mapping is not None and values[i] is not None:
                    values[i] = mapping.get(str(values[i]), values[i])
                if i in multi:
                    values[i] = _multi(values[i])
            yield tuple(values)


def export_client_list(
    query: ClientQuery,
    columns: Sequence[str],
    headers: Mapping[str, str],
    path: str | os.PathLike[str],
    *,
    labels: Mapping[str, Mapping[str, str]] | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> int:
    """The clients ``query`` matches, in its order, with ``columns`` (keys of ``client_list``)."""
    keys = list(columns)
    for key in keys:  # an unknown column is refused before anything is written
        from ..client_list import column_expr

        column_expr(key)
    multi = set()
    for i, key in enumerate(keys):
        if key.startswith(CUSTOM_PREFIX):
            row = database.execute_sql(
                "SELECT kind FROM custom_field_def WHERE id = ?", (int(key[len(CUSTOM_PREFIX) :]),)
            ).fetchone()
            if row and row[0] == "multi_choice":
                multi.add(i)
    custom_names = {
        f"{CUSTOM_PREFIX}{i}": str(n)
        for i, n in database.execute_sql("SELECT id, name FROM custom_field_def")
    }
    cols = [
        Column(key, headers.get(key, custom_names.get(key, key)), client_column_kind(key)) for key in keys
    ]
    ids = query.ids()
    rows = _client_rows(ids, keys, labels or {}, multi)
    return write_table(
        path, cols, rows, fmt=fmt, encoding=encoding, total=len(ids), progress=progress, sheet="Clients"
    )


def export_rows(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    total: int = 0,
    progress: Progress | None = None,
    sheet: str = "Export",
) -> int:
    """A table the caller already holds (typed raw values, see ``cells.Column``)."""
    return write_table(
        path, columns, rows, fmt=fmt, encoding=encoding, total=total, progress=progress, sheet=sheet
    )
