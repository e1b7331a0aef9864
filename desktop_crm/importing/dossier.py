"""A client's dossier facts (客户雷达) in the clients import, checked as ``services.dossier`` checks them.

- **Unified social credit code**: blanks dropped, capitals; 18 characters of its alphabet, the region's
  digits and the check character must be right; one registered company is one client (a code another
  live client has, or an earlier row of the file, is refused; the client a row updates keeps its own).
- **Founding date**: not after today. Bands: their key, English or Chinese label.
- Written to ``client_dossier`` (created on the first fact, the mapped non-blank cells overwrite on update).
"""

from __future__ import annotations

from typing import Any

from .. import clock, credit_code
from ..models.care import ClientDossier
from .pipeline import Preview, PreviewRow, _column_name, _conn, _problem, _rows_of
from .reader import Table

DOSSIER_KEYS = (
    "credit_code",
    "legal_representative",
    "registered_capital_cents",
    "founded_on",
    "business_scope",
    "headcount_band",
    "revenue_band",
)


def _code_problem(code: str) -> tuple[str, dict[str, Any]] | None:
    problem = credit_code.problem(code)
    if problem == "length":
        return "dossier.credit_code_length", {"length": len(code)}
    if problem == "character":
        bad = next(ch for ch in code if ch not in credit_code.ALPHABET)
        return "dossier.credit_code_character", {"character": bad}
    if problem == "division":
        return "dossier.credit_code_division", {}
    if problem == "check":
        return "dossier.credit_code_check", {"expected": credit_code.check_character(code[:17])}
    return None


def check_dossier_rows(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """Normalise and check the credit codes and founding dates of client rows (errors at the cells)."""
    today = clock.today()
    wanted = [
        r for r in rows if r.action != "error" and ("credit_code" in r.values or "founded_on" in r.values)
    ]
    codes = {credit_code.normalise(str(r.values.get("credit_code", ""))) for r in wanted} - {""}
    taken: dict[str, tuple[int, str]] = {}
    if codes:
        sql = (
            "SELECT d.credit_code, c.id, c.name FROM client_dossier d JOIN client c ON c.id = d.client_id"
            " WHERE c.deleted_at IS NULL AND d.credit_code IN ({marks})"
        )
        conn = _conn()
        marks_codes = sorted(codes)
        for start in range(0, len(marks_codes), 900):
            chunk = marks_codes[start : start + 900]
            query = sql.format(marks=", ".join("?" for _ in chunk))
            for code, ident, name in conn.execute(query, chunk):
                taken.setdefault(code, (ident, name))
    in_file: dict[str, str] = {}
    for row in wanted:

        def fail(key: str, code: str, row: PreviewRow = row, **params: Any) -> None:
            column = _column_name(table, column_of[key]) if key in column_of else None
            label = "Unified social credit code" if key == "credit_code" else "Founding date"
            row.problems.append(_problem(row.row, column, key, code, label=label, **params))
            row.action = "error"

        founded = row.values.get("founded_on")
        if founded is not None and founded > today:
            fail("founded_on", "dossier.date_in_future")
        if "credit_code" not in row.values:
            continue
        code = credit_code.normalise(str(row.values["credit_code"]))
        row.values["credit_code"] = code
        found = _code_problem(code)
        if found is not None:
            fail("credit_code", found[0], **found[1])
            continue
        if row.action not in ("create", "update"):
            continue
        owner = taken.get(code)
        if owner is not None and owner[0] != row.existing_id:
            fail("credit_code", "dossier.credit_code_taken", name=owner[1][:60])
        elif code in in_file:
            fail("credit_code", "dossier.credit_code_taken", name=in_file[code][:60])
        else:
            in_file[code] = str(row.values.get("name", ""))


def write_dossiers(preview: Preview, created_ids: dict[int, int], stamp: str) -> None:
    """Create or update the dossier of each imported client row that carries a dossier fact."""
    from .writer import _defaults, _insert, _next_id, db_value, new_uuid

    targets: list[tuple[int, dict[str, Any]]] = []
    for row in preview.rows:
        ident = created_ids.get(row.row) if row.action == "create" else row.existing_id
        facts = {k: db_value(row.values[k]) for k in DOSSIER_KEYS if k in row.values}
        if ident is not None and row.action in ("create", "update") and facts:
            targets.append((ident, facts))
    if not targets:
        return
    having = {
        cid
        for (cid,) in _rows_of(
            "SELECT client_id FROM client_dossier WHERE client_id IN ({marks})", (i for i, _ in targets)
        )
    }
    defaults = _defaults(ClientDossier)
    columns = list(defaults)
    inserts: list[tuple[Any, ...]] = []
    next_id = _next_id("client_dossier")
    conn = _conn()
    for ident, facts in targets:
        if ident in having:
            keys = sorted(facts)
            assignments = ", ".join(f'"{k}" = ?' for k in keys)
            conn.execute(
                f"UPDATE client_dossier SET {assignments}, updated_at = ? WHERE client_id = ?",
                (*(facts[k] for k in keys), stamp, ident),
            )
            continue
        record = dict(defaults)
        record.update(facts)
        record.update(id=next_id, uuid=new_uuid(), created_at=stamp, updated_at=stamp, client_id=ident)
        inserts.append(tuple(record[c] for c in columns))
        having.add(ident)
        next_id += 1
    _insert("client_dossier", columns, inserts)


__all__ = ["DOSSIER_KEYS", "check_dossier_rows", "write_dossiers"]
