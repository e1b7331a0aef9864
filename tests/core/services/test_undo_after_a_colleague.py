"""An undo (or redo) never silently overwrites someone else's change: two connections on the same database
(a colleague on the team database, another window on a file), A changes a record, B saves it after A,
A's undo is refused (``record.changed_after_yours``) and B's change stays. Without B the undo and redo
go through, each step handing its version to the next."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest

from desktop_crm.db import open_database
from desktop_crm.errors import NotFoundError
from desktop_crm.models import Client, Opportunity, Payment, database
from desktop_crm.services import client_batches, clients, deals
from desktop_crm.services.client_form import ClientInput, edit_client, load_client_form, restore_client_fields
from desktop_crm.services.common import ChangedMeanwhileError
from desktop_crm.services.deal_forms import (
    OpportunityInput,
    apply_stage_moves,
    move_opportunities_stage,
    move_opportunity_stage,
    save_opportunity,
)
from desktop_crm.services.payments import delete_payment, record_payment


@pytest.fixture
def colleague(db: Any, db_path: Any) -> Iterator[Callable[[], Any]]:
    """``with colleague():`` runs the services on a second connection to the same database."""
    mine = database.obj
    other = open_database(getattr(db, "crm_url", None) or db_path)  # binds the models to it...
    database.initialize(mine)  # ...and back to ours

    @contextmanager
    def acting() -> Iterator[None]:
        database.initialize(other)
        try:
            yield
        finally:
            database.initialize(mine)

    yield acting
    other.close()


def _form(snapshot: Any, **changes: Any) -> ClientInput:
    return ClientInput(
        fields={**snapshot.fields, **changes},
        tag_names=list(snapshot.tag_names),
        milestones=list(snapshot.milestones),
        loaded_at=snapshot.updated_at,
    )


def _refused(caught: pytest.ExceptionInfo[ChangedMeanwhileError], label: str) -> None:
    error = caught.value
    assert error.code == "record.changed_after_yours" and error.params["label"] == label
    assert "was changed by someone else after your change" in error.message
    assert "so nothing was changed" in error.message


def test_the_undo_of_a_client_edit_keeps_a_colleague_s_later_save(db: object, colleague: Any) -> None:
    client = clients.create_client("Acme", phone="010-1234", notes="first")
    edit = edit_client(client.id, _form(load_client_form(client.id), phone="021-9999"))  # A
    with colleague():  # B, on another computer, opens the client after A's save and saves it
        edit_client(client.id, _form(load_client_form(client.id), notes="theirs"))
    with pytest.raises(ChangedMeanwhileError) as caught:  # A: Edit → Undo
        restore_client_fields(client.id, edit.before, left_at=edit.after.updated_at)
    _refused(caught, "Client")
    stored = Client.get_by_id(client.id)
    assert (stored.phone, stored.notes) == ("021-9999", "theirs")  # B's change stays, A's edit too


def test_undo_and_redo_of_a_client_edit_go_through_when_nobody_saved_meanwhile(db: object) -> None:
    client = clients.create_client("Acme", phone="010-1234")
    edit = edit_client(client.id, _form(load_client_form(client.id), phone="021-9999"))
    version = edit.after.updated_at
    for snapshot, phone in ((edit.before, "010-1234"), (edit.after, "021-9999"), (edit.before, "010-1234")):
        version = restore_client_fields(client.id, snapshot, left_at=version)  # undo, redo, undo
        assert Client.get_by_id(client.id).phone == phone
    with pytest.raises(ChangedMeanwhileError):  # a stale version (a step skipped) is refused
        restore_client_fields(client.id, edit.after, left_at=edit.after.updated_at)


def test_the_undo_of_a_stage_move_keeps_a_colleague_s_later_save(db: object, colleague: Any) -> None:
    acme = clients.create_client("Acme")
    opp = deals.create_opportunity(acme.id, "ERP rollout", stage="initial", probability=15)
    move = move_opportunity_stage(opp.id, "negotiation")  # A
    with colleague():  # B raises the amount in the opportunity dialog
        loaded = Opportunity.get_by_id(opp.id)
        save_opportunity(
            opp.id,
            OpportunityInput(
                acme.id,
                loaded.name,
                None,
                loaded.stage,
                loaded.probability,
                900_000,
                None,
                loaded_at=loaded.updated_at,
            ),
        )
    with pytest.raises(ChangedMeanwhileError) as caught:
        move_opportunity_stage(opp.id, move.from_stage, move.from_probability, left_at=move.version)
    _refused(caught, "Opportunity")
    stored = Opportunity.get_by_id(opp.id)
    assert (stored.stage, stored.expected_amount_cents) == ("negotiation", 900_000)
    back = move_opportunity_stage(opp.id, move.from_stage, move.from_probability, left_at=stored.updated_at)
    assert (
        Opportunity.get_by_id(opp.id).stage == "initial"
        and back.version == Opportunity.get_by_id(opp.id).updated_at
    )


def test_the_undo_of_several_moves_is_refused_whole_when_one_was_saved_since(
    db: object, colleague: Any
) -> None:
    acme = clients.create_client("Acme")
    a = deals.create_opportunity(acme.id, "A", stage="initial", probability=15).id
    b = deals.create_opportunity(acme.id, "B", stage="needs", probability=35).id
    moves = move_opportunities_stage([a, b], "proposal")
    versions = {m.opportunity_id: m.version for m in moves}
    with colleague():
        move_opportunity_stage(b, "negotiation")  # B moves one of them on
    with pytest.raises(ChangedMeanwhileError):
        apply_stage_moves([m.reversed() for m in moves], left_at=versions)
    assert [Opportunity.get_by_id(i).stage for i in (a, b)] == ["proposal", "negotiation"]  # none moved back
    # without a colleague: undo then redo, each with the versions the step before left
    moves = move_opportunities_stage([a], "initial")
    undone = apply_stage_moves(
        [m.reversed() for m in moves], left_at={m.opportunity_id: m.version for m in moves}
    )
    assert Opportunity.get_by_id(a).stage == "proposal"
    apply_stage_moves(moves, left_at={m.opportunity_id: m.version for m in undone})
    assert Opportunity.get_by_id(a).stage == "initial"


def test_the_undo_of_a_bulk_edit_keeps_a_colleague_s_later_save(db: object, colleague: Any) -> None:
    ids = [clients.create_client(name, grade="B").id for name in ("Acme", "Globex")]
    before = client_batches.bulk_edit_clients(ids, grade="A")  # A
    with colleague():
        edit_client(ids[1], _form(load_client_form(ids[1]), notes="theirs"))
    with pytest.raises(ChangedMeanwhileError) as caught:
        client_batches.restore_bulk_edit(before, owner=False, tags=False, check=True)
    _refused(caught, "Client")
    assert [Client.get_by_id(i).grade for i in ids] == ["A", "A"]  # nothing put back, on either client
    assert Client.get_by_id(ids[1]).notes == "theirs"
    # undone when nobody saved since, and redone with the versions the undo left
    before = client_batches.bulk_edit_clients(ids, grade="C")
    undone_at = client_batches.restore_bulk_edit(before, owner=False, tags=False, check=True)
    assert [Client.get_by_id(i).grade for i in ids] == ["A", "A"]
    client_batches.bulk_edit_clients(ids, grade="C", left_at=undone_at)
    assert [Client.get_by_id(i).grade for i in ids] == ["C", "C"]


def test_the_undo_of_a_payment_keeps_a_payment_changed_since(db: object, colleague: Any) -> None:
    acme = clients.create_client("Acme")
    won = deals.close_opportunity(
        deals.create_opportunity(acme.id, "Line 2", expected_amount_cents=2_000_000).id, True
    )
    contract = deals.create_contract(acme.id, 2_000_000, date(2026, 1, 5), won.id)
    payment = record_payment(contract.id, 870_000, date(2026, 2, 1))  # A
    with colleague():  # B corrects the note on the payment
        changed = Payment.get_by_id(payment.id)
        changed.note = "bank slip 0042"
        changed.save()
    with pytest.raises(ChangedMeanwhileError) as caught:
        delete_payment(payment.id, left_at=payment.updated_at)
    _refused(caught, "Payment")
    assert Payment.get_by_id(payment.id).note == "bank slip 0042"
    with colleague():
        delete_payment(payment.id)  # B deletes it: A's undo names it as gone
    with pytest.raises(NotFoundError):
        delete_payment(payment.id, left_at=payment.updated_at)
    again = record_payment(contract.id, 100_000, date(2026, 2, 2))
    delete_payment(again.id, left_at=again.updated_at)  # unchanged: the undo goes through
    assert Payment.select().count() == 0
