"""The Clients page: the virtual list (search, filters, saved views, trash, bulk edit) and the client hub."""

from __future__ import annotations

from .page import ClientsPage

__all__ = ["ClientsPage"]
