"""The client dossier (客户雷达): registration facts (unified social credit code checked by its check
character, legal representative, registered capital, founding date, business scope, headcount and revenue
bands) and dated public-information notes with their source."""

from __future__ import annotations

from typing import Any

from .. import clock, credit_code
from ..errors import NotFoundError, ValidationError
from ..models import Client
from ..models.care import ClientDossier, DossierNote
from ..models.enums import HEADCOUNT_BANDS, REVENUE_BANDS
from .common import (
    check_id,
    fk_id,
    get_record,
    long_text,
    optional_date,
    optional_enum,
    optional_text,
    require_cents,
    require_date,
    require_text,
    transactional,
)

DOSSIER_FIELDS = (
    "credit_code",
    "legal_representative",
    "registered_capital_cents",
    "founded_on",
    "business_scope",
    "headcount_band",
    "revenue_band",
)
_CODE_LABEL = "Unified social credit code"


def clean_credit_code(value: Any, client_id: int | None = None) -> str:
    """A credit code as stored: normalised (no spaces, capitals) and valid, or '' for none. Another
    alive client with the same code is refused (one registered company, one client)."""
    text = optional_text(value, "credit_code", _CODE_LABEL, 60)
    code = credit_code.normalise(text)
    if not code:
        return ""
    problem = credit_code.problem(code)
    if problem == "length":
        raise ValidationError("dossier.credit_code_length", "credit_code", length=len(code))
    if problem == "character":
        bad = next(ch for ch in code if ch not in credit_code.ALPHABET)
        raise ValidationError("dossier.credit_code_character", "credit_code", character=bad)
    if problem == "division":
        raise ValidationError("dossier.credit_code_division", "credit_code")
    if problem == "check":
        expected = credit_code.check_character(code[:17])
        raise ValidationError("dossier.credit_code_check", "credit_code", expected=expected)
    other = (
        Client.select(Client.name)
        .join(ClientDossier, on=ClientDossier.client == Client.id)
        .where(ClientDossier.credit_code == code, Client.deleted_at.is_null(), Client.id != (client_id or 0))
        .first()
    )
    if other is not None:
        raise ValidationError("dossier.credit_code_taken", "credit_code", name=other.name)
    return code


def _clean(fields: dict[str, Any], client_id: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "credit_code":
            values[key] = clean_credit_code(value, client_id)
        elif key == "legal_representative":
            values[key] = optional_text(value, key, "Legal representative", 100)
        elif key == "registered_capital_cents":
            values[key] = (
                None if value is None or value == "" else require_cents(value, key, "Registered capital")
            )
        elif key == "founded_on":
            day = optional_date(value, key, "Founding date")
            if day is not None and day > clock.today():
                raise ValidationError("dossier.date_in_future", key, label="Founding date")
            values[key] = day
        elif key == "business_scope":
            values[key] = long_text(value, key, "Business scope", 5000)
        elif key == "headcount_band":
            values[key] = optional_enum(value, HEADCOUNT_BANDS, key, "Headcount")
        elif key == "revenue_band":
            values[key] = optional_enum(value, REVENUE_BANDS, key, "Revenue")
        else:
            raise ValidationError("contact.unknown_field", key, key=key)
    return values


@transactional
def save_dossier(client_id: Any, **fields: Any) -> ClientDossier:
    """Set the registration facts given (the others keep their values); the dossier is created on the
    first save."""
    client = get_record(Client, client_id, "Client")
    values = _clean(fields, client.id)
    dossier = ClientDossier.get_or_none(ClientDossier.client == client.id)
    if dossier is None:
        return ClientDossier.create(client=client, **values)
    for key, value in values.items():
        setattr(dossier, key, value)
    dossier.save()
    return dossier


def _clean_note(noted_on: Any, text: Any, source: Any) -> dict[str, Any]:
    day = require_date(noted_on, "noted_on", "Date")
    if day > clock.today():
        raise ValidationError("dossier.date_in_future", "noted_on", label="Date")
    return {
        "noted_on": day,
        "text": require_text(text, "text", "Note", 20_000),
        "source": optional_text(source, "source", "Source", DossierNote.source.max_length),
    }


@transactional
def add_dossier_note(client_id: Any, noted_on: Any, text: Any, source: Any = "") -> DossierNote:
    """A dated piece of public information (what was read, where) about a client."""
    client = get_record(Client, client_id, "Client")
    return DossierNote.create(client=client, **_clean_note(noted_on, text, source))


def _note(note_id: Any) -> DossierNote:
    note = DossierNote.get_or_none(DossierNote.id == check_id(note_id, "Note"))
    if note is None:
        raise NotFoundError("dossier.note_missing")
    get_record(Client, fk_id(note, "client"), "Client")
    return note


@transactional
def update_dossier_note(note_id: Any, noted_on: Any, text: Any, source: Any = "") -> DossierNote:
    note = _note(note_id)
    for key, value in _clean_note(noted_on, text, source).items():
        setattr(note, key, value)
    note.save()
    return note


@transactional
def delete_dossier_note(note_id: Any) -> None:
    _note(note_id).delete_instance()
