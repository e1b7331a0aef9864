"""The rules of imported contacts' birthdays, referrals (转介绍) and dossier notes (客户雷达记录), checked by
the same functions the services use.

- **Birthday** (contacts): a date, not after today (``services.stakeholders``).
- **Referrals**: one per referred client. The referrer is a client's name or a contact written
  "Contact name (Client name)", as the clients' "Referred by" column (``importing.referrers``); a
  client never refers itself, nor through one of its own contacts. The rewards as
  ``services.referrals.clean_reward_fields`` keeps them: the day given only with something given and
  not after today (on "update" the stored reward counts where the row leaves a cell blank).
  Duplicates: a client that already has a referral is skipped or updated; "create" on it is an error
  at the client's cell (a client has one referral), and so is a second row for the same client.
- **Dossier notes**: date (not after today), text and source as ``services.dossier`` checks a note;
  duplicates are the same client, date and text (ignoring case and blanks).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import ValidationError
from .pipeline import PreviewRow, _column_name, _problem, _rows_of
from .reader import Table

REWARD_KEYS = (
    "reward_promised",
    "reward_promised_cents",
    "reward_given",
    "reward_given_cents",
    "reward_given_on",
    "notes",
)


def _refuse(row: PreviewRow, table: Table, column_of: dict[str, int], exc: ValidationError, key: str) -> None:
    """The service's refusal ``exc`` as a problem at the cell of its field (``key`` when it names none
    of the mapped ones)."""
    where = exc.field if exc.field in column_of else key
    column = _column_name(table, column_of[where]) if where in column_of else None
    row.problems.append(_problem(row.row, column, where, exc.code, **exc.params))
    row.action = "error"


def check_birthdays(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """A contact's birthday is not after today."""
    from ..services.stakeholders import _clean_birthday

    for row in rows:
        if row.action != "error" and row.values.get("birthday") is not None:
            try:
                _clean_birthday(row.values["birthday"])
            except ValidationError as exc:
                _refuse(row, table, column_of, exc, "birthday")


def check_note_rows(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """Each dossier note as ``services.dossier`` checks it (stored cleaned)."""
    from ..services.dossier import _clean_note

    for row in rows:
        if row.action == "error":
            continue
        values = row.values
        try:
            clean = _clean_note(values.get("noted_on"), values.get("text"), values.get("source", ""))
        except ValidationError as exc:
            _refuse(row, table, column_of, exc, "text")
            continue
        values["text"] = clean["text"]
        if clean["source"]:
            values["source"] = clean["source"]


def check_referral_rows(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """The rewards of each referral row, and one referral per client ("create" on a client that has
    one, or a second row for the same client, is an error)."""
    from ..services.referrals import clean_reward_fields

    live = [r for r in rows if r.action in ("create", "update") and r.refs.get("client") is not None]
    stored: dict[int, dict[str, Any]] = {}
    sql = (
        "SELECT client_id, reward_promised, reward_promised_cents, reward_given, reward_given_cents,"
        " reward_given_on, notes FROM referral WHERE client_id IN ({marks})"
    )
    for client, *values in _rows_of(sql, (r.refs["client"] for r in live)):  # type: ignore[misc]
        record = dict(zip(REWARD_KEYS, values, strict=True))
        if record["reward_given_on"] is not None:
            record["reward_given_on"] = date.fromisoformat(str(record["reward_given_on"])[:10])
        stored[client] = record
    created: dict[int, int] = {}  # client -> the file row creating its referral
    client_column = _column_name(table, column_of["client"]) if "client" in column_of else None
    for row in live:
        client = row.refs["client"]
        assert client is not None
        name = str(row.values.get("client", ""))[:60]
        if row.action == "create" and client in stored:
            row.problems.append(
                _problem(row.row, client_column, "client", "import.referral_exists", value=name)
            )
            row.action = "error"
            continue
        if row.action == "create" and client in created:
            row.problems.append(
                _problem(
                    row.row,
                    client_column,
                    "client",
                    "import.referral_twice",
                    value=name,
                    other=created[client],
                )
            )
            row.action = "error"
            continue
        merged = dict(stored.get(client, {})) if row.action == "update" else {}
        merged.update({k: row.values[k] for k in REWARD_KEYS if k in row.values})
        try:
            clean_reward_fields(merged)
        except ValidationError as exc:
            _refuse(row, table, column_of, exc, "reward_given_on")
            continue
        if row.action == "create":
            created[client] = row.row


__all__ = ["check_birthdays", "check_note_rows", "check_referral_rows"]
