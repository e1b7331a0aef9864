"""What the Today page reads: the agenda and the names of the people on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_crm.agenda import Agenda, load_agenda

from .users import user_names


@dataclass
class AgendaResult:
    agenda: Agenda
    user_names: dict[int, str] = field(default_factory=dict)


def load(now: datetime, user_id: int | None) -> AgendaResult:
    """The agenda of ``user_id`` (None = the whole team) as of ``now``."""
    return AgendaResult(load_agenda(now, user_id), user_names())
