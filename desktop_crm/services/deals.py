"""Opportunities (商机) and contracts (合同); payment plans and payments are in ``payments``.

Money is integer cents. Won/lost is set only by ``close_opportunity``; a contract is created only from a won
opportunity of the same client (one contract per opportunity; a repeat order is a new opportunity). The
probability of a new or moved opportunity defaults to the stage's probability from ``stages``. This module also holds the small helpers the other services share
(``UNSET``, ``alive_client``, ``alive_opportunity``, ``clean_fields``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models import Client, Contract, Opportunity, PaymentInstalment, User, now
from ..models.enums import DEFAULT_STAGE_PROBABILITY, OPEN_STAGES
from .client_status import promote_on_deal
from .common import (
    fk_id,
    get_record,
    long_text,
    optional_date,
    optional_text,
    require_cents,
    require_date,
    require_enum,
    require_int,
    require_text,
    restore,
    soft_delete,
    transactional,
)
from .stages import stage_probability

ClientRef = int | Client
OpportunityRef = int | Opportunity
ContractRef = int | Contract


class Unset(enum.Enum):
    """Marks an update argument that was not given (``None`` may be a real value, e.g. clearing a date)."""

    UNSET = enum.auto()


UNSET = Unset.UNSET


def alive_client(client_id: Any, field_name: str = "client_id") -> Client:
    """The client, refusing a deleted one with a message that names it (shared by the services)."""
    client = get_record(Client, client_id, "Client", include_deleted=True)
    if client.is_deleted:
        raise ValidationError("client.deleted", field_name, name=client.name)
    return client


def alive_opportunity(opportunity_id: Any, client: Client, field_name: str = "opportunity_id") -> Opportunity:
    opportunity = get_record(Opportunity, opportunity_id, "Opportunity", include_deleted=True)
    if opportunity.is_deleted:
        raise ValidationError("opportunity.deleted", field_name, name=opportunity.name)
    if fk_id(opportunity, "client") != client.id:
        raise ValidationError(
            "opportunity.other_client", field_name, name=opportunity.name, client=client.name
        )
    return opportunity


# --- opportunities -------------------------------------------------------------------------------

_OPPORTUNITY_FIELDS: dict[str, Callable[[Any], Any]] = {
    "name": lambda v: require_text(v, "name", "Name"),
    "owner": lambda v: None if v is None else get_record(User, v, "Owner"),
    "probability": lambda v: require_int(v, "probability", "Probability", 0, 100),
    "expected_amount_cents": lambda v: require_cents(v, "expected_amount_cents", "Expected amount"),
    "expected_close_date": lambda v: optional_date(v, "expected_close_date", "Expected close date"),
    "competitor": lambda v: optional_text(v, "competitor", "Competitor"),
    "notes": lambda v: long_text(v, "notes", "Notes"),
}


def clean_fields(cleaners: dict[str, Callable[[Any], Any]], values: dict[str, Any]) -> dict[str, Any]:
    """Validate the given values (``UNSET`` ones are skipped) with the cleaner of each field."""
    return {key: cleaners[key](value) for key, value in values.items() if not isinstance(value, Unset)}


def _open_stage(stage: Any) -> str:
    if stage in ("won", "lost"):
        raise ValidationError("opportunity.close_to_win", "stage")
    return require_enum(stage, OPEN_STAGES, "stage", "Stage")


@transactional
def create_opportunity(
    client_id: ClientRef,
    name: str,
    owner_id: int | User | None = None,
    stage: str = "initial",
    probability: int | None = None,
    expected_amount_cents: int = 0,
    expected_close_date: date | str | None = None,
    competitor: str = "",
    notes: str = "",
) -> Opportunity:
    """Create an open opportunity; the owner defaults to the client's owner, the probability to the
    stage's default."""
    client = alive_client(client_id)
    stage = _open_stage(stage)
    values = clean_fields(
        _OPPORTUNITY_FIELDS,
        {
            "name": name,
            "owner": owner_id if owner_id is not None else fk_id(client, "owner"),
            "probability": stage_probability(stage) if probability is None else probability,
            "expected_amount_cents": expected_amount_cents,
            "expected_close_date": expected_close_date,
            "competitor": competitor,
            "notes": notes,
        },
    )
    return Opportunity.create(client=client, stage=stage, **values)


@transactional
def update_opportunity(
    opportunity_id: OpportunityRef,
    *,
    name: str | Unset = UNSET,
    owner_id: int | User | None | Unset = UNSET,
    stage: str | Unset = UNSET,
    probability: int | Unset = UNSET,
    expected_amount_cents: int | Unset = UNSET,
    expected_close_date: date | str | None | Unset = UNSET,
    competitor: str | Unset = UNSET,
    notes: str | Unset = UNSET,
) -> Opportunity:
    """Change the given fields. A new stage resets the probability to its default unless one is given."""
    opp = get_record(Opportunity, opportunity_id, "Opportunity")
    alive_client(fk_id(opp, "client"))
    changes = clean_fields(
        _OPPORTUNITY_FIELDS,
        {
            "name": name,
            "owner": owner_id,
            "probability": probability,
            "expected_amount_cents": expected_amount_cents,
            "expected_close_date": expected_close_date,
            "competitor": competitor,
            "notes": notes,
        },
    )
    if not isinstance(stage, Unset) and stage != opp.stage:
        if opp.stage not in OPEN_STAGES:
            raise ValidationError("opportunity.closed", "stage")
        changes["stage"] = _open_stage(stage)
        changes.setdefault("probability", stage_probability(changes["stage"]))
    for key, value in changes.items():
        setattr(opp, key, value)
    opp.save()
    return opp


@transactional
def close_opportunity(
    opportunity_id: OpportunityRef,
    won: bool,
    closed_on: date | str | None = None,
    reason: str = "",
    competitor: str | None = None,
) -> Opportunity:
    """Close an open opportunity as won (probability 100) or lost (0), on ``closed_on`` (default today)."""
    opp = get_record(Opportunity, opportunity_id, "Opportunity")
    client = alive_client(fk_id(opp, "client"))
    if opp.stage not in OPEN_STAGES:
        raise ValidationError("opportunity.already_closed", "stage", stage=opp.stage)
    opp.stage = "won" if won else "lost"
    opp.probability = DEFAULT_STAGE_PROBABILITY[opp.stage]
    opp.closed_on = optional_date(closed_on, "closed_on", "Close date") or now().date()
    opp.close_reason = long_text(reason, "reason", "Reason")
    if competitor is not None:
        opp.competitor = optional_text(competitor, "competitor", "Competitor")
    opp.save()
    if won:
        promote_on_deal(client)
    return opp


@transactional
def reopen_opportunity(opportunity_id: OpportunityRef, stage: str = "negotiation") -> Opportunity:
    """Put a closed opportunity back into an open stage (refused while contracts come from it)."""
    opp = get_record(Opportunity, opportunity_id, "Opportunity")
    alive_client(fk_id(opp, "client"))
    if opp.stage in OPEN_STAGES:
        raise ValidationError("opportunity.not_closed", "stage")
    stage = _open_stage(stage)
    if Contract.select().where(Contract.opportunity == opp).exists():
        raise ValidationError(
            "opportunity.has_contracts",
            "stage",
        )
    opp.stage = stage
    opp.probability = stage_probability(stage)
    opp.closed_on = None
    opp.close_reason = ""
    opp.save()
    return opp


@transactional
def delete_opportunity(opportunity_id: OpportunityRef) -> Opportunity:
    return soft_delete(get_record(Opportunity, opportunity_id, "Opportunity"))


@transactional
def restore_opportunity(opportunity_id: OpportunityRef) -> Opportunity:
    opp = get_record(Opportunity, opportunity_id, "Opportunity", include_deleted=True)
    alive_client(fk_id(opp, "client"))
    return restore(opp)


# --- contracts ---------------------------------------------------------------------------------------


def _won_opportunity(opportunity_id: Any, client: Client, contract: Contract | None = None) -> Opportunity:
    """The won opportunity a contract comes from (alive, same client, not already under another contract)."""
    if opportunity_id is None:
        raise ValidationError("contract.opportunity_required", "opportunity_id")
    opp = alive_opportunity(opportunity_id, client)
    if opp.stage != "won":
        raise ValidationError("contract.opportunity_not_won", "opportunity_id", name=opp.name)
    others = Contract.select().where(Contract.opportunity == opp)
    if contract is not None:
        others = others.where(Contract.id != contract.id)
    if others.exists():
        raise ValidationError("contract.opportunity_has_contract", "opportunity_id", name=opp.name)
    return opp


def planned_total(contract: Contract) -> int:
    """The total of the contract's payment plan."""
    rows = PaymentInstalment.select().where(PaymentInstalment.contract == contract)
    return sum(i.amount_cents for i in rows)


_CONTRACT_FIELDS: dict[str, Callable[[Any], Any]] = {
    "amount_cents": lambda v: require_cents(v, "amount_cents", "Amount", allow_zero=False),
    "signed_on": lambda v: require_date(v, "signed_on", "Signing date"),
    "title": lambda v: optional_text(v, "title", "Title"),
    "number": lambda v: optional_text(v, "number", "Contract number", 100),
    "notes": lambda v: long_text(v, "notes", "Notes"),
}


@transactional
def create_contract(
    client_id: ClientRef,
    amount_cents: int,
    signed_on: date | str,
    opportunity_id: OpportunityRef | None,
    title: str = "",
    number: str = "",
    notes: str = "",
) -> Contract:
    """A signed contract, created from a won opportunity of the same client (refused otherwise, at
    ``opportunity_id``)."""
    client = alive_client(client_id)
    opportunity = _won_opportunity(opportunity_id, client)
    values = clean_fields(
        _CONTRACT_FIELDS,
        {
            "amount_cents": amount_cents,
            "signed_on": signed_on,
            "title": title,
            "number": number,
            "notes": notes,
        },
    )
    contract = Contract.create(client=client, opportunity=opportunity, **values)
    promote_on_deal(client)
    return contract


@transactional
def update_contract(
    contract_id: ContractRef,
    *,
    amount_cents: int | Unset = UNSET,
    signed_on: date | str | Unset = UNSET,
    opportunity_id: OpportunityRef | Unset = UNSET,
    title: str | Unset = UNSET,
    number: str | Unset = UNSET,
    notes: str | Unset = UNSET,
) -> Contract:
    """Change the given fields; the amount may not drop below the payment plan's total."""
    contract = get_record(Contract, contract_id, "Contract")
    client = alive_client(fk_id(contract, "client"))
    changes = clean_fields(
        _CONTRACT_FIELDS,
        {
            "amount_cents": amount_cents,
            "signed_on": signed_on,
            "title": title,
            "number": number,
            "notes": notes,
        },
    )
    planned = planned_total(contract)
    if changes.get("amount_cents", planned) < planned:
        raise ValidationError("contract.below_plan", "amount_cents", planned_cents=planned)
    if not isinstance(opportunity_id, Unset):
        contract.opportunity = _won_opportunity(opportunity_id, client, contract)
    for key, value in changes.items():
        setattr(contract, key, value)
    contract.save()
    return contract


@transactional
def delete_contract(contract_id: ContractRef) -> None:
    """Delete a contract with its payment plan and payments (hard delete)."""
    get_record(Contract, contract_id, "Contract").delete_instance()
