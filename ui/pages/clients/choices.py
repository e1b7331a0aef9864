"""The Clients page's pick lists, kept importable from here; they live in ``desktop_crm.read.choices``."""

from __future__ import annotations

from desktop_crm.read.choices import FieldInfo, custom_fields, owners, tags

__all__ = ["FieldInfo", "custom_fields", "owners", "tags"]
