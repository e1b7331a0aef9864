"""Whether reads over the whole file are slow enough to belong on the database worker."""

from __future__ import annotations

from desktop_crm.models import Client

# Above this many clients the pages load on the database worker (the agenda takes about 0.3 s for
# the whole team on 100k clients); below it, inline, so a small file shows no "loading" flicker.
BACKGROUND_CLIENTS = 5_000


def is_large() -> bool:
    """Whether the file holds more than ``BACKGROUND_CLIENTS`` clients (deleted ones included)."""
    return bool(Client.select(Client.id).limit(1).offset(BACKGROUND_CLIENTS).exists())
