"""Referrals (转介绍): who referred a client, a client or one of a client's contacts, and the reward
promised and given. One referral per referred client; a client never refers itself (nor through one of
its own contacts)."""

from __future__ import annotations

from typing import Any

from .. import clock
from ..errors import NotFoundError, ValidationError
from ..models import Client, Contact
from ..models.care import Referral
from .common import (
    fk_id,
    get_record,
    long_text,
    optional_date,
    require_cents,
    transactional,
)

REFERRAL_FIELDS = (
    "referrer_client_id",
    "referrer_contact_id",
    "reward_promised",
    "reward_promised_cents",
    "reward_given",
    "reward_given_cents",
    "reward_given_on",
    "notes",
)


def _alive_client(client_id: Any, label: str = "Client", field: str | None = None) -> Client:
    try:
        return get_record(Client, client_id, label)
    except (NotFoundError, ValidationError) as exc:
        if field is None:
            raise
        raise exc.at(field) from None


def _optional_cents(value: Any, field: str, label: str) -> int | None:
    if value is None or value == "":
        return None
    return require_cents(value, field, label)


def _referrer(
    client: Client, referrer_client_id: Any, referrer_contact_id: Any
) -> tuple[Client | None, Contact | None]:
    has_client = referrer_client_id not in (None, "")
    has_contact = referrer_contact_id not in (None, "")
    if has_client and has_contact:
        raise ValidationError("referral.two_referrers", "referrer")
    if not has_client and not has_contact:
        raise ValidationError("referral.no_referrer", "referrer")
    if has_client:
        referrer = _alive_client(referrer_client_id, "Referrer", "referrer")
        if referrer.id == client.id:
            raise ValidationError("referral.self", "referrer")
        return referrer, None
    try:
        contact = get_record(Contact, referrer_contact_id, "Referrer")
    except (NotFoundError, ValidationError) as exc:
        raise exc.at("referrer") from None
    if fk_id(contact, "client") == client.id:
        raise ValidationError("referral.own_contact", "referrer", name=contact.name)
    _alive_client(fk_id(contact, "client"), "Referrer", "referrer")
    return None, contact


@transactional
def set_referral(client_id: Any, **fields: Any) -> Referral:
    """Record (or replace) who referred ``client_id`` and the reward: ``referrer_client_id`` or
    ``referrer_contact_id`` (exactly one), ``reward_promised`` / ``reward_given`` (text),
    ``reward_promised_cents`` / ``reward_given_cents`` (optional money), ``reward_given_on`` (a date,
    not after today, only with something given) and ``notes``."""
    client = _alive_client(client_id)
    for key in fields:
        if key not in REFERRAL_FIELDS:
            raise ValidationError("contact.unknown_field", key, key=key)
    referrer_client, referrer_contact = _referrer(
        client, fields.get("referrer_client_id"), fields.get("referrer_contact_id")
    )
    values: dict[str, Any] = {"referrer_client": referrer_client, "referrer_contact": referrer_contact}
    values.update(clean_reward_fields(fields))
    referral = Referral.get_or_none(Referral.client == client.id)
    if referral is None:
        return Referral.create(client=client, **values)
    for key, value in values.items():
        setattr(referral, key, value)
    referral.save()
    return referral


def clean_reward_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The rewards and notes of a referral as stored (``reward_promised``, ``reward_promised_cents``,
    ``reward_given``, ``reward_given_cents``, ``reward_given_on``, ``notes``), checked: amounts are money,
    the day given is not after today and only with something given. Also used by the referrals import."""
    promised = long_text(fields.get("reward_promised"), "reward_promised", "Reward promised", 2000)
    promised_cents = _optional_cents(
        fields.get("reward_promised_cents"), "reward_promised_cents", "Reward promised"
    )
    given = long_text(fields.get("reward_given"), "reward_given", "Reward given", 2000)
    given_cents = _optional_cents(fields.get("reward_given_cents"), "reward_given_cents", "Reward given")
    given_on = optional_date(fields.get("reward_given_on"), "reward_given_on", "Reward given on")
    if given_on is not None:
        if not given and given_cents is None:
            raise ValidationError("referral.given_on_without_reward", "reward_given_on")
        if given_on > clock.today():
            raise ValidationError("referral.date_in_future", "reward_given_on", label="Reward given on")
    notes = long_text(fields.get("notes"), "notes", "Notes")
    return {
        "reward_promised": promised,
        "reward_promised_cents": promised_cents,
        "reward_given": given,
        "reward_given_cents": given_cents,
        "reward_given_on": given_on,
        "notes": notes,
    }


@transactional
def clear_referral(client_id: Any) -> None:
    """Forget who referred ``client_id`` (the client no longer counts as a referral)."""
    client = _alive_client(client_id)
    if not Referral.delete().where(Referral.client == client.id).execute():
        raise NotFoundError("referral.missing")
