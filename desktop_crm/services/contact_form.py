"""The contact dialog's use case: save a contact (a stakeholder) with the role it holds in each of the
client's deals, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Contact
from . import stakeholders
from .common import transactional, unchanged_since


@dataclass
class ContactInput:
    """Everything the contact dialog collected. ``fields``: the contact's fields as
    ``create_contact`` / ``update_contact`` take them (name included); ``stance_reason``: why the stance
    changed (ignored when it did not); ``deal_roles``: {opportunity id: role or None} as shown, only
    differences are written."""

    fields: dict[str, Any]
    stance_reason: str = ""
    deal_roles: dict[int, str | None] = field(default_factory=dict)
    # the contact's ``updated_at`` when the dialog loaded it: a save after someone else's is refused
    # (``record.changed_meanwhile``); None: not checked
    loaded_at: Any = None


@transactional
def save_contact(client_id: Any, contact_id: int | None, data: ContactInput) -> int:
    """Create (``contact_id`` None) or update the client's contact and the roles it holds in each deal;
    returns its id. Raises ``CrmError``; nothing is saved then."""
    values = dict(data.fields)
    if contact_id is None:
        name = values.pop("name", "")
        contact = stakeholders.create_contact(client_id, name, **values)
    else:
        with unchanged_since(Contact, contact_id, data.loaded_at, "Contact"):
            contact = stakeholders.update_contact(contact_id, stance_reason=data.stance_reason, **values)
    for opportunity_id, role in data.deal_roles.items():
        if role != stakeholders.opportunity_roles(opportunity_id).get(contact.id):
            stakeholders.set_opportunity_role(opportunity_id, contact.id, role)
    return int(contact.id)
