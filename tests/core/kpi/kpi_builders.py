"""Record builder and scenario type for the KPI tests (the fixtures are in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_crm.models import (
    Client,
    Contract,
    FollowUp,
    Opportunity,
    Payment,
    PaymentInstalment,
    User,
    WeeklyForm,
    WeeklyScore,
)


class Builder:
    """Creates records with explicit dates (timestamps as stored: 'YYYY-MM-DD HH:MM:SS')."""

    def user(self, name: str) -> int:
        return User.create(name=name).id

    def client(self, created: str, owner: int | None, deleted: str | None = None) -> int:
        return Client.create(name=f"client {created}", created_at=created, owner=owner, deleted_at=deleted).id

    def follow_up(
        self, client: int, user: int | None, at: str, channel: str = "call", minutes: int = 0
    ) -> int:
        return FollowUp.create(
            client=client, user=user, happened_at=at, channel=channel, duration_minutes=minutes
        ).id

    def contract(self, client: int, signed_on: str, amount: int) -> int:
        return Contract.create(client=client, signed_on=signed_on, amount_cents=amount).id

    def instalment(self, contract: int, due: str, amount: int) -> int:
        return PaymentInstalment.create(contract=contract, due_date=due, amount_cents=amount).id

    def payment(self, contract: int, paid_on: str, amount: int, instalment: int | None = None) -> int:
        return Payment.create(
            contract=contract, paid_on=paid_on, amount_cents=amount, instalment=instalment
        ).id

    def opportunity(
        self,
        client: int,
        owner: int | None,
        created: str,
        amount: int,
        stage: str = "initial",
        closed_on: str | None = None,
        deleted: str | None = None,
    ) -> int:
        return Opportunity.create(
            client=client,
            owner=owner,
            name="deal",
            created_at=created,
            expected_amount_cents=amount,
            stage=stage,
            closed_on=closed_on,
            deleted_at=deleted,
        ).id

    def weekly_form(self, user: int, iso_year: int, iso_week: int, score: float | None = None) -> int:
        form = WeeklyForm.create(user=user, iso_year=iso_year, iso_week=iso_week)
        if score is not None:
            WeeklyScore.create(form=form, score=score)
        return form.id


@dataclass
class Scenario:
    alice: int
    bob: int
    ids: dict[str, int] = field(default_factory=dict)
