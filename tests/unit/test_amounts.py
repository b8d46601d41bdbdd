from __future__ import annotations

import pytest

from sessiond.amounts import parse_amount, read_decimal
from sessiond.errors import InputError


@pytest.mark.parametrize(("text", "expected"), [
    ("45", "45.00"), ("52,50", "52.50"), ("52.5", "52.50"), (" 1 200,5 ", "1200.50"),
    ("1\u202f200,50", "1200.50"), ("0", "0.00"),
])
def test_amounts_as_technicians_type_them(text: str, expected: str) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "-5", "NaN", "Infinity", "1e400", "12,3,4"])
def test_not_amounts(text: str) -> None:
    assert read_decimal(text) is None or text == "1e400"
    with pytest.raises(InputError):
        parse_amount(text, maximum=100000)


def test_the_caller_says_what_to_type() -> None:
    with pytest.raises(InputError, match="--rate"):
        parse_amount("cher", message="--rate: give an hourly rate")


@pytest.mark.parametrize(("text", "expected"), [
    ("45,50 €", "45.50"), ("€45.50", "45.50"), ("45,5€", "45.50"), ("45 EUR", "45.00"),
    ("45,50 euros", "45.50"), ("1.045,50", "1045.50"), ("1 045,50 €", "1045.50"),
    ("45,500", "45.50"),
])
def test_amounts_copied_from_a_bill(text: str, expected: str) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["45,505", "1.045", "12 00", "1e3", "1_000", "€", "45,",
                                  "1.200.000"])
def test_amounts_never_guessed_nor_rounded(text: str) -> None:
    with pytest.raises(InputError, match="45,50"):
        parse_amount(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("55", "55.00"), ("55 €/h", "55.00"), ("52,50 € / heure", "52.50"), ("60 EUR/h", "60.00"),
])
def test_hourly_rates_as_a_price_list_writes_them(text: str, expected: str) -> None:
    from sessiond.amounts import parse_rate

    assert parse_rate(text) == expected


def test_an_hourly_rate_is_never_guessed() -> None:
    from sessiond.amounts import parse_rate

    for text in ("55/j", "cher", "100000"):
        with pytest.raises(InputError):
            parse_rate(text)


# Digits other than 0 to 9 that int() and Decimal() read (and `\d` matches): Arabic-Indic,
# Extended Arabic-Indic (Persian), full-width, Devanagari, Bengali, Thai, mathematical
# bold; and number characters they do not read but that look like digits.
FOREIGN = ["٤٥", "۴۵", "４５", "४५", "৪৫", "๔๕", "𝟒𝟓", "4٥", "45,٥٠", "1 ٠٠٠,50", "4²",
           "½", "Ⅻ", "٤٥ €"]


@pytest.mark.parametrize("text", FOREIGN)
def test_digits_other_than_ascii_are_refused_and_named(text: str) -> None:
    from sessiond.amounts import foreign_digit, parse_rate, refuse_foreign_digits
    from sessiond.i18n import set_language

    assert read_decimal(text) is None
    digit = foreign_digit(text)
    assert digit is not None
    set_language("fr")
    try:
        for parse in (parse_amount, parse_rate, refuse_foreign_digits):
            with pytest.raises(InputError) as refused:
                parse(text)
            assert f"U+{ord(digit):04X}" in refused.value.message
            assert "chiffres 0 à 9" in refused.value.message
        set_language("en")
        with pytest.raises(InputError, match="digits 0 to 9"):
            parse_amount(text)
    finally:
        set_language(None)


@pytest.mark.parametrize("text", ["٣", "１,５", "۱.5"])
def test_hours_of_a_package_are_ascii_digits(text: str) -> None:
    from sessiond.sessions import credit_hours

    with pytest.raises(InputError, match="U\\+"):
        credit_hours(text)
    assert credit_hours("1,5") == "1.5"


def test_days_times_and_numbers_are_ascii_digits() -> None:
    import argparse
    from datetime import UTC, date, datetime
    from zoneinfo import ZoneInfo

    from sessiond import clock
    from sessiond.cli.options import event_number, whole_number
    from sessiond.model import decimal

    tz = ZoneInfo("Europe/Paris")
    reference = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)
    today = date(2026, 11, 22)
    for text in ("٢٢/١١", "２２/１１/２０２６", "٢٠٢٦-١١-٢٢", "22/11/٢٠٢٦"):
        with pytest.raises(InputError, match="U\\+"):
            clock.parse_day(text, today)
    for text in ("٩:٣٠", "９h３０", "hier ٩h30", "2026-11-22T٠٩:30", "22/11 ٩h"):
        with pytest.raises(InputError, match="U\\+"):
            clock.parse_instant(text, tz, reference=reference)
    with pytest.raises(InputError, match="U\\+"):
        clock.parse_appointment("٢٣/١١/2026 10h", tz)
    assert clock.parse_day("22/11", today) == today  # 0-9 still read
    for read in (event_number, whole_number):
        for text in ("٣", "#٣", "n° ١٦", "３", "²"):
            with pytest.raises(argparse.ArgumentTypeError, match="U\\+"):
                read(text)
    assert event_number("#16") == 16 and whole_number("2") == 2
    # What an event carries is checked in 0-9 too (model.decimal, days, instants).
    assert decimal("45.50") and not decimal("٤٥.٥٠")
