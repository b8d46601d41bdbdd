"""How durations and money read on a bill, in the user's language."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sessiond.i18n import _, language

CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    """Round to the cent, half up: the rule of every printed line."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def duration(seconds: int) -> str:
    """1 h 07 min, 45 min, 2 h, 1 h 00 min 30 s: the units read the same in French."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes or (hours and secs):
        parts.append(f"{minutes:02d} min" if hours else f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs:02d} s" if parts else f"{secs} s")
    return " ".join(parts)


def money(amount: Decimal) -> str:
    """60,00 € in French, €60.00 in English; negative amounts keep their sign in front."""
    value = cents(amount)
    sign = "−" if value < 0 else ""
    digits = f"{abs(value):,.2f}"
    if language() == "fr":
        digits = digits.replace(",", "\u202f").replace(".", ",")
        return f"{sign}{digits} €"
    return f"{sign}€{digits}"


def percent(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if language() == "fr" else text


def worked(seconds: int) -> str:
    # French agrees the participle with the unit: "1 h travaillée", "1 h 15 min travaillées".
    text = duration(seconds)
    if text == "1 h":
        return _("1 h worked")
    if text == "1 min":
        return _("1 min worked")
    if text == "1 s":
        return _("1 s worked")
    return _("{duration} worked", duration=text)


def billed(seconds: int) -> str:
    text = duration(seconds)
    if text == "1 h":
        return _("1 h billed")
    if text == "1 min":
        return _("1 min billed")
    if text == "1 s":
        return _("1 s billed")
    return _("{duration} billed", duration=text)


def tranches(count: int, seconds: int) -> str:
    if count == 1:
        return _("1 tranche of {duration}", duration=duration(seconds))
    return _("{count} tranches of {duration}", count=count, duration=duration(seconds))


def breakdown(first_block_seconds: int, increment_seconds: int, increments: int) -> str:
    """How billed time divides into the policy's tranches, in words, the one wording the
    bill, the screen and the documents use: "2 tranches of 1 h" when the first block is a
    tranche like the others, else "first hour indivisible + 1 tranche of 30 min"."""
    if first_block_seconds == increment_seconds:
        return tranches(increments + 1, increment_seconds)
    words = first_block(first_block_seconds)
    if increments:
        words += " + " + tranches(increments, increment_seconds)
    return words


def first_block(seconds: int) -> str:
    if seconds == 3600:
        return _("first hour indivisible")
    if seconds == 1800:
        return _("first half hour indivisible")
    return _("first {duration} indivisible", duration=duration(seconds))
