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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sessiond.audit.canonical import canonical
from sessiond.audit.chain import GENESIS, event_hash
from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import private_dir
from sessiond.store.schema import MIGRATIONS, SCHEMA_VERSION

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

    # --- reading -------------------------------------------------------------------------

    def events(self, where: str = "", params: tuple[Any, ...] = ()) -> list[StoredEvent]:
        sql = f"SELECT {_COLUMNS} FROM events {where} ORDER BY seq"
        return [StoredEvent(*row) for row in self.conn.execute(sql, params)]

    def iter_events(self) -> Iterator[StoredEvent]:
        for row in self.conn.execute(f"SELECT {_COLUMNS} FROM events ORDER BY seq"):
            yield StoredEvent(*row)

    def session_events(self, session_id: str) -> list[StoredEvent]:
        return self.events("WHERE session_id = ?", (session_id,))

    def client_events(self, client_id: str) -> list[StoredEvent]:
        return self.events("WHERE client_id = ?", (client_id,))

    def events_of_kind(self, *kinds: str) -> list[StoredEvent]:
        marks = ",".join("?" * len(kinds))
        return self.events(f"WHERE kind IN ({marks})", kinds)

    def session_ids(self, *, open_only: bool = False) -> list[str]:
        """Ids of the planned sessions (only those not stopped), in planning order."""
        if not open_only:
            sql = "SELECT session_id FROM events WHERE kind = 'session-planned' ORDER BY seq"
        else:  # one pass over the kind index (a correlated subquery costs seconds)
            sql = ("SELECT session_id FROM events "
                   "WHERE kind IN ('session-planned', 'session-stopped') GROUP BY session_id "
                   "HAVING SUM(kind = 'session-stopped') = 0 ORDER BY MIN(seq)")
        return [row[0] for row in self.conn.execute(sql)]

    def event_at(self, seq: int) -> StoredEvent | None:
        rows = self.events("WHERE seq = ?", (seq,))
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
