"""Show the core's messages in the interface language.

The core raises errors with English sentences (it has no Qt). ``tools/extract_service_messages.py``
collects their templates and the validators' field labels into ``ui/service_text.py``, which Qt's
tools translate like any other text. ``error_text`` matches a raised message against the templates and
returns the translation, with the values filled in (field labels translated too); a message that
matches nothing is shown as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from .service_text import TEMPLATES

_FIELD = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for template in TEMPLATES:
        literal = template.replace("{{", "\x00").replace("}}", "\x01")
        pieces = _FIELD.split(literal)
        regex = ""
        for index, piece in enumerate(pieces):
            if index % 2:
                regex += f"(?P<{piece}>.+?)"
            else:
                regex += re.escape(piece.replace("\x00", "{").replace("\x01", "}"))
        compiled.append((re.compile(regex, re.DOTALL), template))
    # Most literal text first: the most specific template wins when two could match
    # ("... between 1900 and 2100." before "... between {low} and {high}.").
    compiled.sort(key=lambda item: -len(_FIELD.sub("", item[1])))
    return compiled


def _label(value: str) -> str:
    return QCoreApplication.translate("ServiceLabels", value)


def error_text(error: BaseException | str) -> str:
    """The message of ``error`` in the interface language."""
    message = error if isinstance(error, str) else (getattr(error, "message", None) or str(error))
    for pattern, template in _patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        translated = QCoreApplication.translate("ServiceErrors", template)
        values = {key: _label(value) for key, value in match.groupdict().items()}
        try:
            return translated.format(**values)
        except (KeyError, IndexError, ValueError):
            return message
    return message
