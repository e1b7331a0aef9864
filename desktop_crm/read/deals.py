"""What the deal dialogs and the client page's deal sections read: plain tuples and dataclasses, no writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from desktop_crm.models import Client, Contact, Contract, Opportunity
from desktop_crm.search import search_client_ids
from desktop_crm.services.common import fk_id
from desktop_crm.services.payments import (
    contract_balance,
    contract_payments,
    instalment_statuses,
    still_owed,
)
from desktop_crm.services.stages import stage_probabilities
from desktop_crm.services.stakeholders import opportunity_roles

from ..engine import raw_connection
from .users import users

__all__ = [
    "ContractInfo",
    "PaymentDue",
    "balance",
    "client_name",
    "contacts_with_roles",
    "contract_info",
    "has_contract",
    "instalment_rows",
    "next_payment_due",
    "opportunity",
    "owed",
    "payment_rows",
    "probabilities",
    "search_clients",
    "users",
]


def search_clients(query: str, limit: int = 20) -> list[tuple[int, str]]:
    """(id, name) of the alive clients matching ``query``."""
    ids = search_client_ids(raw_connection(), query, limit) if query.strip() else []
    if not ids:
        return []
    names = dict(Client.alive(Client.id, Client.name).where(Client.id.in_(ids)).tuples())
    return [(cid, names[cid]) for cid in ids if cid in names]


def client_name(client_id: int) -> str:
    """The client's name (deleted ones too), "" when there is no such client."""
    row = Client.select(Client.name).where(Client.id == client_id).tuples().first()
    return row[0] if row else ""


def probabilities() -> dict[str, int]:
    return stage_probabilities()


def opportunity(opportunity_id: int) -> Opportunity:
    return Opportunity.get_by_id(opportunity_id)


def contacts_with_roles(client_id: int, opportunity_id: int | None) -> list[tuple[int, str, str, str | None]]:
    """(contact id, name, job title, role in this deal or None) of the client's alive contacts."""
    roles = opportunity_roles(opportunity_id) if opportunity_id is not None else {}
    query = Contact.alive(Contact.id, Contact.name, Contact.title).where(Contact.client == client_id)
    return [(cid, n, t, roles.get(cid)) for cid, n, t in query.order_by(Contact.name, Contact.id).tuples()]


def has_contract(opportunity_id: int) -> bool:
    return Contract.select().where(Contract.opportunity == opportunity_id).exists()


@dataclass(frozen=True)
class ContractInfo:
    id: int
    client_id: int
    client_name: str
    title: str
    number: str
    amount_cents: int
    signed_on: date


def contract_info(contract_id: int) -> ContractInfo:
    c = Contract.get_by_id(contract_id)
    client_id = fk_id(c, "client")
    return ContractInfo(
        c.id, client_id, client_name(client_id), c.title, c.number, c.amount_cents, c.signed_on
    )


def instalment_rows(contract_id: int, today: date) -> list[tuple]:
    """(seq, due date, amount, paid, remaining, status, id); status: paid / partly / overdue / due."""
    rows = []
    for s in instalment_statuses(contract_id):
        if s.remaining <= 0:
            status = "paid"
        elif s.due_date < today:
            status = "overdue"
        elif s.paid > 0:
            status = "partly"
        else:
            status = "due"
        rows.append((s.instalment.seq, s.due_date, s.amount, s.paid, s.remaining, status, s.instalment.id))
    return rows


def payment_rows(contract_id: int) -> list[tuple]:
    """(paid on, amount, method, instalment seq or None, note, id), newest first."""
    return [
        (
            p.paid_on,
            p.amount_cents,
            p.method,
            cast(Any, p).instalment.seq if fk_id(p, "instalment") else None,
            p.note,
            p.id,
        )
        for p in contract_payments(contract_id)
    ]


def owed(contract_id: int, instalment_id: int | None = None) -> int:
    return still_owed(contract_id, instalment_id)


@dataclass(frozen=True)
class PaymentDue:
    """What a new payment on a contract most likely is: ``cents`` still owed (0 when nothing is), on the
    instalment ``instalment_id`` / ``seq`` (None: the contract has no plan, or its plan is paid)."""

    cents: int
    instalment_id: int | None = None
    seq: int | None = None


def next_payment_due(contract_id: int) -> PaymentDue:
    """What is still owed on the next unpaid instalment of the contract's payment plan: its amount minus
    what the recorded payments already pay of it (``receivables.allocate``: a payment linked to an
    instalment pays it first, unlinked payments and any excess pay the instalments in due-date order),
    never more than is owed on the contract. Without a plan, or once every instalment is paid while the
    contract is not (a plan may cover less than the contract), what is owed on the contract: its amount
    minus everything collected. Never negative."""
    on_contract = still_owed(contract_id)
    for status in instalment_statuses(contract_id):
        if status.remaining > 0 and on_contract > 0:
            inst = status.instalment
            return PaymentDue(min(status.remaining, on_contract), int(inst.id), int(inst.seq))
    return PaymentDue(max(on_contract, 0))


def balance(contract_id: int, today: date) -> tuple[int, int, int]:
    """(paid, outstanding, overdue) of the contract as of ``today``."""
    b = contract_balance(contract_id, today)
    return b.paid, b.outstanding, sum(s.remaining for s in b.overdue_instalments)
