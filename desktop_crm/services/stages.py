"""The win probability of each opportunity stage (editable in Settings).

Stored as JSON in the ``Setting`` row ``pipeline.stage_probabilities``: ``{stage: percent}`` for the open
stages. Won is always 100 and lost always 0; a stage missing from the stored value (or an unreadable
value) falls back to ``DEFAULT_STAGE_PROBABILITY``. New opportunities, and opportunities moved to another
stage, take the stage's probability from here unless one is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ValidationError
from ..models.enums import DEFAULT_STAGE_PROBABILITY, OPEN_STAGES, OPPORTUNITY_STAGES
from .common import require_int, require_mapping, shown, transactional
from .settings import delete_setting, get_setting, set_setting

SETTING_KEY = "pipeline.stage_probabilities"
FIXED = {"won": 100, "lost": 0}


def stage_probabilities() -> dict[str, int]:
    """``{stage: percent}`` for every stage, in ``OPPORTUNITY_STAGES`` order."""
    stored = get_setting(SETTING_KEY, {})
    if not isinstance(stored, dict):
        stored = {}
    result: dict[str, int] = {}
    for stage in OPPORTUNITY_STAGES:
        value = FIXED.get(stage, stored.get(stage))
        valid = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100
        result[stage] = value if valid else DEFAULT_STAGE_PROBABILITY[stage]  # type: ignore[assignment]
    return result


def stage_probability(stage: str) -> int:
    """The probability a new (or moved) opportunity gets in ``stage``."""
    if stage not in OPPORTUNITY_STAGES:
        raise ValidationError("stage.unknown", "stage", stage=stage)
    return stage_probabilities()[stage]


@transactional
def set_stage_probabilities(values: Mapping[str, Any]) -> dict[str, int]:
    """Store the given open stages' probabilities (whole numbers 0..100). Won/lost may be given only with
    their fixed values. Existing opportunities keep their own probability."""
    current = stage_probabilities()
    for stage, value in require_mapping(values, "stage", "Stage").items():
        if stage in FIXED:
            if value != FIXED[stage]:
                raise ValidationError(
                    "stage.probability_fixed", f"probability.{stage}", stage=stage, percent=FIXED[stage]
                )
            continue
        if stage not in OPEN_STAGES:
            raise ValidationError("stage.unknown", "stage", stage=shown(stage))
        current[stage] = require_int(value, f"probability.{stage}", f"Probability of stage {stage}", 0, 100)
    set_setting(SETTING_KEY, {stage: current[stage] for stage in OPEN_STAGES})
    return stage_probabilities()


@transactional
def reset_stage_probabilities() -> dict[str, int]:
    """Back to the defaults (10/30/50/70)."""
    delete_setting(SETTING_KEY)
    return stage_probabilities()
