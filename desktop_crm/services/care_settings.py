"""Settings of old-client care: when a signed client becomes a re-development candidate (signed more than
N months ago, no new opportunity in M months) and the web search address of the dossier."""

from __future__ import annotations

from typing import Any

from ..care_read import (
    MONTHS_RANGE,
    QUIET_MONTHS_SETTING,
    SEARCH_URL_SETTING,
    SIGNED_MONTHS_SETTING,
    CareSettings,
)
from ..errors import ValidationError
from .common import require_text, transactional
from .settings import set_setting


def _months(value: Any, field: str, label: str) -> int:
    low, high = MONTHS_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError("care.months_range", field, label=label, low=low, high=high)
    return value


@transactional
def set_care_settings(signed_months: Any, quiet_months: Any, search_url: Any) -> CareSettings:
    signed = _months(signed_months, "signed_months", "Months since signing")
    quiet = _months(quiet_months, "quiet_months", "Months of quiet")
    url = require_text(search_url, "search_url", "Web search address", 500)
    if not url.lower().startswith(("http://", "https://")) or "{query}" not in url:
        raise ValidationError("care.search_url", "search_url", placeholder="{query}")
    set_setting(SIGNED_MONTHS_SETTING, signed)
    set_setting(QUIET_MONTHS_SETTING, quiet)
    set_setting(SEARCH_URL_SETTING, url)
    return CareSettings(signed, quiet, url)
