"""Peewee models for every entity of the domain (see DOMAIN.md)."""

from .attachments import Attachment
from .base import BaseModel, SoftDeleteModel, database, new_uuid, now
from .care import ClientDossier, DossierNote, Referral
from .clients import Client, ClientMilestone, ClientTag, CustomFieldDef, CustomFieldValue, Tag
from .deals import Contract, Opportunity, OpportunityContact, Payment, PaymentInstalment
from .followups import FollowUp, FollowUpContact, NextStep
from .goals import Goal, GoalAction, GoalActionClient, GoalClient, GoalTarget
from .handbook import HandbookEntry
from .service import ServiceRecord
from .stakeholders import Contact, StanceChange
from .users import Setting, User
from .views import SavedView
from .weekly import (
    Annotation,
    WeeklyCollectionItem,
    WeeklyCriterionScore,
    WeeklyForm,
    WeeklyPlanItem,
    WeeklyScore,
)

# In dependency order: creating tables in this order satisfies every foreign key.
ALL_MODELS: list[type[BaseModel]] = [
    User,
    Setting,
    Client,
    Tag,
    ClientTag,
    ClientMilestone,
    CustomFieldDef,
    CustomFieldValue,
    Contact,
    StanceChange,
    Opportunity,
    OpportunityContact,
    Contract,
    PaymentInstalment,
    Payment,
    FollowUp,
    FollowUpContact,
    NextStep,
    Goal,
    GoalTarget,
    GoalAction,
    GoalClient,
    GoalActionClient,
    WeeklyForm,
    WeeklyCollectionItem,
    WeeklyPlanItem,
    Annotation,
    WeeklyScore,
    WeeklyCriterionScore,
    HandbookEntry,
    SavedView,
    Referral,
    ClientDossier,
    DossierNote,
    ServiceRecord,
    Attachment,
]

__all__ = [m.__name__ for m in ALL_MODELS] + [
    "ALL_MODELS",
    "BaseModel",
    "SoftDeleteModel",
    "database",
    "new_uuid",
    "now",
]
