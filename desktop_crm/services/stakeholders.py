"""Contacts as stakeholders: role, stance (with history), influence, reporting line, deal roles."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import NotFoundError, ValidationError
from ..models import Client, Contact, Opportunity, OpportunityContact, StanceChange, User, now
from ..models.enums import INFLUENCES, STAKEHOLDER_ROLES, STANCES
from .common import (
    fk_id,
    get_record,
    long_text,
    optional_date,
    optional_enum,
    optional_text,
    require_enum,
    require_text,
    restore,
    soft_delete,
    transactional,
)
from .users import clean_email

_TEXTS = {
    "title": "Job title",
    "department": "Department",
    "phone": "Phone",
    "wechat": "WeChat",
    "tenure": "Tenure",
}
_LONG_TEXTS = {"interests": "Interests", "notes": "Notes"}


CONTACT_FIELDS = (
    "name",
    *_TEXTS,
    *_LONG_TEXTS,
    "email",
    "role",
    "stance",
    "influence",
    "reports_to_id",
    "birthday",
)


def _alive_client(client_id: Any) -> Client:
    client = get_record(Client, client_id, "Client", include_deleted=True)
    if client.is_deleted:
        raise NotFoundError("contact.client_deleted", client=client.name)
    return client


def _editable_contact(contact_id: Any) -> Contact:
    contact = get_record(Contact, contact_id, "Contact")
    _alive_client(fk_id(contact, "client"))
    return contact


def _clean_boss(contact: Contact | None, client_id: int, boss_id: Any) -> Contact | None:
    """Validate a reports-to link: same client, alive, not self, no cycle."""
    if boss_id is None or boss_id == "":
        return None
    try:
        boss = get_record(Contact, boss_id, "Manager")
    except (NotFoundError, ValidationError) as exc:
        raise exc.at("reports_to_id") from None
    if fk_id(boss, "client") != client_id:
        raise ValidationError("contact.manager_other_client", "reports_to_id", name=boss.name)
    if contact is not None:
        seen: set[int] = set()
        current: Contact | None = boss
        while current is not None and current.id not in seen:
            if current.id == contact.id:
                raise ValidationError("contact.reports_cycle", "reports_to_id")
            seen.add(current.id)
            current = current.reports_to
    return boss


def _clean_birthday(value: Any) -> date | None:
    """An optional birthday: a real date, not after today."""
    day = optional_date(value, "birthday", "Birthday")
    if day is not None and day > now().date():
        raise ValidationError("dossier.date_in_future", "birthday", label="Birthday")
    return day


def _clean_fields(fields: dict[str, Any], contact: Contact | None, client_id: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in CONTACT_FIELDS:
            raise ValidationError("contact.unknown_field", key, key=key)
        if key == "name":
            values[key] = require_text(value, key, "Full name", Contact.name.max_length)
        elif key in _TEXTS:
            values[key] = optional_text(value, key, _TEXTS[key], getattr(Contact, key).max_length)
        elif key in _LONG_TEXTS:
            values[key] = long_text(value, key, _LONG_TEXTS[key])
        elif key == "email":
            values[key] = clean_email(value, Contact.email.max_length)
        elif key == "role":
            values[key] = optional_enum(value, STAKEHOLDER_ROLES, key, "Role")
        elif key == "stance":
            values[key] = require_enum(value, STANCES, key, "Stance")
        elif key == "influence":
            values[key] = require_enum(value, INFLUENCES, key, "Influence")
        elif key == "birthday":
            values[key] = _clean_birthday(value)
        else:  # reports_to_id
            values["reports_to"] = _clean_boss(contact, client_id, value)
    return values


def _clean_change_meta(changed_on: Any, changed_by: Any, reason: Any) -> tuple[date, User | None, str]:
    day = optional_date(changed_on, "changed_on", "Date of change") or now().date()
    user = None
    if changed_by is not None:
        try:
            user = get_record(User, changed_by, "Changed by")
        except (NotFoundError, ValidationError) as exc:
            raise exc.at("changed_by") from None
    return day, user, long_text(reason, "reason", "Reason")


def _record_stance(contact: Contact, old: str | None, meta: tuple[date, User | None, str]) -> None:
    day, user, reason = meta
    StanceChange.create(
        contact=contact,
        changed_on=day,
        old_stance=old,
        new_stance=contact.stance,
        reason=reason,
        changed_by=user,
    )


@transactional
def create_contact(client_id: Any, name: str, **fields: Any) -> Contact:
    """Add a contact to a client; the initial stance becomes the first entry of its history."""
    client = _alive_client(client_id)
    values = _clean_fields({"name": name, **fields}, None, client.id)
    meta = _clean_change_meta(None, None, "")
    contact = Contact.create(client=client, **values)
    _record_stance(contact, None, meta)
    return contact


@transactional
def update_contact(
    contact_id: Any, *, stance_reason: str = "", changed_by: Any = None, **changes: Any
) -> Contact:
    """Change contact fields. A stance change is recorded in the history (with ``stance_reason``)."""
    contact = _editable_contact(contact_id)
    values = _clean_fields(changes, contact, fk_id(contact, "client"))
    meta = _clean_change_meta(None, changed_by, stance_reason)
    old_stance = contact.stance
    for key, value in values.items():
        setattr(contact, key, value)
    contact.save()
    if contact.stance != old_stance:
        _record_stance(contact, old_stance, meta)
    return contact


@transactional
def change_stance(
    contact_id: Any, new_stance: str, reason: str = "", changed_on: Any = None, changed_by: Any = None
) -> Contact:
    """Record a change of stance (a no-op when the stance is already ``new_stance``)."""
    contact = _editable_contact(contact_id)
    stance = require_enum(new_stance, STANCES, "stance", "Stance")
    meta = _clean_change_meta(changed_on, changed_by, reason)
    if stance != contact.stance:
        old_stance = contact.stance
        contact.stance = stance
        contact.save()
        _record_stance(contact, old_stance, meta)
    return contact


def stance_history(contact_id: Any) -> list[StanceChange]:
    """Every stance of the contact, oldest first."""
    contact = get_record(Contact, contact_id, "Contact", include_deleted=True)
    query = StanceChange.select().where(StanceChange.contact == contact.id)
    return list(query.order_by(StanceChange.changed_on, StanceChange.id))


@transactional
def set_reports_to(contact_id: Any, boss_id: Any) -> Contact:
    """Set (or with None clear) whom the contact reports to at the same client."""
    contact = _editable_contact(contact_id)
    contact.reports_to = _clean_boss(contact, fk_id(contact, "client"), boss_id)
    contact.save()
    return contact


def list_contacts(client_id: Any, include_deleted: bool = False) -> list[Contact]:
    client = get_record(Client, client_id, "Client", include_deleted=True)
    query = Contact.select().where(Contact.client == client.id)
    if not include_deleted:
        query = query.where(Contact.deleted_at.is_null())
    return list(query.order_by(Contact.name, Contact.id))


@transactional
def delete_contact(contact_id: Any) -> Contact:
    """Soft delete; the contact can be restored."""
    return soft_delete(_editable_contact(contact_id))


@transactional
def restore_contact(contact_id: Any) -> Contact:
    contact = get_record(Contact, contact_id, "Contact", include_deleted=True)
    _alive_client(fk_id(contact, "client"))
    return restore(contact)


@transactional
def set_opportunity_role(opportunity_id: Any, contact_id: Any, role: str | None) -> OpportunityContact | None:
    """Set the role a contact holds in one deal; ``None`` removes the contact from the deal."""
    opportunity = get_record(Opportunity, opportunity_id, "Opportunity")
    contact = _editable_contact(contact_id)
    if fk_id(contact, "client") != fk_id(opportunity, "client"):
        raise ValidationError("stakeholder.other_client", "contact", name=contact.name)
    link = OpportunityContact.get_or_none(
        (OpportunityContact.opportunity == opportunity.id) & (OpportunityContact.contact == contact.id)
    )
    if role is None:
        if link is not None:
            link.delete_instance()
        return None
    clean_role = require_enum(role, STAKEHOLDER_ROLES, "role", "Role")
    if link is None:
        return OpportunityContact.create(opportunity=opportunity, contact=contact, role=clean_role)
    link.role = clean_role
    link.save()
    return link


def opportunity_roles(opportunity_id: Any) -> dict[int, str | None]:
    """{contact id: role} of the alive contacts attached to an opportunity."""
    opportunity = get_record(Opportunity, opportunity_id, "Opportunity", include_deleted=True)
    query = (
        OpportunityContact.select(OpportunityContact.contact, OpportunityContact.role)
        .join(Contact)
        .where((OpportunityContact.opportunity == opportunity.id) & Contact.deleted_at.is_null())
    )
    return {fk_id(link, "contact"): link.role for link in query}
