"""The client editor's use cases: load a client as the form shows it, save the whole form, and put a
client's fields back as they were before an edit (the undo of an edit).

Every write of one save (client fields, categories, custom values, milestones) runs in one transaction,
so a refusal anywhere leaves the database as it was. Errors name the form's key of the input: client
field names, ``custom:<field id>`` and ``milestone:<row>:<title|due_date|done_date>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models import Client, ClientMilestone
from . import clients, custom_fields
from .common import fk_id, transactional, unchanged_since, version_of

CLIENT_TEXT_FIELDS = (
    "name",
    "short_name",
    "phone",
    "website",
    "address",
    "industry",
    "region",
    "source",
    "notes",
)


@dataclass
class MilestoneInput:
    """One milestone row as typed: ``id`` is None for a new milestone."""

    id: int | None
    title: str
    due_date: date | None
    done_date: date | None


@dataclass
class ClientInput:
    """Everything the editor collected, ready for :func:`save_client`."""

    fields: dict[str, Any]  # client fields (name, phone, …, owner_id), as the services take them
    tag_names: list[str] = field(default_factory=list)
    custom_values: dict[int, Any] = field(default_factory=dict)  # {custom field id: value}
    milestones: list[MilestoneInput] = field(default_factory=list)
    removed_milestone_ids: list[int] = field(default_factory=list)
    # the client's ``updated_at`` when the form loaded it (``ClientSnapshot.updated_at``): a save after
    # someone else's is refused (``record.changed_meanwhile``); None: not checked
    loaded_at: Any = None


@dataclass
class ClientSnapshot:
    """A client as the editor shows it (and as an undo puts it back)."""

    fields: dict[str, Any]
    owner_name: str
    owner_active: bool
    tag_names: list[str]
    custom_values: dict[str, Any]  # {custom field name: value} of the fields that have a value
    milestones: list[MilestoneInput]
    updated_at: Any = None  # the record's version as loaded (see ``ClientInput.loaded_at``)


def custom_key(field_id: int) -> str:
    """The form's key of a custom field's input (service errors name custom fields by their name)."""
    return f"custom:{field_id}"


def milestone_key(row: int, name: str) -> str:
    """The form's key of one input of the milestone in ``row``."""
    return f"milestone:{row}:{name}"


def needs_duplicate_check(loaded: ClientSnapshot | None, name: str, phone: str) -> bool:
    """A new client, or a changed name (ignoring case and spaces) or phone, is checked for duplicates."""
    if loaded is None:
        return True
    before = loaded.fields

    def key(text: str) -> str:
        return "".join(text.split()).casefold()

    return key(name) != key(before["name"]) or phone.strip() != before["phone"].strip()


def load_client_form(client_id: Any) -> ClientSnapshot:
    """The client as the editor shows it; raises ``NotFoundError`` for a missing or deleted client."""
    client = clients.get_client(client_id)
    values: dict[str, Any] = {key: getattr(client, key) for key in CLIENT_TEXT_FIELDS}
    values.update(
        status=client.status,
        value_verdict=client.value_verdict,
        grade=client.grade,
        expected_sign_date=client.expected_sign_date,
        expected_amount_cents=client.expected_amount_cents,
        owner_id=fk_id(client, "owner"),
    )
    owner = client.owner
    milestones = [
        MilestoneInput(m.id, m.title, m.due_date, m.done_date)
        for m in ClientMilestone.select()
        .where(ClientMilestone.client == client.id)
        .order_by(ClientMilestone.position, ClientMilestone.id)
    ]
    return ClientSnapshot(
        fields=values,
        owner_name=owner.name if owner is not None else "",
        owner_active=bool(owner.active) if owner is not None else True,
        tag_names=[tag.name for tag in clients.get_client_tags(client.id)],
        custom_values=custom_fields.get_custom_values(client.id),
        milestones=milestones,
        updated_at=client.updated_at,
    )


def _save_custom_values(client_id: int, values: dict[int, Any]) -> None:
    for field_id, value in values.items():
        try:
            custom_fields.set_custom_value(client_id, field_id, value)
        except ValidationError as error:
            raise error.at(custom_key(field_id)) from None


def _save_milestones(client_id: int, milestones: list[MilestoneInput], removed_ids: list[int]) -> None:
    for milestone_id in removed_ids:
        clients.delete_milestone(milestone_id)
    for row, milestone in enumerate(milestones):
        values: dict[str, Any] = {
            "title": milestone.title,
            "due_date": milestone.due_date,
            "done_date": milestone.done_date,
        }
        try:
            if milestone.id is None:
                clients.add_milestone(client_id, position=row, **values)
            else:
                clients.update_milestone(milestone.id, position=row, **values)
        except ValidationError as error:
            key = error.field if error.field in values else "title"
            raise error.at(milestone_key(row, key)) from None


@transactional
def save_client(client_id: int | None, data: ClientInput) -> int:
    """Create (``client_id`` None) or update the client with everything of the form; returns its id.
    Raises ``CrmError``; nothing is saved then."""
    fields = dict(data.fields)
    # an edit: refused when someone else saved the client after the form loaded it
    loaded_at = data.loaded_at if client_id is not None else None
    with unchanged_since(Client, client_id, loaded_at, "Client"):
        if client_id is None:
            name = fields.pop("name", "")
            client = clients.create_client(name, tag_names=data.tag_names, **fields)
        else:
            client = clients.update_client(client_id, tag_names=data.tag_names, **fields)
        _save_custom_values(client.id, data.custom_values)
        _save_milestones(client.id, data.milestones, data.removed_milestone_ids)
    return int(client.id)


@dataclass(frozen=True)
class ClientEdit:
    """What an edit changed: the client as it was just before and just after (for undo and redo)."""

    client_id: int
    before: ClientSnapshot
    after: ClientSnapshot


@transactional
def edit_client(client_id: Any, data: ClientInput) -> ClientEdit:
    """Save the form over an existing client; returns the client before and after (in the same
    transaction, so nothing can slip in between). Raises ``CrmError``; nothing is saved then."""
    before = load_client_form(client_id)
    saved_id = save_client(client_id, data)
    return ClientEdit(saved_id, before, load_client_form(saved_id))


@transactional
def restore_client_fields(client_id: Any, before: ClientSnapshot, *, left_at: Any = None) -> Any:
    """Put the client back as ``before`` shows it: every field, the owner, the categories, the custom
    values (a field that had none is cleared) and the milestones (ones added since are removed, removed
    ones come back). Returns the client's version afterwards.

    ``left_at``: the client's ``updated_at`` as the edit being undone (or redone) left it; when someone
    has saved the client since, nothing is put back (``record.changed_after_yours``): the undo would
    silently overwrite their change. None: not checked."""
    client = clients.get_client(client_id)
    with unchanged_since(Client, client.id, left_at, "Client", undo=True):
        _put_back(client.id, before)
    return version_of(Client, client.id)


def _put_back(client_id: int, before: ClientSnapshot) -> None:
    client = clients.get_client(client_id)
    clients.update_client(client.id, tag_names=before.tag_names, **before.fields)
    values = {f.name: before.custom_values.get(f.name) for f in custom_fields.list_custom_fields()}
    clients.update_client(client.id, custom_values=values)
    current = {
        m.id for m in ClientMilestone.select(ClientMilestone.id).where(ClientMilestone.client == client.id)
    }
    kept = [m for m in before.milestones if m.id in current]
    rows = [
        m if m.id in current else MilestoneInput(None, m.title, m.due_date, m.done_date)
        for m in before.milestones
    ]
    removed = sorted(current - {m.id for m in kept})
    _save_milestones(client.id, rows, removed)
