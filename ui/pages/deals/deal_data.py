"""The deal dialogs' read models, kept importable from here; they live in ``desktop_crm.read.deals``."""

from __future__ import annotations

from desktop_crm.read.deals import (
    ContractInfo,
    balance,
    client_name,
    contacts_with_roles,
    contract_info,
    has_contract,
    instalment_rows,
    opportunity,
    owed,
    payment_rows,
    probabilities,
    search_clients,
    users,
)

__all__ = [
    "ContractInfo",
    "balance",
    "client_name",
    "contacts_with_roles",
    "contract_info",
    "has_contract",
    "instalment_rows",
    "opportunity",
    "owed",
    "payment_rows",
    "probabilities",
    "search_clients",
    "users",
]
