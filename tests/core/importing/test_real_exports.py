"""Files shaped like real exports of other CRMs import without hand mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_crm.importing import prepare, read_table, run_import, suggest_mapping
from desktop_crm.models import Client, Contact, Opportunity
from desktop_crm.services.clients import create_client


def _file(tmp_path: Path, text: str, encoding: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_wukong_crm_clients_gbk(team: dict[str, int], tmp_path: Path) -> None:
    text = (
        "客户名称,客户级别,客户来源,手机,电话,网址,下次联系时间,备注,负责人,创建人,创建时间,成交状态,详细地址,客户行业\r\n"
        "苏州恒达机械有限公司,A（重点客户）,促销活动,13912345678,0512-66668888,www.hengda.cn,2030-05-06 09:30:00,老客户介绍,王磊,王磊,2025-01-02 10:00:00,已成交,苏州工业园区星湖街1号,制造业\r\n"
        "杭州云栖科技,C（非优先客户）,搜索引擎,,,,,,陈静,陈静,2025-02-03 11:00:00,未成交,,软件\r\n"
    )
    table = read_table(_file(tmp_path, text, "gbk"))
    mapping = suggest_mapping("clients", table.headers)
    assert {table.headers[c]: k for c, k in mapping.items()} == {
        "客户名称": "name", "客户级别": "grade", "客户来源": "source", "电话": "phone", "网址": "website",
        "下次联系时间": "next_contact", "备注": "notes", "负责人": "owner", "详细地址": "address",
        "客户行业": "industry",
    }  # fmt: skip
    result = run_import("clients", table, mapping)
    assert result.created == 2
    assert sorted(Client.select(Client.grade).tuples()) == [("A",), ("C",)]


def test_hubspot_companies_semicolon_utf8(team: dict[str, int], tmp_path: Path) -> None:
    text = (
        "\ufeffRecord ID;Company name;Company Domain Name;Phone Number;City;Industry;Company owner;Lifecycle Stage;Create Date\n"
        "1001;Acme GmbH;acme.de;+49 30 123456;Berlin;Machinery;陈静;salesqualifiedlead;2025-11-02 10:04\n"
        "1002;Globex;globex.com;;Springfield;;;customer;2025-11-03 08:00\n"
    )
    table = read_table(_file(tmp_path, text, "utf-8"))
    assert table.delimiter == ";" and table.encoding == "utf-8-sig"
    mapping = suggest_mapping("clients", table.headers)
    named = {table.headers[c]: k for c, k in mapping.items()}
    assert named == {
        "Company name": "name", "Company Domain Name": "website", "Phone Number": "phone", "City": "region",
        "Industry": "industry", "Company owner": "owner", "Lifecycle Stage": "status",
    }  # fmt: skip
    run_import("clients", table, mapping)
    assert Client.get(Client.name == "Acme GmbH").status == "prospect"
    assert Client.get(Client.name == "Globex").status == "customer"


def test_salesforce_contacts_and_opportunities(team: dict[str, int], tmp_path: Path, clock: Any) -> None:
    create_client("Acme Ltd")
    contacts = (
        '"First Name","Last Name","Title","Account Name","Phone","Mobile","Email","Mailing City","Contact Owner"\n'
        '"Ada","Lovelace","CTO","Acme Ltd","+44 20 7946 0000","","ada@acme.test","London","王磊"\n'
    )
    table = read_table(_file(tmp_path, contacts, "utf-8", "contacts.csv"))
    mapping = suggest_mapping("contacts", table.headers)
    assert run_import("contacts", table, mapping).created == 1
    ada = Contact.get()
    assert (ada.name, ada.title, ada.email, ada.phone) == (
        "Ada Lovelace",
        "CTO",
        "ada@acme.test",
        "+44 20 7946 0000",
    )
    opps = (
        "Opportunity Name\tAccount Name\tStage\tAmount\tProbability (%)\tClose Date\tOpportunity Owner\n"
        "Acme renewal\tAcme Ltd\tValue Proposition\t$12,500.00\t50%\t3/31/2030\t陈静\n"
        "Acme lost deal\tAcme Ltd\tClosed Lost\t1.200,00\t0\t1/15/2025\t\n"
    )
    table = read_table(_file(tmp_path, opps, "utf-16", "opps.csv"))
    assert table.delimiter == "\t"
    mapping = suggest_mapping("opportunities", table.headers)
    preview = prepare("opportunities", table, mapping)
    assert preview.ok, [p.message for p in preview.all_problems()]
    run_import("opportunities", table, mapping)
    renewal = Opportunity.get(Opportunity.name == "Acme renewal")
    assert (renewal.stage, renewal.probability, renewal.expected_amount_cents) == ("proposal", 50, 1250000)
    assert str(renewal.expected_close_date) == "2030-03-31" and renewal.owner_id == team["陈静"]
    lost = Opportunity.get(Opportunity.name == "Acme lost deal")
    assert (lost.stage, lost.expected_amount_cents) == ("lost", 120000)


def test_google_contacts_export(team: dict[str, int], tmp_path: Path) -> None:
    """Google Contacts' CSV: numbered groups ("Organization 1 - Name", "Phone 1 - Value")."""
    create_client("Acme Ltd")
    text = (
        "Name,Given Name,Family Name,Organization 1 - Name,Organization 1 - Title,"
        "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\n"
        "Ada Lovelace,Ada,Lovelace,Acme Ltd,CTO,* Work,ada@acme.test,Mobile,+44 7700 900000\n"
    )
    table = read_table(_file(tmp_path, text, "utf-8"))
    mapping = suggest_mapping("contacts", table.headers)
    assert {table.headers[c]: k for c, k in mapping.items()} == {
        "Name": "name", "Organization 1 - Name": "client", "Organization 1 - Title": "title",
        "E-mail 1 - Value": "email", "Phone 1 - Value": "phone",
    }  # fmt: skip
    assert run_import("contacts", table, mapping).created == 1
    ada = Contact.get()
    assert (ada.name, ada.title, ada.email, ada.phone) == (
        "Ada Lovelace",
        "CTO",
        "ada@acme.test",
        "+44 7700 900000",
    )


def test_pipedrive_organizations_people_and_deals(team: dict[str, int], tmp_path: Path) -> None:
    """Pipedrive prefixes every header with its record type ("Organization - Name", "Deal - Value")."""
    organizations = (
        "Organization - ID,Organization - Name,Organization - Owner,Organization - Address,Organization - Label\n"
        "7,Initech GmbH,陈静,Hauptstraße 1 Berlin,Hot\n"
    )
    table = read_table(_file(tmp_path, organizations, "utf-8", "organizations.csv"))
    mapping = suggest_mapping("clients", table.headers)
    assert {table.headers[c]: k for c, k in mapping.items()} == {
        "Organization - Name": "name", "Organization - Owner": "owner", "Organization - Address": "address",
    }  # fmt: skip
    assert run_import("clients", table, mapping).created == 1
    people = (
        "Person - Name,Person - Organization,Person - Phone,Person - Email,Person - Job title\n"
        "Peter Gibbons,Initech GmbH,+49 30 5555,peter@initech.test,Engineer\n"
    )
    table = read_table(_file(tmp_path, people, "utf-8", "people.csv"))
    mapping = suggest_mapping("contacts", table.headers)
    assert sorted(mapping.values()) == ["client", "email", "name", "phone", "title"]
    assert run_import("contacts", table, mapping).created == 1
    deals = (
        "Deal - Title,Deal - Organization,Deal - Value,Deal - Stage,Deal - Expected close date,Deal - Owner\n"
        'Initech ERP,Initech GmbH,"€12,000.00",Proposal Made,2030-06-30,陈静\n'
    )
    table = read_table(_file(tmp_path, deals, "utf-8", "deals.csv"))
    mapping = suggest_mapping("opportunities", table.headers)
    assert {table.headers[c]: k for c, k in mapping.items()} == {
        "Deal - Title": "name", "Deal - Organization": "client", "Deal - Value": "expected_amount_cents",
        "Deal - Stage": "stage", "Deal - Expected close date": "expected_close_date", "Deal - Owner": "owner",
    }  # fmt: skip
    preview = prepare("opportunities", table, mapping)
    assert preview.ok, [p.message for p in preview.all_problems()]
    run_import("opportunities", table, mapping)
    deal = Opportunity.get(Opportunity.name == "Initech ERP")
    assert (deal.stage, deal.expected_amount_cents, deal.owner_id) == ("proposal", 1_200_000, team["陈静"])


def test_chinese_crm_opportunity_amount_headers() -> None:
    for header in ("预计销售金额", "销售金额"):
        assert suggest_mapping("opportunities", ["商机名称", "客户名称", header]) == {
            0: "name",
            1: "client",
            2: "expected_amount_cents",
        }
