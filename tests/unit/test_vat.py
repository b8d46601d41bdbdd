"""The VAT rule of an invoice by the client's country and status, and the intra-EU VAT
numbers it states (law.vat)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sessiond.i18n import set_language
from sessiond.law import vat


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")  # the words the checks look for
    yield
    set_language(None)


@pytest.mark.parametrize(("country", "business", "category"), [
    ("FR", True, "E"), ("MC", True, "E"), ("RE", True, "E"), ("FR", False, "E"),
    ("DE", False, "E"), ("US", False, "E"),  # a private client: French rules wherever
    ("DE", True, "AE"), ("GR", True, "AE"), ("IE", True, "AE"),
    ("CH", True, "O"), ("GB", True, "O"), ("US", True, "O"),
])
def test_the_rule_follows_the_country_and_the_status(country: str, business: bool,
                                                     category: str) -> None:
    assert vat.treatment(country, business).category == category
    assert vat.reported(country, business) == (not business or category != "E")


@pytest.mark.parametrize(("typed", "country", "printed"), [
    ("DE 123 456 789", "DE", "DE123456789"), ("be0123.456.789", "BE", "BE0123456789"),
    ("EL123456789", "GR", "EL123456789"), ("FR44 732829320", "FR", "FR44732829320"),
    ("FR44732829320", "MC", "FR44732829320"), ("ESB12345678", "ES", "ESB12345678"),
    ("NL123456789B01", "NL", "NL123456789B01"), ("ATU12345678", "AT", "ATU12345678"),
])
def test_a_number_is_read_as_printed(typed: str, country: str, printed: str) -> None:
    assert vat.vat_number_problem(typed, country) == (printed, None)


@pytest.mark.parametrize(("typed", "country", "said"), [
    ("FR44732829320", "DE", "starts with DE"),
    ("GR123456789", "GR", "EL"),
    ("DE12345678", "DE", "VIES"),  # a digit short
    ("ES123456789", "ES", "VIES"),  # a Spanish number holds a letter
    ("FR45732829320", "FR", "key"),
    ("CHE-123.456.789", "CH", "259-1"),  # outside the EU, no number
    ("DE١٢٣٤٥٦٧٨٩", "DE", "prefix DE"),  # digits that are not 0 to 9
    ("DE123\u202e456789", "DE", "prefix DE"),
    ("DE123456789\x1b[2J", "DE", "VIES"),
    ("DE" + "1" * 5000, "DE", "prefix DE"),
])
def test_a_wrong_or_hostile_number_is_refused_saying_why(typed: str, country: str,
                                                         said: str) -> None:
    number, problem = vat.vat_number_problem(typed, country)
    assert number is None and problem is not None and said in problem
    assert len(problem) < 400 and "\x1b" not in problem and "\u202e" not in problem


def test_the_technicians_number_ends_with_his_siren() -> None:
    assert vat.technician_number_problem("FR44732829320", "732829320")[0] == "FR44732829320"
    number, problem = vat.technician_number_problem("FR40303265045", "732829320")
    assert number is None and problem is not None and "732829320" in problem
    assert vat.technician_number_problem("DE123456789", "732829320")[0] is None
