"""What the Pipeline page reads: the whole board for one filter in one call (so it can run off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_crm.pipeline import (
    ClosedTotal,
    PipelineCard,
    PipelineFilter,
    StageTotal,
    closed_totals,
    column_cards,
    owners,
    stage_totals,
)
from desktop_crm.services.stages import stage_probabilities

from .users import current_user_id, user_name

COLUMN_LIMIT = 50  # cards per column: the largest ones; the column says how many more there are


@dataclass(frozen=True)
class PipelineBoard:
    """The open stages' totals, each column's largest cards, and the deals closed in the filter's period."""

    totals: list[StageTotal]
    probabilities: dict[str, int]
    cards: dict[str, list[PipelineCard]]
    closed: ClosedTotal

    @property
    def open_count(self) -> int:
        return sum(t.count for t in self.totals)

    @property
    def open_amount_cents(self) -> int:
        return sum(t.amount_cents for t in self.totals)

    @property
    def weighted_cents(self) -> int:
        return sum(t.weighted_cents for t in self.totals)


@dataclass(frozen=True)
class OwnerChoices:
    """Who the owner filter offers: the working user first (when there is one), then the other owners."""

    me: int | None
    my_name: str
    others: list[tuple[int, str]] = field(default_factory=list)


def load_board(flt: PipelineFilter, limit: int = COLUMN_LIMIT) -> PipelineBoard:
    totals = stage_totals(flt)
    cards = {total.stage: column_cards(total.stage, flt, limit) for total in totals}
    return PipelineBoard(totals, stage_probabilities(), cards, closed_totals(flt))


def owner_choices() -> OwnerChoices:
    me = current_user_id()
    others = [(uid, name) for uid, name in owners() if uid != me]
    return OwnerChoices(me, user_name(me) if me is not None else "", others)
