"""Load a client's stakeholders for the power map: org tree, role x stance matrix and the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .models import database
from .models.enums import STAKEHOLDER_ROLES, STANCES
from .stakeholder_analysis import Analysis, Stakeholder, analyse


def load_stakeholders(client_id: int, opportunity_id: int | None = None) -> list[Stakeholder]:
    """Alive contacts of the client with their last contact date and previous stance.

    With ``opportunity_id``, only the contacts attached to that opportunity, each with the role they
    hold in that deal.
    """
    role_sql = "k.role"
    join = ""
    params: list[object] = []
    if opportunity_id is not None:
        role_sql = "oc.role"
        join = "JOIN opportunity_contact oc ON oc.contact_id = k.id AND oc.opportunity_id = ?"
        params.append(opportunity_id)
    params.append(client_id)
    sql = f"""
        SELECT k.id, k.name, {role_sql}, k.stance, k.influence, k.reports_to_id, k.title, k.interests,
               (SELECT max(f.happened_at) FROM follow_up_contact fc JOIN follow_up f ON f.id = fc.follow_up_id
                 WHERE fc.contact_id = k.id),
               (SELECT s.old_stance FROM stance_change s WHERE s.contact_id = k.id
                 ORDER BY s.changed_on DESC, s.id DESC LIMIT 1)
        FROM contact k {join}
        WHERE k.client_id = ? AND k.deleted_at IS NULL
        ORDER BY k.id"""
    people = []
    for row in database.execute_sql(sql, params).fetchall():
        last = row[8]
        people.append(
            Stakeholder(
                id=row[0],
                name=row[1],
                role=row[2],
                stance=row[3],
                influence=row[4],
                reports_to_id=row[5],
                title=row[6],
                interests=row[7],
                last_contacted=date.fromisoformat(str(last)[:10]) if last else None,
                previous_stance=row[9],
            )
        )
    alive = {p.id for p in people}
    return [p if p.reports_to_id in alive or p.reports_to_id is None else _without_boss(p) for p in people]


def _without_boss(p: Stakeholder) -> Stakeholder:
    return Stakeholder(**{**p.__dict__, "reports_to_id": None})


@dataclass
class OrgNode:
    person: Stakeholder
    children: list[OrgNode] = field(default_factory=list)


def org_tree(people: list[Stakeholder]) -> list[OrgNode]:
    """The reports-to forest: roots are people whose boss is unknown (or outside the list)."""
    nodes = {p.id: OrgNode(p) for p in people}
    roots: list[OrgNode] = []
    for p in people:
        boss = nodes.get(p.reports_to_id) if p.reports_to_id is not None else None
        if boss is None or _creates_cycle(p.id, nodes):
            roots.append(nodes[p.id])
        else:
            boss.children.append(nodes[p.id])
    return roots


def _creates_cycle(start: int, nodes: dict[int, OrgNode]) -> bool:
    seen = {start}
    current = nodes[start].person.reports_to_id
    while current is not None and current in nodes:
        if current in seen:
            return True
        seen.add(current)
        current = nodes[current].person.reports_to_id
    return False


def role_stance_matrix(people: list[Stakeholder]) -> dict[str, dict[str, list[Stakeholder]]]:
    """role (and "none") -> stance -> people, every cell present."""
    matrix: dict[str, dict[str, list[Stakeholder]]] = {
        role: {stance: [] for stance in STANCES} for role in (*STAKEHOLDER_ROLES, "none")
    }
    for p in people:
        matrix[p.role or "none"].setdefault(p.stance, []).append(p)
    return matrix


def analyse_client(client_id: int, today: date, opportunity_id: int | None = None) -> Analysis:
    return analyse(load_stakeholders(client_id, opportunity_id), today)
