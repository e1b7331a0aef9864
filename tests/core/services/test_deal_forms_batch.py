"""Several opportunities moved to one stage together (cards dropped on a Pipeline column): all or none,
and the undo that puts each back with its own probability."""

from __future__ import annotations

import pytest

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.models import Client, Opportunity
from desktop_crm.services.deal_forms import apply_stage_moves, move_opportunities_stage
from desktop_crm.services.deals import close_opportunity, create_opportunity
from desktop_crm.services.stages import stage_probabilities


def stages(*ids: int) -> list[tuple[str, int]]:
    return [(o.stage, o.probability) for o in (Opportunity.get_by_id(i) for i in ids)]


def test_move_several_then_put_each_back(db: object) -> None:
    acme = Client.create(name="Acme")
    a = create_opportunity(acme.id, "A", stage="initial", probability=15).id
    b = create_opportunity(acme.id, "B", stage="needs", probability=35).id
    c = create_opportunity(acme.id, "C", stage="proposal").id
    moves = move_opportunities_stage([a, b, c, a], "proposal")
    proposal = stage_probabilities()["proposal"]
    assert [m.opportunity_id for m in moves] == [a, b]  # C was there already; A's repeat is no move
    assert stages(a, b) == [("proposal", proposal), ("proposal", proposal)]
    apply_stage_moves([m.reversed() for m in moves])
    assert stages(a, b) == [("initial", 15), ("needs", 35)]
    apply_stage_moves(moves)
    assert stages(a, b) == [("proposal", proposal), ("proposal", proposal)]


def test_one_refusal_moves_none(db: object) -> None:
    acme = Client.create(name="Acme")
    a = create_opportunity(acme.id, "A", stage="initial", probability=15).id
    won = close_opportunity(create_opportunity(acme.id, "W", stage="initial").id, True).id
    with pytest.raises(ValidationError) as refused:
        move_opportunities_stage([a, won], "needs")
    assert refused.value.code == "opportunity.closed"
    assert stages(a) == [("initial", 15)]
    with pytest.raises(CrmError):
        move_opportunities_stage([a, 999], "needs")
    with pytest.raises(ValidationError) as not_list:
        move_opportunities_stage("1,2", "needs")
    assert not_list.value.code == "not_a_list"
    assert stages(a) == [("initial", 15)]
