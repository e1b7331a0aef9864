"""The weekly form's service items (slice service): the records of the salesperson's clients opened or
resolved in the week (DOMAIN.md §3: the week's service items are gathered into the form)."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from desktop_crm.weekly_form import WeeklyFormView

from ... import fmt
from ...labels import label
from ..clients.service_names import type_name


class ServiceItemsHtml(QObject):
    def html(self, view: WeeklyFormView) -> str:
        heading = self.tr("Service items of the week")
        out = [f"<h2>{html.escape(heading)}</h2>"]
        items = view.service_items
        if not items:
            text = self.tr("No service record was opened or resolved this week.")
            return "".join(out) + f'<p><span class="muted">{html.escape(text)}</span></p>'
        opened = sum(1 for r in items if view.start <= r.created_at.date() < view.end)
        resolved = sum(1 for r in items if r.resolved_at and view.start <= r.resolved_at.date() < view.end)
        line = self.tr("{opened} opened, {resolved} resolved").format(opened=opened, resolved=resolved)
        out.append(f"<p>{html.escape(line)}</p>")
        headers = (self.tr("Opened"), self.tr("Client"), self.tr("Type"), self.tr("Title"), self.tr("Status"))
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        rows = []
        for r in items:
            status = label("service_status", r.status)
            if r.resolved_at is not None:
                status += " " + fmt.short_date(r.resolved_at)
            cells = (fmt.short_date(r.created_at), r.client_name, type_name(r.kind), r.title, status)
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        out.append(f'<table class="grid" cellspacing="0" width="100%"><tr>{head}</tr>{"".join(rows)}</table>')
        return "".join(out)
