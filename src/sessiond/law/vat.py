"""Which VAT rule an invoice follows, and the intra-EU VAT numbers it then states.

One place for the rule the invoice (PDF and Factur-X XML) and the e-reporting summary
read:

- A private client, wherever he lives, and a business in France (Monaco is in the French
  VAT territory: CGI art. 256 and the Franco-Monegasque convention of 18 May 1963; the
  overseas departments are kept under French rules here): the franchise en base, "TVA
  non applicable, art. 293 B du CGI", EN 16931 category E, VATEX-FR-FRANCHISE (a service
  to a private person is supplied where the provider is established, CGI art. 259-2).
- A business established in another EU member state: the service is supplied where the
  customer is established (CGI art. 259-1, directive 2006/112/EC art. 44), and the
  customer accounts for the VAT (CGI art. 283-2, directive art. 196). The invoice says
  "Autoliquidation" (CGI annex II art. 242 nonies A, I-13°) and states both parties'
  intra-EU VAT numbers (same article, I-2° and 3°); category AE, VATEX-EU-AE. The
  franchise en base does not spare the technician that number: a franchisé who supplies
  such services must ask his tax office for one (CGI art. 286 ter).
- A business established outside the EU: the service is supplied where the customer is,
  out of the scope of French VAT (CGI art. 259-1): "TVA non applicable – art. 259-1 du
  CGI", category O ("not subject to VAT", services; G is the export of goods), VATEX-EU-O,
  and no VAT number on the invoice (EN 16931 BR-O-02).

E-reporting (CGI art. 290, from 1 September 2027): what is not e-invoiced between two
businesses established in France is reported: sales to private clients and sales to
businesses established abroad (`reported`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sessiond import labels
from sessiond.i18n import _
from sessiond.law.territory import FRANCE, OVERSEAS_DEPARTMENTS
from sessiond.model import VAT_RULES

# EU member states by ISO 3166-1 code, with the prefix their VAT numbers carry (Greece
# writes EL). Northern Ireland's XI numbers are for goods only: its services are the UK's.
VAT_PREFIX = {
    "AT": "AT", "BE": "BE", "BG": "BG", "CY": "CY", "CZ": "CZ", "DE": "DE", "DK": "DK",
    "EE": "EE", "ES": "ES", "FI": "FI", "FR": "FR", "GR": "EL", "HR": "HR", "HU": "HU",
    "IE": "IE", "IT": "IT", "LT": "LT", "LU": "LU", "LV": "LV", "MT": "MT", "NL": "NL",
    "PL": "PL", "PT": "PT", "RO": "RO", "SE": "SE", "SI": "SI", "SK": "SK",
}
EU_COUNTRIES = frozenset(VAT_PREFIX)
# The French VAT territory: metropolitan France and Monaco (its businesses have FR
# numbers); the overseas departments stay under the rules the tool applied so far.
FRENCH_VAT_TERRITORY = frozenset({FRANCE, "MC"}) | OVERSEAS_DEPARTMENTS

# What follows the prefix, as VIES checks it (the European Commission's VIES format table).
_FORMATS = {
    "AT": r"U\d{8}", "BE": r"[01]\d{9}", "BG": r"\d{9,10}", "CY": r"\d{8}[A-Z]",
    "CZ": r"\d{8,10}", "DE": r"\d{9}", "DK": r"\d{8}", "EE": r"\d{9}", "EL": r"\d{9}",
    "ES": r"(?=.*[A-Z])[A-Z0-9]\d{7}[A-Z0-9]", "FI": r"\d{8}",
    "FR": r"[0-9A-HJ-NP-Z]{2}\d{9}", "HR": r"\d{11}", "HU": r"\d{8}",
    "IE": r"\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W]", "IT": r"\d{11}", "LT": r"\d{9}|\d{12}",
    "LU": r"\d{8}", "LV": r"\d{11}", "MT": r"\d{8}", "NL": r"\d{9}B\d{2}", "PL": r"\d{10}",
    "PT": r"\d{9}", "RO": r"[1-9]\d{1,9}", "SE": r"\d{10}01", "SI": r"\d{8}",
    "SK": r"\d{10}",
}
_EXAMPLES = {"FR": "FR40303265045", "DE": "DE123456789", "BE": "BE0123456789",
             "EL": "EL123456789", "IT": "IT12345678901", "ES": "ESB12345678"}
_SEPARATORS = re.compile(r"[ .\-\u00a0\u202f]")
MAX_TYPED = 40  # a VAT number is at most 14 characters; spaces and dots aside, 40 is plenty


@dataclass(frozen=True)
class Treatment:
    """How an invoice treats VAT: its EN 16931 category (BT-118, BT-151), exemption code
    (BT-121), the mention printed and carried as the exemption reason (BT-120), and
    whether it states both parties' intra-EU VAT numbers (BT-31, BT-48)."""

    name: str
    category: str
    exemption_code: str
    mention: str
    rate: bool  # whether the category carries a 0 % rate (O carries none: BR-O-05)
    vat_numbers: bool


FRANCHISE = Treatment("franchise", "E", "VATEX-FR-FRANCHISE",
                      "TVA non applicable, art. 293 B du CGI", True, False)
REVERSE_CHARGE = Treatment(
    "reverse-charge", "AE", "VATEX-EU-AE",
    "Autoliquidation – TVA due par le preneur (art. 283-2 du CGI, art. 196 de la "
    "directive 2006/112/CE)", True, True)
OUTSIDE_EU = Treatment("outside-eu", "O", "VATEX-EU-O",
                       "TVA non applicable – art. 259-1 du CGI", False, False)
TREATMENTS = {t.name: t for t in (FRANCHISE, REVERSE_CHARGE, OUTSIDE_EU)}
RULES = VAT_RULES  # as an invoice's event names its rule (model's list: every command
# imports the model, and this module's dataclass would cost `status` 12 ms)
assert tuple(TREATMENTS) == RULES


def of_event(body: Mapping[str, Any]) -> Treatment:
    """The rule an invoice or credit note event was issued under: the franchise, the only
    rule before events named theirs."""
    return TREATMENTS[str(body.get("vat", FRANCHISE.name))]


def in_french_territory(country: str) -> bool:
    return country in FRENCH_VAT_TERRITORY


def treatment(country: str, business: bool) -> Treatment:
    """The rule of a service to a client of `country`, a business or not."""
    if not business or in_french_territory(country):
        return FRANCHISE
    if country in EU_COUNTRIES:
        return REVERSE_CHARGE
    return OUTSIDE_EU


def reported(country: str, business: bool) -> bool:
    """Whether the client's invoices and payments go in the e-reporting summary: not a
    business established in France (e-invoiced), any other client."""
    return not business or not in_french_territory(country)


def prefix_of(country: str) -> str | None:
    """The VAT-number prefix of an EU country (GR -> EL); None outside the EU. Monaco's
    businesses have French numbers."""
    return "FR" if country == "MC" else VAT_PREFIX.get(country)


def vat_number_problem(typed: str, country: str) -> tuple[str | None, str | None]:
    """(the number as printed: prefix and characters, no separator; the problem) of a VAT
    number typed for a party of `country`. Exactly one of the two is None."""
    shown = repr(typed[:MAX_TYPED] + ("…" if len(typed) > MAX_TYPED else ""))
    prefix = prefix_of(country)
    if prefix is None:
        return None, _("{value}: an intra-EU VAT number is for a business established in "
                       "the EU; a client in {country} is invoiced outside the scope of "
                       "French VAT (CGI art. 259-1) and his invoice states no VAT number.",
                       value=shown, country=labels.country(country))
    if len(typed) > MAX_TYPED or not typed.isascii() or not typed.strip():
        return None, _("{value} is not an intra-EU VAT number: the prefix {prefix} then "
                       "letters and digits, e.g. {example}.", value=shown, prefix=prefix,
                       example=_EXAMPLES.get(prefix, prefix + "…"))
    number = _SEPARATORS.sub("", typed.strip()).upper()
    if number[:2] != prefix:
        if number[:2] == "GR" and prefix == "EL":
            return None, _("{value}: Greek VAT numbers start with EL, not GR.", value=shown)
        return None, _("{value}: the VAT number of a business in {country} starts with "
                       "{prefix}.", value=shown, country=labels.country(country), prefix=prefix)
    if not re.fullmatch(_FORMATS[prefix], number[2:]):
        return None, _("{value} is not a VAT number of {country}: check it on the European "
                       "Commission's VIES site (ec.europa.eu/taxation_customs/vies).",
                       value=shown, country=labels.country(country))
    if prefix == "FR" and not french_key_ok(number):
        return None, _("{value}: its key (the two characters after FR) does not match the "
                       "SIREN that follows; copy it again from an invoice of the client or "
                       "check it on VIES.", value=shown)
    return number, None


def french_key_ok(number: str) -> bool:
    """A French number's numeric key: (12 + 3 x (SIREN mod 97)) mod 97. A key of letters
    (numbers issued since 2018 to some businesses) has no published check."""
    key, siren = number[2:4], number[4:]
    if not key.isdigit():
        return True
    return int(key) == (12 + 3 * (int(siren) % 97)) % 97


def technician_number_problem(typed: str, siren: str) -> tuple[str | None, str | None]:
    """The technician's own number: a French one whose SIREN is his (`siren`, 9 digits,
    or "" when unknown)."""
    number, problem = vat_number_problem(typed, "FR")
    if number is not None and siren and number[4:] != siren:
        return None, _("{value}: a French VAT number ends with its holder's SIREN; yours is "
                       "{siren}.", value=repr(typed), siren=siren)
    return number, problem
