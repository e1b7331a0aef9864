"""Two machines on one team database save the same client: the later save is refused, also when the
other machine's transaction is still open when ours starts (our check waits for its row lock and then
sees its committed version)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_crm.engine import is_postgres
from desktop_crm.models import Client
from desktop_crm.services import clients
from desktop_crm.services.client_form import ClientInput, edit_client, load_client_form
from desktop_crm.services.common import ChangedMeanwhileError


@pytest.fixture
def other(db: Any) -> Iterator[Any]:
    if not is_postgres(db):
        pytest.skip("about team databases: runs in the --engine postgresql pass")
    from desktop_crm.postgres.connect import TeamDatabase

    second = TeamDatabase(db.crm_url, autoconnect=True)
    second.connect()
    yield second
    second.close()


def _input(snapshot: Any, **changes: Any) -> ClientInput:
    return ClientInput(fields={**snapshot.fields, **changes}, loaded_at=snapshot.updated_at)


def test_a_save_committed_by_another_machine_refuses_ours(db: Any, other: Any) -> None:
    client = clients.create_client("Acme")
    mine = load_client_form(client.id)
    with other.atomic():
        other.execute_sql(
            "UPDATE client SET notes = 'theirs', updated_at = '2099-01-01 00:00:00' WHERE id = ?",
            (client.id,),
        )
    with pytest.raises(ChangedMeanwhileError):
        edit_client(client.id, _input(mine, notes="mine"))
    assert Client.get_by_id(client.id).notes == "theirs"


def test_our_check_waits_for_their_open_transaction_and_sees_its_commit(db: Any, other: Any) -> None:
    client = clients.create_client("Acme")
    mine = load_client_form(client.id)
    outcome: list[BaseException | None] = []
    with other.atomic():
        other.execute_sql(
            "UPDATE client SET notes = 'theirs', updated_at = '2099-01-01 00:00:00' WHERE id = ?",
            (client.id,),
        )

        def save() -> None:  # our window's save, on the database worker
            try:
                edit_client(client.id, _input(mine, notes="mine"))
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001 (handed to the test's thread)
                outcome.append(exc)
            finally:
                from desktop_crm.models import database

                database.close()

        worker = threading.Thread(target=save)
        worker.start()
        time.sleep(0.5)
        assert outcome == []  # waiting for their row lock
    worker.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], ChangedMeanwhileError)
    assert Client.get_by_id(client.id).notes == "theirs"
