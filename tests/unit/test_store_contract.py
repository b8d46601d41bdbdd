"""The store's contract: what any backend of the event log must do.

Written against the store's public API only (writing(), the Writer, the named queries), so
that a second backend (the shop's PostgreSQL server, next wave) runs the same suite by
adding itself to `BACKENDS`. Only `tamper` (an UPDATE or DELETE behind the store's back)
is backend-specific. The query-plan tests at the end are SQLite's own.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from sessiond.audit.chain import GENESIS, event_hash
from sessiond.audit.checkpoint import Checkpoint
from sessiond.store.sqlite import Store


def _sqlite(tmp_path: Path) -> Store:
    return Store(tmp_path / "contract.sqlite3")


def _sqlite_tamper(store: Store, sql: str) -> None:
    store.conn.execute(sql)


BACKENDS: dict[str, tuple[Callable[[Path], Store], Callable[[Store, str], None]]] = {
    "sqlite": (_sqlite, _sqlite_tamper),
}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request: pytest.FixtureRequest, tmp_path: Path
            ) -> Iterator[tuple[Store, Callable[[Store, str], None]]]:
    make, tamper = BACKENDS[request.param]
    store = make(tmp_path)
    yield store, tamper
    store.close()


def append(store: Store, kind: str, *, session: str | None = None, client: str | None = "c-1",
           at: str = "2026-11-22T09:00:00Z", body: dict[str, Any] | None = None) -> int:
    with store.writing() as w:
        return w.append(kind=kind, session_id=session, client_id=client, at=at,
                        recorded_at="2026-11-22T09:00:00.5Z", tz="Europe/Paris", boot_id="b",
                        boottime_ns=1, body=body or {}).seq


def test_an_append_reads_back_as_written_and_chained(backend: Any) -> None:
    store, _tamper = backend
    for n in range(5):
        append(store, "session-planned", session=f"s-{n}", body={"n": n})
    rows = list(store.iter_events())
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in pairwise(rows))
    assert all(event_hash(r.envelope()) == r.hash for r in rows)
    assert rows[3].body_fields() == {"n": 3} and rows[3].session_id == "s-3"
    assert store.tail() == (5, rows[-1].hash)
    assert store.event_at(2) == rows[1] and store.event_at(99) is None


def test_a_failed_transaction_writes_nothing(backend: Any) -> None:
    store, _tamper = backend
    append(store, "session-planned", session="s-1")
    with pytest.raises(RuntimeError), store.writing() as w:
        w.append(kind="note-added", session_id="s-1", client_id="c-1",
                 at="2026-11-22T09:01:00Z", recorded_at="2026-11-22T09:01:00Z",
                 tz="Europe/Paris", boot_id="b", boottime_ns=2, body={})
        raise RuntimeError("the command failed after its first event")
    assert [r.kind for r in store.iter_events()] == ["session-planned"]


@pytest.mark.parametrize("sql", [
    "UPDATE events SET body = '{}' WHERE seq = 1",
    "DELETE FROM events WHERE seq = 1",
    "UPDATE checkpoints SET signature = 'x'",
    "DELETE FROM checkpoints",
])
def test_history_cannot_be_rewritten(backend: Any, sql: str) -> None:
    store, tamper = backend
    append(store, "session-planned", session="s-1")
    with store.writing() as w:
        seq, hash_ = w.tail()
        w.add_checkpoint(Checkpoint(seq, hash_, "2026-11-22T09:00:00Z", "k", "00", "test"))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        tamper(store, sql)
    assert len(list(store.iter_events())) == 1 and len(store.checkpoints()) == 1


def _writer(path: str, count: int) -> None:
    store = Store(Path(path))
    for n in range(count):
        append(store, "note-added", session="s-1", body={"n": n})
    store.close()


def test_concurrent_writers_keep_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "contract.sqlite3"
    Store(path).close()
    ctx = multiprocessing.get_context("spawn")
    writers = [ctx.Process(target=_writer, args=(str(path), 40)) for _ in range(4)]
    for p in writers:
        p.start()
    for p in writers:
        p.join(60)
        assert p.exitcode == 0
    store = Store(path)
    rows = list(store.iter_events())
    store.close()
    assert [r.seq for r in rows] == list(range(1, 161))
    assert all(b.prev_hash == a.hash for a, b in pairwise(rows))


def test_named_queries(backend: Any) -> None:
    store, _tamper = backend
    append(store, "client-added", client="c-1")
    append(store, "client-added", client="c-2")
    append(store, "session-planned", session="s-1", client="c-1", at="2026-11-21T10:00:00Z")
    append(store, "credit-added", client="c-1")
    append(store, "session-planned", session="s-2", client="c-2", at="2026-11-22T10:00:00Z")
    append(store, "session-stopped", session="s-1", client="c-1", at="2026-11-22T11:00:00Z")
    append(store, "session-planned", session="s-3", client="c-1", at="2026-11-23T10:00:00Z")

    assert [r.seq for r in store.client_events("c-1")] == [1, 3, 4, 6, 7]
    assert [r.seq for r in store.client_events("c-1", "session-planned")] == [3, 7]
    assert [r.seq for r in store.client_events("c-1", "credit-added", "client-added")] == [1, 4]
    added = store.client_added("c-2")
    assert added is not None and added.seq == 2 and store.client_added("c-9") is None
    assert [r.seq for r in store.events_of_kind("session-planned")] == [3, 5, 7]
    assert store.first_of_kind("session-stopped").seq == 6  # type: ignore[union-attr]
    assert store.first_of_kind("receipt-issued") is None
    day = ("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z")
    kinds = ("session-planned", "session-stopped")
    assert [r.seq for r in store.events_of_kind_between(kinds, *day)] == [5, 6]
    assert [r.seq for r in store.events_of_kind_between(kinds, *day, upto=6)] == [5]
    assert [r.seq for r in store.events_of_kind_between(
        kinds, None, None, after="2026-11-22T10:00:00Z")] == [6, 7]
    assert [r.seq for r in store.sessions_events(["s-1", "s-3"])] == [3, 6, 7]
    assert [r.seq for r in store.sessions_events(["s-1"], kinds=("session-stopped",))] == [6]
    assert [r.seq for r in store.sessions_events(["s-1", "s-2"], upto=5)] == [3]
    assert store.earliest_at("session-planned") == "2026-11-21T10:00:00Z"
    assert store.session_ids() == ["s-1", "s-2", "s-3"]
    assert store.session_ids(open_only=True) == ["s-2", "s-3"]


def test_activity_and_planned_sessions(backend: Any) -> None:
    """What the retention check reads: each client's (each session's) latest instant and
    latest accounting one, and every planned session's client and policy."""
    store, _tamper = backend
    append(store, "client-added", client="c-1", at="2026-01-05T09:00:00Z")
    append(store, "client-added", client="c-2", at="2026-01-06T09:00:00Z")
    append(store, "session-planned", session="s-1", client="c-1", at="2026-02-01T09:00:00Z",
           body={"policy": "vlh"})
    append(store, "session-stopped", session="s-1", client="c-1", at="2026-02-01T10:00:00Z")
    append(store, "session-planned", session="s-2", client="c-1", at="2026-03-01T09:00:00Z",
           body={"policy": "mri87"})
    append(store, "credit-added", client="c-2", at="2026-04-01T09:00:00Z")
    accounting = ("session-stopped", "receipt-issued")
    assert store.activity(accounting) == {
        "c-1": ("2026-03-01T09:00:00Z", "2026-02-01T10:00:00Z"),
        "c-2": ("2026-04-01T09:00:00Z", None)}
    assert store.activity(accounting, ["s-2", "s-1", "s-9"]) == {
        "s-1": ("2026-02-01T10:00:00Z", "2026-02-01T10:00:00Z"),
        "s-2": ("2026-03-01T09:00:00Z", None)}
    assert store.activity(accounting, []) == {}
    assert store.planned() == [("s-1", "c-1", "vlh"), ("s-2", "c-1", "mri87")]
    with store.writing() as w:
        w.put_wrapped_key("c-1", b"k1")
        w.put_wrapped_key("c-2", b"k2")
        w.delete_wrapped_key("c-2")
    assert store.keyed_clients() == {"c-1"}


def test_wrapped_keys_and_checkpoints(backend: Any) -> None:
    store, _tamper = backend
    with store.writing() as w:
        w.put_wrapped_key("c-1", b"wrapped")
    assert store.wrapped_key("c-1") == b"wrapped" and store.wrapped_key("c-2") is None
    with store.writing() as w:
        w.delete_wrapped_key("c-1")  # erasure: the one deletion there is
    assert store.wrapped_key("c-1") is None
    cp = Checkpoint(0, GENESIS, "2026-11-22T09:00:00Z", "k", "ab", "day-close")
    with store.writing() as w:
        w.add_checkpoint(cp)
    assert store.checkpoints() == [cp]


# --- SQLite's query plans: the hot queries use their index ---------------------------------


def _plan(store: Store, query: Callable[[], object]) -> str:
    """The query plan of every statement `query` runs, as SQLite chose it."""
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        query()
    finally:
        store.conn.set_trace_callback(None)
    return " | ".join(str(row) for sql in seen if sql.lstrip().upper().startswith("SELECT")
                      for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = _sqlite(tmp_path)
    for n in range(30):  # enough rows that the planner compares indexes
        append(store, "client-added", client=f"c-{n}")
        append(store, "session-planned", session=f"s-{n}", client=f"c-{n}")
    store.conn.execute("ANALYZE")
    yield store
    store.close()


def test_client_queries_use_the_client_and_kind_index(sqlite_store: Store) -> None:
    plan = _plan(sqlite_store, lambda: sqlite_store.client_events("c-3", "session-planned"))
    assert "events_by_client_kind" in plan
    assert "events_by_client_kind" in _plan(sqlite_store,
                                            lambda: sqlite_store.client_added("c-3"))


def test_day_ranges_use_the_kind_and_instant_index(sqlite_store: Store) -> None:
    plan = _plan(sqlite_store, lambda: sqlite_store.events_of_kind_between(
        ("session-planned", "session-started"), "2026-11-22T00:00:00Z",
        "2026-11-23T00:00:00Z"))
    assert "events_by_kind_at" in plan


def test_open_sessions_come_from_their_table(sqlite_store: Store) -> None:
    plan = _plan(sqlite_store, lambda: sqlite_store.session_ids(open_only=True))
    assert "open_sessions" in plan and "events" not in plan.replace("open_sessions", "")
