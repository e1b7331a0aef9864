"""The client page's read models, kept importable from here; they live in ``desktop_crm.read.client_page``."""

from __future__ import annotations

from desktop_crm.read.client_page import (
    ClientHeader,
    ClientPage,
    client_header,
    contact_record,
    contact_rows,
    contract_rows,
    deal_roles_of,
    history_rows,
    key_client_id,
    load_client_page,
    opportunity_choices,
    opportunity_rows,
    other_contacts,
)

__all__ = [
    "ClientHeader",
    "ClientPage",
    "client_header",
    "contact_record",
    "contact_rows",
    "contract_rows",
    "deal_roles_of",
    "history_rows",
    "key_client_id",
    "load_client_page",
    "opportunity_choices",
    "opportunity_rows",
    "other_contacts",
]
