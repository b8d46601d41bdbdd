"""A bill: worked and billed time side by side, priced lines, and the words that explain it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Line:
    """One printed line; its amount is already rounded to the cent."""

    kind: str  # time, discount, guarantee, credit, fee
    label: str
    amount: Decimal
    article: str | None = None
    name: str | None = None  # which discount, guarantee clause or fee


@dataclass(frozen=True)
class NextTranche:
    """When the bill grows next if the clock keeps running, and by how much."""

    seconds_until: int  # worked seconds from now until the tranche starts
    at: datetime | None  # the instant, when the session is running (None when paused)
    seconds: int  # length of that tranche
    amount: Decimal  # how much the total grows when it starts


@dataclass(frozen=True)
class CreditDraw:
    package_seq: int
    purchased_at: datetime
    expires_at: datetime
    seconds: int


@dataclass(frozen=True)
class CreditUse:
    covered_seconds: int
    shortfall_seconds: int
    draws: tuple[CreditDraw, ...]
    remaining_seconds: int  # left in valid packages after this session


@dataclass(frozen=True)
class Bill:
    session: str
    client: str
    policy: str
    policy_digest: str
    state: str
    mode: str
    worked_seconds: int
    billed_seconds: int
    first_block_seconds: int
    increment_seconds: int
    increments: int
    rate_per_hour: Decimal | None
    rate_source: str | None  # "session" (quoted price, FGDMI II.1) or "policy"
    lines: tuple[Line, ...]
    total: Decimal
    currency: str
    vat_mention: str
    explanation: str
    warnings: tuple[str, ...]
    computed_at: datetime
    next_tranche: NextTranche | None = None
    credit: CreditUse | None = None

    @property
    def breakdown(self) -> str:
        """The billed time in the policy's tranches, in words (billing.text.breakdown)."""
        from sessiond.billing.text import breakdown

        return breakdown(self.first_block_seconds, self.increment_seconds, self.increments)

    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def amount_so_far(self) -> Decimal:
        return self.total

    def to_json(self, tz: tzinfo | None = None) -> dict[str, Any]:
        """A JSON-ready mapping: amounts as decimal strings, instants ISO 8601 with offset."""

        def iso(instant: datetime | None) -> str | None:
            if instant is None:
                return None
            return instant.astimezone(tz or UTC).isoformat(timespec="seconds")

        nxt = self.next_tranche
        credit = self.credit
        return {
            "session": self.session,
            "client": self.client,
            "policy": self.policy,
            "policy_digest": self.policy_digest,
            "state": self.state,
            "mode": self.mode,
            "worked_seconds": self.worked_seconds,
            "billed_seconds": self.billed_seconds,
            "tranches": {"first_block_seconds": self.first_block_seconds,
                         "increment_seconds": self.increment_seconds,
                         "increments": self.increments},
            "rate_per_hour": str(self.rate_per_hour) if self.rate_per_hour is not None
            else None,
            "rate_source": self.rate_source,
            "lines": [{"kind": line.kind, "name": line.name, "label": line.label,
                       "amount": str(line.amount), "article": line.article}
                      for line in self.lines],
            "total": str(self.total),
            "currency": self.currency,
            "vat_mention": self.vat_mention,
            "explanation": self.explanation,
            "warnings": list(self.warnings),
            "computed_at": iso(self.computed_at),
            "running": self.running,
            "amount_so_far": str(self.amount_so_far),
            "next_tranche": None if nxt is None else {
                "seconds_until": nxt.seconds_until, "at": iso(nxt.at),
                "seconds": nxt.seconds, "amount": str(nxt.amount)},
            "credit": None if credit is None else {
                "covered_seconds": credit.covered_seconds,
                "shortfall_seconds": credit.shortfall_seconds,
                "remaining_seconds": credit.remaining_seconds,
                "draws": [{"package": d.package_seq, "purchased_at": iso(d.purchased_at),
                           "expires_at": iso(d.expires_at), "seconds": d.seconds}
                          for d in credit.draws]},
        }
