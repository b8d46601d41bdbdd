"""SIREN and SIRET: normalisation, Luhn check digits, the La Poste exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessiond.law.siren import (
    is_valid_siren,
    is_valid_siret,
    normalise_siren_or_siret,
    siren_of,
)

# Luhn sums worked by hand (from the right, every second digit doubled, less 9 past 9):
# 732829320:      0 + 2·2 + 3 + (18-9) + 2 + (16-9) + 2 + 3·2 + 7 = 40
# 73282932000074: 4 + (14-9) + 0 + 0 + 0 + 0 + 2 + 3·2 + 9 + 2·2 + 8 + 2·2 + 3 + (14-9) = 50
VALID_SIREN = ["732829320", "552100554", "356000000", "443061841"]
VALID_SIRET = ["73282932000074", "55210055400013", "44306184100047"]


def _luhn_complete(digits: str) -> str:
    """`digits` with the Luhn check digit appended, computed independently of the module."""
    for check in "0123456789":
        candidate = digits + check
        total = sum(int(c) if i % 2 == 0 else sum(divmod(int(c) * 2, 10))
                    for i, c in enumerate(reversed(candidate)))
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable: one check digit always fits")


@pytest.mark.parametrize("number", VALID_SIREN)
def test_valid_siren(number: str) -> None:
    assert is_valid_siren(number)


@pytest.mark.parametrize("number", VALID_SIRET)
def test_valid_siret(number: str) -> None:
    assert is_valid_siret(number)
    assert siren_of(number) == number[:9]


@pytest.mark.parametrize("number", [
    "732829321", "732829329", "732829302",  # wrong check digit, swapped digits
    "552100555",
])
def test_wrong_check_digit_siren(number: str) -> None:
    assert not is_valid_siren(number)


@pytest.mark.parametrize("number", [
    "73282932000075", "73282932000047", "55210055400014",
    "73282932100074",  # the NIC changed
])
def test_wrong_check_digit_siret(number: str) -> None:
    assert not is_valid_siret(number)


def test_a_siret_needs_a_valid_siren() -> None:
    # Luhn over the 14 digits passes, but the first 9 are not a valid SIREN.
    number = _luhn_complete("7328293210007")
    assert not is_valid_siren(number[:9])
    assert not is_valid_siret(number)


@pytest.mark.parametrize("text", [
    "", " ", "73282932", "7328293200", "0", "7328293200007", "732829320000740",
    "73282932000074" + "0" * 5,
])
def test_wrong_lengths(text: str) -> None:
    assert not is_valid_siren(text)
    assert not is_valid_siret(text)


def test_a_siret_is_no_siren_and_the_reverse() -> None:
    assert not is_valid_siren("73282932000074")
    assert not is_valid_siret("732829320")


@pytest.mark.parametrize(("text", "digits"), [
    ("732829320", "732829320"),
    ("732 829 320", "732829320"),
    ("732.829.320", "732829320"),
    ("732\u00a0829\u00a0320", "732829320"),  # no-break spaces from a word processor
    ("732\u202f829\u202f320", "732829320"),  # narrow no-break spaces (French typography)
    ("  732 829 320 00074\n", "73282932000074"),
    ("732 829 320 000 74", "73282932000074"),
])
def test_normalisation(text: str, digits: str) -> None:
    assert normalise_siren_or_siret(text) == digits
    assert is_valid_siren(text) or is_valid_siret(text)


@pytest.mark.parametrize("text", [
    "", "   ", "732-829-320", "732829320a", "SIREN 732829320", "٧٣٢٨٢٩٣٢٠",
    "７３２８２９３２０",  # full-width digits
    "73282932²",
])
def test_normalisation_refuses_other_characters(text: str) -> None:
    with pytest.raises(ValueError, match="SIREN"):
        normalise_siren_or_siret(text)
    assert not is_valid_siren(text)
    assert not is_valid_siret(text)


def test_siren_of_a_formatted_siret() -> None:
    assert siren_of("732 829 320 00074") == "732829320"


@pytest.mark.parametrize("text", ["73282932000075", "732829320", "not a number"])
def test_siren_of_refuses_an_invalid_siret(text: str) -> None:
    with pytest.raises(ValueError, match="not a valid SIRET"):
        siren_of(text)


# --- La Poste --------------------------------------------------------------------------------

@pytest.mark.parametrize("number", [
    "35600000000048",  # the head office: passes Luhn, digits add up to 26
    "35600000049837",  # 3+5+6+4+9+8+3+7 = 45
    "35600000000010",  # 15
    "356 000 000 00001",
    "35600000000015",  # 20
])
def test_la_poste_siret(number: str) -> None:
    assert is_valid_siret(number)
    assert siren_of(number) == "356000000"


def test_la_poste_numbers_that_pass_neither_test() -> None:
    assert not is_valid_siret("35600000000019")  # sum 24, Luhn fails
    assert not is_valid_siret("35600000000027")  # sum 23, Luhn fails


def test_the_sum_rule_is_for_la_poste_only() -> None:
    # 732829320 00004: digits add up to 40, but Luhn fails and it is not La Poste.
    assert sum(map(int, "73282932000004")) % 5 == 0
    assert not is_valid_siret("73282932000004")


# --- properties --------------------------------------------------------------------------------

@given(st.text("0123456789", min_size=8, max_size=8))
def test_every_completed_siren_is_valid(body: str) -> None:
    number = _luhn_complete(body)
    assert is_valid_siren(number)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not is_valid_siren(wrong)


@given(st.text("0123456789", min_size=8, max_size=8), st.text("0123456789", min_size=4,
                                                              max_size=4))
def test_every_completed_siret_is_valid(body: str, nic: str) -> None:
    number = _luhn_complete(_luhn_complete(body) + nic)
    assert is_valid_siret(number)
    assert siren_of(number) == number[:9]


@given(st.text("0123456789", min_size=14, max_size=14),
       st.lists(st.sampled_from([" ", ".", "\u00a0", "\u202f"]), min_size=14, max_size=14))
def test_separators_never_change_the_answer(digits: str, separators: list[str]) -> None:
    spaced = "".join(d + s for d, s in zip(digits, separators, strict=True))
    assert normalise_siren_or_siret(spaced) == digits
    assert is_valid_siret(spaced) is is_valid_siret(digits)
    assert is_valid_siren(spaced[:18]) is is_valid_siren(normalise_siren_or_siret(spaced[:18]))
