"""Old-client care: who referred a client (and the reward), and the client dossier (客户雷达): registration
facts and dated public-information notes with their source."""

from __future__ import annotations

from peewee import BigIntegerField, CharField, DateField, ForeignKeyField, TextField

from .base import BaseModel
from .clients import Client
from .stakeholders import Contact


class Referral(BaseModel):
    """A client's referrer (转介绍): another client or a contact (exactly one of the two), and the reward
    promised and given (text, an optional amount in cents, and when it was given)."""

    client = ForeignKeyField(Client, unique=True, backref="referral", on_delete="CASCADE")
    referrer_client = ForeignKeyField(Client, null=True, backref="referrals_made", on_delete="CASCADE")
    referrer_contact = ForeignKeyField(Contact, null=True, backref="referrals_made", on_delete="CASCADE")
    reward_promised = TextField(default="")
    reward_promised_cents = BigIntegerField(null=True)
    reward_given = TextField(default="")
    reward_given_cents = BigIntegerField(null=True)
    reward_given_on = DateField(null=True)
    notes = TextField(default="")


class ClientDossier(BaseModel):
    """A client's registration facts (one row per client, created when first saved)."""

    client = ForeignKeyField(Client, unique=True, backref="dossier", on_delete="CASCADE")
    credit_code = CharField(max_length=18, default="", index=True)  # 统一社会信用代码, '' = unknown
    legal_representative = CharField(max_length=100, default="")
    registered_capital_cents = BigIntegerField(null=True)
    founded_on = DateField(null=True)
    business_scope = TextField(default="")
    headcount_band = CharField(max_length=20, null=True)  # enums.HEADCOUNT_BANDS
    revenue_band = CharField(max_length=20, null=True)  # enums.REVENUE_BANDS


class DossierNote(BaseModel):
    """A dated piece of public information about a client, with its source (a site, a paper, a person)."""

    client = ForeignKeyField(Client, backref="dossier_notes", on_delete="CASCADE")
    noted_on = DateField()
    source = CharField(max_length=300, default="")
    text = TextField()
