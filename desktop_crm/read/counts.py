"""Counts the status bar and the page titles show."""

from __future__ import annotations

from desktop_crm.models import Client


def client_count() -> int:
    """How many clients are alive (not deleted)."""
    return int(Client.alive().count())
