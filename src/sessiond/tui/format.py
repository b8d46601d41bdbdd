"""How the TUI writes amounts, instants and labels (the locale's conventions)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sessiond import labels
from sessiond.display import hms, local_time
from sessiond.i18n import language

__all__ = ["hms", "label", "local_time", "money", "short_day"]


def money(amount: Decimal) -> str:
    """As bills write it (62,50 € in French, €62.50 in English)."""
    # Imported at the first amount shown: the billing package is not needed for the
    # first frame.
    from sessiond.billing.text import money as bill_money

    return bill_money(amount)


def short_day(instant: datetime, tz: ZoneInfo) -> str:
    local = instant.astimezone(tz)
    return local.strftime("%d/%m/%Y") if language() == "fr" else local.strftime("%Y-%m-%d")


def label(value: str | None) -> str:
    """A translated label for an allow-list value (mode, tool, channel, state...)."""
    return labels.short(value)
