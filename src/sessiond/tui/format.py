"""How the TUI writes amounts, instants and labels (the locale's conventions)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sessiond.display import hms, local_time
from sessiond.i18n import _, language

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


# Values of the event allow-list (model.py) as the technician reads them, per language.
_LABELS: dict[str, dict[str, str]] = {}


def label(value: str | None) -> str:
    """A translated label for an allow-list value (mode, tool, channel, state...)."""
    if value is None:
        return "—"
    labels = _LABELS.get(language())
    if labels is None:
        labels = _LABELS[language()] = {
            "remote": _("remote"), "onsite": _("on site"), "workshop": _("workshop"),
            "teamviewer": "TeamViewer", "anydesk": "AnyDesk", "rustdesk": "RustDesk",
            "phone": _("phone"), "visio": _("video call"), "other": _("other"),
            "windows": "Windows", "macos": "macOS", "linux": "Linux",
            "oral": _("orally"), "email": _("e-mail"), "sms": _("SMS"),
            "tool-code": _("code of the remote tool"), "signature": _("signature"),
            "consumer": _("private person"), "business": _("business"),
            "planned": _("planned"), "running": _("running"), "paused": _("paused"),
            "stopped": _("stopped"),
            "handwritten": _("handwritten"), "electronic": _("electronic"),
            "paper": _("paper"),
            "accepted": _("backup accepted"), "declined": _("backup declined"),
            "client-has-own": _("client has his own backup"),
            "solved": _("solved"), "diagnosed": _("diagnosed"), "unsolved": _("unsolved"),
            "card": _("card"), "cash": _("cash"), "cheque": _("cheque"),
            "transfer": _("transfer"),
            "screenshot": _("screenshot"), "file-copy": _("file copy"),
            "recording": _("recording"),
            "technician": _("the technician"), "client": _("the client"),
            "error": _("error"), "warning": _("warning"),
            "travel": _("travel"), "no-show": _("no-show"),
            "late-cancellation": _("late cancellation"), "waiting": _("waiting"),
            "shipped": _("shipped with sessiond"), "user": _("your own"),
        }
    return labels.get(value, value)
