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
