"""The column mapping chosen for a set of headers, remembered in the settings table.

The key is the kind and the normalised headers in their order (``normalise_header``), so the same export
from the same CRM gets the same mapping next time, whatever its case or blanks. At most ``KEEP`` header
sets per kind are remembered (the most recent ones).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from ..errors import ValidationError
from ..services.settings import get_setting, set_setting
from .fields import KINDS, field_map, normalise_header

KEEP = 50
_PREFIX = "import.mapping."


def _key(kind: str, headers: Sequence[Any]) -> str:
    if kind not in KINDS:
        raise ValidationError("import.unknown_kind", "kind", kind=str(kind)[:60], kinds=", ".join(KINDS))
    text = "\x1f".join(normalise_header(h) for h in headers)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def remembered_mapping(kind: str, headers: Sequence[Any]) -> dict[int, str] | None:
    """The mapping last remembered for exactly these headers (column -> field key), or None."""
    key = _key(kind, headers)
    stored = get_setting(_PREFIX + kind, {})
    entry = stored.get(key) if isinstance(stored, dict) else None
    if not isinstance(entry, dict) or not isinstance(entry.get("mapping"), dict):
        return None
    known = field_map(kind)
    mapping: dict[int, str] = {}
    for column, field in entry["mapping"].items():
        try:
            index = int(column)
        except (TypeError, ValueError):
            continue
        if 0 <= index < len(headers) and field in known:
            mapping[index] = field
    return dict(sorted(mapping.items()))


def remember_mapping(kind: str, headers: Sequence[Any], mapping: dict[int, str]) -> None:
    """Remember ``mapping`` for these headers (replacing an earlier one; the oldest sets are forgotten)."""
    key = _key(kind, headers)
    known = field_map(kind)
    clean = {str(c): f for c, f in mapping.items() if isinstance(c, int) and f in known}
    stored = get_setting(_PREFIX + kind, {})
    if not isinstance(stored, dict):
        stored = {}
    stored.pop(key, None)
    order = max((int(v.get("order", 0)) for v in stored.values() if isinstance(v, dict)), default=0) + 1
    stored[key] = {"mapping": clean, "order": order}
    if len(stored) > KEEP:
        oldest = sorted(stored, key=lambda k: stored[k].get("order", 0) if isinstance(stored[k], dict) else 0)
        for gone in oldest[: len(stored) - KEEP]:
            del stored[gone]
    set_setting(_PREFIX + kind, stored)
