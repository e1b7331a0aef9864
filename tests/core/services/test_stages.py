"""Stage probabilities: stored in the Setting table, validated 0..100, won/lost fixed, used by new deals."""

from __future__ import annotations

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, Setting
from desktop_crm.services.deals import create_opportunity
from desktop_crm.services.settings import get_setting, set_setting
from desktop_crm.services.stages import (
    SETTING_KEY,
    reset_stage_probabilities,
    set_stage_probabilities,
    stage_probabilities,
    stage_probability,
)

DEFAULTS = {"initial": 10, "needs": 30, "proposal": 50, "negotiation": 70, "won": 100, "lost": 0}


def test_defaults_without_a_setting(db: object) -> None:
    assert stage_probabilities() == DEFAULTS
    assert Setting.select().count() == 0


def test_edit_store_and_reset(db: object) -> None:
    result = set_stage_probabilities({"needs": 25, "negotiation": 80, "won": 100})
    assert result == {**DEFAULTS, "needs": 25, "negotiation": 80}
    assert get_setting(SETTING_KEY) == {"initial": 10, "needs": 25, "proposal": 50, "negotiation": 80}
    assert stage_probability("needs") == 25
    assert reset_stage_probabilities() == DEFAULTS


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"needs": 101}, "probability.needs"),
        ({"needs": -1}, "probability.needs"),
        ({"needs": "30"}, "probability.needs"),
        ({"needs": 2.5}, "probability.needs"),
        ({"won": 90}, "probability.won"),
        ({"lost": 5}, "probability.lost"),
        ({"closing": 50}, "stage"),
    ],
)
def test_invalid_values_change_nothing(db: object, values: dict[str, object], field: str) -> None:
    set_stage_probabilities({"initial": 15})
    with pytest.raises(ValidationError) as err:
        set_stage_probabilities({"proposal": 60, **values})
    assert err.value.field == field
    assert stage_probabilities() == {**DEFAULTS, "initial": 15}


def test_unreadable_stored_values_fall_back(db: object) -> None:
    set_setting(SETTING_KEY, {"initial": 500, "needs": "x", "proposal": 45})
    assert stage_probabilities() == {**DEFAULTS, "proposal": 45}
    set_setting(SETTING_KEY, [1, 2])
    assert stage_probabilities() == DEFAULTS


def test_new_opportunities_use_the_stored_probability(db: object) -> None:
    client = Client.create(name="Acme")
    set_stage_probabilities({"proposal": 42})
    assert create_opportunity(client, "A", stage="proposal").probability == 42
    assert create_opportunity(client, "B", stage="proposal", probability=60).probability == 60
