"""The links an export writes and the import reads back, and the rules of payment plans.

- A payment's **instalment** ("Instalment due"): the instalment of the payment's contract due on that
  date (a contract has at most one instalment per due date).
- A follow-up's **opportunity** and **contacts**: by name (ignoring case and blanks) among the live
  opportunities and contacts of the follow-up's client; several contacts are comma separated. A name
  that matches none, or several, is an error at that cell.
- **Payment plans** (instalments): one per due date of a contract (a new row on a taken date is an
  error, as in the plan dialog) and never more planned than the contract's amount.
"""

from __future__ import annotations

from .pipeline import PreviewRow, _column_name, _money_day, _problem, _rows_of, name_key
from .reader import Table


def resolve_instalments(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """A payment's instalment: the instalment of the payment's contract due on the date written."""
    wanted = [r for r in rows if r.action != "error" and "instalment" in r.values and r.refs.get("contract")]
    if not wanted:
        return
    due: dict[tuple[int, str], int] = {}
    sql = "SELECT id, contract_id, due_date FROM payment_instalment WHERE contract_id IN ({marks})"
    for ident, contract, day in _rows_of(sql, (r.refs["contract"] for r in wanted)):  # type: ignore[misc]
        due[(contract, str(day)[:10])] = ident
    column = _column_name(table, column_of["instalment"])
    for row in wanted:
        day = row.values["instalment"]
        found = due.get((row.refs["contract"], _money_day(day)))  # type: ignore[arg-type]
        if found is None:
            value = {"value": _money_day(day), "contract": str(row.values.get("contract", ""))[:60]}
            row.problems.append(
                _problem(
                    row.row,
                    column,
                    "instalment",
                    "import.unknown_instalment",
                    label="Instalment due",
                    **value,
                )
            )
            row.action = "error"
        else:
            row.refs["instalment"] = found


def resolve_follow_up_links(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """A follow-up's opportunity and contacts, by name among its client's (live) ones."""
    wanted = [
        r
        for r in rows
        if r.action != "error" and r.refs.get("client") and ({"opportunity", "contacts"} & set(r.values))
    ]
    if not wanted:
        return
    clients = {r.refs["client"] for r in wanted}
    names: dict[str, dict[tuple[int, str], list[int]]] = {"opportunity": {}, "contacts": {}}
    for key, sql in (
        (
            "opportunity",
            "SELECT id, client_id, name FROM opportunity WHERE deleted_at IS NULL AND client_id IN ({marks})",
        ),
        (
            "contacts",
            "SELECT id, client_id, name FROM contact WHERE deleted_at IS NULL AND client_id IN ({marks})",
        ),
    ):
        for ident, cid, name in _rows_of(sql + " ORDER BY id", clients):  # type: ignore[arg-type]
            names[key].setdefault((cid, name_key(name)), []).append(ident)
    for row in wanted:
        client = row.refs["client"]
        assert client is not None
        client_name = str(row.values.get("client", ""))[:60]
        for key, label, kinds in (
            ("opportunity", "Opportunity", "opportunity"),
            ("contacts", "Contacts", "contact"),
        ):
            if key not in row.values:
                continue
            texts = [row.values[key]] if key == "opportunity" else list(row.values[key])
            ids: list[int] = []
            for text in texts:
                found = names[key].get((client, name_key(text)), [])
                code = None
                if not found:
                    code = f"import.unknown_{kinds}"
                elif len(found) > 1:
                    code = f"import.ambiguous_{kinds}"
                if code is not None:
                    params = {"value": text[:60], "client": client_name, "count": len(found)}
                    if not found:
                        params.pop("count")
                    column = _column_name(table, column_of[key])
                    row.problems.append(_problem(row.row, column, key, code, label=label, **params))
                    row.action = "error"
                else:
                    ids.append(found[0])
            if key == "opportunity" and ids:
                row.refs["opportunity"] = ids[0]
            elif ids:
                row.links["contacts"] = ids


def check_plans(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """Payment plans as the plan dialog keeps them: one instalment per due date of a contract, and
    never more planned than the contract's amount."""
    live = [r for r in rows if r.action in ("create", "update") and r.refs.get("contract")]
    if not live:
        return
    contracts = {r.refs["contract"] for r in live}
    amounts: dict[int, int] = {}
    planned: dict[int, dict[str, tuple[int, int]]] = {}  # contract -> due day -> (instalment id, cents)
    for ident, amount in _rows_of("SELECT id, amount_cents FROM contract WHERE id IN ({marks})", contracts):  # type: ignore[arg-type]
        amounts[ident] = amount
    sql = "SELECT id, contract_id, due_date, amount_cents FROM payment_instalment WHERE contract_id IN ({marks})"
    for ident, contract, day, cents in _rows_of(sql, contracts):  # type: ignore[arg-type]
        planned.setdefault(contract, {})[str(day)[:10]] = (ident, cents)
    for row in live:
        contract = row.refs["contract"]
        assert contract is not None
        plan = planned.setdefault(contract, {})
        day = _money_day(row.values.get("due_date"))
        cents = row.values.get("amount_cents", 0)
        if row.action == "create" and day in plan:
            column = _column_name(table, column_of["due_date"])
            row.problems.append(
                _problem(row.row, column, "due_date", "import.plan_overlapping", label="Due date", date=day)
            )
            row.action = "error"
            continue
        ident = row.existing_id if row.action == "update" else -row.row
        before = plan.get(day)
        plan[day] = (ident or 0, cents if "amount_cents" in row.values or before is None else before[1])
        total = sum(c for _, c in plan.values())
        if total > amounts.get(contract, 0):
            where = _column_name(table, column_of["amount_cents"]) if "amount_cents" in column_of else None
            row.problems.append(
                _problem(
                    row.row,
                    where,
                    "amount_cents",
                    "import.plan_over_contract",
                    label="Amount",
                    total_cents=total,
                    contract_cents=amounts.get(contract, 0),
                )
            )
            row.action = "error"
            if before is None:
                plan.pop(day)
            else:
                plan[day] = before
