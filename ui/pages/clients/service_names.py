"""The names of service record types in the interface language (lists and dialogs alike)."""

from __future__ import annotations

from desktop_crm.services import service_records as svc

from ...labels import label


def type_name(kind: str, types: list[svc.ServiceType] | None = None) -> str:
    """The type's name in the interface language: a built-in type translated, the business's own as named."""
    found = next((t for t in types or svc.service_types() if t.key == kind), None)
    if found is not None and found.name:
        return found.name
    return label("service_type", kind)
