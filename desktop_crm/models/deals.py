"""Opportunities, contracts, payment plans and payments."""

from __future__ import annotations

from peewee import BigIntegerField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel, SoftDeleteModel
from .clients import Client
from .stakeholders import Contact
from .users import User


class Opportunity(SoftDeleteModel):
    client = ForeignKeyField(Client, backref="opportunities", on_delete="CASCADE")
    owner = ForeignKeyField(User, null=True, backref="opportunities", on_delete="SET NULL")
    name = CharField(max_length=200)
    stage = CharField(max_length=20, default="initial", index=True)  # enums.OPPORTUNITY_STAGES
    probability = IntegerField(default=10)  # percent 0..100
    expected_amount_cents = BigIntegerField(default=0)
    expected_close_date = DateField(null=True)
    competitor = CharField(max_length=200, default="")
    closed_on = DateField(null=True, index=True)
    close_reason = TextField(default="")
    notes = TextField(default="")


class OpportunityContact(BaseModel):
    """A stakeholder attached to one opportunity, with the role held in that deal."""

    opportunity = ForeignKeyField(Opportunity, backref="stakeholders", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="opportunity_roles", on_delete="CASCADE")
    role = CharField(max_length=20, null=True)  # enums.STAKEHOLDER_ROLES

    class Meta:
        indexes = ((("opportunity", "contact"), True),)


class Contract(BaseModel):
    client = ForeignKeyField(Client, backref="contracts", on_delete="CASCADE")
    opportunity = ForeignKeyField(Opportunity, null=True, backref="contracts", on_delete="SET NULL")
    title = CharField(max_length=200, default="")
    number = CharField(max_length=100, default="")
    amount_cents = BigIntegerField()
    signed_on = DateField(index=True)
    notes = TextField(default="")


class PaymentInstalment(BaseModel):
    """One planned instalment of a contract's payment plan (回款计划)."""

    contract = ForeignKeyField(Contract, backref="instalments", on_delete="CASCADE")
    seq = IntegerField(default=1)
    due_date = DateField(index=True)
    amount_cents = BigIntegerField()
    note = CharField(max_length=200, default="")


class Payment(BaseModel):
    """Money actually received (回款), optionally against an instalment."""

    contract = ForeignKeyField(Contract, backref="payments", on_delete="CASCADE")
    instalment = ForeignKeyField(PaymentInstalment, null=True, backref="payments", on_delete="SET NULL")
    paid_on = DateField(index=True)
    amount_cents = BigIntegerField()
    method = CharField(max_length=50, default="")
    note = CharField(max_length=200, default="")
