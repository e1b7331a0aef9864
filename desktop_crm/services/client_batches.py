"""Use cases on several clients at once, each all or nothing: move to the trash, restore, bulk edit,
and the undo of a bulk edit (every client's owner, grade and categories put back)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..models import Client
from . import clients
from .common import all_unchanged_since, require_list, transactional, version_of


@dataclass(frozen=True)
class ClientValues:
    """What a bulk edit may change on one client, as it was; ``saved_at``: the client's version once the
    edit saved it (what the edit's undo expects to find)."""

    owner_id: int | None
    grade: str
    tag_names: list[str]
    saved_at: Any = field(default=None, compare=False)


def _ids(client_ids: Iterable[Any]) -> list[Any]:
    return require_list(client_ids, "client_ids", "Client", clients.MAX_BULK)


@transactional
def delete_clients(client_ids: Iterable[Any]) -> int:
    """Move the clients to the trash (soft delete); returns how many."""
    ids = _ids(client_ids)
    for client_id in ids:
        clients.delete_client(client_id)
    return len(ids)


@transactional
def restore_clients(client_ids: Iterable[Any]) -> int:
    """Bring the clients back from the trash; returns how many."""
    ids = _ids(client_ids)
    for client_id in ids:
        clients.restore_client(client_id)
    return len(ids)


@transactional
def bulk_edit_clients(
    client_ids: Iterable[Any],
    *,
    change_owner: bool = False,
    owner_id: Any = None,
    grade: str | None = None,
    add_tag: str | None = None,
    left_at: Mapping[int, Any] | None = None,
) -> dict[int, ClientValues]:
    """Set the owner (when ``change_owner``; None = no owner), the grade and/or add a category on many
    clients; returns each client's values from before, for :func:`restore_bulk_edit`. ``left_at`` (a
    redo): {client id: the version the undo left}; a client saved by someone since refuses the whole
    edit (``record.changed_after_yours``)."""
    ids = _ids(client_ids)
    before: dict[int, ClientValues] = {}
    for client_id in ids:
        client = clients.get_client(client_id)
        tags = [t.name for t in clients.get_client_tags(client.id)]
        before[int(client.id)] = ClientValues(client.owner_id, client.grade, tags)  # type: ignore[attr-defined]
    kwargs: dict[str, Any] = {"grade": grade, "add_tag": add_tag or None}
    if change_owner:
        kwargs["owner_id"] = owner_id
    with all_unchanged_since(Client, left_at, "Client"):
        clients.bulk_update_clients(ids, **kwargs)
    return {cid: replace(values, saved_at=version_of(Client, cid)) for cid, values in before.items()}


@transactional
def restore_bulk_edit(
    before: dict[int, ClientValues], *, owner: bool = True, tags: bool = True, check: bool = False
) -> dict[int, Any]:
    """Put back what :func:`bulk_edit_clients` returned: the grade always, the owner and the categories
    when the edit changed them. Returns each client's version afterwards. ``check`` (an undo): a client
    saved by someone since the edit (no longer at its ``saved_at``) refuses the whole undo
    (``record.changed_after_yours``)."""
    expected = {cid: values.saved_at for cid, values in before.items()} if check else None
    with all_unchanged_since(Client, expected, "Client"):
        for client_id, values in before.items():
            changes: dict[str, Any] = {"grade": values.grade}
            if owner:
                changes["owner_id"] = values.owner_id
            if tags:
                changes["tag_names"] = values.tag_names
            clients.update_client(client_id, **changes)
    return {cid: version_of(Client, cid) for cid in before}
