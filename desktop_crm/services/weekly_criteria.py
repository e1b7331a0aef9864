"""The criteria a supervisor scores a weekly form by (Settings → Weekly review).

Stored as the JSON setting ``weekly_score_criteria``: a list of ``{"key", "label", "weight"}``. While the
setting has never been saved, the three default criteria below apply. A form scored per criterion keeps
a copy of each criterion's label and weight (``WeeklyCriterionScore``), so editing the criteria later
changes no past score.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ValidationError
from .common import optional_text, require_list, require_text, transactional
from .settings import get_setting, set_setting

CRITERIA_KEY = "weekly_score_criteria"
MAX_CRITERIA = 12


@dataclass(frozen=True)
class ScoreCriterion:
    key: str
    label: str
    weight: float


# Used until the criteria are saved once; the interface shows these labels in its own language.
DEFAULT_CRITERIA: tuple[ScoreCriterion, ...] = (
    ScoreCriterion("plan", "Plan quality", 30.0),
    ScoreCriterion("execution", "Execution of the plan", 40.0),
    ScoreCriterion("results", "Results and collections", 30.0),
)


def load_criteria() -> list[ScoreCriterion]:
    """The scoring criteria in order (the defaults while none were saved)."""
    stored = get_setting(CRITERIA_KEY)
    if not isinstance(stored, list):
        return list(DEFAULT_CRITERIA)
    result = []
    for item in stored:
        try:
            result.append(ScoreCriterion(str(item["key"]), str(item["label"]), float(item["weight"])))
        except (KeyError, TypeError, ValueError):
            continue
    return result


def _weight(value: Any) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and math.isnan(value))
    ):
        raise ValidationError("criteria.weight_not_a_number", "weight")
    if not 0 < value <= 100:
        raise ValidationError("criteria.weight_range", "weight")
    return float(value)


def _new_key(label: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_")[:40] or "criterion"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


@transactional
def save_criteria(items: Iterable[Mapping[str, Any] | ScoreCriterion]) -> list[ScoreCriterion]:
    """Replace the criteria. Each item has a ``label`` and a ``weight`` (0 < w ≤ 100) and may keep its
    ``key`` (a new item without one gets a key made from its label). Labels must differ."""
    result: list[ScoreCriterion] = []
    taken: set[str] = set()
    labels: set[str] = set()
    for item in require_list(items, "criteria", "Criterion", MAX_CRITERIA * 10):
        if not isinstance(item, ScoreCriterion | Mapping):
            raise ValidationError("not_a_mapping", "criteria", label="Criterion")
        data = item.__dict__ if isinstance(item, ScoreCriterion) else dict(item)
        label = require_text(data.get("label"), "label", "Criterion", 200)
        if label.casefold() in labels:
            raise ValidationError("criteria.duplicate", "label", name=label)
        labels.add(label.casefold())
        weight = _weight(data.get("weight"))
        raw_key = data.get("key")
        key = optional_text(raw_key, "label", "Criterion", 100) if isinstance(raw_key, str) else ""
        if not key or key in taken:
            key = _new_key(label, taken)
        taken.add(key)
        result.append(ScoreCriterion(key, label, weight))
    if len(result) > MAX_CRITERIA:
        raise ValidationError("criteria.too_many", "criteria", max=MAX_CRITERIA)
    set_setting(CRITERIA_KEY, [{"key": c.key, "label": c.label, "weight": c.weight} for c in result])
    return result


def weighted_total(parts: Iterable[tuple[float, float]]) -> float:
    """The weighted mean of (weight, score) pairs, rounded to 0.1; 0 without parts."""
    pairs = list(parts)
    total_weight = sum(w for w, _s in pairs)
    if total_weight <= 0:
        return 0.0
    return round(sum(w * s for w, s in pairs) / total_weight, 1)
