"""Contacts from vCard files into one client: ``preview_vcards`` (what would happen, per card) and
``import_vcards`` (the import, in one transaction). Cards come from ``desktop_crm.vcard.parse_vcards``.

A duplicate is a card with the same name (ignoring case and surrounding spaces) or the same phone
number (digits only, a leading +86/0086 ignored) as an alive contact of the client or as an earlier card
of the same import. ``on_duplicate``: ``skip`` it, ``update`` the existing contact (the card's non-empty
fields replace the contact's; its notes are added to the contact's notes), or ``create`` another
contact. A card with a problem (no name, cut short, a value the contact cannot take) stops the whole
import (nothing written) unless ``skip_invalid`` is set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import clock
from ..errors import CrmError, ValidationError
from ..models import Contact
from ..vcard import VCard
from .common import transactional
from .stakeholders import CONTACT_FIELDS, _alive_client, _clean_fields, create_contact, update_contact

ON_DUPLICATE = ("skip", "update", "create")


@dataclass(frozen=True)
class CardPreview:
    card: VCard
    problems: list[CrmError] = field(default_factory=list)  # the card is not imported while any remain
    duplicate_of: str | None = None  # the existing contact's (or earlier card's) name


@dataclass(frozen=True)
class VCardImportResult:
    created: int
    updated: int
    skipped_duplicates: int
    skipped_invalid: int
    contact_ids: list[int]


def phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix) :]
    return digits


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Index:
    """Names and phones already taken: the client's alive contacts, then each accepted card."""

    def __init__(self, client_id: int) -> None:
        self.names: dict[str, tuple[str, int | None]] = {}
        self.phones: dict[str, tuple[str, int | None]] = {}
        query = Contact.select(Contact.id, Contact.name, Contact.phone).where(
            Contact.client == client_id, Contact.deleted_at.is_null()
        )
        rows: list[tuple[int, str, str]] = list(query.order_by(Contact.id).tuples())  # type: ignore[arg-type]
        for contact_id, name, phone in rows:
            self.add(name, phone, contact_id)

    def add(self, name: str, phone: str, contact_id: int | None) -> None:
        self.names.setdefault(_name_key(name), (name, contact_id))
        if phone_key(phone):
            self.phones.setdefault(phone_key(phone), (name, contact_id))

    def find(self, card: VCard) -> tuple[str, int | None] | None:
        return self.names.get(_name_key(card.name)) or (
            self.phones.get(phone_key(card.phone)) if phone_key(card.phone) else None
        )


def _check_cards(cards: Any) -> list[VCard]:
    if not isinstance(cards, list | tuple) or not all(isinstance(c, VCard) for c in cards):
        raise ValidationError("vcard.not_cards", "cards")
    return list(cards)


def contact_fields(card: VCard) -> dict[str, Any]:
    """The card's contact fields; its birthday in the contact's birthday field when there is one and the
    card holds a full date not after today, else as a ``BDAY:`` line of the notes."""
    fields: dict[str, Any] = card.fields()
    if not card.birthday:
        return fields
    try:
        day: date | None = date.fromisoformat(card.birthday)
    except ValueError:
        day = None
    if "birthday" in CONTACT_FIELDS and day is not None and date(1900, 1, 1) <= day <= clock.today():
        fields["birthday"] = day
    else:
        fields["notes"] = f"{fields.get('notes', '')}\nBDAY: {card.birthday}".strip()
    return fields


def _problems(card: VCard, client_id: int) -> list[CrmError]:
    problems = list(card.problems)
    if not any(p.code == "vcard.no_name" for p in problems):
        try:
            _clean_fields(contact_fields(card), None, client_id)
        except CrmError as exc:
            problems.append(exc)
    return problems


def preview_vcards(client_id: Any, cards: Sequence[VCard]) -> list[CardPreview]:
    """Per card: its problems and the contact (or earlier card) it duplicates; nothing is written."""
    client = _alive_client(client_id)
    index = _Index(client.id)
    previews: list[CardPreview] = []
    for card in _check_cards(cards):
        problems = _problems(card, client.id)
        found = None if problems else index.find(card)
        previews.append(CardPreview(card, problems, found[0] if found else None))
        if not problems:
            index.add(card.name, card.phone, None)
    return previews


def _merged(contact: Contact, card: VCard) -> dict[str, Any]:
    fields = contact_fields(card)
    notes = fields.pop("notes", "")
    changes = {k: v for k, v in fields.items() if k != "name"}
    if notes and notes not in contact.notes:
        changes["notes"] = f"{contact.notes}\n{notes}".strip() if contact.notes else notes
    return changes


@transactional
def import_vcards(
    client_id: Any, cards: Sequence[VCard], on_duplicate: str = "skip", skip_invalid: bool = False
) -> VCardImportResult:
    """Import the cards as contacts of the client, all or nothing (see the module's docstring)."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError("vcard.bad_on_duplicate", "on_duplicate", value=str(on_duplicate)[:40])
    client = _alive_client(client_id)
    cards = _check_cards(cards)
    invalid = [card for card in cards if _problems(card, client.id)]
    if invalid and not skip_invalid:
        raise ValidationError("vcard.invalid_cards", "cards", number=invalid[0].number, count=len(invalid))
    index = _Index(client.id)
    created = updated = duplicates = 0
    ids: list[int] = []
    skip = {card.number for card in invalid}
    for card in cards:
        if card.number in skip:
            continue
        found = index.find(card)
        if found is not None and on_duplicate == "skip":
            duplicates += 1
            continue
        if found is not None and on_duplicate == "update" and found[1] is not None:
            contact = Contact.get_by_id(found[1])
            update_contact(contact.id, **_merged(contact, card))
            updated += 1
            ids.append(contact.id)
            continue
        fields = contact_fields(card)
        contact = create_contact(client.id, fields.pop("name"), **fields)
        created += 1
        ids.append(contact.id)
        index.add(contact.name, contact.phone, contact.id)
    return VCardImportResult(created, updated, duplicates, len(invalid), ids)
