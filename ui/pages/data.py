"""The read models older page code imports from here; they live in ``desktop_crm.read``."""

from __future__ import annotations

from desktop_crm.read.counts import client_count
from desktop_crm.read.users import current_user_id, user_name

__all__ = ["client_count", "current_user_id", "user_name"]
