"""Generation state shared by the demo generators: the seeded RNG, ids, UUIDs, dates and row buffers.

Rows are plain tuples in the column order of ``COLUMNS``; ids are assigned here, so foreign keys are
known before anything is inserted. Every value derives from ``random.Random(seed)`` and ``today``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")

_BASE = ("id", "uuid", "created_at", "updated_at")

# Column order of the row tuples, per table (the tables of desktop_crm.models.ALL_MODELS, in that order).
COLUMNS: dict[str, tuple[str, ...]] = {
    "user": _BASE + ("name", "role", "supervisor_id", "email", "phone", "active"),
    "client": _BASE
    + (
        "deleted_at",
        "name",
        "short_name",
        "status",
        "value_verdict",
        "grade",
        "expected_sign_date",
        "expected_amount_cents",
        "owner_id",
        "source",
        "industry",
        "region",
        "phone",
        "address",
        "website",
        "notes",
    ),  # fmt: skip
    "tag": _BASE + ("name", "color"),
    "client_tag": _BASE + ("client_id", "tag_id"),
    "client_milestone": _BASE + ("client_id", "title", "due_date", "done_date", "position"),
    "custom_field_def": _BASE + ("name", "kind", "choices", "position", "hidden"),
    "custom_field_value": _BASE + ("field_id", "client_id", "value_text", "value_number", "value_date"),
    "contact": _BASE
    + (
        "deleted_at",
        "client_id",
        "name",
        "title",
        "department",
        "phone",
        "email",
        "wechat",
        "role",
        "stance",
        "influence",
        "tenure",
        "interests",
        "reports_to_id",
        "notes",
    ),  # fmt: skip
    "stance_change": _BASE
    + ("contact_id", "changed_on", "old_stance", "new_stance", "reason", "changed_by_id"),
    "opportunity": _BASE
    + (
        "deleted_at",
        "client_id",
        "owner_id",
        "name",
        "stage",
        "probability",
        "expected_amount_cents",
        "expected_close_date",
        "competitor",
        "closed_on",
        "close_reason",
        "notes",
    ),  # fmt: skip
    "opportunity_contact": _BASE + ("opportunity_id", "contact_id", "role"),
    "contract": _BASE
    + ("client_id", "opportunity_id", "title", "number", "amount_cents", "signed_on", "notes"),
    "payment_instalment": _BASE + ("contract_id", "seq", "due_date", "amount_cents", "note"),
    "payment": _BASE + ("contract_id", "instalment_id", "paid_on", "amount_cents", "method", "note"),
    "follow_up": _BASE
    + (
        "client_id",
        "user_id",
        "opportunity_id",
        "channel",
        "purpose",
        "happened_at",
        "duration_minutes",
        "summary",
    ),  # fmt: skip
    "follow_up_contact": _BASE + ("follow_up_id", "contact_id"),
    "next_step": _BASE
    + (
        "client_id",
        "user_id",
        "source_follow_up_id",
        "completed_by_id",
        "bucket",
        "due_at",
        "plan_type",
        "title",
        "done",
        "done_at",
    ),  # fmt: skip
    "goal": _BASE
    + ("parent_id", "user_id", "kind", "title", "period_start", "period_end", "qualitative", "notes"),
    "goal_target": _BASE
    + (
        "goal_id",
        "metric",
        "label",
        "unit",
        "target_value",
        "actual_value",
        "assigned_by_id",
        "proposed_value",
        "proposal_reason",
        "proposed_by_id",
        "proposal_state",
    ),  # fmt: skip
    "goal_action": _BASE + ("goal_id", "category", "label", "title", "due_date", "done", "done_at"),
    "goal_action_client": _BASE + ("action_id", "client_id"),
    "goal_client": _BASE + ("goal_id", "client_id"),
    "weekly_form": _BASE
    + ("user_id", "iso_year", "iso_week", "planned_collection_cents", "summary", "status", "submitted_at"),
    "weekly_collection_item": _BASE + ("form_id", "client_id", "amount_cents", "note"),
    "weekly_plan_item": _BASE + ("form_id", "weekday", "text", "client_id", "goal_id", "done"),
    "annotation": _BASE + ("form_id", "author_id", "section", "body", "line"),
    "weekly_score": _BASE + ("form_id", "scorer_id", "score", "comment"),
    "weekly_criterion_score": _BASE + ("form_id", "key", "label", "weight", "score"),
    "handbook_entry": _BASE + ("question", "answer", "kpi_key", "revised_on", "position"),
}

_UUID_BLOCK = 4096
# The variant nibble of an RFC 4122 UUID is 8, 9, a or b.
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
# "HH:MM:00" for every minute of a day.
_HM = tuple(f"{m // 60:02d}:{m % 60:02d}:00" for m in range(24 * 60))


@dataclass
class Seller:
    """A demo user and the behaviour profile that shapes their data."""

    id: int
    name: str
    profile: str  # "closer", "busy", "average", "newbie" or "supervisor"
    supervisor_id: int | None
    win_rate: float = 0.35  # share of closed opportunities that are won
    effort: float = 1.0  # follow-ups per client, relative to the size's mean
    channel_weights: tuple[int, ...] = (40, 8, 18, 22, 6, 6)  # enums.CHANNELS order
    score_mean: float = 78.0
    channel_cum: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        weights = self.channel_weights
        self.channel_cum = tuple(float(sum(weights[: i + 1])) for i in range(len(weights)))


class Ctx:
    def __init__(self, seed: int, today: date, id_base: dict[str, int]) -> None:
        self.rng = random.Random(seed)
        self._uuid_rng = random.Random(self.rng.getrandbits(64))
        self._uuid_hex = ""
        self._uuid_pos = _UUID_BLOCK
        self.today = today
        self._today_ord = today.toordinal()
        self._next_id = dict(id_base)
        self._days: dict[int, str] = {}
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)

    # --- identities -------------------------------------------------------------------------
    def uuid(self) -> str:
        """A version-4 UUID string; UUIDs come from their own stream, seeded from the main RNG."""
        pos = self._uuid_pos
        if pos >= _UUID_BLOCK:
            self._uuid_hex = self._uuid_rng.randbytes(16 * _UUID_BLOCK).hex()
            pos = 0
        self._uuid_pos = pos + 1
        h = self._uuid_hex[32 * pos : 32 * pos + 32]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"

    def new_id(self, table: str) -> int:
        value = self._next_id.get(table, 0) + 1
        self._next_id[table] = value
        return value

    def peek_id(self, table: str) -> int:
        """The id the next ``new_id(table)`` will return."""
        return self._next_id.get(table, 0) + 1

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.rows[table].append(row)

    # --- dates (day offsets: 0 = today, negative = past) ------------------------------------
    def day(self, offset: int) -> str:
        text = self._days.get(offset)
        if text is None:
            text = date.fromordinal(self._today_ord + offset).isoformat()
            self._days[offset] = text
        return text

    def to_date(self, offset: int) -> date:
        return date.fromordinal(self._today_ord + offset)

    def offset(self, day: date) -> int:
        return day.toordinal() - self._today_ord

    def ts(self, offset: int, minute: int) -> str:
        """'YYYY-MM-DD HH:MM:00' for day ``offset`` at ``minute`` past midnight."""
        return f"{self.day(offset)} {_HM[minute]}"

    def work_minute(self) -> int:
        """A plausible minute of a working day (08:30-18:30)."""
        return 510 + int(self.rng.random() * 600)

    def weekday(self, offset: int) -> int:
        return (self._today_ord + offset - 1) % 7  # 0 = Monday, like date.weekday()

    def week_start(self, offset: int) -> int:
        return offset - self.weekday(offset)

    # --- random helpers ---------------------------------------------------------------------
    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.rng.random() * len(items))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p
