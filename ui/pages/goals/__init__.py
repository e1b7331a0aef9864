"""The Goals page: the goal tree of a person (or the team) with progress from real data."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The page is imported when asked for, not with the package: importing one of the package's modules
    # (a dialog, a section another page uses) must not import and build the whole page before it is shown.
    if name == "GoalsPage":
        from .page import GoalsPage

        return GoalsPage
    raise AttributeError(name)


__all__ = ["GoalsPage"]
