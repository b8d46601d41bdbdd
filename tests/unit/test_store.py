"""The store: migrations keep what was written; appends are chained; files are private."""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from pathlib import Path

from sessiond.audit.chain import GENESIS, event_hash
from sessiond.store.schema import MIGRATIONS, SCHEMA_VERSION
from sessiond.store.sqlite import Store, _statements


def append(store: Store, kind: str, session: str | None = None) -> None:
    with store.writing() as w:
        w.append(kind=kind, session_id=session, client_id="c-1", at="2026-11-22T09:00:00Z",
                 recorded_at="2026-11-22T09:00:00.5Z", tz="Europe/Paris", boot_id="b",
                 boottime_ns=1, body={})


def test_an_old_database_is_migrated_and_keeps_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    store = Store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    append(store, "session-resumed", "s-1")
    assert [e.seq for e in list(store.iter_events())] == [1]
    store.close()


def test_appends_are_chained_and_open_sessions_come_from_the_index(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    for kind, session in [("session-planned", "s-1"), ("session-planned", "s-2"),
                          ("session-stopped", "s-1"), ("session-planned", "s-3")]:
        append(store, kind, session)
    rows = list(store.iter_events())
    assert rows[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in pairwise(rows))
    assert all(event_hash(r.envelope()) == r.hash for r in rows)
    assert store.session_ids() == ["s-1", "s-2", "s-3"]
    assert store.session_ids(open_only=True) == ["s-2", "s-3"]
    plan = " ".join(str(r) for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT session_id FROM events WHERE kind IN "
        "('session-planned', 'session-stopped') GROUP BY session_id"))
    assert "COVERING INDEX events_by_kind_session" in plan
    store.close()
