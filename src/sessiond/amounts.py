"""Numbers typed by a person (rates, payments, fees, hours), read one way everywhere.

"45", "52,50", "52.50" and "1 200,50" are all accepted: technicians type French decimals.
Events carry amounts as two-decimal strings (model.decimal), never floats.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sessiond.errors import InputError
from sessiond.i18n import _


def read_decimal(text: str) -> Decimal | None:
    """The non-negative number in `text`, or None when it is not one."""
    cleaned = text.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def parse_amount(text: str, *, maximum: int = 10**9, message: str | None = None) -> str:
    """An amount in euros as the two-decimal string events carry; `message` (else a
    generic one) says what to type instead."""
    value = read_decimal(text)
    if value is None or value >= maximum:
        raise InputError(message or _("{amount!r} is not an amount in euros (e.g. 45 or "
                                      "45,50).", amount=text))
    return str(value.quantize(Decimal("0.01")))
