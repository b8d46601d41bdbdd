"""The SQLite event store.

WAL lets readers (the TUI's refresh) run beside a writer; `synchronous=FULL` makes every
commit durable before the command returns; every append runs in `BEGIN IMMEDIATE`, which
takes the write lock before reading the chain's tail, so the CLI, the TUI and the daemon
can append at the same time and the chain stays linear.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sessiond.audit.canonical import canonical
from sessiond.audit.chain import GENESIS, event_hash
from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import private_dir
from sessiond.store.schema import MIGRATIONS, SCHEMA_VERSION

_CHUNK = 500  # ids per IN (...): well under SQLite's limit of bound parameters
_COLUMNS = ("seq, id, kind, session_id, client_id, at, recorded_at, tz, boot_id, "
            "boottime_ns, body, sealed, prev_hash, hash")


@dataclass(frozen=True)
class StoredEvent:
    """An events row as stored: body is canonical JSON text, sealed is ciphertext."""

    seq: int
    id: str
    kind: str
    session_id: str | None
    client_id: str | None
    at: str
    recorded_at: str
    tz: str
    boot_id: str
    boottime_ns: int
    body: str
    sealed: str | None
    prev_hash: str
    hash: str

    def envelope(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "id": self.id, "kind": self.kind, "session_id": self.session_id,
            "client_id": self.client_id, "at": self.at, "recorded_at": self.recorded_at,
            "tz": self.tz, "boot_id": self.boot_id, "boottime_ns": self.boottime_ns,
            "body": self.body, "sealed": self.sealed, "prev_hash": self.prev_hash,
        }

    def body_fields(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.body)
        return value


class Store:
    def __init__(self, path: Path) -> None:
        private_dir(path.parent)
        new = not path.exists()
        if new:
            # Create the file 0600 before SQLite does (it would use the umask).
            path.touch(mode=0o600)
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=10.0,
                                    check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists() and side.stat().st_mode & 0o077:
                side.chmod(0o600)

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} was written by a newer sessiond (schema {version}); "
                f"this one knows schema {SCHEMA_VERSION}"
            )
        if version == SCHEMA_VERSION:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """One write transaction: everything appended inside commits together, or nothing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield Writer(self.conn)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- reading: named queries (the one place where SQL is written) -------------------

    def _select(self, where: str = "", params: tuple[Any, ...] = ()) -> list[StoredEvent]:
        sql = f"SELECT {_COLUMNS} FROM events {where} ORDER BY seq"
        return [StoredEvent(*row) for row in self.conn.execute(sql, params)]

    def iter_events(self, *, upto: int | None = None) -> Iterator[StoredEvent]:
        """Every event in log order (before seq `upto` when given), one row at a time."""
        sql = f"SELECT {_COLUMNS} FROM events" + (" WHERE seq < ?" if upto else "")
        for row in self.conn.execute(sql + " ORDER BY seq", (upto,) if upto else ()):
            yield StoredEvent(*row)

    def session_events(self, session_id: str) -> list[StoredEvent]:
        return self._select("WHERE session_id = ?", (session_id,))

    def client_events(self, client_id: str, *kinds: str) -> list[StoredEvent]:
        """The client's events (only those `kinds` when given), in log order."""
        if not kinds:
            return self._select("WHERE client_id = ?", (client_id,))
        marks = ",".join("?" * len(kinds))
        return self._select(f"WHERE client_id = ? AND kind IN ({marks})", (client_id, *kinds))

    def client_added(self, client_id: str) -> StoredEvent | None:
        rows = self.client_events(client_id, "client-added")
        return rows[0] if rows else None

    def events_of_kind(self, *kinds: str) -> list[StoredEvent]:
        marks = ",".join("?" * len(kinds))
        return self._select(f"WHERE kind IN ({marks})", kinds)

    def first_of_kind(self, kind: str) -> StoredEvent | None:
        rows = self._select("WHERE seq = (SELECT MIN(seq) FROM events WHERE kind = ?)",
                            (kind,))
        return rows[0] if rows else None

    def events_of_kind_between(self, kinds: Sequence[str], lo: str | None, hi: str | None,
                               *, upto: int | None = None, after: str | None = None,
                               ) -> list[StoredEvent]:
        """Events of `kinds` declared at `lo` <= at < `hi` (open ends when None; `after`:
        strictly later than that instant), before seq `upto` when given."""
        marks = ",".join("?" * len(kinds))
        where, params = f"WHERE kind IN ({marks})", list[object](kinds)
        bounds: tuple[tuple[str, object], ...] = (
            ("at >= ?", lo), ("at > ?", after), ("at < ?", hi), ("seq < ?", upto))
        for clause, value in bounds:
            if value is not None:
                where += f" AND {clause}"
                params.append(value)
        return self._select(where, tuple(params))

    def sessions_events(self, session_ids: Sequence[str], *, upto: int | None = None,
                        kinds: Sequence[str] = ()) -> list[StoredEvent]:
        """The events of several sessions (only `kinds` when given), before seq `upto`."""
        found: list[StoredEvent] = []
        for start in range(0, len(session_ids), _CHUNK):
            chunk = tuple(session_ids[start:start + _CHUNK])
            where = f"WHERE session_id IN ({','.join('?' * len(chunk))})"
            params: tuple[Any, ...] = chunk
            if kinds:
                where += f" AND kind IN ({','.join('?' * len(kinds))})"
                params = (*params, *kinds)
            if upto is not None:
                where += " AND seq < ?"
                params = (*params, upto)
            found.extend(self._select(where, params))
        return found

    def earliest_at(self, *kinds: str) -> str | None:
        """The earliest declared instant of an event of `kinds`."""
        marks = ",".join("?" * len(kinds))
        row = self.conn.execute(f"SELECT MIN(at) FROM events WHERE kind IN ({marks})",
                                kinds).fetchone()
        return row[0] if row else None

    def session_ids(self, *, open_only: bool = False) -> list[str]:
        """Ids of the planned sessions (only those not stopped), in planning order."""
        if not open_only:
            sql = "SELECT session_id FROM events WHERE kind = 'session-planned' ORDER BY seq"
        else:  # kept by the triggers of schema 4: as cheap in a ten-year log as in a new one
            sql = "SELECT session_id FROM open_sessions ORDER BY seq"
        return [row[0] for row in self.conn.execute(sql)]

    def data_version(self) -> int:
        """Changes whenever another connection commits (a cheap "has anything changed?")."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def event_at(self, seq: int) -> StoredEvent | None:
        rows = self._select("WHERE seq = ?", (seq,))
        return rows[0] if rows else None

    def tail(self) -> tuple[int, str]:
        row = self.conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        last = row.fetchone()
        return (last[0], last[1]) if last else (0, GENESIS)

    def checkpoints(self) -> list[Checkpoint]:
        rows = self.conn.execute(
            "SELECT seq, hash, at, key_id, signature, reason FROM checkpoints ORDER BY id")
        return [Checkpoint(*row) for row in rows]

    def wrapped_key(self, client_id: str) -> bytes | None:
        row = self.conn.execute("SELECT wrapped FROM client_keys WHERE client_id = ?",
                                (client_id,)).fetchone()
        return bytes(row[0]) if row else None


class Writer:
    """Appends inside one `Store.writing()` transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def tail(self) -> tuple[int, str]:
        last = self.conn.execute(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
        return (last[0], last[1]) if last else (0, GENESIS)

    def append(
        self,
        *,
        kind: str,
        session_id: str | None,
        client_id: str | None,
        at: str,
        recorded_at: str,
        tz: str,
        boot_id: str,
        boottime_ns: int,
        body: Mapping[str, Any],
        seal: Any = None,  # Callable[[event_id], str | None]: seals personal fields
    ) -> StoredEvent:
        seq, prev_hash = self.tail()
        event_id = secrets.token_hex(16)  # 128 random bits, as uuid4 (without its import)
        sealed = seal(event_id) if seal is not None else None
        envelope: dict[str, Any] = {
            "seq": seq + 1, "id": event_id, "kind": kind, "session_id": session_id,
            "client_id": client_id, "at": at, "recorded_at": recorded_at, "tz": tz,
            "boot_id": boot_id, "boottime_ns": boottime_ns,
            "body": canonical(dict(body)).decode("utf-8"), "sealed": sealed,
            "prev_hash": prev_hash,
        }
        stored = StoredEvent(**envelope, hash=event_hash(envelope))
        self.conn.execute(
            f"INSERT INTO events ({_COLUMNS}) VALUES ({','.join('?' * 14)})",
            tuple(vars(stored).values()),
        )
        return stored

    def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        self.conn.execute(
            "INSERT INTO checkpoints (seq, hash, at, key_id, signature, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.key_id,
             checkpoint.signature, checkpoint.reason),
        )

    def put_wrapped_key(self, client_id: str, wrapped: bytes) -> None:
        self.conn.execute("INSERT INTO client_keys (client_id, wrapped) VALUES (?, ?)",
                          (client_id, wrapped))

    def delete_wrapped_key(self, client_id: str) -> None:
        self.conn.execute("DELETE FROM client_keys WHERE client_id = ?", (client_id,))


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain `;` inside BEGIN/END)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
