"""Trash, restore and bulk edit of many clients, and the way back of a bulk edit."""

from __future__ import annotations

import pytest

from desktop_crm.errors import NotFoundError
from desktop_crm.models import Client
from desktop_crm.services import client_batches, clients
from desktop_crm.services.users import create_user


@pytest.fixture
def ids(db: object) -> list[int]:
    first = clients.create_client("Acme", grade="B", tag_names=["VIP"])
    second = clients.create_client("Globex", grade="C")
    return [first.id, second.id]


def test_delete_and_restore_all_or_nothing(ids: list[int]) -> None:
    assert client_batches.delete_clients(ids) == 2
    assert all(Client.get_by_id(i).deleted_at is not None for i in ids)
    client_batches.restore_clients(ids)
    assert all(Client.get_by_id(i).deleted_at is None for i in ids)
    with pytest.raises(NotFoundError):
        client_batches.delete_clients([ids[0], 999_999])
    assert Client.get_by_id(ids[0]).deleted_at is None


def test_bulk_edit_and_restore(ids: list[int]) -> None:
    owner = create_user("Wang Fang")
    before = client_batches.bulk_edit_clients(
        ids, change_owner=True, owner_id=owner.id, grade="A", add_tag="Key account"
    )
    assert {Client.get_by_id(i).grade for i in ids} == {"A"}
    assert [t.name for t in clients.get_client_tags(ids[1])] == ["Key account"]
    client_batches.restore_bulk_edit(before)
    assert [Client.get_by_id(i).grade for i in ids] == ["B", "C"]
    assert [Client.get_by_id(i).owner_id for i in ids] == [None, None]
    assert [t.name for t in clients.get_client_tags(ids[0])] == ["VIP"]
    assert clients.get_client_tags(ids[1]) == []
