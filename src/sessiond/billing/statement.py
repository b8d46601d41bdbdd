"""A client's prepaid credit as of now: packages, what each session drew, what is left."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sessiond.billing import credit as cr
from sessiond.billing.warranty import credit_seconds
from sessiond.billing.worked import worked_seconds
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import Event, Session
from sessiond.policy.schema import Policy


@dataclass(frozen=True)
class CreditStatement:
    client: str
    policy: str
    article: str
    packages: tuple[cr.PackageState, ...]
    usages: tuple[cr.Usage, ...]
    remaining_seconds: int  # still usable now
    lost_seconds: int  # left in expired packages (art. 4: lost after one year)


def demands(policy: Policy, sessions: Iterable[Session], now: datetime, *,
            known: Mapping[str, Session] | None = None) -> list[cr.Demand]:
    """The billed time each started session of this policy asks of the credit: nothing for
    a free warranty re-intervention, the flat charge for one the client caused (MRI87
    16.2). `known`: the client's sessions by id, where the warranty ones find the session
    they re-do (default: `sessions`)."""
    sessions = list(sessions)
    known = known if known is not None else {s.id: s for s in sessions}
    return [
        cr.Demand(s.id, s.started_at, s.stopped_at or now,
                  credit_seconds(s, policy, known,
                                 policy.tranches.billed_seconds(worked_seconds(s, now))))
        for s in sessions if s.policy == policy.id and s.started_at is not None
    ]


def credit_statement(client_id: str, policy: Policy, sessions: Iterable[Session],
                     client_events: Iterable[Event], now: datetime) -> CreditStatement:
    if policy.credit is None:
        raise InputError(_("Policy {policy} has no prepaid credit; choose one that has, "
                           "e.g. --policy mri87.", policy=policy.id))
    packages = cr.packages(client_events, policy.credit.validity_months)
    usages, balances = cr.ledger(packages, demands(policy, sessions, now))
    states = cr.states(packages, balances, now)
    return CreditStatement(
        client=client_id, policy=policy.id, article=policy.credit.article,
        packages=tuple(states), usages=tuple(usages),
        remaining_seconds=sum(s.remaining_seconds for s in states if not s.expired),
        lost_seconds=sum(s.remaining_seconds for s in states if s.expired),
    )
