"""Deal dialogs: opportunities (create/edit, close), contracts, payment plans and payments."""

from __future__ import annotations

from .close_dialog import CloseOpportunityDialog
from .contract_dialog import ContractDialog
from .opportunity_dialog import OpportunityDialog
from .payment_dialog import PaymentDialog
from .plan_dialog import PaymentPlanDialog

__all__ = [
    "CloseOpportunityDialog",
    "ContractDialog",
    "OpportunityDialog",
    "PaymentDialog",
    "PaymentPlanDialog",
]
