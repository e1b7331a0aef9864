"""Links from any KPI shown in the window to its performance-handbook entry.

A page shows a KPI with ``kpi_anchor(text, key)`` in a rich-text ``QLabel`` connected to
``open_link``, or calls ``open_kpi_entry(key)`` from a button or menu; the main window listens to
``handbook_links().sig_open_requested`` and shows the handbook at that entry.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Signal

KPI_SCHEME = "kpi:"


class HandbookLinks(QObject):
    sig_open_requested = Signal(str)  # a KPI key of ``kpi --json`` (or a handbook topic key)


_links: HandbookLinks | None = None


def handbook_links() -> HandbookLinks:
    global _links
    if _links is None:
        _links = HandbookLinks()
    return _links


def open_kpi_entry(kpi_key: str) -> None:
    """Ask the window to show the handbook entry of ``kpi_key``."""
    handbook_links().sig_open_requested.emit(kpi_key)


def kpi_anchor(text: str, kpi_key: str) -> str:
    """Rich text: ``text`` as a link to the handbook entry of ``kpi_key``."""
    return f'<a href="{KPI_SCHEME}{html.escape(kpi_key)}">{html.escape(text)}</a>'


def open_link(href: str) -> None:
    """Slot for ``QLabel.linkActivated``: opens ``kpi:<key>`` links, ignores others."""
    if href.startswith(KPI_SCHEME):
        open_kpi_entry(href[len(KPI_SCHEME) :])
