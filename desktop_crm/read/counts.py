"""Counts the status bar and the page titles show."""

from __future__ import annotations

from desktop_crm.derived import client_tally
from desktop_crm.engine import raw_connection


def client_count() -> int:
    """How many clients are alive (not deleted): the tally kept by triggers (``derived.TALLY``)."""
    return client_tally(raw_connection())[0]
