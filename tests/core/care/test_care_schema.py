"""The care migration: a file of schema 10 keeps its data and gains referrals, dossiers and birthdays."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_crm.db import close_database, open_database
from desktop_crm.models import Client, Contact, User
from desktop_crm.models.care import ClientDossier, Referral
from desktop_crm.services.dossier import save_dossier
from desktop_crm.services.referrals import set_referral
from desktop_crm.services.stakeholders import update_contact


def test_a_version_10_file_is_upgraded_and_keeps_its_data(db_path: Path) -> None:
    open_database(db_path, migrate_to=10)
    owner = User.create(name="王磊")
    first = Client.create(name="杭州云帆科技有限公司", owner=owner)
    second = Client.create(name="苏州恒达机械", owner=owner)
    Contact.create(client=first, name="李娜", stance="ally", influence="high")
    close_database()

    open_database(db_path)
    try:
        assert Client.get_by_id(first.id).name == "杭州云帆科技有限公司"
        contact = Contact.get(Contact.name == "李娜")
        assert contact.birthday is None and contact.stance == "ally"
        update_contact(contact.id, birthday="1985-06-01")
        assert str(Contact.get_by_id(contact.id).birthday) == "1985-06-01"
        set_referral(second.id, referrer_contact_id=contact.id, reward_promised="一次免费培训")
        save_dossier(first.id, credit_code="91440300708461136T")
        assert Referral.get().referrer_contact_id == contact.id
        assert ClientDossier.get().credit_code == "91440300708461136T"
    finally:
        close_database()


def test_the_database_refuses_a_referral_naming_two_referrers_or_itself(db: object) -> None:
    import peewee

    first = Client.create(name="甲")
    second = Client.create(name="乙")
    contact = Contact.create(client=first, name="张三")
    with pytest.raises(peewee.IntegrityError):
        Referral.create(client=second, referrer_client=first, referrer_contact=contact)
    with pytest.raises(peewee.IntegrityError):
        Referral.create(client=second, referrer_client=second)
