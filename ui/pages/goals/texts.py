"""Translated names of what the goal tree shows: action categories, paces, agreement states, SMART
warnings, units (context ``GoalTexts``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.goal_progress import SmartWarning

from ... import fmt
from ..weekly.kpi_names import kpi_name

CONTEXT = "GoalTexts"

CATEGORIES: dict[str, str] = {
    "market_activity": QT_TRANSLATE_NOOP("GoalTexts", "Market activity"),
    "training": QT_TRANSLATE_NOOP("GoalTexts", "Channel/agent training"),
    "routine": QT_TRANSLATE_NOOP("GoalTexts", "Routine work"),
    "special_communication": QT_TRANSLATE_NOOP("GoalTexts", "Special communication"),
    "custom": QT_TRANSLATE_NOOP("GoalTexts", "Custom"),
}
PACES: dict[str, str] = {
    "on_pace": QT_TRANSLATE_NOOP("GoalTexts", "On pace"),
    "behind": QT_TRANSLATE_NOOP("GoalTexts", "Behind"),
    "far_behind": QT_TRANSLATE_NOOP("GoalTexts", "Far behind"),
    "not_started": QT_TRANSLATE_NOOP("GoalTexts", "Not started"),
    "unknown": QT_TRANSLATE_NOOP("GoalTexts", "No data"),
    "reached": QT_TRANSLATE_NOOP("GoalTexts", "Reached"),
    "missed": QT_TRANSLATE_NOOP("GoalTexts", "Missed"),
}
PACE_COLOURS = {
    "on_pace": "#1f8a4c",
    "reached": "#1f8a4c",
    "behind": "#c77c02",
    "far_behind": "#c8372d",
    "missed": "#c8372d",
    "not_started": "#8a94a0",
    "unknown": "#8a94a0",
}
AGREEMENTS: dict[str, str] = {
    "agreed": QT_TRANSLATE_NOOP("GoalTexts", "Agreed"),
    "assigned": QT_TRANSLATE_NOOP("GoalTexts", "Assigned"),
    "proposed": QT_TRANSLATE_NOOP("GoalTexts", "Proposed"),
}
UNITS: dict[str, str] = {
    "count": QT_TRANSLATE_NOOP("GoalTexts", "Count"),
    "cents": QT_TRANSLATE_NOOP("GoalTexts", "Amount"),
    "minutes": QT_TRANSLATE_NOOP("GoalTexts", "Minutes"),
    "rate": QT_TRANSLATE_NOOP("GoalTexts", "Rate (%)"),
    "days": QT_TRANSLATE_NOOP("GoalTexts", "Days"),
    "ratio": QT_TRANSLATE_NOOP("GoalTexts", "Ratio"),
    "score": QT_TRANSLATE_NOOP("GoalTexts", "Score"),
}
MANUAL_NAME = QT_TRANSLATE_NOOP("GoalTexts", "Manual (entered by hand)")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def category(key: str, custom_label: str = "") -> str:
    if key == "custom" and custom_label:
        return custom_label
    return tr(CATEGORIES[key]) if key in CATEGORIES else key


def pace(key: str) -> str:
    return tr(PACES.get(key, PACES["unknown"]))


def agreement(key: str) -> str:
    return tr(AGREEMENTS.get(key, key))


def unit(key: str) -> str:
    return tr(UNITS.get(key, key))


def metric(key: str) -> str:
    return tr(MANUAL_NAME) if key == "manual" else kpi_name(key)


def value(amount: Any, unit_key: str) -> str:
    """A target, actual or gap in its unit (money without decimals, rates as percentages)."""
    if amount is None:
        return ""
    if unit_key == "cents":
        return fmt.money(int(amount), 0)
    if unit_key == "rate":
        return fmt.number(amount * 100, 1) + "%"
    if unit_key in ("days", "ratio", "score"):
        return fmt.number(amount, 1)
    return fmt.number(amount)


def export_value(amount: Any, unit_key: str) -> float | int | None:
    """A target, actual or gap as the number an export writes, in the unit shown: money in yuan (not
    cents), rates in percent; None when there is none."""
    if amount is None:
        return None
    if unit_key == "cents":
        number = round(float(amount) / 100, 2)
    elif unit_key == "rate":
        number = round(float(amount) * 100, 2)
    else:
        number = round(float(amount), 2)
    return int(number) if number.is_integer() else number


def completion(ratio: float | None) -> str:
    return "" if ratio is None else fmt.number(ratio * 100) + "%"


def warning(w: SmartWarning) -> str:
    """A SMART (or target) warning in the interface language."""
    p = w.params
    name = p.get("label", "")
    unit_key = str(p.get("unit", "count"))
    if w.reason == "no_metric":
        return QCoreApplication.translate(
            "GoalTexts", "Not specific: the goal has no metric, no action and no linked client."
        )
    if w.reason == "no_target":
        return QCoreApplication.translate(
            "GoalTexts", "Not measurable: the goal has no numeric target and is not marked qualitative."
        )
    if w.reason == "above_twice_best":
        return QCoreApplication.translate(
            "GoalTexts",
            'Not attainable: the target for "{name}" is more than twice the best of the last four comparable periods ({best}).',
        ).format(name=name, best=value(p.get("best"), unit_key))
    if w.reason == "below_last":
        return QCoreApplication.translate(
            "GoalTexts",
            'Not attainable as growth: the target for "{name}" is below the last comparable period\'s actual ({last}).',
        ).format(name=name, last=value(p.get("last"), unit_key))
    if w.reason == "no_parent":
        return QCoreApplication.translate(
            "GoalTexts", "Not relevant: a goal below a year should be part of a larger goal."
        )
    if w.reason == "no_period":
        return QCoreApplication.translate("GoalTexts", "Not time-bound: the goal's period is empty.")
    if w.reason == "too_long":
        return QCoreApplication.translate(
            "GoalTexts", "Not time-bound: the period ({days} days) is longer than the goal's kind allows."
        ).format(days=p.get("days", ""))
    if w.reason == "children_exceed":
        return QCoreApplication.translate(
            "GoalTexts", "The sub-goals' targets for \"{name}\" add up to more than this goal's target."
        ).format(name=name)
    return w.message
