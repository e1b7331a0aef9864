"""What offline sync carries: the user-data tables of ``desktop_crm.models.ALL_MODELS`` and their columns.

Not carried: the integer ``id`` (each replica numbers its own rows; records are matched by ``uuid`` and
foreign keys travel as the referenced record's UUID), derived columns that each side's triggers recompute
(``client.last_contact_at``), and the derived tables (``desktop_crm.changes.DERIVED_TABLES``: they are not
models).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from peewee import ForeignKeyField

# derived columns: kept by the schema's triggers on each side (desktop_crm.derived)
DERIVED_COLUMNS = frozenset({("client", "last_contact_at")})
# carried and merged like any field, but never listed as a conflict: each save moves them, and a record
# made on two machines under the same key (merged into one) was naturally made at two times
QUIET_COLUMNS = frozenset({"updated_at", "created_at"})
# fields that only make sense together (the domain's checks, desktop_crm.integrity): merged as one, from
# the side that changed any of them last, so a merge never pairs one side's "done" with the other's time
TOGETHER = {
    "next_step": (("done", "done_at", "completed_by_id"),),
    "goal": (("kind", "period_start", "period_end"),),
    "payment": (("contract_id", "instalment_id"),),
    "contract": (("client_id", "opportunity_id"),),
}


# rows that belong to one machine, never carried: (table, column) -> values. The person working on this
# copy is chosen on each laptop (desktop_crm.team.CURRENT_USER_KEY)
LOCAL_ROWS = {("setting", "key"): frozenset({"current_user_id"})}


def is_local_row(table: str, row: dict[str, object]) -> bool:
    return any(t == table and row.get(column) in values for (t, column), values in LOCAL_ROWS.items())


@dataclass(frozen=True)
class SyncedTable:
    name: str
    columns: tuple[str, ...]  # the synced columns, ``uuid`` excluded (it names the record)
    foreign_keys: dict[str, str]  # column -> the referenced table
    cascade_columns: frozenset[str]  # the foreign keys whose row is deleted with the referenced one


@cache
def synced_tables() -> tuple[SyncedTable, ...]:
    """In dependency order (parents first), the order in which changes are applied."""
    from ..models import ALL_MODELS

    tables = []
    for model in ALL_MODELS:
        meta = model._meta  # type: ignore[attr-defined]
        columns: list[str] = []
        fks: dict[str, str] = {}
        cascade: set[str] = set()
        for field in meta.sorted_fields:
            column = field.column_name
            if column in ("id", "uuid") or (meta.table_name, column) in DERIVED_COLUMNS:
                continue
            columns.append(column)
            if isinstance(field, ForeignKeyField):
                fks[column] = field.rel_model._meta.table_name
                if (field.on_delete or "").upper() == "CASCADE":
                    cascade.add(column)
        tables.append(SyncedTable(meta.table_name, tuple(columns), fks, frozenset(cascade)))
    return tuple(tables)


@cache
def table_named() -> dict[str, SyncedTable]:
    return {t.name: t for t in synced_tables()}


@cache
def referencing(only_cascading: bool = False) -> dict[str, list[tuple[str, str]]]:
    """table -> the (table, column) pairs whose foreign key points at it (``only_cascading``: those whose
    row is deleted with the row it points at)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for table in synced_tables():
        for column, target in table.foreign_keys.items():
            if not only_cascading or column in table.cascade_columns:
                found.setdefault(target, []).append((table.name, column))
    return found


def merge_units(table: SyncedTable) -> tuple[tuple[str, ...], ...]:
    """The table's columns as merge units: each group of :data:`TOGETHER`, every other column alone."""
    return _units(table.name)


@cache
def _units(name: str) -> tuple[tuple[str, ...], ...]:
    table = table_named()[name]
    groups = [g for g in TOGETHER.get(name, ()) if all(c in table.columns for c in g)]
    grouped = {c for g in groups for c in g}
    return tuple(groups) + tuple((c,) for c in table.columns if c not in grouped)
