"""The store: migrations keep what was written; appends are chained; files are private."""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from pathlib import Path

import pytest

from sessiond.audit.chain import GENESIS, event_hash
from sessiond.errors import EnvironmentFault
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
        "EXPLAIN QUERY PLAN SELECT session_id FROM open_sessions ORDER BY seq"))
    assert "open_sessions" in plan and "events" not in plan.replace("open_sessions", "")
    store.close()


def test_only_the_indexes_a_query_uses_are_kept(tmp_path: Path) -> None:
    """Each index is one more b-tree every append writes: schema 6 dropped the two that no
    query uses any more (the plan tests show which index each hot query takes)."""
    store = Store(tmp_path / "s.sqlite3")
    names = {r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
        "AND name NOT LIKE 'sqlite_autoindex%'")}
    assert names == {"events_by_session", "events_by_kind", "events_by_client_kind",
                     "events_by_kind_at"}
    store.close()


def old_log(path: Path, version: int) -> None:
    db = sqlite3.connect(path)
    for number in range(version):
        for statement in _statements(MIGRATIONS[number]):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def test_a_command_that_reads_upgrades_the_technicians_own_log(tmp_path: Path) -> None:
    path = tmp_path / "sessiond.sqlite3"
    old_log(path, SCHEMA_VERSION - 1)
    store = Store(path, readonly=True, upgrade=True)  # `sessiond status` after an upgrade
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.readonly
    store.close()


def test_a_backup_or_a_copy_is_never_upgraded_by_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sessiond.sqlite3"
    old_log(path, SCHEMA_VERSION - 1)
    with pytest.raises(EnvironmentFault, match="sessiond plus ancien"):
        Store(path, readonly=True)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    db.close()
