"""The performance handbook page (绩效手册): questions and answers on how each KPI and rule is judged."""

from .page import HandbookPage

__all__ = ["HandbookPage"]
