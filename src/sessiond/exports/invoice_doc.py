"""One invoice (facture) or credit note (avoir) as a value, independent of the event log.

The invoice command builds an `InvoiceDoc` from the log (numbering, bill, payments) through
`invoice_doc()`, which refuses, before anything is written, a document that would lack a
mention French law requires of a VAT-exempt micro-entrepreneur (CGI art. 242 nonies A of
annex II, Code de commerce L441-9, L441-10 and D441-5, Code de commerce L526-22 for the
"EI"). `invoice_pdf` renders it, `facturx_xml` turns it into the Factur-X CII XML: both read
the same value, so the PDF and the XML cannot say different things.

Amounts are `Decimal`: line amounts to the cent, each equal to its quantity times its unit
price (half up), and the total equal to the sum of the lines (DESIGN.md, "Policies and
billing"). A credit note cancels an invoice with positive amounts and the type "credit-note",
as EN 16931 wants (document type 381): nothing is negative but a discount line, entered as a
negative quantity (EN 16931 BR-27: a price is never negative).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from sessiond import labels
from sessiond.billing.text import cents, money
from sessiond.contacts import is_email
from sessiond.errors import InputError
from sessiond.i18n import _, language
from sessiond.law import vat as vat_law
from sessiond.law.sole_trader import has_mention

Kind = Literal["invoice", "credit-note"]
KINDS: tuple[Kind, ...] = ("invoice", "credit-note")

VAT_MENTION = vat_law.FRANCHISE.mention
VATEX_FRANCHISE = vat_law.FRANCHISE.exemption_code  # EN 16931 BT-121, the franchise en base
RECOVERY_INDEMNITY = Decimal("40")  # Code de commerce D441-5, owed by business clients only
UNIT_HOUR = "HUR"  # UN/ECE recommendation 20
UNIT_ONE = "C62"
UNITS = (UNIT_HOUR, UNIT_ONE)
CURRENCY = "EUR"

_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.-]{0,29}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_POSTCODE_CITY = re.compile(r"(\d{5})\s+(.+)")


def invoice_title(number: str, *, credit_note: bool) -> str:
    """The title an invoice or a credit note is issued under (its page and its
    properties), which `verify` also recognises one by (exports.kinds)."""
    if credit_note:
        return _("Credit note no. {number}", number=number)
    return _("Invoice no. {number}", number=number)


@dataclass(frozen=True)
class Party:
    """The seller or the buyer, as the invoice names them."""

    name: str
    address: tuple[str, ...]  # street lines, without the postcode and city
    postcode: str
    city: str
    country: str = "FR"  # ISO 3166-1 alpha-2
    siren: str | None = None  # SIREN (9 digits) or SIRET (14 digits), digits only
    email: str | None = None
    is_business: bool = False
    vat_number: str | None = None  # intra-EU VAT number, stated when the rule wants it


    @property
    def legal_id(self) -> str | None:
        """The SIREN (EN 16931 BT-30/BT-47, scheme 0002): the first 9 digits of a SIRET."""
        return self.siren[:9] if self.siren else None

    @property
    def siret(self) -> str | None:
        return self.siren if self.siren and len(self.siren) == 14 else None

    def address_lines(self) -> tuple[str, ...]:
        """The address as printed: street lines, then postcode and city (and the country
        when it is not France, by its name in capitals, as the post reads it)."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        lines = (*self.address, town) if town else self.address
        return (*lines, labels.country(self.country).upper()) if self.country != "FR" else lines


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: Decimal  # hours (UNIT_HOUR) or units (UNIT_ONE); negative for a discount
    unit: str  # UN/ECE rec. 20 code: "HUR" or "C62"
    unit_price: Decimal  # excl. VAT (there is none), to the cent, never negative
    amount: Decimal  # quantity x unit price, to the cent
    service_date: date


@dataclass(frozen=True)
class Payment:
    """A payment already received for this invoice (deposit, payment on the spot), or
    money given back since (a refund: `amount` < 0)."""

    received: date
    amount: Decimal
    method: str  # as printed: "carte bancaire", "virement"...


@dataclass(frozen=True)
class InvoiceDoc:
    kind: Kind
    number: str
    issue_date: date
    due_date: date | None  # required for an invoice; a credit note may leave it out
    seller: Party  # name ends with " EI"
    buyer: Party
    lines: tuple[InvoiceLine, ...]
    total: Decimal  # sum of the lines' amounts
    payment_terms: str
    currency: str = CURRENCY
    vat: vat_law.Treatment = vat_law.FRANCHISE  # law.vat: from the buyer's country and status
    cited_invoice: str | None = None  # a credit note: the invoice it cancels
    cited_invoice_date: date | None = None
    reason: str | None = None  # a credit note: why
    late_penalty: str | None = None  # business buyer: the rate, as the terms state it
    recovery_indemnity: Decimal | None = None  # business buyer: 40 EUR (D441-5)
    early_payment: str | None = None  # business buyer: discount terms (L441-9)
    payments: tuple[Payment, ...] = ()
    notes: tuple[str, ...] = ()  # further legal mentions, printed and carried in the XML

    @property
    def credit_note(self) -> bool:
        return self.kind == "credit-note"

    @property
    def vat_mention(self) -> str:
        return self.vat.mention

    @property
    def prepaid(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0.00"))

    @property
    def amount_due(self) -> Decimal:
        return self.total - self.prepaid

    @property
    def service_period(self) -> tuple[date, date]:
        days = [line.service_date for line in self.lines]
        return min(days), max(days)


def invoice_doc(*, kind: Kind = "invoice", number: str, issue_date: date,
                due_date: date | None, seller: Party, buyer: Party,
                lines: Iterable[InvoiceLine], payment_terms: str,
                total: Decimal | None = None, currency: str = CURRENCY,
                cited_invoice: str | None = None, cited_invoice_date: date | None = None,
                reason: str | None = None, late_penalty: str | None = None,
                early_payment: str | None = None, payments: Iterable[Payment] = (),
                notes: Iterable[str] = (),
                vat_rule: vat_law.Treatment | None = None) -> InvoiceDoc:
    """A checked document; `total` (computed when None) must be the sum of the lines.

    A business buyer gets the 40 EUR recovery indemnity and, when `early_payment` is None,
    "no discount for early payment"; a consumer gets neither (the indemnity is owed by
    professionals only), and the penalty rate only when it is given.
    The VAT rule is law.vat's for the buyer, unless `vat_rule` gives the one a document
    was issued under (a credit note mirrors its invoice, a reprint its original).
    Raises InputError naming the first missing or wrong field.
    """
    lines = tuple(lines)
    business = buyer.is_business
    rule = vat_rule or vat_law.treatment(buyer.country, business)
    if not rule.vat_numbers:  # stated only where the rule asks for them (BR-O-02)
        seller, buyer = replace(seller, vat_number=None), replace(buyer, vat_number=None)
    doc = InvoiceDoc(
        kind=kind, number=number.strip(), issue_date=issue_date, due_date=due_date,
        seller=seller, buyer=buyer, lines=lines,
        total=cents(sum((line.amount for line in lines), Decimal(0))) if total is None
        else total,
        payment_terms=payment_terms.strip(), currency=currency, vat=rule,
        cited_invoice=cited_invoice, cited_invoice_date=cited_invoice_date, reason=reason,
        late_penalty=late_penalty,
        recovery_indemnity=RECOVERY_INDEMNITY if business else None,
        early_payment=(early_payment or _("No discount for early payment.")) if business
        else None,
        payments=tuple(payments), notes=tuple(n for n in notes if n.strip()))
    check(doc)
    return doc


def check(doc: InvoiceDoc) -> None:
    """Raise InputError for the first mention the document lacks or gets wrong."""
    problem = _problem(doc)
    if problem is None:
        return
    if not doc.number:
        raise InputError(problem)
    where = ("Credit note {number}: {problem}" if doc.credit_note
             else "Invoice {number}: {problem}")
    raise InputError(_(where, number=doc.number, problem=problem))


def _missing(name: str) -> str:
    return _("{field} is missing.", field=name)


def _problem(doc: InvoiceDoc) -> str | None:
    if doc.kind not in KINDS:
        return _("{field} must be \"invoice\" or \"credit-note\", not {value!r}.",
                 field="kind", value=doc.kind)
    if not doc.number:
        return _missing("number")
    if not _NUMBER.fullmatch(doc.number):
        return _("{field} {value!r} is not an invoice number: letters, digits and - / _ . "
                 "only, at most 30 characters (e.g. F-2026-0007).",
                 field="number", value=doc.number)
    if doc.currency != CURRENCY:
        return _("only EUR is supported, not {value!r}.", value=doc.currency)
    for problem in (_party_problem(doc.seller, "seller"), _party_problem(doc.buyer, "buyer")):
        if problem:
            return problem
    name = doc.seller.name.strip()
    if not has_mention(name):
        return _("the seller's name {value!r} must carry the mention \"EI\" (entrepreneur "
                 "individuel, Code de commerce L526-22), e.g. {example!r}.",
                 value=name, example=f"{name} EI")
    if not doc.seller.siren:
        return _missing("seller.siren")
    if doc.buyer.is_business and doc.buyer.country == "FR" and not doc.buyer.siren:
        return _("a French business client needs its SIREN ({field}).", field="buyer.siren")
    if doc.vat.vat_numbers and not doc.buyer.is_business:
        return _("the VAT rule {value!r} is not the one of a {kind} in {country}.",
                 value=doc.vat.name, kind=_("private client"), country=doc.buyer.country)
    if doc.vat.vat_numbers:
        if not doc.seller.vat_number:
            return seller_number_missing()
        if not doc.buyer.vat_number:
            return _("a business in another EU country is invoiced under the reverse charge "
                     "(CGI art. 283-2): the invoice states its intra-EU VAT number "
                     "({field}).", field="buyer.vat_number")
    elif doc.seller.vat_number or doc.buyer.vat_number:
        return _("an invoice under the rule {value!r} states no VAT number (EN 16931 "
                 "BR-O-02).", value=doc.vat.name)
    if not doc.lines:
        return _missing("lines")
    for index, line in enumerate(doc.lines, start=1):
        problem = _line_problem(line, index)
        if problem:
            return problem
    expected = cents(sum((line.amount for line in doc.lines), Decimal(0)))
    if doc.total != expected or doc.total != cents(doc.total):
        return _("the total {total} is not the sum of the lines ({expected}).",
                 total=money(doc.total), expected=money(expected))
    if doc.total < 0:
        return _("the total cannot be negative; a credit note cancels an invoice with "
                 "positive amounts.")
    for index, payment in enumerate(doc.payments, start=1):
        if payment.amount != cents(payment.amount) or payment.amount == 0:
            return _("{field} {amount} is not an amount in euros and cents.",
                     field=f"payments[{index}].amount", amount=payment.amount)
    if doc.prepaid < 0:
        return _("the refunds ({refunded}) exceed the payments received.",
                 refunded=money(-sum((p.amount for p in doc.payments if p.amount < 0),
                                     Decimal(0))))
    if doc.prepaid > doc.total:
        return _("the payments received ({paid}) exceed the total ({total}); if one was "
                 "mistyped, withdraw it (sessiond withdraw SESSION N --reason TEXT) and "
                 "record the right amount.", paid=money(doc.prepaid), total=money(doc.total))
    if not doc.payment_terms:
        return _missing("payment_terms")
    if doc.due_date is None and not doc.credit_note:
        return _missing("due_date")
    if doc.due_date is not None and doc.due_date < doc.issue_date:
        return _("the due date {due} is before the issue date {issued}.",
                 due=doc.due_date.isoformat(), issued=doc.issue_date.isoformat())
    if doc.credit_note:
        if not (doc.cited_invoice or "").strip():
            return _missing("cited_invoice")
        if not (doc.reason or "").strip():
            return _missing("reason")
    if doc.buyer.is_business:
        if not (doc.late_penalty or "").strip():
            return _missing("late_penalty")
        if doc.recovery_indemnity is None:
            return _missing("recovery_indemnity")
    return None


def seller_number_missing() -> str:
    return _("a business in another EU country is invoiced under the reverse charge (CGI "
             "art. 283-2 and annex II art. 242 nonies A): the invoice states your intra-EU "
             "VAT number, which the franchise en base does not spare you (CGI art. 286 ter: "
             "ask your tax office, the SIE, for it); then set vat_number under "
             "[technician] in config.toml.")


def _party_problem(party: Party, role: str) -> str | None:
    if not party.name.strip():
        return _missing(f"{role}.name")
    if not any(line.strip() for line in party.address):
        return _missing(f"{role}.address")
    if not party.city.strip():
        return _missing(f"{role}.city")
    if not _COUNTRY.fullmatch(party.country):
        return _("{field} must be a two-letter country code such as FR, not {value!r}.",
                 field=f"{role}.country", value=party.country)
    if party.country == "FR" and not party.postcode.strip():
        return _missing(f"{role}.postcode")
    if party.siren is not None:
        if not (party.siren.isascii() and party.siren.isdigit()
                and len(party.siren) in (9, 14)):
            return _("{field} {value!r} is not a SIREN (9 digits) or a SIRET (14 digits).",
                     field=f"{role}.siren", value=party.siren)
        # The SIREN part only: La Poste's SIRETs do not pass Luhn, its SIREN does.
        if not _luhn(party.siren[:9]):
            return _("{field} {value!r} fails the SIREN check digit: check it on "
                     "annuaire-entreprises.data.gouv.fr.",
                     field=f"{role}.siren", value=party.siren)
    if party.vat_number is not None:
        number, problem = vat_law.vat_number_problem(party.vat_number, party.country)
        if problem is not None or number != party.vat_number:  # as printed, or refused
            return _("{field}: {problem}", field=f"{role}.vat_number",
                     problem=problem or repr(party.vat_number))
    if party.email is not None and not is_email(party.email):
        return _("{field} {value!r} is not an e-mail address.", field=f"{role}.email",
                 value=party.email)
    return None


def _line_problem(line: InvoiceLine, index: int) -> str | None:
    if not line.description.strip():
        return _missing(f"lines[{index}].description")
    if line.unit not in UNITS:
        return _("line {line}: the unit must be HUR (hours) or C62 (units), not {value!r}.",
                 line=index, value=line.unit)
    if line.unit_price < 0:
        return _("line {line}: the unit price cannot be negative; enter a discount as a "
                 "negative quantity.", line=index)
    for name, value in (("unit_price", line.unit_price), ("amount", line.amount)):
        if value != cents(value):
            return _("{field} {amount} has more than two decimals.",
                     field=f"lines[{index}].{name}", amount=value)
    expected = cents(line.quantity * line.unit_price)
    if line.amount != expected:
        return _("line {line}: the amount {amount} is not the quantity times the unit price "
                 "({expected}); bill a tranche that is not a whole number of cents per hour "
                 "in units (C62) at the tranche's price.",
                 line=index, amount=line.amount, expected=expected)
    return None


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def euros(amount: Decimal) -> str:
    """money(), without the cents of a whole amount: "40 €" (French), "€40" (English)."""
    if amount != amount.to_integral_value():
        return money(amount)
    whole = f"{int(amount):,}"
    if language() == "fr":
        return f"{whole.replace(',', chr(0x202F))} €"
    return f"€{whole}"


def address_parts(text: str) -> tuple[tuple[str, ...], str, str]:
    """(street lines, postcode, city) of a French address typed on lines or with commas,
    its last part being "75011 Paris"; ("...", "", "") when there is no such part."""
    parts = [p.strip() for p in re.split(r"[\n,]", text) if p.strip()]
    if parts:
        found = _POSTCODE_CITY.fullmatch(parts[-1])
        if found:
            return tuple(parts[:-1]), found.group(1), found.group(2)
    return tuple(parts), "", ""

