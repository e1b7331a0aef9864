"""Links from any KPI shown in the window to its performance-handbook entry.

A page shows a KPI with ``kpi_anchor(text, key)`` in a rich-text ``QLabel`` connected to
``open_link`` (``set_kpi_link(label, text, key)`` does all of it), or calls ``open_kpi_entry(key)`` from
a button or menu; the main window listens to ``handbook_links().sig_open_requested`` and shows the
handbook at that entry.

Keys: every KPI key of ``kpi --json`` (``desktop_crm.kpi.KPI_KEYS``), and the topics of
``desktop_crm.handbook_seed``: ``rule:periods``, ``rule:mom_yoy``, ``rule:weekly_score``,
``rule:completion``, ``rule:on_pace``, ``rule:smart``, ``rule:agreed_targets``, ``role:salesperson``,
``role:supervisor`` (the monthly behaviour score is the KPI ``behaviour_score``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

KPI_SCHEME = "kpi:"
LINK_COLOR = "#3b6fd8"  # the application's accent blue (the default link blue is louder)


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
    return (
        f'<a href="{KPI_SCHEME}{html.escape(kpi_key)}" style="color: {LINK_COLOR};">{html.escape(text)}</a>'
    )


def open_link(href: str) -> None:
    """Slot for ``QLabel.linkActivated``: opens ``kpi:<key>`` links, ignores others."""
    if href.startswith(KPI_SCHEME):
        open_kpi_entry(href[len(KPI_SCHEME) :])


def set_kpi_link(label: QLabel, text: str, kpi_key: str) -> None:
    """Make ``label`` show ``text`` as a link to the handbook entry of ``kpi_key``."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    label.setText(kpi_anchor(text, kpi_key))
    label.setToolTip(QCoreApplication.translate("HandbookLinks", "How this figure is counted and judged"))
    if not label.property("kpiLinked"):
        label.linkActivated.connect(open_link)
        label.setProperty("kpiLinked", True)
