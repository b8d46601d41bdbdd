"""Query plans as a technician's log gets them: SQLite without statistics (sessiond never
runs ANALYZE), so the planner's own heuristics decide. The hot queries must use the index
that keeps them independent of the log's size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sessiond.store.sqlite import Store


def append(store: Store, kind: str, session: str | None, client: str, at: str) -> None:
    with store.writing() as w:
        w.append(kind=kind, session_id=session, client_id=client, at=at,
                 recorded_at=at, tz="Europe/Paris", boot_id="b", boottime_ns=1, body={})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store(tmp_path / "plans.sqlite3")
    for n in range(40):
        at = f"2026-11-{1 + n % 28:02d}T09:00:00Z"
        append(db, "client-added", None, f"c-{n}", at)
        for kind in ("session-planned", "session-started", "session-stopped"):
            append(db, kind, f"s-{n}", f"c-{n}", at)
    assert db.conn.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'"
                           ).fetchone() is None  # no statistics, as in real logs
    yield db
    db.close()


def plan(store: Store, query: Callable[[], object]) -> str:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        query()
    finally:
        store.conn.set_trace_callback(None)
    return " | ".join(str(row) for sql in seen if sql.lstrip().upper().startswith("SELECT")
                      for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_a_few_sessions_events_of_one_kind_come_through_their_sessions(store: Store) -> None:
    """A day's sessions' planned events (exports): not every planned event of the log."""
    found = plan(store, lambda: store.sessions_events(["s-3", "s-7"],
                                                      kinds=("session-planned",)))
    assert "events_by_session" in found and "events_by_kind (" not in found
    rows = store.sessions_events(["s-7", "s-3"], kinds=("session-planned",))
    assert [r.session_id for r in rows] == ["s-3", "s-7"]


def test_a_day_before_a_seq_comes_through_the_instant_index(store: Store) -> None:
    """The proof's covered sessions: the day's events before the document's checkpoint,
    not every event of those kinds before it."""
    day = ("2026-11-05T00:00:00Z", "2026-11-06T00:00:00Z")
    for kinds in (("session-stopped",), ("session-planned", "session-stopped")):
        found = plan(store, lambda k=kinds: store.events_of_kind_between(k, *day, upto=150))
        assert "events_by_kind_at" in found and "events_by_kind (" not in found, kinds
        rows = store.events_of_kind_between(kinds, *day, upto=150)
        assert rows and all(r.at.startswith("2026-11-05") and r.seq < 150 for r in rows)
        assert [r.seq for r in rows] == sorted(r.seq for r in rows)
    found = plan(store, lambda: store.events_of_kind_between(
        ("session-stopped",), None, None, upto=150, after="2026-11-20T00:00:00Z"))
    assert "events_by_kind_at" in found


def test_open_ended_kinds_before_a_seq_keep_the_kind_index(store: Store) -> None:
    found = plan(store, lambda: store.events_of_kind_between(("session-stopped",), None,
                                                             None, upto=60))
    assert "events_by_kind (kind=? AND seq<?)" in found


def test_a_clients_planned_sessions_use_the_client_and_kind_index(store: Store) -> None:
    found = plan(store, lambda: store.client_events("c-3", "session-planned"))
    assert "events_by_client_kind" in found


def test_a_documents_checkpoint_is_looked_up_not_listed(store: Store) -> None:
    from sessiond.audit.checkpoint import Checkpoint

    seq, hash_ = store.tail()
    with store.writing() as w:
        for reason in ("export", "again", "other"):
            w.add_checkpoint(Checkpoint(seq if reason != "other" else 1, hash_,
                                        "2026-11-22T09:00:00Z", "k", "ab", reason))
    found = store.checkpoint_of(seq, hash_)
    assert found is not None and found.reason == "export"  # the first one signed
    assert store.checkpoint_of(seq, "0" * 64) is None and store.checkpoint_of(2, hash_) is None
    assert found in store.checkpoints()


def test_a_documents_event_hashes_come_through_their_sessions(store: Store) -> None:
    """The proof's digest of a range's sessions before its event: through the sessions'
    index, not a walk of the log before that seq; (session, seq, hash) only."""
    found = plan(store, lambda: store.sessions_event_hashes(["s-3", "s-7"], upto=150))
    assert "events_by_session" in found and "PRIMARY KEY" not in found
    got = store.sessions_event_hashes(["s-7", "s-3"], upto=150)
    whole = store.sessions_events(["s-3", "s-7"], upto=150)
    assert got == [(r.session_id, r.seq, r.hash) for r in whole] and len(got) == 6
