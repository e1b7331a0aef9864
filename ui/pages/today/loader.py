"""What the Today page reads, as plain data (no Qt): the agenda and who is looking at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_crm.agenda import Agenda, load_agenda
from desktop_crm.models import Client, User

from .. import data

# Above this many clients the agenda loads on the database worker (about 0.3 s for the whole
# team on 100k clients / 351k next steps); below it, inline (no "loading" flicker).
BACKGROUND_CLIENTS = 5_000


@dataclass(frozen=True)
class Viewer:
    user_id: int | None
    name: str
    supervisor: bool


@dataclass
class AgendaResult:
    agenda: Agenda
    user_names: dict[int, str] = field(default_factory=dict)


def viewer() -> Viewer:
    user_id = data.current_user_id()
    user = User.get_or_none(User.id == user_id) if user_id is not None else None
    if user is None:
        return Viewer(None, "", False)
    return Viewer(user.id, user.name, user.role == "supervisor")


def is_large() -> bool:
    """Whether loading may take long enough to belong off the GUI thread."""
    return Client.select(Client.id).limit(1).offset(BACKGROUND_CLIENTS).exists()


def load(now: datetime, user_id: int | None) -> AgendaResult:
    agenda = load_agenda(now, user_id)
    names = {uid: name for uid, name in User.select(User.id, User.name).tuples()}
    return AgendaResult(agenda, names)
