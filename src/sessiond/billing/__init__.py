"""Billing: tranches, prices, discounts, guarantees and prepaid credit, as pure functions."""

from sessiond.billing.bill import Bill, CreditDraw, CreditUse, Line, NextTranche
from sessiond.billing.engine import History, bill
from sessiond.billing.worked import worked_seconds

__all__ = ["Bill", "CreditDraw", "CreditUse", "History", "Line", "NextTranche", "bill",
           "worked_seconds"]
