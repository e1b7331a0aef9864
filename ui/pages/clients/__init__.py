"""The Clients page: the virtual list (search, filters, saved views, trash, bulk edit) and the client hub."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The page is imported when asked for, not with the package: importing one of the package's modules
    # (a dialog, a section another page uses) must not import and build the whole page before it is shown.
    if name == "ClientsPage":
        from .page import ClientsPage

        return ClientsPage
    raise AttributeError(name)


__all__ = ["ClientsPage"]
