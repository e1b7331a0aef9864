"""What the Today page reads; the read models live in ``desktop_crm.read`` (today, users, size)."""

from __future__ import annotations

from desktop_crm.read.size import is_large
from desktop_crm.read.today import AgendaResult, load
from desktop_crm.read.users import Viewer, viewer

__all__ = ["AgendaResult", "Viewer", "is_large", "load", "viewer"]
