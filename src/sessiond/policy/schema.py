"""The policy file format: one TOML file per terms document, validated strictly.

A policy turns a technician's written terms into parameters the billing engine and the
compliance checks read. Every parameter and every rule cites the article it comes from
(`article`), so that a bill or a finding can be traced back to the words the client
accepted. Where the document leaves a number open (a tranche size "on the price page",
every hourly rate, most fees), the policy gives a default and says so with `review = true`
and a `note`; `sessiond policy show` lists those so the technician sets his own numbers.

Layout (keys marked * are required; decimals are strings such as "55.50" or whole numbers,
never floats, because money must be exact)::

    schema = 1                      # * format version
    id = "vlh"                      # * [a-z0-9-]; must equal the file name without .toml
    title = "VLH Dépannage ..."     # * short name shown in lists

    [document]                      # * which terms this policy encodes
    name = "Conditions Générales d'Intervention - Particuliers"   # * title of the document
    business = "VLH Dépannage Informatique (Sévignac, 22)"       # * who wrote it
    file = "004_1257b3bf469594e2.txt"   # * file name of the text it was read from
    date = 2026-02-08               # TOML date of the version; absent when undated
    note = "..."                    # anything the reader should know about the text

    [vat]                           # * the VAT mention printed on every bill
    mention = "TVA non applicable, art. 293 B du CGI"   # *
    article = "5.1"                 # *

    [tranches]                      # * how worked time becomes billed time
    first_block_seconds = 3600      # * minimum billed once work has started (> 0)
    increment_seconds = 900         # * each further tranche; a started one is due in full
    grace_seconds = 0               # seconds of a tranche forgiven before it counts
    article = "3.3"                 # *
    text = "..."                    # * the article's words

    [rates.<mode>]                  # * at least one; mode is remote, onsite or workshop
    per_hour = "50.00"              # * euros per hour for that mode
    article = "..."                 # *
    in_force = "order"              # which day's price list bills a session: "order" (the
                                    # rate when it was planned, default) or "intervention"
                                    # (when it started: VLH 3.3 "en vigueur au jour de
                                    # l'intervention")

    [fees.<fee>]                    # fee is travel, no-show, late-cancellation or waiting
    article = "..."                 # *
    amount = "30.00"                # a fixed amount, or
    hours = "1"                     # that many hours at the session's rate, or
    percent_of_planned = "50"       # a share of the planned price (the first block)
    modes = ["onsite"]              # modes where the fee may apply (default: all)
    only_with = ["no-show"]         # billed only beside one of these fees (Micro-Alpes 3)
    notice_hours = 24               # late cancellation: due only when the client cancelled
                                    # less than this before the appointment (VLH 5.6)
    announced = true                # due only if announced to the client beforehand (MD 9)
    max_amount = "60.00"            # the most the terms let it cost (FGDMI III.5: "jusqu'à
                                    # 60 euros"): a larger amount is billed at this one
    minimum = true                  # amount/hours/percent_of_planned is the least it costs:
                                    # a larger amount recorded is billed (Micro-Alpes 3: the
                                    # waiting beyond the hour), a smaller one at the minimum
    # none of amount/hours/percent_of_planned: the amount is given when it is recorded

    [discounts.new-client]          # a percentage off a new client's first intervention
    percent = "30"                  # *
    article = "5.5"                 # *
    text = "..."                    # *

    [discounts.referral]            # off the next intervention of a client who referred
    percent = "10"                  # * a confirmed new client (client referral)
    validity_months = 12            # the discount is lost this long after the referral
    article = "5.5"                 # *
    text = "..."                    # *

    [guarantee.no-valid-solution]   # no valid solution: the intervention is not billed
    covers_fees = true              # ...nor its fees (travel) (no-valid-solution only)
    [guarantee.diagnosis]           # a diagnosis counts as a valid solution
    [guarantee.partial-results]     # on request, N % off per unsolved listed problem
    percent_per_problem = "20"      # * (partial-results only)
    cap_percent = "70"              # * (partial-results only)
    # each guarantee table: article *, text *

    [credit]                        # prepaid hour packages consumed by sessions
    validity_months = 12            # * a package is lost this long after its purchase
    article = "4"                   # *
    text = "..."                    # *

    [credit.warranty]               # a re-intervention caused by the client
    seconds = 1800                  # * taken from the credit, whatever the time worked
    article = "16.2"                # *
    text = "..."                    # *

    [warranty]                      # re-interventions (session new --warranty-of)
    article = "10"                  # *
    text = "..."                    # *
    free = true                     # one the earlier work made necessary is not billed
    covers_fees = true              # ...nor its fees (travel)
    window_days = 10                # from the earlier intervention's end to the new order;
                                    # or window_hours, window_months; none: no limit

    [fixed_price]                   # a price agreed for the session (session new --price:
                                    # a package, a quote), billed whatever the time worked
    article = "5"                   # *
    text = "..."                    # *

    [fixed_price.defective-hardware]   # the client's hardware proves defective (record
                                    # SESSION hardware-defective): the cheaper of the agreed
                                    # price and the time at the hourly rate (FGDMI IV.2)
    article = "IV.2"                # *
    text = "..."                    # *

    [retention]                     # how long the client's personal data is kept
    years_after_relationship = 5    # * after his last event
    accounting_years = 10           # * after his last accounting document (a stopped
                                    #   session, a receipt, an invoice)
    article = "17.5"                # *
    text = "..."                    # *

    [payment]                       # what the terms say of paying an invoice: printed on a
                                    # business client's invoice, unless config.toml's
                                    # [invoice] sets it (a consumer's keeps config.toml's)
    due_days = 0                    # days from the invoice to its due date (FGDMI II.4
                                    # "immédiatement après réception": 0); absent: 30
    late_penalty = "..."            # the late-payment rate, as the terms state it; absent:
                                    # the law's (ECB rate plus 10 points, C. com. L441-10)
    early_payment = "..."           # the discount for early payment (VLH 5.4 "Aucun
                                    # escompte"); absent: none
    article = "II.4"                # *
    text = "..."                    # *

    [rules.<rule-id>]               # one per compliance rule the document states
    article = "..."                 # *
    text = "..."                    # * the article's words, in French, quoted
    severity = "error"              # * error or warning
    modes = ["remote"]              # session modes the rule applies to (default: all)
    # plus the parameters that rule takes, see RULE_PARAMETERS

Any table may also carry `review = true` with a `note` (required when review is true)
saying what the technician must check, and parameter tables may carry a `text`.
Fees and discounts: percentage discounts reduce the time line only; fees (travel above
all, FGDMI III.2.3) are never reduced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sessiond.i18n import _
from sessiond.model import (
    ARTIFACTS,
    CHANNELS,
    FEE_KINDS,
    MODES,
    OSES,
    PAYMENT_METHODS,
    QUOTE_FORMS,
)
from sessiond.policy.reader import Problems, Table

SCHEMA_VERSION = 1
FEES = FEE_KINDS
DISCOUNTS = ("new-client", "referral")
GUARANTEES = ("no-valid-solution", "diagnosis", "partial-results")
SEVERITIES = ("error", "warning")
# Which day's price list bills a session: the order's (MRI87 7.2, MD 19, FGDMI II.1) or the
# intervention's (VLH 3.3).
RATE_IN_FORCE = ("order", "intervention")

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}\Z")
COUNTRY = re.compile(r"^[A-Z]{2}\Z")
HUNDRED = Decimal(100)

# Parameters each compliance rule takes besides article, text, severity, modes, review
# and note. The rule functions (compliance issue) read them through `RuleSpec.params`.
# Kinds: "oses", "countries", "channels", "quote-forms", "payment-methods" (lists),
# "artifacts" (lists), "seconds", "days" (whole numbers), "flag" (boolean).
RULE_PARAMETERS: dict[str, dict[str, str]] = {
    "consent-before-access": {"channels": "channels"},
    "quote-accepted-before-start": {"how": "quote-forms"},
    # package_is_contract: the order is the purchase of the prepaid package that pays for
    # the session (MRI87 8, 11), not the session's own order
    "withdrawal-waiver": {"period_days": "days", "package_is_contract": "flag"},
    "sensitive-docs-warning": {},
    "backup-status-recorded": {},
    # in_full: the payments before the start cover the whole price (MRI87 14.2 "honoré
    # intégralement avant l'intervention"), not only some of it
    "payment-before-start": {"prepaid_credit_counts": "flag", "in_full": "flag"},
    # never: kept for no request at all (MD 15: no screenshot, recording or session log)
    "artifact-requires-client-request": {"never": "artifacts"},
    "notes-free-of-secrets": {},
    "remote-os-supported": {"os": "oses"},
    "client-in-territory": {"countries": "countries"},
    "prepaid-credit-covers": {},
    "disconnect-confirmed": {},
    # from_first_session: an error from the first session on, not only once some receipt
    # was issued (Micro-Alpes 13, FGDMI II.3)
    "receipt-issued": {"from_first_session": "flag"},
    "clock-consistent": {"max_declared_gap_seconds": "seconds"},
    # the clock ran while another session's ran too (Sessiond.overlaps); the law's
    # baseline applies where a policy has no table for it
    "overlapping-sessions": {},
    # Rules the documents call for beyond the list (see sessiond.compliance.rules).
    # private_only: the terms serve private clients only and send businesses to other
    # terms (VLH 1, 2), rather than leave the technician to check (FGDMI II.6)
    "client-category": {"private_only": "flag"},
    # the session's mode is one the terms offer (Policy.modes: those they price); the
    # article is the one that says what the service is (MRI87 2: "à distance")
    "mode-offered": {},
    # the intervention begins within this delay of the support ticket's opening, when the
    # session records it (session new --ticket-at; MRI87 13: "sous 24 heures à 72 heures
    # maximum à compter de la date d'ouverture du ticket")
    "intervention-within-delay": {"max_delay_seconds": "seconds"},
    "payment-method-accepted": {"methods": "payment-methods"},
    "payment-not-acceptance": {},
    # Always on (sessiond.compliance.check._baseline); a policy may set its severity.
    "receipt-current": {},
    "invoice-current": {},
    # Evidence from the remote-control tool's log; the law's baseline applies
    # where a policy has no table for the first, second and fourth.
    "remote-access-before-consent": {},
    "remote-access-after-stop": {"grace_seconds": "seconds"},
    "billed-beyond-connection": {},
    "connection-to-other-partner": {},
}


@dataclass(frozen=True)
class Review:
    """Set when the document leaves this value open: the technician must check it."""

    needed: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Document:
    name: str
    business: str
    file: str
    date: date | None
    note: str | None


@dataclass(frozen=True)
class Vat:
    mention: str
    article: str
    review: Review = Review()


@dataclass(frozen=True)
class TrancheModel:
    """First block (minimum billed), then whole increments; a started tranche is due.

    The grid is measured in worked seconds from the session's first second, never from a
    clock boundary. `grace_seconds` forgives that much of a tranche after the first block
    (the first block is due as soon as any work is done).
    """

    first_block_seconds: int
    increment_seconds: int
    grace_seconds: int
    article: str
    text: str
    review: Review = Review()

    def increments(self, worked_seconds: int) -> int:
        """How many tranches after the first block are due for this worked time."""
        beyond = worked_seconds - self.first_block_seconds - self.grace_seconds
        if worked_seconds <= 0 or beyond <= 0:
            return 0
        return -(-beyond // self.increment_seconds)  # ceiling: a started tranche is due

    def billed_seconds(self, worked_seconds: int) -> int:
        if worked_seconds <= 0:
            return 0
        return self.first_block_seconds + self.increments(worked_seconds) * \
            self.increment_seconds


@dataclass(frozen=True)
class Rate:
    mode: str
    per_hour: Decimal
    article: str
    review: Review = Review()
    in_force: str = "order"  # one of RATE_IN_FORCE: the day whose price list bills


@dataclass(frozen=True)
class Fee:
    """A fixed fee. At most one of amount, hours, percent_of_planned is set."""

    name: str
    article: str
    amount: Decimal | None = None
    hours: Decimal | None = None
    percent_of_planned: Decimal | None = None
    modes: tuple[str, ...] = ()
    text: str | None = None
    review: Review = Review()
    only_with: tuple[str, ...] = ()  # billed only beside one of these fees
    notice_hours: int | None = None  # due only for a notice shorter than this
    announced: bool = False  # due only when announced to the client beforehand
    max_amount: Decimal | None = None  # the most the terms let it cost
    minimum: bool = False  # amount/hours/percent_of_planned is the least it costs

    def applies_to(self, mode: str) -> bool:
        return not self.modes or mode in self.modes


@dataclass(frozen=True)
class Discount:
    name: str
    percent: Decimal
    article: str
    text: str
    review: Review = Review()
    validity_months: int | None = None  # referral: lost this long after the referral


@dataclass(frozen=True)
class Clause:
    """A guarantee clause: its presence turns the behaviour on."""

    article: str
    text: str
    review: Review = Review()
    covers_fees: bool = False  # no valid solution: the fees are not billed either


@dataclass(frozen=True)
class PartialResults:
    percent_per_problem: Decimal
    cap_percent: Decimal
    article: str
    text: str


@dataclass(frozen=True)
class Guarantee:
    """A result guarantee (FGDMI III.2, VLH 6.3 and 6.5): what no or partial results take
    off the bill."""

    no_valid_solution: Clause | None = None
    diagnosis_is_valid: Clause | None = None
    partial_results: PartialResults | None = None


@dataclass(frozen=True)
class Warranty:
    seconds: int
    article: str
    text: str


@dataclass(frozen=True)
class CreditModel:
    """Prepaid hour packages (MRI87 art. 4, 12, 13)."""

    validity_months: int
    article: str
    text: str
    warranty: Warranty | None = None


@dataclass(frozen=True)
class WarrantyTerms:
    """What a re-intervention under warranty costs (`session new --warranty-of`).

    `free`: one the earlier work made necessary is not billed (and neither are its fees
    with `covers_fees`), if it is ordered within the window after the earlier one ended
    (at most one of the three is set; none: the terms set no limit). One caused by the
    client is billed as any session, or costs the flat `credit.warranty` (MRI87 16.2).
    """

    article: str
    text: str
    free: bool = False
    covers_fees: bool = False
    window_hours: int | None = None
    window_days: int | None = None
    window_months: int | None = None
    review: Review = Review()


@dataclass(frozen=True)
class FixedPrice:
    """A price agreed for one session (a workshop package, a quote: MD 5, VLH 5.2, FGDMI
    II.1), billed in place of the time; `defective_hardware`: when the client's hardware
    proves defective, the cheaper of that price and the time at the hourly rate (FGDMI
    IV.2, III.5)."""

    article: str
    text: str
    review: Review = Review()
    defective_hardware: Clause | None = None


@dataclass(frozen=True)
class Retention:
    """How long the client's personal data is kept (crypto-shredding after that)."""

    years_after_relationship: int
    accounting_years: int
    article: str
    text: str
    review: Review = Review()


@dataclass(frozen=True)
class PaymentTerms:
    """What the terms say of paying an invoice (business clients: C. com. L441-9, L441-10):
    None where they are silent, and config.toml's [invoice] or the law decide."""

    article: str
    text: str
    due_days: int | None = None
    late_penalty: str | None = None
    early_payment: str | None = None
    review: Review = Review()


@dataclass(frozen=True)
class RuleSpec:
    """One compliance rule the document states, with its words and parameters."""

    id: str
    article: str
    text: str
    severity: str
    modes: tuple[str, ...] = ()
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    review: Review = Review()

    def applies_to(self, mode: str) -> bool:
        return not self.modes or mode in self.modes


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    document: Document
    vat: Vat
    tranches: TrancheModel
    rates: Mapping[str, Rate]
    fees: Mapping[str, Fee]
    discounts: Mapping[str, Discount]
    guarantee: Guarantee | None
    credit: CreditModel | None
    rules: Mapping[str, RuleSpec]
    path: Path
    digest: str  # sha256 of the file bytes: which version of the policy was applied
    source: str  # "shipped", "user" or "file"
    warranty: WarrantyTerms | None = None
    retention: Retention | None = None
    payment: PaymentTerms | None = None
    fixed_price: FixedPrice | None = None

    def rate_for(self, mode: str) -> Rate | None:
        return self.rates.get(mode)

    @property
    def modes(self) -> tuple[str, ...]:
        """The modes these terms offer: those they price (`[rates.<mode>]`), in MODES
        order. The one list planning, the check (`mode-offered`) and the forms read."""
        return tuple(m for m in MODES if m in self.rates)

    def cites(self, rule_id: str) -> tuple[str, str] | None:
        """Where these terms state a rule ("MD Micro Services, art. 15") and the words they
        state it in (quoted as they are: each document says it differently); None when they
        say nothing of it."""
        spec = self.rules.get(rule_id)
        if spec is None:
            return None
        return (_("{business}, art. {article}", business=self.document.business or self.id,
                  article=spec.article), spec.text)

    def to_reviews(self) -> list[tuple[str, str, str]]:
        """(key, article, note) of every value the technician must review."""
        found: list[tuple[str, str, str]] = []

        def add(key: str, article: str, review: Review) -> None:
            if review.needed:
                found.append((key, article, review.note or ""))

        add("vat", self.vat.article, self.vat.review)
        add("tranches", self.tranches.article, self.tranches.review)
        for mode, rate in self.rates.items():
            add(f"rates.{mode}", rate.article, rate.review)
        for name, fee in self.fees.items():
            add(f"fees.{name}", fee.article, fee.review)
        for name, discount in self.discounts.items():
            add(f"discounts.{name}", discount.article, discount.review)
        if self.guarantee is not None:
            for key, clause in (("no-valid-solution", self.guarantee.no_valid_solution),
                                ("diagnosis", self.guarantee.diagnosis_is_valid)):
                if clause is not None:
                    add(f"guarantee.{key}", clause.article, clause.review)
        if self.warranty is not None:
            add("warranty", self.warranty.article, self.warranty.review)
        if self.fixed_price is not None:
            add("fixed_price", self.fixed_price.article, self.fixed_price.review)
        if self.retention is not None:
            add("retention", self.retention.article, self.retention.review)
        if self.payment is not None:
            add("payment", self.payment.article, self.payment.review)
        for rule_id, rule in self.rules.items():
            add(f"rules.{rule_id}", rule.article, rule.review)
        return found


# --- parsing ---------------------------------------------------------------------------


def parse(raw: Mapping[str, Any], path: Path, digest: str, source: str) -> Policy:
    """Build a Policy from parsed TOML; raise InputError listing every problem found."""
    problems = Problems(path)
    top = Table(raw, "", problems)
    version = top.integer("schema", minimum=1, maximum=SCHEMA_VERSION)
    if version and version != SCHEMA_VERSION:  # pragma: no cover - only one version yet
        top.wrong("schema", str(SCHEMA_VERSION))
    policy_id = top.matching("id", ID, _("an id of lower-case letters, digits and dashes"))
    title = top.text("title")

    document = _document(top.table("document", required=True))
    vat = _vat(top.table("vat", required=True))
    tranches = _tranches(top.table("tranches", required=True))
    rates = {mode: _rate(mode, t) for mode, t in top.tables("rates", required=True).items()
             if _known(t, mode, MODES, "rates")}
    if top.has("rates") and not rates and isinstance(raw.get("rates"), dict):
        top.wrong("rates", _("at least one of {choices}", choices=", ".join(MODES)))
    fees = {name: _fee(name, t) for name, t in top.tables("fees").items()
            if _known(t, name, FEES, "fees")}
    discounts = {name: _discount(name, t) for name, t in top.tables("discounts").items()
                 if _known(t, name, DISCOUNTS, "discounts")}
    guarantee = _guarantee(top.tables("guarantee"))
    credit = _credit(top.table("credit"))
    warranty = _warranty(top.table("warranty"))
    retention = _retention(top.table("retention"))
    payment = _payment(top.table("payment"))
    fixed_price = _fixed_price(top.table("fixed_price"))
    rules = {rule_id: _rule(rule_id, t) for rule_id, t in top.tables("rules").items()
             if _known(t, rule_id, tuple(RULE_PARAMETERS), "rules")}
    top.finish()
    problems.raise_if_any()
    assert document is not None and vat is not None and tranches is not None
    return Policy(
        id=policy_id, title=title, document=document, vat=vat, tranches=tranches,
        rates=MappingProxyType(rates), fees=MappingProxyType(fees),
        discounts=MappingProxyType(discounts), guarantee=guarantee, credit=credit,
        rules=MappingProxyType(rules), path=path, digest=digest, source=source,
        warranty=warranty, retention=retention, payment=payment, fixed_price=fixed_price,
    )


def _known(table: Table, name: str, allowed: tuple[str, ...], section: str) -> bool:
    if name in allowed:
        return True
    # The sub-table's own prefix already ends with the name; report on it.
    table.problems.add(table.prefix, _("unknown {section} entry; expected one of {choices}",
                                       section=section, choices=", ".join(allowed)))
    return False


def _review(t: Table) -> Review:
    needed = t.flag("review")
    note = t.optional_text("note")
    if needed and not note:
        t.problems.add(t.key("note"), _("required when review = true: say what to check"))
    return Review(needed, note)


def _document(t: Table | None) -> Document | None:
    if t is None:
        return None
    doc = Document(name=t.text("name"), business=t.text("business"), file=t.text("file"),
                   date=t.day("date"), note=t.optional_text("note"))
    t.finish()
    return doc


def _vat(t: Table | None) -> Vat | None:
    if t is None:
        return None
    # review is allowed here for documents that omit the mention the law requires anyway
    vat = Vat(mention=t.text("mention"), article=t.text("article"), review=_review(t))
    t.finish()
    return vat


def _tranches(t: Table | None) -> TrancheModel | None:
    if t is None:
        return None
    day = 24 * 3600
    model = TrancheModel(
        first_block_seconds=t.integer("first_block_seconds", minimum=1, maximum=day,
                                      default=1),
        increment_seconds=t.integer("increment_seconds", minimum=1, maximum=day, default=1),
        grace_seconds=t.integer("grace_seconds", required=False, maximum=day),
        article=t.text("article"), text=t.text("text"), review=_review(t),
    )
    t.finish()
    return model


def _rate(mode: str, t: Table) -> Rate:
    rate = Rate(mode=mode, per_hour=t.decimal("per_hour", money=True) or Decimal(0),
                article=t.text("article"), review=_review(t),
                in_force=t.one("in_force", RATE_IN_FORCE, default=RATE_IN_FORCE[0]))
    t.optional_text("text")
    t.finish()
    return rate


def _fee(name: str, t: Table) -> Fee:
    fee = Fee(
        name=name, article=t.text("article"),
        amount=t.decimal("amount", required=False, money=True),
        hours=t.decimal("hours", required=False),
        percent_of_planned=t.decimal("percent_of_planned", required=False, maximum=HUNDRED),
        modes=t.choices("modes", MODES), text=t.optional_text("text"), review=_review(t),
        only_with=t.choices("only_with", FEES),
        notice_hours=t.integer("notice_hours", minimum=1, maximum=24 * 366)
        if t.has("notice_hours") else None,
        announced=t.flag("announced"),
        max_amount=t.decimal("max_amount", required=False, money=True),
        minimum=t.flag("minimum"),
    )
    if name in fee.only_with:
        t.problems.add(t.key("only_with"), _("a fee cannot depend on itself"))
    if fee.notice_hours is not None and name != "late-cancellation":
        t.problems.add(t.key("notice_hours"), _("only a late cancellation has a notice"))
    given = [k for k in ("amount", "hours", "percent_of_planned") if t.has(k)]
    if fee.minimum and not given:
        t.problems.add(t.key("minimum"), _("a minimum needs one of amount, hours, "
                                           "percent_of_planned"))
    if len(given) > 1:
        t.problems.add(t.prefix, _("give at most one of amount, hours, percent_of_planned "
                                   "(found {found})", found=", ".join(given)))
    t.finish()
    return fee


def _discount(name: str, t: Table) -> Discount:
    discount = Discount(name=name, percent=t.decimal("percent", maximum=HUNDRED) or Decimal(0),
                        article=t.text("article"), text=t.text("text"), review=_review(t),
                        validity_months=t.integer("validity_months", minimum=1, maximum=120)
                        if t.has("validity_months") else None)
    if discount.validity_months is not None and name != "referral":
        t.problems.add(t.key("validity_months"), _("only a referral discount expires"))
    t.finish()
    return discount


def _warranty(t: Table | None) -> WarrantyTerms | None:
    if t is None:
        return None
    windows = [k for k in ("window_hours", "window_days", "window_months") if t.has(k)]
    if len(windows) > 1:
        t.problems.add(t.prefix, _("give at most one of window_hours, window_days, "
                                   "window_months (found {found})", found=", ".join(windows)))

    def window(name: str, maximum: int) -> int | None:
        return t.integer(name, minimum=1, maximum=maximum) if t.has(name) else None

    terms = WarrantyTerms(article=t.text("article"), text=t.text("text"), free=t.flag("free"),
                          covers_fees=t.flag("covers_fees"),
                          window_hours=window("window_hours", 24 * 366),
                          window_days=window("window_days", 3660),
                          window_months=window("window_months", 120), review=_review(t))
    if terms.covers_fees and not terms.free:
        t.problems.add(t.key("covers_fees"), _("goes with free = true"))
    t.finish()
    return terms


def _fixed_price(t: Table | None) -> FixedPrice | None:
    if t is None:
        return None
    defective = None
    sub = t.table("defective-hardware")
    if sub is not None:
        defective = Clause(article=sub.text("article"), text=sub.text("text"),
                           review=_review(sub))
        sub.finish()
    terms = FixedPrice(article=t.text("article"), text=t.text("text"), review=_review(t),
                       defective_hardware=defective)
    t.finish()
    return terms


def _retention(t: Table | None) -> Retention | None:
    if t is None:
        return None
    terms = Retention(years_after_relationship=t.integer("years_after_relationship",
                                                         minimum=1, maximum=100, default=1),
                      accounting_years=t.integer("accounting_years", minimum=1, maximum=100,
                                                 default=1),
                      article=t.text("article"), text=t.text("text"), review=_review(t))
    t.finish()
    return terms


def _payment(t: Table | None) -> PaymentTerms | None:
    if t is None:
        return None
    terms = PaymentTerms(
        article=t.text("article"), text=t.text("text"),
        # L441-10: at most 60 days from the invoice, as config.toml's business_due_days
        due_days=t.integer("due_days", maximum=60) if t.has("due_days") else None,
        late_penalty=t.optional_text("late_penalty"),
        early_payment=t.optional_text("early_payment"), review=_review(t))
    t.finish()
    return terms


def _guarantee(tables: dict[str, Table]) -> Guarantee | None:
    if not tables:
        return None
    clauses: dict[str, Clause] = {}
    partial: PartialResults | None = None
    for name, t in tables.items():
        if not _known(t, name, GUARANTEES, "guarantee"):
            continue
        review = _review(t)
        if name == "partial-results":
            partial = PartialResults(
                percent_per_problem=t.decimal("percent_per_problem", maximum=HUNDRED)
                or Decimal(0),
                cap_percent=t.decimal("cap_percent", maximum=HUNDRED) or Decimal(0),
                article=t.text("article"), text=t.text("text"))
        else:
            clauses[name] = Clause(
                article=t.text("article"), text=t.text("text"), review=review,
                covers_fees=t.flag("covers_fees") if name == "no-valid-solution" else False)
        t.finish()
    return Guarantee(no_valid_solution=clauses.get("no-valid-solution"),
                     diagnosis_is_valid=clauses.get("diagnosis"), partial_results=partial)


def _credit(t: Table | None) -> CreditModel | None:
    if t is None:
        return None
    warranty_table = t.table("warranty")
    warranty = None
    if warranty_table is not None:
        warranty = Warranty(seconds=warranty_table.integer("seconds", minimum=1,
                                                           maximum=24 * 3600),
                            article=warranty_table.text("article"),
                            text=warranty_table.text("text"))
        _review(warranty_table)
        warranty_table.finish()
    credit = CreditModel(validity_months=t.integer("validity_months", minimum=1, maximum=120,
                                                   default=12),
                         article=t.text("article"), text=t.text("text"), warranty=warranty)
    _review(t)
    t.finish()
    return credit


def _rule(rule_id: str, t: Table) -> RuleSpec:
    params: dict[str, Any] = {}
    for name, kind in RULE_PARAMETERS[rule_id].items():
        if not t.has(name):
            continue
        if kind == "oses":
            params[name] = t.choices(name, OSES)
        elif kind == "channels":
            params[name] = t.choices(name, CHANNELS)
        elif kind == "quote-forms":
            params[name] = t.choices(name, QUOTE_FORMS)
        elif kind == "payment-methods":
            params[name] = t.choices(name, PAYMENT_METHODS)
        elif kind == "artifacts":
            params[name] = t.choices(name, ARTIFACTS)
        elif kind == "countries":
            params[name] = t.strings(name, COUNTRY, _("a list of ISO country codes such as "
                                                      "\"FR\""))
        elif kind in ("seconds", "days"):
            params[name] = t.integer(name, minimum=1, maximum=10**7)
        elif kind == "flag":
            params[name] = t.flag(name)
    spec = RuleSpec(
        id=rule_id, article=t.text("article"), text=t.text("text"),
        severity=t.one("severity", SEVERITIES, default="error")
        if t.has("severity") else _required_severity(t),
        modes=t.choices("modes", MODES), params=MappingProxyType(params), review=_review(t),
    )
    t.finish()
    return spec


def _required_severity(t: Table) -> str:
    t.problems.add(t.key("severity"), _("missing; expected {expected}",
                                        expected=_("one of {choices}",
                                                   choices=", ".join(SEVERITIES))))
    return "error"
