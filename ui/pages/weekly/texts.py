"""Words the weekly pages share: statuses (with "missing"), weekdays, where an annotation points, the
default scoring criteria's names and the status colours."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_crm.services.weekly_criteria import DEFAULT_CRITERIA

from .kpi_names import kpi_name

STATUS_COLOURS = {
    "missing": "#b91c1c",
    "draft": "#64748b",
    "submitted": "#1d4ed8",
    "returned": "#b45309",
    "scored": "#15803d",
}


class WeeklyTexts(QObject):
    def status(self, status: str) -> str:
        return {
            "missing": self.tr("Missing"),
            "draft": self.tr("Draft"),
            "submitted": self.tr("Submitted"),
            "returned": self.tr("Returned"),
            "scored": self.tr("Scored"),
        }.get(status, status)

    def weekday(self, day: int) -> str:
        names = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        return names[day] if 0 <= day < len(names) else str(day)

    def line_label(self, line: str, text: str) -> str:
        """Where an annotation points, e.g. "Plan: Visit Acme"; "Whole form" for none."""
        kind, _sep, ref = line.partition(":")
        if not line:
            return self.tr("Whole form")
        if kind == "summary":
            return self.tr("Summary")
        if kind == "fact":
            return self.tr("Fact: {name}").format(name=kpi_name(ref))
        names = {
            "plan": self.tr("Plan: {text}"),
            "collection": self.tr("Collection: {text}"),
            "instalment": self.tr("Instalment: {text}"),
            "assessment": self.tr("Assessment: {text}"),
        }
        return names.get(kind, "{text}").format(text=text or ref)

    def criterion_label(self, key: str, label: str) -> str:
        """A criterion's name; the default criteria (never renamed) in the interface language."""
        defaults = {
            "plan": self.tr("Plan quality"),
            "execution": self.tr("Execution of the plan"),
            "results": self.tr("Results and collections"),
        }
        default = next((c for c in DEFAULT_CRITERIA if c.key == key), None)
        if default is not None and default.label == label:
            return defaults[key]
        return label
