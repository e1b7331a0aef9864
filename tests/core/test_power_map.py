"""Loading stakeholders from the database: last contact, stance trend, opportunity roles, org tree."""

from __future__ import annotations

from datetime import date

from desktop_crm.models import (
    Client,
    Contact,
    FollowUp,
    FollowUpContact,
    Opportunity,
    OpportunityContact,
    StanceChange,
    now,
)
from desktop_crm.power_map import analyse_client, load_stakeholders, org_tree, role_stance_matrix


def test_load_org_tree_matrix_and_opportunity_roles(db: object) -> None:
    client = Client.create(name="深圳华信电子有限公司")
    boss = Contact.create(client=client, name="张总", role="approver", stance="supporter", influence="high")
    cto = Contact.create(client=client, name="李工", role="evaluator", stance="neutral", reports_to=boss)
    user = Contact.create(client=client, name="王芳", role="user", stance="ally", reports_to=cto)
    gone = Contact.create(client=client, name="已离职", role="user", stance="opponent", deleted_at=now())
    StanceChange.create(contact=cto, changed_on="2026-10-01", old_stance="supporter", new_stance="neutral")
    visit = FollowUp.create(client=client, channel="visit", happened_at="2026-11-02 10:00:00")
    FollowUpContact.create(follow_up=visit, contact=user)
    opp = Opportunity.create(client=client, name="MES 二期")
    OpportunityContact.create(opportunity=opp, contact=cto, role="decision_maker")

    people = load_stakeholders(client.id)
    assert [p.name for p in people] == ["张总", "李工", "王芳"]
    by_name = {p.name: p for p in people}
    assert by_name["王芳"].last_contacted == date(2026, 11, 2)
    assert by_name["李工"].previous_stance == "supporter"
    assert gone.id not in {p.id for p in people}

    roots = org_tree(people)
    assert [r.person.name for r in roots] == ["张总"]
    assert roots[0].children[0].person.name == "李工"
    assert roots[0].children[0].children[0].person.name == "王芳"

    matrix = role_stance_matrix(people)
    assert [p.name for p in matrix["evaluator"]["neutral"]] == ["李工"]
    assert matrix["decision_maker"]["ally"] == []

    in_deal = load_stakeholders(client.id, opportunity_id=opp.id)
    assert [(p.name, p.role) for p in in_deal] == [("李工", "decision_maker")]
    assert in_deal[0].reports_to_id is None  # the boss is not part of this deal

    analysis = analyse_client(client.id, date(2026, 11, 20))
    assert [pl.stakeholder.name for pl in analysis.potential_opposition] == ["李工"]
    assert "no_coach" in [f.key for f in analysis.flags]


def test_reporting_cycle_does_not_hang(db: object) -> None:
    client = Client.create(name="cycle")
    a = Contact.create(client=client, name="A")
    b = Contact.create(client=client, name="B", reports_to=a)
    a.reports_to = b
    a.save()
    roots = org_tree(load_stakeholders(client.id))
    assert sorted(r.person.name for r in roots) == ["A", "B"]
