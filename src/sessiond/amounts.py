"""Numbers typed by a person (rates, payments, fees, hours), read one way everywhere.

"45", "52,50", "52.50", "1 200,50" and "1.200,50" are all accepted: technicians type
French decimals, and copy amounts from a bill or a bank statement, currency sign included
("45,50 €", "€45.50", "45 EUR"). Digit groups are read only where they are unambiguous
(groups of three; a dot groups thousands only before a decimal comma), so that "12 00" or
"1.045" is refused rather than guessed. Events carry amounts as two-decimal strings
(model.decimal), never floats.

Numbers are written with the digits 0 to 9 only: Python's int() and Decimal() also read
Arabic-Indic, Devanagari or full-width digits ("٤٥" is 45 to them), and `\\d` in a
pattern matches them too, so a number in another script that looks like nothing the
technician typed could reach a bill. Every place a person's or a file's number is read
refuses them first (refuse_foreign_digits), saying which character it is.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sessiond.errors import InputError
from sessiond.i18n import _

CENT = Decimal("0.01")

# Spaces a keyboard or a copied document puts between digit groups.
_SPACES = ("\u00a0", "\u202f", "\u2009", "\t")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:([ .'’])[0-9]{3})+\Z")
_PLAIN = re.compile(r"^[0-9]+\Z")
_FRACTION = re.compile(r"^[0-9]+\Z")
# A currency sign or code before or after the number, as bills and statements print it.
_CURRENCY = re.compile(r"^(?:€|eur(?:os?)?)\s*|\s*(?:€|eur(?:os?)?)$", re.IGNORECASE)


def foreign_digit(text: str) -> str | None:
    """The first character of `text` that is a digit or a number other than 0 to 9 (an
    Arabic-Indic, full-width or Devanagari digit, a superscript, a fraction, a Roman
    numeral), or None."""
    if text.isascii():
        return None
    import unicodedata

    return next((c for c in text if not c.isascii() and unicodedata.numeric(c, None)
                 is not None), None)


def foreign_digit_message(text: str, digit: str) -> str:
    return _("{text!r} holds {digit!r} (U+{code}), a digit other than 0 to 9: type "
             "numbers with the digits 0 to 9.", text=text, digit=digit,
             code=f"{ord(digit):04X}")


def refuse_foreign_digits(text: str) -> None:
    """Refuse (InputError) a number typed or read with digits other than 0 to 9."""
    digit = foreign_digit(text)
    if digit is not None:
        raise InputError(foreign_digit_message(text, digit))


def read_decimal(text: str) -> Decimal | None:
    """The non-negative number in `text`, or None when it is not one."""
    cleaned = text.strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, " ")
    cleaned = " ".join(cleaned.split())
    whole, separator, fraction = _split_decimal(cleaned)
    if separator and not _FRACTION.match(fraction):
        return None
    if _PLAIN.match(whole):
        digits = whole
    else:
        grouped = _GROUPED.match(whole)
        # "1.045" could be 1,045 or 1045: a dot groups thousands only before a decimal comma.
        if grouped is None or (grouped.group(1) == "." and separator != ","):
            return None
        digits = re.sub(r"[^0-9]", "", whole)
    try:
        value = Decimal(f"{digits}.{fraction}" if separator else digits)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _split_decimal(text: str) -> tuple[str, str, str]:
    """(whole part, decimal separator, fraction): the separator is the last comma, else
    the last dot when no comma is typed and the dot is not a group of three."""
    if "," in text:
        whole, _sep, fraction = text.rpartition(",")
        return whole, ",", fraction
    if "." in text:
        whole, _sep, fraction = text.rpartition(".")
        if "." in whole or _GROUPED.match(text):
            # "1.200" or "1.200.000": dots that group thousands, no decimal point.
            return text, "", ""
        return whole, ".", fraction
    return text, "", ""


def parse_amount(text: str, *, maximum: int = 10**9, message: str | None = None) -> str:
    """An amount in euros as the two-decimal string events carry; `message` (else a
    generic one) says what to type instead. An amount is never rounded silently: a third
    decimal other than 0 ("45,505") is refused."""
    refuse_foreign_digits(text)
    value = read_decimal(_CURRENCY.sub("", text.strip()))
    if value is None or value >= maximum:
        raise InputError(message or _("{amount!r} is not an amount in euros (e.g. 45 or "
                                      "45,50).", amount=text))
    if value != value.quantize(CENT):
        raise InputError(message or _("{amount!r} has more than two decimals: give the "
                                      "amount in euros and cents (e.g. 45,50).", amount=text))
    return str(value.quantize(CENT))


# An hourly rate as a price list writes it: "55 €/h", "55 € / heure", "55 EUR/h".
_PER_HOUR = re.compile(r"\s*/\s*(?:h|heure|hour)$", re.IGNORECASE)
MAX_RATE = 100000  # euros an hour: beyond, a typing mistake


def parse_rate(text: str, *, message: str | None = None) -> str:
    """An hourly rate in euros, as `parse_amount` reads it, with or without its "/h"."""
    return parse_amount(_PER_HOUR.sub("", text.strip()), maximum=MAX_RATE,
                        message=message)
