"""Which clients' data is kept past its retention, read from aggregate queries, is what
their whole dossiers say (every event decrypted and folded): on a log with merged
duplicates, moved sessions, an erased client, accounting documents and several terms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sessiond.compliance.retention import LAW, Due, due
from sessiond.compliance.retention import activity as activity_of
from sessiond.sessions import Sessiond

DAY = timedelta(days=1)


@pytest.fixture
def svc(home: Path) -> Iterator[Sessiond]:
    service = Sessiond()
    yield service
    service.close()


def session(svc: Sessiond, client: str, policy: str, at: datetime, *,
            stop: bool = True) -> str:
    made = svc.new_session(client, policy=policy, at=at)
    if stop:
        svc.consent(made, channel="oral", by="Client", at=at + timedelta(minutes=1))
        svc.start(made, at=at + timedelta(minutes=2))
        svc.stop(made, at=at + timedelta(minutes=40))
    return made


def from_dossiers(svc: Sessiond, now: datetime) -> list[Due]:
    """The rule as it reads: each remaining client's dossier, his latest session's terms."""
    found = []
    for client in svc.clients():
        if svc.canonical_client(client.id) != client.id or client.name is None:
            continue  # merged into another, or erased
        _client, events = svc.client_dossier(client.id)
        sessions = svc.client_sessions(client.id)
        policy = sessions[-1].policy if sessions else svc.config.policy
        seen = activity_of(events)
        assert seen is not None
        members = tuple(sorted({e.client_id for e in events  # his duplicates' records too
                                if e.kind == "client-added" and e.client_id}))
        late = due(client.id, policy, seen, svc.policy(policy).retention or LAW, now,
                   svc.tz, members)
        if late is not None:
            found.append(late)
    return sorted(found, key=lambda d: (d.ends, d.client_id))


def test_the_aggregates_say_what_the_dossiers_say(svc: Sessiond) -> None:
    t = datetime(2012, 3, 5, 9, 0, tzinfo=UTC)
    prospect = svc.add_client("Ancien Prospect", at=t)
    billed = svc.add_client("Client Facturé", at=t)
    session(svc, billed, "mri87", t + 30 * DAY)  # an accounting document: ten years
    duplicate = svc.add_client("Doublon Récent", at=t + 3000 * DAY)
    kept = svc.add_client("Client Gardé", at=t)
    session(svc, duplicate, "vlh", t + 3001 * DAY)
    svc.merge_client(duplicate, into=kept, reason="même personne")
    wrong = svc.add_client("Mauvais Client", at=t + 10 * DAY)
    right = svc.add_client("Bon Client", at=t + 10 * DAY)
    moved = session(svc, wrong, "fgdmi", t + 11 * DAY)
    svc.move_session(moved, client_id=right, reason="mauvais client")
    planned_only = svc.add_client("Prospect Planifié", at=t + 20 * DAY)
    session(svc, planned_only, "micro-alpes", t + 21 * DAY, stop=False)
    erased = svc.add_client("Client Effacé", at=t)
    svc.erase_client(erased)

    outcomes = set()
    for years in (0, 4, 8, 11, 14, 20):
        now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC) + years * 365 * DAY
        fast = svc.retention_due(now)
        assert fast == from_dossiers(svc, now), years
        assert {d.client_id for d in fast}.isdisjoint({duplicate, erased})
        outcomes.add(frozenset(d.client_id for d in fast))
    assert len(outcomes) >= 3  # the instants chosen tell the clients apart
    oldest = svc.retention_due(datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    assert prospect in {d.client_id for d in oldest}
    kept_due = next(d for d in svc.retention_due(datetime(2047, 1, 1, tzinfo=UTC))
                    if d.client_id == kept)
    assert kept_due.members == tuple(sorted((kept, duplicate)))
    assert kept_due.policy == "vlh"  # the duplicate's session is now his
