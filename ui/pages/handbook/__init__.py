"""The performance handbook page (绩效手册): questions and answers on how each KPI and rule is judged."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The page is imported when asked for, not with the package: importing one of the package's modules
    # (a dialog, a section another page uses) must not import and build the whole page before it is shown.
    if name == "HandbookPage":
        from .page import HandbookPage

        return HandbookPage
    raise AttributeError(name)


__all__ = ["HandbookPage"]
