"""Use cases of the opportunity dialog and the Pipeline board: save an opportunity with the roles its
stakeholders hold (one transaction), and move an opportunity to another stage (and back: the undo)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..models import Opportunity
from ..models.enums import OPEN_STAGES
from . import deals, stakeholders
from .common import get_record, require_list, transactional, unchanged_since, version_of


@dataclass
class OpportunityInput:
    """Everything the opportunity dialog collected. ``roles``: {contact id: role or None (not in the
    deal)} of the client's contacts as the dialog shows them; only differences are written."""

    client_id: int
    name: str
    owner_id: int | None
    stage: str
    probability: int
    expected_amount_cents: int
    expected_close_date: date | None
    competitor: str = ""
    notes: str = ""
    roles: dict[int, str | None] = field(default_factory=dict)
    # the opportunity's ``updated_at`` when the dialog loaded it: a save after someone else's is refused
    # (``record.changed_meanwhile``); None: not checked
    loaded_at: Any = None


@transactional
def save_opportunity(opportunity_id: int | None, data: OpportunityInput) -> int:
    """Create (``opportunity_id`` None) or update the opportunity and set the roles that changed; returns
    its id. A closed opportunity keeps its stage and probability. Raises ``CrmError``; nothing is saved
    then."""
    fields: dict[str, Any] = {
        "name": data.name,
        "expected_amount_cents": data.expected_amount_cents,
        "expected_close_date": data.expected_close_date,
        "competitor": data.competitor,
        "notes": data.notes,
    }
    if opportunity_id is None:
        opp = deals.create_opportunity(
            data.client_id, owner_id=data.owner_id, stage=data.stage, probability=data.probability, **fields
        )
        current: dict[int, str | None] = {}
    else:
        current = stakeholders.opportunity_roles(opportunity_id)
        extra: dict[str, Any] = {}
        if data.stage in OPEN_STAGES:
            extra = {"stage": data.stage, "probability": data.probability}
        with unchanged_since(Opportunity, opportunity_id, data.loaded_at, "Opportunity"):
            opp = deals.update_opportunity(opportunity_id, owner_id=data.owner_id, **fields, **extra)
    for contact_id, role in data.roles.items():
        if role != current.get(contact_id):
            stakeholders.set_opportunity_role(opp.id, contact_id, role)
    return int(opp.id)


@dataclass(frozen=True)
class StageMove:
    """An opportunity moved from one open stage to another (with the probability of each). ``version``:
    the opportunity's ``updated_at`` once moved, what the move's undo expects to find."""

    opportunity_id: int
    name: str
    from_stage: str
    from_probability: int
    to_stage: str
    to_probability: int
    version: Any = field(default=None, compare=False)

    def reversed(self) -> StageMove:
        return StageMove(
            self.opportunity_id,
            self.name,
            self.to_stage,
            self.to_probability,
            self.from_stage,
            self.from_probability,
            self.version,
        )


@transactional
def move_opportunity_stage(
    opportunity_id: Any, stage: str, probability: int | None = None, *, left_at: Any = None
) -> StageMove:
    """Move an open opportunity to another open stage; the probability becomes the stage's default
    unless given. Returns the move (what it was before), so it can be moved back. ``left_at``: for an
    undo or redo, the version the move it reverses left; someone's save since refuses it
    (``record.changed_after_yours``)."""
    before = get_record(Opportunity, opportunity_id, "Opportunity")
    from_stage, from_probability = before.stage, before.probability
    kwargs: dict[str, Any] = {"stage": stage}
    if probability is not None:
        kwargs["probability"] = probability
    with unchanged_since(Opportunity, before.id, left_at, "Opportunity", undo=True):
        after = deals.update_opportunity(before.id, **kwargs)
    return StageMove(
        int(after.id),
        after.name,
        from_stage,
        from_probability,
        after.stage,
        after.probability,
        version_of(Opportunity, after.id),
    )


# --- slice pipeline13: several cards dropped together on a Pipeline column (and the undo of that) ---
MAX_MOVED = 1000  # more than a board column shows


@transactional
def move_opportunities_stage(opportunity_ids: Any, stage: str) -> list[StageMove]:
    """Move several open opportunities to one open stage in ONE transaction: all of them move, or none
    (the first refusal is raised). Already there: unchanged, and not in the returned moves."""
    ids = require_list(opportunity_ids, "opportunity_ids", "Opportunity", MAX_MOVED)
    moves = [move_opportunity_stage(opportunity_id, stage) for opportunity_id in ids]  # a repeat: no-op
    return [move for move in moves if move.from_stage != move.to_stage]


@transactional
def apply_stage_moves(
    moves: Sequence[StageMove], *, left_at: Mapping[int, Any] | None = None
) -> list[StageMove]:
    """Put each opportunity at the move's ``to_stage`` with its ``to_probability``, in ONE transaction (redo
    of a multi-card move; its undo passes the ``reversed()`` moves); returns the moves made (with the
    versions they left). ``left_at``: {opportunity id: the version the moves being reversed left}; one
    saved by someone since refuses them all (``record.changed_after_yours``)."""
    versions = left_at or {}
    return [
        move_opportunity_stage(
            move.opportunity_id, move.to_stage, move.to_probability, left_at=versions.get(move.opportunity_id)
        )
        for move in moves
    ]
