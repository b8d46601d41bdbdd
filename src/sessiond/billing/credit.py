"""Prepaid hour packages (MRI87 art. 4, 12, 13): bought, consumed oldest first, then lost.

A package (`credit-added` event, scope client, `hours` decimal, `at` = purchase) is valid
for `validity_months` from the day of its purchase, to 24:00 of the day that bears the same
number (law.periods: art. 4 counts "à compter de la date d'achat", a date, not an hour).
Sessions of the client under the same policy draw their billed time from the packages in
the order the sessions started; each session draws
from the oldest package still valid when it started that was bought before it ended (art.
13: the client buys more first, so a package bought during the session counts). What the
packages cannot cover is reported as a shortfall, never taken as negative credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sessiond.law.periods import period_end, recorded_zone
from sessiond.model import Event

Balances = dict[int, int]  # package seq -> seconds left


@dataclass(frozen=True)
class Package:
    seq: int
    purchased_at: datetime
    expires_at: datetime
    seconds: int

    def usable(self, start: datetime, end: datetime) -> bool:
        return self.purchased_at <= end and start < self.expires_at


@dataclass(frozen=True)
class Draw:
    package: Package
    seconds: int


@dataclass(frozen=True)
class Demand:
    """Billed time a session asks of the credit, and when the session ran."""

    session_id: str
    start: datetime
    end: datetime
    seconds: int


@dataclass(frozen=True)
class Usage:
    session_id: str
    seconds: int
    draws: tuple[Draw, ...]
    shortfall_seconds: int

    @property
    def covered_seconds(self) -> int:
        return sum(d.seconds for d in self.draws)


@dataclass(frozen=True)
class PackageState:
    package: Package
    used_seconds: int
    remaining_seconds: int
    expired: bool  # at the instant asked; its remaining time is lost (art. 4)


def expires_at(purchased_at: datetime, tz_name: str, validity_months: int) -> datetime:
    """The first instant a package bought at `purchased_at` (recorded in zone `tz_name`) is
    no longer valid."""
    return period_end(purchased_at, recorded_zone(tz_name), months=validity_months)


def hours_to_seconds(hours: str) -> int:
    return int((Decimal(hours) * 3600).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def packages(events: Iterable[Event], validity_months: int) -> tuple[Package, ...]:
    found = [
        Package(seq=e.seq, purchased_at=e.at,
                expires_at=expires_at(e.at, e.tz, validity_months),
                seconds=hours_to_seconds(e.body["hours"]))
        for e in events if e.kind == "credit-added"
    ]
    return tuple(sorted(found, key=lambda p: (p.purchased_at, p.seq)))


def draw(pkgs: Sequence[Package], balances: Balances, demand: Demand) -> Usage:
    """Take `demand` from the oldest usable packages; updates `balances` in place."""
    wanted = demand.seconds
    draws = []
    for package in pkgs:
        if wanted <= 0:
            break
        left = balances.get(package.seq, package.seconds)
        if left <= 0 or not package.usable(demand.start, demand.end):
            continue
        taken = min(left, wanted)
        balances[package.seq] = left - taken
        wanted -= taken
        draws.append(Draw(package, taken))
    return Usage(demand.session_id, demand.seconds, tuple(draws), wanted)


def ledger(pkgs: Sequence[Package], demands: Iterable[Demand]) -> tuple[list[Usage], Balances]:
    """Consume the demands in the order the sessions started."""
    balances: Balances = {p.seq: p.seconds for p in pkgs}
    usages = [draw(pkgs, balances, d) for d in sorted(demands, key=lambda d: (d.start,
                                                                               d.session_id))]
    return usages, balances


def states(pkgs: Sequence[Package], balances: Balances, now: datetime) -> list[PackageState]:
    return [PackageState(p, p.seconds - balances.get(p.seq, p.seconds),
                         balances.get(p.seq, p.seconds), now >= p.expires_at) for p in pkgs]
