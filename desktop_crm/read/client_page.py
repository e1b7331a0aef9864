"""What the client page (the hub) reads: plain tuples and dataclasses, no writes.

``load_client_page(client_id)`` reads everything one open of the page shows, in one call, so the page
can run it on the database worker; the single-section functions serve the sections' own reloads
after an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from peewee import fn

from desktop_crm.care_read import (
    Dossier,
    ReferralView,
    ReferredClient,
    dossier_of,
    referral_of,
    referred_by_client,
)
from desktop_crm.models import Client, Contact, Contract, Opportunity, OpportunityContact
from desktop_crm.models.enums import OPEN_STAGES
from desktop_crm.power_map import load_stakeholders
from desktop_crm.service_read import ServiceRow, client_service_records
from desktop_crm.services.attachments import AttachmentRow, list_attachments
from desktop_crm.services.clients import get_client
from desktop_crm.services.common import fk_id
from desktop_crm.services.payments import contract_balance
from desktop_crm.services.service_records import ServiceType, service_types
from desktop_crm.services.stakeholders import opportunity_roles, stance_history
from desktop_crm.stakeholder_analysis import Stakeholder

from .followups import Timeline, timeline


@dataclass(frozen=True)
class ClientHeader:
    id: int
    name: str
    short_name: str
    status: str
    grade: str
    verdict: str
    owner: str
    expected_amount_cents: int
    expected_sign_date: date | None
    last_contact_at: datetime | None
    industry: str
    region: str
    deleted: bool


def client_header(client_id: int) -> ClientHeader:
    client = get_client(client_id, include_deleted=True)
    owner = client.owner.name if fk_id(client, "owner") is not None and client.owner else ""
    return ClientHeader(
        id=client.id,
        name=client.name,
        short_name=client.short_name,
        status=client.status,
        grade=client.grade,
        verdict=client.value_verdict,
        owner=owner,
        expected_amount_cents=client.expected_amount_cents,
        expected_sign_date=client.expected_sign_date,
        last_contact_at=client.last_contact_at,
        industry=client.industry,
        region=client.region,
        deleted=client.is_deleted,
    )


def contact_rows(client_id: int) -> list[tuple]:
    """(name, title, role, stance, influence, last contacted, id) of the client's alive contacts."""
    last = {p.id: p.last_contacted for p in load_stakeholders(client_id)}
    query = (
        Contact.alive(
            Contact.name, Contact.title, Contact.role, Contact.stance, Contact.influence, Contact.id
        )
        .where(Contact.client == client_id)
        .order_by(Contact.name, Contact.id)
        .tuples()
    )
    return [(n, t, r, s, i, last.get(cid), cid) for n, t, r, s, i, cid in query]


def other_contacts(client_id: int, exclude_id: int | None) -> list[tuple[int, str, str]]:
    """(id, name, title) of the client's alive contacts except ``exclude_id``, for the reports-to combo."""
    query = Contact.alive(Contact.id, Contact.name, Contact.title).where(Contact.client == client_id)
    if exclude_id is not None:
        query = query.where(Contact.id != exclude_id)
    return list(query.order_by(Contact.name, Contact.id).tuples())


def contact_record(contact_id: int) -> Contact:
    return Contact.get_by_id(contact_id)


def history_rows(contact_id: int) -> list[tuple[date, str | None, str, str]]:
    """(date, old stance, new stance, reason), newest first."""
    rows = [(h.changed_on, h.old_stance, h.new_stance, h.reason) for h in stance_history(contact_id)]
    return list(reversed(rows))


def opportunity_choices(client_id: int) -> list[tuple[int, str, str]]:
    """(id, name, stage) of the client's alive opportunities, open ones first."""
    query = (
        Opportunity.alive(Opportunity.id, Opportunity.name, Opportunity.stage)
        .where(Opportunity.client == client_id)
        .order_by(Opportunity.stage.not_in(OPEN_STAGES), Opportunity.created_at.desc(), Opportunity.id)
    )
    return list(query.tuples())


def deal_roles_of(contact_id: int, client_id: int) -> dict[int, str | None]:
    """{opportunity id: role} for every alive opportunity of the client the contact is attached to."""
    query = (
        OpportunityContact.select(OpportunityContact.opportunity, OpportunityContact.role)
        .join(Opportunity)
        .where(
            (OpportunityContact.contact == contact_id)
            & (Opportunity.client == client_id)
            & Opportunity.deleted_at.is_null()
        )
        .tuples()
    )
    return {opp: role for opp, role in cast(Any, query)}


def opportunity_rows(client_id: int) -> list[tuple]:
    """(name, stage, probability, amount, expected close, stakeholders, id)."""
    rows = []
    for opp in (
        Opportunity.alive()
        .where(Opportunity.client == client_id)
        .order_by(Opportunity.stage.not_in(OPEN_STAGES), Opportunity.expected_close_date, Opportunity.id)
    ):
        count = len(opportunity_roles(opp.id))
        rows.append(
            (
                opp.name,
                opp.stage,
                opp.probability,
                opp.expected_amount_cents,
                opp.expected_close_date,
                count,
                opp.id,
            )
        )
    return rows


def contract_rows(client_id: int) -> list[tuple]:
    """(title, signed on, amount, planned, paid, outstanding, overdue amount, id), newest first."""
    rows = []
    query = Contract.select().where(Contract.client == client_id).order_by(Contract.signed_on.desc())
    for contract in query:
        balance = contract_balance(contract.id)
        overdue = sum(s.remaining for s in balance.overdue_instalments)
        title = contract.title or contract.number or f"#{contract.id}"
        rows.append(
            (
                title,
                contract.signed_on,
                balance.amount,
                balance.planned,
                balance.paid,
                balance.outstanding,
                overdue,
                contract.id,
            )
        )
    return rows


def key_client_id() -> int | None:
    """The alive client with the most alive contacts among those with a reports-to tree (screenshots)."""
    row = (
        Contact.select(
            Contact.client, fn.COUNT(Contact.id).alias("n"), fn.COUNT(Contact.reports_to).alias("r")
        )
        .join(Client)
        .where(Contact.deleted_at.is_null() & Client.deleted_at.is_null())
        .group_by(Contact.client)
        .order_by(
            fn.MIN(fn.COUNT(Contact.reports_to), 1).desc(),
            fn.COUNT(Contact.id).desc(),
            fn.COUNT(Contact.reports_to).desc(),
            Contact.client,
        )
        .tuples()
        .first()
    )
    return row[0] if row else None


@dataclass(frozen=True)
class ClientPage:
    """Everything one open of the client page shows (``header`` None: the client no longer exists)."""

    client_id: int
    header: ClientHeader | None
    contacts: list[tuple] = field(default_factory=list)  # contact_rows()
    opportunity_choices: list[tuple[int, str, str]] = field(default_factory=list)
    opportunity_filter: int | None = None  # the deal the power map is narrowed to, if still there
    people: list[Stakeholder] = field(default_factory=list)  # load_stakeholders(client, filter)
    timeline: Timeline = field(default_factory=Timeline)
    opportunities: list[tuple] = field(default_factory=list)  # opportunity_rows()
    contracts: list[tuple] = field(default_factory=list)  # contract_rows()
    service_rows: list[ServiceRow] = field(default_factory=list)
    service_types: list[ServiceType] = field(default_factory=list)
    referral: ReferralView | None = None
    referred: list[ReferredClient] = field(default_factory=list)
    dossier: Dossier | None = None
    attachments: list[AttachmentRow] = field(default_factory=list)


def load_client_page(
    client_id: int, opportunity_filter: int | None = None, removed_attachments: bool = False
) -> ClientPage:
    """Read the whole client page of ``client_id``.

    ``opportunity_filter``: the deal the Stakeholders tab is narrowed to (dropped when the deal is gone);
    ``removed_attachments``: list the removed attachments instead of the current ones.
    """
    from desktop_crm.errors import CrmError

    try:
        header = client_header(client_id)
    except CrmError:
        return ClientPage(client_id, None)
    choices = opportunity_choices(client_id)
    if opportunity_filter is not None and opportunity_filter not in {c[0] for c in choices}:
        opportunity_filter = None
    return ClientPage(
        client_id=client_id,
        header=header,
        contacts=contact_rows(client_id),
        opportunity_choices=choices,
        opportunity_filter=opportunity_filter,
        people=load_stakeholders(client_id, opportunity_filter),
        timeline=timeline(client_id),
        opportunities=opportunity_rows(client_id),
        contracts=contract_rows(client_id),
        service_rows=client_service_records(client_id),
        service_types=list(service_types()),
        referral=referral_of(client_id),
        referred=referred_by_client(client_id),
        dossier=dossier_of(client_id),
        attachments=list_attachments(client_id, removed=removed_attachments),
    )
