"""Referrals, the dossier and the care settings: what is stored, what is refused (at which field), and
that a refusal leaves nothing half-saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_crm.care_read import (
    care_settings,
    dossier_of,
    referral_of,
    referred_by_client,
    referred_by_contact,
)
from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, Contact
from desktop_crm.models.care import ClientDossier, DossierNote, Referral
from desktop_crm.services.care_settings import set_care_settings
from desktop_crm.services.clients import delete_client
from desktop_crm.services.dossier import (
    add_dossier_note,
    delete_dossier_note,
    save_dossier,
    update_dossier_note,
)
from desktop_crm.services.referrals import clear_referral, set_referral
from desktop_crm.services.stakeholders import create_contact, update_contact


@pytest.fixture
def three(db: object) -> tuple[Client, Client, Contact]:
    a = Client.create(name="杭州云帆科技有限公司", phone="0571-88880000")
    b = Client.create(name="苏州恒达机械有限公司")
    li = create_contact(a.id, "李娜", email="li.na@yunfan.cn", phone="13800000001")
    return a, b, li


def _refused(code: str, field: str | None, call: object, *args: object, **kwargs: object) -> None:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    assert (caught.value.code, caught.value.field) == (code, field)


def test_a_client_or_a_contact_refers_a_client(three: tuple[Client, Client, Contact], clock: object) -> None:
    a, b, li = three
    set_referral(b.id, referrer_client_id=a.id, reward_promised="购物卡", reward_promised_cents=50_000)
    view = referral_of(b.id)
    assert view is not None and view.referrer_name == a.name and view.reward_promised_cents == 50_000
    assert [r.name for r in referred_by_client(a.id)] == [b.name]
    # replaced by a contact of A: still listed on A's page, and on the contact
    given_on = clock.today() - timedelta(days=2)  # type: ignore[attr-defined]
    set_referral(b.id, referrer_contact_id=li.id, reward_given="购物卡", reward_given_cents=50_000,
                 reward_given_on=given_on)  # fmt: skip
    assert Referral.select().count() == 1
    view = referral_of(b.id)
    assert (
        view is not None
        and view.referrer_name == f"李娜 · {a.name}"
        and view.referrer_owner_client_id == a.id
    )
    assert view.reward_given_on == given_on
    assert [(r.name, r.via_contact) for r in referred_by_client(a.id)] == [(b.name, "李娜")]
    assert [r.name for r in referred_by_contact(li.id)] == [b.name]
    clear_referral(b.id)
    assert referral_of(b.id) is None
    with pytest.raises(NotFoundError):
        clear_referral(b.id)


def test_bad_referrals_are_refused_at_their_field(
    three: tuple[Client, Client, Contact], clock: object
) -> None:
    a, b, li = three
    _refused("referral.self", "referrer", set_referral, a.id, referrer_client_id=a.id)
    _refused("referral.own_contact", "referrer", set_referral, a.id, referrer_contact_id=li.id)
    _refused("referral.no_referrer", "referrer", set_referral, b.id)
    _refused("referral.two_referrers", "referrer", set_referral, b.id, referrer_client_id=a.id,
             referrer_contact_id=li.id)  # fmt: skip
    _refused("record.missing", "referrer", set_referral, b.id, referrer_client_id=999)
    _refused("negative", "reward_promised_cents", set_referral, b.id, referrer_client_id=a.id,
             reward_promised_cents=-1)  # fmt: skip
    _refused("referral.given_on_without_reward", "reward_given_on", set_referral, b.id,
             referrer_client_id=a.id, reward_given_on=clock.today())  # type: ignore[attr-defined]  # fmt: skip
    tomorrow = clock.today() + timedelta(days=1)  # type: ignore[attr-defined]
    _refused("referral.date_in_future", "reward_given_on", set_referral, b.id, referrer_client_id=a.id,
             reward_given="礼品", reward_given_on=tomorrow)  # fmt: skip
    delete_client(a.id)
    _refused("record.deleted", "referrer", set_referral, b.id, referrer_client_id=a.id)
    assert Referral.select().count() == 0  # nothing half-saved


def test_the_dossier_keeps_registration_facts(three: tuple[Client, Client, Contact]) -> None:
    a, b, _li = three
    save_dossier(a.id, credit_code="9144 0300 7084 6113 6t", legal_representative="马化腾",
                 registered_capital_cents=6_500_000_000, founded_on="1998-11-11", business_scope="软件开发",
                 headcount_band="1000_plus", revenue_band="1b_plus")  # fmt: skip
    save_dossier(a.id, legal_representative="张三")  # the other facts keep their values
    d = dossier_of(a.id)
    assert d is not None
    assert (d.credit_code, d.legal_representative, d.registered_capital_cents) == (
        "91440300708461136T",
        "张三",
        6_500_000_000,
    )
    assert (d.founded_on, d.headcount_band, d.revenue_band) == (date(1998, 11, 11), "1000_plus", "1b_plus")
    assert d.phones == [(a.name, "0571-88880000"), ("李娜", "13800000001")]
    assert d.emails == [("李娜", "li.na@yunfan.cn")]
    empty = dossier_of(b.id)
    assert empty is not None and empty.credit_code == "" and empty.notes == []
    save_dossier(a.id, credit_code="")  # a code can be cleared
    assert ClientDossier.get().credit_code == ""


def test_bad_dossier_facts_are_refused(three: tuple[Client, Client, Contact], clock: object) -> None:
    a, b, _li = three
    save_dossier(a.id, credit_code="914403001922038216")
    _refused("dossier.credit_code_check", "credit_code", save_dossier, b.id, credit_code="914403001922038217")
    _refused("dossier.credit_code_length", "credit_code", save_dossier, b.id, credit_code="91440300192203821")
    _refused(
        "dossier.credit_code_character", "credit_code", save_dossier, b.id, credit_code="9144030019220382IO"
    )
    _refused("dossier.credit_code_taken", "credit_code", save_dossier, b.id, credit_code="914403001922038216")
    tomorrow = clock.today() + timedelta(days=1)  # type: ignore[attr-defined]
    _refused("dossier.date_in_future", "founded_on", save_dossier, b.id, founded_on=tomorrow)
    _refused("unknown_value", "headcount_band", save_dossier, b.id, headcount_band="huge")
    _refused("negative", "registered_capital_cents", save_dossier, b.id, registered_capital_cents=-5)
    # one bad fact refuses the whole save
    _refused("dossier.credit_code_check", "credit_code", save_dossier, b.id, legal_representative="王五",
             credit_code="91440300708461136X")  # fmt: skip
    assert ClientDossier.select().where(ClientDossier.client == b.id).count() == 0


def test_public_information_notes(three: tuple[Client, Client, Contact], clock: object) -> None:
    a, _b, _li = three
    today = clock.today()  # type: ignore[attr-defined]
    first = add_dossier_note(a.id, today - timedelta(days=30), "中标市政项目", "招投标公告")
    add_dossier_note(a.id, today, "新厂区开工")
    d = dossier_of(a.id)
    assert d is not None and [n.text for n in d.notes] == ["新厂区开工", "中标市政项目"]  # newest first
    update_dossier_note(first.id, today - timedelta(days=29), "中标市政项目（二期）", "政府采购网")
    assert DossierNote.get_by_id(first.id).source == "政府采购网"
    _refused("required", "text", add_dossier_note, a.id, today, "  ")
    _refused("dossier.date_in_future", "noted_on", add_dossier_note, a.id, today + timedelta(days=1), "x")
    delete_dossier_note(first.id)
    with pytest.raises(NotFoundError):
        delete_dossier_note(first.id)
    assert DossierNote.select().count() == 1


def test_contact_birthday(three: tuple[Client, Client, Contact], clock: object) -> None:
    _a, _b, li = three
    update_contact(li.id, birthday="1988-02-29")
    assert Contact.get_by_id(li.id).birthday == date(1988, 2, 29)
    tomorrow = clock.today() + timedelta(days=1)  # type: ignore[attr-defined]
    _refused("dossier.date_in_future", "birthday", update_contact, li.id, birthday=tomorrow)
    _refused("not_a_date", "birthday", update_contact, li.id, birthday="31/12/1980")
    update_contact(li.id, birthday=None)
    assert Contact.get_by_id(li.id).birthday is None


def test_care_settings(db: object) -> None:
    assert (care_settings().signed_months, care_settings().quiet_months) == (6, 3)
    set_care_settings(12, 2, "https://www.bing.com/search?q={query}")
    assert care_settings().search_url == "https://www.bing.com/search?q={query}"
    assert (care_settings().signed_months, care_settings().quiet_months) == (12, 2)
    _refused("care.months_range", "signed_months", set_care_settings, 0, 2, "https://x/?q={query}")
    _refused("care.months_range", "quiet_months", set_care_settings, 6, 500, "https://x/?q={query}")
    _refused("care.search_url", "search_url", set_care_settings, 6, 3, "https://x/?q=")
    _refused("care.search_url", "search_url", set_care_settings, 6, 3, "file:///etc/passwd?{query}")
    assert care_settings().signed_months == 12
