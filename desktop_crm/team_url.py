"""Telling a team database's address from a file's, and showing it without its password.

Kept apart from :mod:`desktop_crm.postgres` (whose package brings the engine's SQL translation, schema
and driver): the window asks these questions at start, on a file as well as on a team database.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

URL_PREFIXES = ("postgresql://", "postgres://")


def is_team_url(target: object) -> bool:
    """Whether ``target`` (a ``--db`` value) names a team database rather than a file."""
    return isinstance(target, str) and target.lower().startswith(URL_PREFIXES)


def display_url(url: str) -> str:
    """``url`` without any password, for the window's title and the status bar."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    user = unquote(parts.username) + "@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    name = parts.path.lstrip("/")
    query = re.sub(r"(^|&)password=[^&]*", "", parts.query).strip("&")
    return f"postgresql://{user}{host}{port}/{name}" + (f"?{query}" if query else "")
