"""The client's status follows its deals: a won opportunity or a signed contract makes it a customer.

The rule is a setting of the file (``client_status.follows_deals``, on by default, shown in Settings →
Client status): when an opportunity is closed as won or a contract is signed, a client whose status is
lead, prospect, dormant or lost becomes a customer, in the same transaction as the deal. It acts only at
those moments: a status set by hand afterwards stays as set (the rule never re-applies it), and with
the rule off the status changes only by hand. Imports set the status their file gives.
"""

from __future__ import annotations

from typing import Any

from ..errors import ValidationError
from ..models import Client
from .common import transactional
from .settings import get_setting, set_setting

SETTING = "client_status.follows_deals"
PROMOTED_FROM = ("lead", "prospect", "dormant", "lost")
PROMOTED_TO = "customer"


def status_follows_deals() -> bool:
    """Whether a won opportunity or a signed contract makes the client a customer (default: yes)."""
    return get_setting(SETTING, True) is not False


@transactional
def set_status_follows_deals(enabled: Any) -> bool:
    if not isinstance(enabled, bool):
        raise ValidationError("client_status.rule_not_bool", "enabled")
    set_setting(SETTING, enabled)
    return enabled


def promote_on_deal(client: Client) -> bool:
    """Called inside the deal's transaction: make ``client`` a customer if the rule says so.
    Returns whether the status changed."""
    if client.status not in PROMOTED_FROM or not status_follows_deals():
        return False
    client.status = PROMOTED_TO
    client.save()
    return True
