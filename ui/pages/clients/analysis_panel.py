"""Support-vs-opposition analysis (Table 3), red flags, the entry point and next moves.

The rules live in ``desktop_crm.stakeholder_analysis``; this panel only shows them, translating every
finding from its key and params (never the core's English message, except for an unknown key).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_crm.stakeholder_analysis import Analysis, Finding, Stakeholder, cooled_off

from ...a11y import scaled_css
from ...labels import label
from .stance_style import SEVERITY_COLORS

QUADRANT_ACCENTS = {
    "support_won": "#1e7b4c",
    "potential_support": "#6cc38f",
    "opposition_faced": "#c8372d",
    "potential_opposition": "#e0a100",
}


def _clear(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # out of sight now: deleted only when the event loop next runs
            widget.deleteLater()


def _dot(color: str, parent: QWidget) -> QLabel:
    dot = QLabel(parent)
    dot.setFixedSize(10, 10)
    dot.setStyleSheet(f"background: {color}; border-radius: 5px;")
    return dot


class AnalysisPanel(QWidget):
    """``show_analysis(people, analysis)`` rebuilds the panel. ``flag_texts()``/``move_texts()`` for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        self.quadrant_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        titles = {
            "support_won": self.tr("Support won"),
            "potential_support": self.tr("Potential support"),
            "opposition_faced": self.tr("Opposition faced"),
            "potential_opposition": self.tr("Potential opposition"),
        }
        for n, (key, title) in enumerate(titles.items()):
            card = QFrame(self)
            card.setObjectName("formCard")
            card.setStyleSheet(f"QFrame#formCard {{ border-top: 3px solid {QUADRANT_ACCENTS[key]}; }}")
            box = QVBoxLayout(card)
            box.setContentsMargins(10, 8, 10, 8)
            box.setSpacing(4)
            heading = QLabel(f"<b>{title}</b>", card)
            body = QLabel(card)
            body.setWordWrap(True)
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            box.addWidget(heading)
            box.addWidget(body, 1)
            self.quadrant_labels[key] = body
            grid.addWidget(card, n // 2, n % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        self.entry_label = QLabel(self)
        self.entry_label.setObjectName("entryPoint")
        self.entry_label.setWordWrap(True)
        self.entry_label.setTextFormat(Qt.TextFormat.RichText)
        self.entry_label.setStyleSheet(
            "QLabel#entryPoint { background: #eef3fd; border: 1px solid #c9d8f5; border-radius: 8px;"
            " padding: 8px 10px; }"
        )
        outer.addWidget(self.entry_label)
        outer.addWidget(self._heading(self.tr("Red flags")))
        self.flags_box = QVBoxLayout()
        self.flags_box.setSpacing(4)
        outer.addLayout(self.flags_box)
        outer.addWidget(self._heading(self.tr("Next moves")))
        self.moves_box = QVBoxLayout()
        self.moves_box.setSpacing(4)
        outer.addLayout(self.moves_box)
        outer.addStretch(1)
        self._flag_texts: list[str] = []
        self._move_texts: list[str] = []

    def _heading(self, text: str) -> QLabel:
        heading = QLabel(f"<b>{text}</b>", self)
        heading.setStyleSheet(scaled_css("color: #1f2a3c; font-size: 1.05em; background: transparent;"))
        return heading

    # --- public ----------------------------------------------------------------------------------
    def flag_texts(self) -> list[str]:
        return list(self._flag_texts)

    def move_texts(self) -> list[str]:
        return list(self._move_texts)

    def entry_text(self) -> str:
        return self.entry_label.text()

    def show_analysis(self, people: list[Stakeholder], analysis: Analysis) -> None:
        by_id = {p.id: p for p in people}
        quadrants = {
            "support_won": analysis.support_won,
            "potential_support": analysis.potential_support,
            "opposition_faced": analysis.opposition_faced,
            "potential_opposition": analysis.potential_opposition,
        }
        for key, placements in quadrants.items():
            lines = [self._placement_text(key, p.stakeholder, by_id) for p in placements]
            nobody = self.tr("Nobody yet")
            empty = f"<span style='color:#9aa5b4'>{nobody}</span>"
            self.quadrant_labels[key].setText("<br>".join(lines) if lines else empty)
        self.entry_label.setText(self._entry_html(analysis, by_id))
        self._flag_texts = [self.finding_text(f) for f in analysis.flags]
        self._fill(self.flags_box, analysis.flags, self._flag_texts, self.tr("No red flags."))
        self._move_texts = [self.finding_text(f) for f in analysis.next_moves]
        self._fill(self.moves_box, analysis.next_moves, self._move_texts, self.tr("Nothing to suggest."))

    # --- text ------------------------------------------------------------------------------------
    def _fill(self, box: QVBoxLayout, findings: list[Finding], texts: list[str], empty: str) -> None:
        _clear(box)
        if not findings:
            hint = QLabel(empty, self)
            hint.setObjectName("hint")
            box.addWidget(hint)
        for finding, text in zip(findings, texts, strict=True):
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 2, 0, 2)
            line.setSpacing(8)
            line.addWidget(
                _dot(SEVERITY_COLORS.get(finding.severity, "#6b7785"), row), 0, Qt.AlignmentFlag.AlignTop
            )
            body = QLabel(text, row)
            body.setWordWrap(True)
            body.setProperty("severity", finding.severity)
            line.addWidget(body, 1)
            box.addWidget(row)

    def _placement_text(self, quadrant: str, p: Stakeholder, by_id: dict[int, Stakeholder]) -> str:
        if quadrant == "support_won":
            text = label("stance", p.stance)
        elif quadrant == "opposition_faced":
            text = self.tr("Opposes us")
        elif quadrant == "potential_opposition" and cooled_off(p):
            text = self.tr("Cooled from {previous} to neutral").format(
                previous=label("stance", p.previous_stance)
            )
        elif quadrant == "potential_opposition":
            boss = by_id.get(p.reports_to_id) if p.reports_to_id is not None else None
            text = self.tr("Reports to {boss}, who opposes us").format(boss=boss.name if boss else "?")
        else:
            text = self.tr("Neutral: can be won")
        role = f" <span style='color:#6b7785'>· {label('stakeholder_role', p.role)}</span>" if p.role else ""
        reason = f"<span style='color:#6b7785; font-size:small'>{html.escape(text)}</span>"
        return f"<b>{html.escape(p.name)}</b>{role}<br>{reason}"

    def _entry_html(self, analysis: Analysis, by_id: dict[int, Stakeholder]) -> str:
        names = {
            "top_down": self.tr("Top-down"),
            "middle": self.tr("From the middle"),
            "bottom_up": self.tr("Bottom-up"),
        }
        people = [by_id[i] for i in analysis.entry_contact_ids if i in by_id]
        reason = html.escape(self._entry_reason(analysis.entry_point, people))
        who = html.escape(", ".join(p.name for p in people))
        start_text = self.tr("Start with: {names}").format(names=who)
        start = f"<br><span style='color:#3c4757'>{start_text}</span>"
        heading = self.tr("Suggested entry point: {point}").format(
            point=names.get(analysis.entry_point, analysis.entry_point)
        )
        return f"<b>{heading}</b><br>{reason}{start if who else ''}"

    def _entry_reason(self, point: str, people: list[Stakeholder]) -> str:
        if point == "top_down" and people and all(p.role == "approver" for p in people):
            names = ", ".join(p.name for p in people)
            return self.tr("The approver {names} is on our side.").format(names=names)
        if point == "top_down" and len(people) == 2:
            return self.tr("Coach {coach} can vouch for us with the approver {approver}.").format(
                coach=people[0].name, approver=people[1].name
            )
        if point == "middle" and people:
            p = people[0]
            return self.tr("{name} ({role}) is {stance}: start there.").format(
                name=p.name, role=label("stakeholder_role", p.role), stance=label("stance", p.stance)
            )
        if point == "bottom_up" and people:
            return self.tr("No friendly access above: win the users first.")
        return self.tr("No friendly access yet: map the organisation and find a first supporter.")

    def finding_text(self, f: Finding) -> str:
        """The translated sentence of a red flag or a next move, from its key and params."""
        p = f.params
        name = p.get("name", "")
        role = label("stakeholder_role", p.get("role"))
        if f.key == "uncovered_role":
            return self.tr("No stakeholder holds the {role} role.").format(role=role)
        if f.key == "key_role_not_supportive":
            return self.tr("{name} ({role}) is {stance}.").format(
                name=name, role=role, stance=label("stance", p.get("stance"))
            )
        if f.key == "too_many_allies":
            return self.tr(
                "{count} close allies ({names}); keep one or two, more allies compete with each other."
            ).format(count=p.get("count", ""), names=p.get("names", ""))
        if f.key == "neutral_not_contacted" and not p.get("days"):
            return self.tr("{name} is a high-influence neutral, never contacted.").format(name=name)
        if f.key == "neutral_not_contacted":
            return self.tr("{name} is a high-influence neutral, not contacted for {days} days.").format(
                name=name, days=p["days"]
            )
        if f.key == "no_coach":
            return self.tr("Nobody is our coach/sponsor.")
        if f.key == "win_key_role" and p.get("coach"):
            return self.tr("Turn {name} ({role}) into a supporter with the help of coach {coach}.").format(
                name=name, role=role, coach=p["coach"]
            )
        if f.key == "win_key_role":
            return self.tr("Turn {name} ({role}) into a supporter.").format(name=name, role=role)
        if f.key == "neutralise_opponent" and p.get("interests"):
            return self.tr("Neutralise {name}: address what they care about ({interests}).").format(
                name=name, interests=p["interests"]
            )
        if f.key == "neutralise_opponent":
            return self.tr("Neutralise {name}: address what they care about.").format(name=name)
        if f.key == "hold_neutral":
            return self.tr("Hold {name} at neutral before they turn against us.").format(name=name)
        if f.key == "court_neutral":
            return self.tr("Court {name}: a high-influence neutral decides close contests.").format(name=name)
        if f.key == "find_coach" and name:
            return self.tr("Develop {name} into our coach.").format(name=name)
        if f.key == "find_coach":
            return self.tr("Find a coach who will vouch for us.")
        if f.key == "limit_allies":
            return self.tr("Keep one or two close allies; let the others be supporters.")
        return f.message
