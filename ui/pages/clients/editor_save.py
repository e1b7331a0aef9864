"""Loading and saving a client for the editor, through the services, all or nothing (no Qt here).

Every write of one save (client fields, categories, custom values, milestones) runs in one transaction,
so a refusal anywhere leaves the database as it was. Errors name the editor's key of the input:
client field names, ``custom:<field id>`` and ``milestone:<row>:<title|due_date|done_date>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_crm.errors import ValidationError
from desktop_crm.models import ClientMilestone
from desktop_crm.services import clients, custom_fields
from desktop_crm.write_guard import write_transaction

from .editor_custom import custom_key
from .editor_milestones import MilestoneInput


@dataclass
class ClientInput:
    """Everything the editor collected, ready for the services."""

    fields: dict[str, Any]  # client fields (name, phone, …, owner_id), as the services take them
    tag_names: list[str] = field(default_factory=list)
    custom_values: dict[int, Any] = field(default_factory=dict)
    milestones: list[MilestoneInput] = field(default_factory=list)
    removed_milestone_ids: list[int] = field(default_factory=list)


@dataclass
class ClientSnapshot:
    """A client as the editor shows it."""

    fields: dict[str, Any]
    owner_name: str
    owner_active: bool
    tag_names: list[str]
    custom_values: dict[str, Any]
    milestones: list[MilestoneInput]


def milestone_key(row: int, name: str) -> str:
    return f"milestone:{row}:{name}"


def needs_duplicate_check(loaded: ClientSnapshot | None, name: str, phone: str) -> bool:
    """A new client, or a changed name (ignoring case and spaces) or phone, is checked for duplicates."""
    if loaded is None:
        return True
    before = loaded.fields

    def key(text: str) -> str:
        return "".join(text.split()).casefold()

    return key(name) != key(before["name"]) or phone.strip() != before["phone"].strip()


def load_client(client_id: int) -> ClientSnapshot:
    client = clients.get_client(client_id)
    names = ("name", "short_name", "phone", "website", "address", "industry", "region", "source", "notes")
    values: dict[str, Any] = {key: getattr(client, key) for key in names}
    values.update(
        status=client.status,
        value_verdict=client.value_verdict,
        grade=client.grade,
        expected_sign_date=client.expected_sign_date,
        expected_amount_cents=client.expected_amount_cents,
        owner_id=client.owner_id,
    )
    owner = client.owner
    milestones = [
        MilestoneInput(m.id, m.title, m.due_date, m.done_date)
        for m in client.milestones.order_by(ClientMilestone.position, ClientMilestone.id)
    ]
    return ClientSnapshot(
        fields=values,
        owner_name=owner.name if owner is not None else "",
        owner_active=bool(owner.active) if owner is not None else True,
        tag_names=[tag.name for tag in clients.get_client_tags(client_id)],
        custom_values=custom_fields.get_custom_values(client_id),
        milestones=milestones,
    )


def _save_custom_values(client_id: int, values: dict[int, Any]) -> None:
    for field_id, value in values.items():
        try:
            custom_fields.set_custom_value(client_id, field_id, value)
        except ValidationError as error:
            raise error.at(custom_key(field_id)) from None


def _save_milestones(client_id: int, data: ClientInput) -> None:
    for milestone_id in data.removed_milestone_ids:
        clients.delete_milestone(milestone_id)
    for row, milestone in enumerate(data.milestones):
        values = {"title": milestone.title, "due_date": milestone.due_date, "done_date": milestone.done_date}
        try:
            if milestone.id is None:
                clients.add_milestone(client_id, position=row, **values)
            else:
                clients.update_milestone(milestone.id, position=row, **values)
        except ValidationError as error:
            key = error.field if error.field in values else "title"
            raise error.at(milestone_key(row, key)) from None


def save_client(client_id: int | None, data: ClientInput) -> int:
    """Create (``client_id`` None) or update the client; returns its id. Raises ``CrmError``."""
    with write_transaction():  # BEGIN IMMEDIATE: waits for another writer
        fields = dict(data.fields)
        if client_id is None:
            name = fields.pop("name", "")
            client = clients.create_client(name, tag_names=data.tag_names, **fields)
        else:
            client = clients.update_client(client_id, tag_names=data.tag_names, **fields)
        _save_custom_values(client.id, data.custom_values)
        _save_milestones(client.id, data)
        return int(client.id)
