"""Translated names of the attachment kinds (``desktop_crm.attachments.KINDS``) and of the record kinds
that carry attachments."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AttachmentKinds"

KIND_LABELS = {
    "recording": QT_TRANSLATE_NOOP("AttachmentKinds", "Call recording"),
    "email": QT_TRANSLATE_NOOP("AttachmentKinds", "E-mail"),
    "pdf": QT_TRANSLATE_NOOP("AttachmentKinds", "PDF"),
    "image": QT_TRANSLATE_NOOP("AttachmentKinds", "Image"),
    "text": QT_TRANSLATE_NOOP("AttachmentKinds", "Text / chat export"),
    "document": QT_TRANSLATE_NOOP("AttachmentKinds", "Document"),
    "other": QT_TRANSLATE_NOOP("AttachmentKinds", "Other file"),
}

OWNER_LABELS = {
    "client": QT_TRANSLATE_NOOP("AttachmentKinds", "Client"),
    "follow_up": QT_TRANSLATE_NOOP("AttachmentKinds", "Follow-up"),
    "contract": QT_TRANSLATE_NOOP("AttachmentKinds", "Contract"),
    "service_record": QT_TRANSLATE_NOOP("AttachmentKinds", "Service record"),
}


def kind_label(kind: str) -> str:
    source = KIND_LABELS.get(kind)
    return QCoreApplication.translate(CONTEXT, source) if source else kind


def owner_label(kind: str) -> str:
    source = OWNER_LABELS.get(kind)
    return QCoreApplication.translate(CONTEXT, source) if source else kind
