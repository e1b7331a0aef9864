"""A weekly form (``WeeklyFormView``) as HTML for ``QTextDocument``: the printed A4 form and the
read-only last week beside this week's form. Sections follow the seed's form: assessment task,
collections (last week planned vs received, this week's plan), work (last week planned vs done, this
week per day), the week's facts, summary, annotations and score."""

from __future__ import annotations

import html
from datetime import timedelta

from PySide6.QtCore import QObject

from desktop_crm.weekly_form import AnnotationLine, WeeklyFormView

from ... import fmt
from ...handbook_link import kpi_anchor
from .kpi_names import WEEK_FACTS, kpi_name
from .service_html import ServiceItemsHtml
from .texts import WeeklyTexts

_STYLE = """
body { font-size: 10pt; color: #1f2933; }
h1 { font-size: 15pt; margin: 0 0 2px 0; }
h2 { font-size: 11.5pt; margin: 12px 0 4px 0; color: #1d4ed8; border-bottom: 1px solid #cbd5e1; }
h3 { font-size: 10pt; margin: 6px 0 2px 0; color: #475569; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th { background: #eef2f7; text-align: left; padding: 3px 6px; border: 1px solid #cbd5e1; }
table.grid td { padding: 3px 6px; border: 1px solid #cbd5e1; }
td.num, th.num { text-align: right; }
.muted { color: #64748b; }
.note { background: #fff7e6; }
.done { color: #15803d; }
.open { color: #b91c1c; }
"""


_COMPACT = """
body { font-size: 9pt; }
h1 { font-size: 12pt; }
h2 { font-size: 10pt; margin: 8px 0 3px 0; }
h3 { font-size: 9pt; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def value_text(value: int | float | None, unit: str) -> str:
    """A KPI or target value in its unit, localised."""
    if value is None:
        return "–"
    if unit == "cents":
        return fmt.money(int(value))
    if unit == "rate":
        return f"{fmt.number(float(value) * 100, 1)}%"
    if unit in ("days", "ratio", "score"):
        return fmt.number(float(value), 1)
    return fmt.number(value)


def unit_of(key: str) -> str:
    from desktop_crm.goal_metrics import METRIC_UNITS

    return METRIC_UNITS.get(key, "count")


class FormHtml(QObject):
    """Builds the HTML of a form; ``links`` makes KPI names links to the handbook (on screen)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts = WeeklyTexts(self)

    def document(self, view: WeeklyFormView, *, links: bool = False, compact: bool = False) -> str:
        style = _STYLE + (_COMPACT if compact else "")
        parts = [f"<html><head><style>{style}</style></head><body>"]
        parts.append(self._header(view, compact))
        if compact:  # last week beside this week: what was planned, what was done, how it was judged
            parts.append(self._compact_collections(view))
        else:
            parts.append(self._assessment(view))
            parts.append(self._collections(view))
        parts.append(self._work(view, compact))
        parts.append(self._facts(view, links, compact))
        if not compact:  # slice service: the week's new and resolved service items
            parts.append(ServiceItemsHtml().html(view))
        parts.append(self._h("h2", self.tr("Summary")))
        parts.append(
            f"<p>{_e(view.summary)}</p>" if view.summary else self._p_muted(self.tr("No summary yet."))
        )
        parts.append(self._annotations(view))
        parts.append(self._score(view))
        parts.append("</body></html>")
        return "".join(parts)

    def _h(self, tag: str, text: str) -> str:
        return f"<{tag}>{_e(text)}</{tag}>"

    def _p_muted(self, text: str) -> str:
        return f"<p>{self._muted(text)}</p>"

    def _bold(self, text: str) -> str:
        return f"<b>{_e(text)}</b>"

    def _muted(self, text: str) -> str:
        return f'<span class="muted">{_e(text)}</span>'

    def _header(self, view: WeeklyFormView, compact: bool) -> str:
        title = self.tr("Weekly goal form") if not compact else self.tr("Last week")
        dates = f"{fmt.short_date(view.start)} – {fmt.short_date(view.end - timedelta(days=1))}"
        status = self.texts.status(view.status)
        line = self.tr("{name} · week {week} ({dates}) · {status}").format(
            name=view.user_name, week=view.label, dates=dates, status=status
        )
        extra = ""
        if view.submitted_at:
            extra = self.tr("Submitted {when}").format(when=fmt.short_datetime(view.submitted_at))
        if view.supervisor_name:
            extra += (" · " if extra else "") + self.tr("Supervisor: {name}").format(
                name=view.supervisor_name
            )
        return f"<h1>{_e(title)}</h1><p>{_e(line)}<br/>{self._muted(extra)}</p>"

    def _table(self, headers: list[tuple[str, bool]], rows: list[list[tuple[str, bool]]]) -> str:
        head = "".join(f'<th class="{"num" if num else ""}">{_e(h)}</th>' for h, num in headers)
        body = "".join(
            "<tr>" + "".join(f'<td class="{"num" if num else ""}">{cell}</td>' for cell, num in row) + "</tr>"
            for row in rows
        )
        return f'<table class="grid" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>'

    def _assessment(self, view: WeeklyFormView) -> str:
        out = [self._h("h2", self.tr("1. Assessment task"))]
        if not view.assessment:
            out.append(self._p_muted(self.tr("No month or quarter goal holds this week.")))
            return "".join(out)
        rows = []
        for t in view.assessment:
            completion = "–" if t.completion is None else f"{fmt.number(t.completion * 100, 1)}%"
            rows.append(
                [
                    (_e(f"{t.goal_title} · {t.label}"), False),
                    (_e(value_text(t.target, t.unit)), True),
                    (_e(value_text(t.actual, t.unit)), True),
                    (_e(completion), True),
                    (_e(value_text(t.gap, t.unit)), True),
                ]
            )
        headers = [
            (self.tr("Goal"), False),
            (self.tr("Target"), True),
            (self.tr("To date"), True),
            (self.tr("Completion"), True),
            (self.tr("Gap"), True),
        ]
        out.append(self._table(headers, rows))
        return "".join(out)

    def _collections(self, view: WeeklyFormView) -> str:
        out = [self._h("h2", self.tr("2. Collections"))]
        out.append(self._h("h3", self.tr("Last week: planned and received")))
        if view.last_week_collections:
            rows = [
                [
                    (_e(c.client_name or self.tr("(no client)")), False),
                    (_e(fmt.money(c.planned_cents)), True),
                    (_e(fmt.money(c.actual_cents)), True),
                ]
                for c in view.last_week_collections
            ]
            rows.append(
                [
                    (self._bold(self.tr("Total")), False),
                    (
                        f"<b>{_e(fmt.money(sum(c.planned_cents for c in view.last_week_collections)))}</b>",
                        True,
                    ),
                    (
                        f"<b>{_e(fmt.money(sum(c.actual_cents for c in view.last_week_collections)))}</b>",
                        True,
                    ),
                ]
            )
            headers = [(self.tr("Client"), False), (self.tr("Planned"), True), (self.tr("Received"), True)]
            out.append(self._table(headers, rows))
        else:
            out.append(self._p_muted(self.tr("Nothing planned or received last week.")))
        out.append(self._h("h3", self.tr("This week: planned collections")))
        if view.collections:
            rows = []
            for c in view.collections:
                kind = (
                    self.tr("Instalment due {date}").format(date=fmt.short_date(c.due_date))
                    if c.due_date
                    else self.tr("Added by hand")
                )
                what = " · ".join(p for p in (c.contract_title, c.note) if p)
                rows.append(
                    [
                        (_e(c.client_name or self.tr("(no client)")), False),
                        (_e(what), False),
                        (_e(kind), False),
                        (_e(fmt.money(c.remaining_cents)), True),
                    ]
                )
            rows.append(
                [(self._bold(self.tr("Total")), False), ("", False), ("", False),
                 (f"<b>{_e(fmt.money(view.planned_collection_cents))}</b>", True)]
            )  # fmt: skip
            headers = [
                (self.tr("Client"), False),
                (self.tr("Contract / note"), False),
                (self.tr("Source"), False),
                (self.tr("To collect"), True),
            ]
            out.append(self._table(headers, rows))
        else:
            out.append(self._p_muted(self.tr("No collection planned.")))
        return "".join(out)

    def _compact_collections(self, view: WeeklyFormView) -> str:
        out = [self._h("h2", self.tr("Planned collections"))]
        if not view.collections:
            out.append(self._p_muted(self.tr("No collection planned.")))
            return "".join(out)
        rows = [
            [(_e(c.client_name or self.tr("(no client)")), False), (_e(fmt.money(c.amount_cents)), True)]
            for c in view.collections
        ]
        rows.append(
            [
                (self._bold(self.tr("Total")), False),
                (f"<b>{_e(fmt.money(sum(c.amount_cents for c in view.collections)))}</b>", True),
            ]
        )
        out.append(self._table([(self.tr("Client"), False), (self.tr("Planned"), True)], rows))
        return "".join(out)

    def _compact_plan(self, view: WeeklyFormView) -> str:
        rows = []
        for p in view.plan:
            links = " · ".join(x for x in (p.client_name, p.goal_title) if x)
            work = _e(p.text) + (f"<br/>{self._muted(links)}" if links else "")
            mark = '<span class="done">✔</span>' if p.done else '<span class="open">✘</span>'
            rows.append([(_e(self.texts.weekday(p.weekday)), False), (work, False), (mark, False)])
        headers = [(self.tr("Day"), False), (self.tr("Work"), False), (self.tr("Done"), False)]
        return self._table(headers, rows)

    def _plan_rows(self, view: WeeklyFormView, with_done: bool) -> list[list[tuple[str, bool]]]:
        rows = []
        done_text, open_text = self.tr("Done"), self.tr("Not done")
        for p in view.plan:
            links = " · ".join(x for x in (p.client_name, p.goal_title) if x)
            row = [
                (_e(self.texts.weekday(p.weekday)), False),
                (_e(p.text), False),
                (_e(links), False),
            ]
            if with_done:
                css = "done" if p.done else "open"
                row.append(
                    (
                        f'<span class="{css}">{_e(done_text if p.done else open_text)}</span>',
                        False,
                    )
                )
            rows.append(row)
        return rows

    def _work(self, view: WeeklyFormView, compact: bool) -> str:
        out = [self._h("h2", self.tr("3. Work"))]
        last = view.last_week
        if last is not None and not compact:
            done = sum(1 for p in last.plan if p.done)
            out.append(
                self._h(
                    "h3",
                    self.tr("Last week: planned and done ({done} of {total})").format(
                        done=done, total=len(last.plan)
                    ),
                )
            )
            if last.plan:
                headers = [
                    (self.tr("Day"), False),
                    (self.tr("Work"), False),
                    (self.tr("Client / goal"), False),
                    (self.tr("Done"), False),
                ]
                out.append(self._table(headers, self._plan_rows(last, True)))
            else:
                out.append(self._p_muted(self.tr("No plan last week.")))
        if compact:
            done = sum(1 for p in view.plan if p.done)
            out.append(
                self._h(
                    "h3",
                    self.tr("Planned and done ({done} of {total})").format(done=done, total=len(view.plan)),
                )
            )
            out.append(self._compact_plan(view) if view.plan else self._p_muted(self.tr("No plan.")))
            return "".join(out)
        out.append(self._h("h3", self.tr("This week: plan per day")))
        if view.plan:
            headers = [
                (self.tr("Day"), False),
                (self.tr("Work"), False),
                (self.tr("Client / goal"), False),
                (self.tr("Done"), False),
            ]
            out.append(self._table(headers, self._plan_rows(view, True)))
        else:
            out.append(self._p_muted(self.tr("No plan yet.")))
        return "".join(out)

    def _facts(self, view: WeeklyFormView, links: bool, compact: bool = False) -> str:
        out = [self._h("h2", self.tr("4. Facts of the week"))]
        cells = []
        for key in WEEK_FACTS:
            name = kpi_anchor(kpi_name(key), key) if links else _e(kpi_name(key))
            cells.append(
                f"<td>{name}</td><td class='num'><b>{_e(value_text(view.facts.get(key), unit_of(key)))}</b></td>"
            )
        rows = ["<tr>" + "".join(cells[i : i + 3]) + "</tr>" for i in range(0, len(cells), 3)]
        out.append(f'<table class="grid" cellspacing="0" width="100%">{"".join(rows)}</table>')
        return "".join(out)

    def annotation_line(self, note: AnnotationLine) -> str:
        """Where an annotation points: "Plan: Visit Acme", or "Whole form"."""
        return self.texts.line_label(note.line, note.line_text)

    def _annotations(self, view: WeeklyFormView) -> str:
        out = [self._h("h2", self.tr("Annotations"))]
        if not view.annotations:
            out.append(self._p_muted(self.tr("No annotations.")))
            return "".join(out)
        for a in view.annotations:
            head = f"{a.author_name} · {fmt.short_datetime(a.created_at)} · {self.annotation_line(a)}"
            out.append(f'<p class="note"><b>{_e(head)}</b><br/>{_e(a.body)}</p>')
        return "".join(out)

    def _score(self, view: WeeklyFormView) -> str:
        out = [self._h("h2", self.tr("Score"))]
        score = view.score
        if score is None:
            out.append(self._p_muted(self.tr("Not scored yet.")))
            return "".join(out)
        by_line = self.tr("by {name}, {when}").format(
            name=score.scorer_name, when=fmt.short_datetime(score.scored_at)
        )
        out.append(
            f"<p><b style='font-size:14pt'>{_e(fmt.number(score.total, 1))}</b> / 100 "
            + self._muted(by_line)
            + "</p>"
        )
        if score.criteria:
            rows = [
                [
                    (_e(self.texts.criterion_label(c.key, c.label)), False),
                    (_e(fmt.number(c.weight)), True),
                    (_e(fmt.number(c.score, 1)), True),
                ]
                for c in score.criteria
            ]
            headers = [(self.tr("Criterion"), False), (self.tr("Weight"), True), (self.tr("Score"), True)]
            out.append(self._table(headers, rows))
        if score.comment:
            out.append(f"<p>{_e(score.comment)}</p>")
        return "".join(out)
