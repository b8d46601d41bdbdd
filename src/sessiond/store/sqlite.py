"""The SQLite event store.

WAL lets readers (the TUI's refresh) run beside a writer; `synchronous=FULL` makes every
commit durable before the command returns; every append runs in `BEGIN IMMEDIATE`, which
takes the write lock before reading the chain's tail, so the CLI, the TUI and the daemon
can append at the same time and the chain stays linear.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sessiond.audit.canonical import canonical
from sessiond.audit.chain import GENESIS, event_hash, row_hash
from sessiond.config import private_dir
from sessiond.errors import Damaged, EnvironmentFault, SessiondError
from sessiond.files import read_own
from sessiond.i18n import _
from sessiond.records import NamedTuple
from sessiond.store import glance
from sessiond.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from sessiond.audit.checkpoint import Checkpoint

T = TypeVar("T")
# SQLite's own busy handler waits this long for the write lock; `_retry_busy` then tries
# again with jittered backoff until RETRY_SECONDS: writers queue instead of failing.
BUSY_TIMEOUT = 0.05
RETRY_SECONDS = 30.0


class _Connection(sqlite3.Connection):
    """A connection whose statements fail as SQLite errors on a damaged file.

    When a flipped byte lands in the schema or in a row SQLite quotes in an error, the
    sqlite3 module raises UnicodeDecodeError (it decodes that message as UTF-8): it is
    damage of the database, and is reported as such."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if isinstance(parameters, tuple | list):
            for p in parameters:  # a loop, not any(): this runs for every statement
                if type(p) is int and not -(2**63) <= p < 2**63:
                    # An id or seq typed or read from a document (`answer 9999999999999
                    # 9999999`): no row has it, and the clamped value finds the same rows.
                    parameters = tuple(_integer(p) if type(p) is int else p
                                       for p in parameters)
                    break
        try:
            return super().execute(sql, parameters)
        except UnicodeDecodeError as e:
            raise sqlite3.DatabaseError(f"database disk image is malformed ({e.reason} in "
                                        "text SQLite read)") from e

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        try:
            return super().executemany(sql, parameters)
        except UnicodeDecodeError as e:
            raise sqlite3.DatabaseError(f"database disk image is malformed ({e.reason} in "
                                        "text SQLite read)") from e


def _integer(value: int) -> int:
    """A seq read from a document (`upto=99999999999999999999999`) as SQLite can bind it:
    no event lies beyond the 64-bit range, so the clamped bound selects the same rows."""
    return min(max(value, -(2**63)), 2**63 - 1)


def _blob(value: object) -> bytes:
    """A wrapped key as stored: a blob. Any other storage class is damage (a flipped
    byte in the record's header), read as a key that opens nothing, which the key checks
    report, rather than converted: bytes(2**40) would allocate a terabyte."""
    return value if type(value) is bytes else b""


def _nearly_full(directory: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(directory).free < 256 * 1024
    except OSError:
        return False


def _busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _retry_busy(operation: Callable[[], T]) -> T:
    deadline = time.monotonic() + RETRY_SECONDS
    delay = 0.001
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as e:
            if not _busy(e) or time.monotonic() + delay > deadline:
                raise
        from random import uniform  # loaded on the first retry only

        time.sleep(delay * uniform(0.5, 1.5))  # jitter, not secrecy
        delay = min(delay * 2, 0.02)


# Every row of the schema table as the check compares it: a trigger has no page of its
# own, a table or an index one (its number differs from file to file).
_SCHEMA_ROWS = ("SELECT type, name, tbl_name, sql, CASE WHEN type = 'trigger' THEN "
                "rootpage = 0 ELSE typeof(rootpage) = 'integer' AND rootpage > 0 END "
                "FROM sqlite_master ORDER BY type, name")


@cache
def _expected_schema() -> dict[tuple[str, str], tuple[Any, ...]]:
    """(type, name) -> (table, sql, page) of what the migrations make, from an empty
    database; SQLite's own indexes (of UNIQUE and PRIMARY KEY columns) included."""
    conn = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS:
            for statement in _statements(script):
                conn.execute(statement)
        rows = conn.execute(_SCHEMA_ROWS).fetchall()
    finally:
        conn.close()
    return {(r[0], r[1]): r[2:] for r in rows}

_CHUNK = 500  # ids per IN (...): well under SQLite's limit of bound parameters
_COLUMNS = ("seq, id, kind, session_id, client_id, at, recorded_at, tz, boot_id, "
            "boottime_ns, body, sealed, prev_hash, hash")
_INSERT = f"INSERT INTO events ({_COLUMNS}) VALUES ({','.join('?' * 14)})"


class StoredEvent(NamedTuple):
    """An events row as stored: body is canonical JSON text, sealed is ciphertext.

    A named tuple, not a dataclass: exports and verification build one per row read (a
    frozen dataclass of 14 fields costs 3.5 us to build, `_make` of a row 0.65 us)."""

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
    """The log in one SQLite file.

    `readonly=True` (commands that only read) opens it read-only, and immutable when its
    directory cannot be written and no write-ahead log is pending, so that a read-only
    copy (a backup disk, a full or read-only file system) can still be read and verified.
    """

    def __init__(self, path: Path, *, readonly: bool = False, upgrade: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self.upgrade = upgrade  # read-only, yet an older schema is upgraded first
        # (data_version, (seq, hash)): the tail this connection verified or appended last,
        # and SQLite's counter of other connections' commits then. While the counter has
        # not moved, no one else has written: the tail is still that one, and the next
        # transaction needs neither to read nor to hash it again (see `writing`).
        self._known_tail: tuple[int, tuple[int, str]] | None = None
        # Inside `writing`: the counter read under the write lock, and the transaction's
        # writer (which knows the tail): `mark()` without a statement.
        self._writing: tuple[int, Writer] | None = None
        glance.refuse_other_kind(path)
        try:
            self.conn = self._open_readonly() if readonly else self._open_writable()
        except sqlite3.Error as e:
            raise self._fault(e) from e

    def _open_writable(self) -> sqlite3.Connection:
        path = self.path
        private_dir(path.parent)
        if not path.exists():
            # Create the file 0600 before SQLite does (it would use the umask).
            with suppress(FileExistsError):
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT,
                               check_same_thread=False, factory=_Connection)
        self.conn = conn
        try:
            _retry_busy(lambda: conn.execute("PRAGMA journal_mode=WAL"))
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except BaseException:
            conn.close()
            raise
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists() and side.stat().st_mode & 0o077:
                side.chmod(0o600)
        return conn

    def _open_readonly(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise EnvironmentFault(_("There is no log at {path}.", path=self.path))
        url = glance.uri(str(self.path.absolute()), "ro")
        conn = sqlite3.connect(url, uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT, check_same_thread=False,
                               factory=_Connection)
        try:
            version = _retry_busy(lambda: conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.OperationalError:
            conn.close()
            # A WAL database needs its -shm file, which a read-only directory cannot get;
            # without a pending write-ahead log, the main file is the whole log.
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise
            immutable = glance.uri(str(self.path.absolute()), "ro") + "&immutable=1"
            conn = sqlite3.connect(immutable, uri=True, isolation_level=None,
                                   check_same_thread=False, factory=_Connection)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        self.conn = conn
        if version > SCHEMA_VERSION:
            conn.close()
            raise self._newer(version)
        if version < SCHEMA_VERSION and self.upgrade and os.access(self.path, os.W_OK) \
                and os.access(self.path.parent, os.W_OK):
            # The technician's own log after an upgrade of sessiond: a command that reads
            # upgrades it as one that writes would (a backup or a copy is never touched).
            conn.close()
            self._open_writable().close()
            return self._open_readonly()
        if version < SCHEMA_VERSION:
            conn.close()
            raise EnvironmentFault(_("{path} was written by an older sessiond (schema "
                                     "{version}) and a command that only reads cannot "
                                     "upgrade it: run a command that writes where the file "
                                     "can be written, or verify an upgraded copy.",
                                     path=self.path, version=version))
        return conn

    def _newer(self, version: int) -> EnvironmentFault:
        return EnvironmentFault(_("{path} was written by a newer sessiond (schema {version}); "
                                  "this one knows schema {known}: upgrade sessiond.",
                                  path=self.path, version=version, known=SCHEMA_VERSION))

    def _fault(self, error: sqlite3.Error) -> EnvironmentFault:
        """The project's error for an SQLite error on this file (see errors.from_fault)."""
        from sessiond.errors import from_fault

        if "i/o" in str(error).lower() and _nearly_full(self.path.parent):
            # A write into the WAL that meets ENOSPC comes back as SQLITE_IOERR, not FULL.
            error = sqlite3.OperationalError("database or disk is full")
        found = from_fault(error)
        if isinstance(found, EnvironmentFault):
            return type(found)(f"{self.path}: {found.message}")
        return EnvironmentFault(_("{path}: the database cannot be used ({problem}).",
                                  path=self.path, problem=error))

    def close(self) -> None:
        self.conn.close()

    def twin(self) -> Store:
        """A second, read-only connection to the same file (a check run beside this one's
        work). Raises as opening does."""
        return Store(self.path, readonly=True)

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise self._newer(version)
        if version == SCHEMA_VERSION:
            return
        self._begin()
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another writer: SQLite's busy handler first, then
        retries with jittered backoff, so eight processes appending at once all get
        through; past RETRY_SECONDS, a clear error instead of "database is locked"."""
        try:
            _retry_busy(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        except sqlite3.Error as e:
            raise self._fault(e) from e

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the connection is gone: SQLite rolls the transaction back itself

    @contextmanager
    def bulk_writing(self, cache_mib: int = 64) -> Iterator[Writer]:
        """`writing()` for a transaction of tens of thousands of events (bench.generate):
        with SQLite's default 2 MB page cache the indexes' pages spill mid-transaction and
        each insert costs twice as much; a larger cache keeps them until the commit."""
        previous = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        self.conn.execute(f"PRAGMA cache_size = {-int(cache_mib) * 1024}")
        try:
            with self.writing() as writer:
                yield writer
        finally:
            self.conn.execute(f"PRAGMA cache_size = {previous}")

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """One write transaction: everything appended inside commits together, or nothing.

        Refused on a log known to be damaged (`damage_mark`) and when the tail it would
        chain onto does not hash right: nothing is ever appended onto a damaged log."""
        if self.readonly:
            raise EnvironmentFault(_("{path} was opened read-only.", path=self.path))
        mark = self.damage_mark()
        if mark is not None:
            raise EnvironmentFault(_("{path} was found damaged ({problem}): sessiond writes "
                                     "nothing more into it. Restore it from a backup "
                                     "(sessiond restore DIR); sessiond verify lifts this "
                                     "once the log verifies.", path=self.path, problem=mark))
        self._begin()
        known, self._known_tail = self._known_tail, None  # set again once committed
        try:
            writer = Writer(self.conn)
            version = self.data_version()
            if known is not None and known[0] == version:
                writer._tail = known[1]  # nobody else committed: the tail checked before
            else:
                problem = self._tail_problem(writer)
                if problem is not None:
                    self.mark_damaged(problem)
                    raise EnvironmentFault(_("{path}: {problem}. Nothing was written: run "
                                             "sessiond verify, then restore from a backup "
                                             "(sessiond restore DIR).", path=self.path,
                                             problem=problem))
            self._writing = (version, writer)
            yield writer
        except sqlite3.Error as e:
            self._rollback()
            raise self._fault(e) from e
        except BaseException:
            self._rollback()
            raise
        finally:
            self._writing = None
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback()
            raise self._fault(e) from e
        if writer._tail is not None:  # what this transaction checked or appended
            self._known_tail = (version, writer._tail)

    def _tail_problem(self, writer: Writer | None = None) -> str | None:
        """Whether the last event (the one an append chains onto) is sound: its hash and
        its link to the one before. Two rows: cheap enough for every transaction. When
        sound, `writer` is given that tail (it need not read it again)."""
        try:
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM events ORDER BY seq DESC LIMIT 2").fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
            return str(e)
        if not rows:
            if writer is not None:
                writer._tail = (0, GENESIS)
            return None
        last = StoredEvent._make(rows[0])
        try:
            sound = event_hash(last.envelope()) == last.hash
        except (TypeError, ValueError, UnicodeError):
            sound = False
        if not sound:
            return _("event #{seq} does not hash right", seq=last.seq)
        previous = StoredEvent._make(rows[1]).hash if len(rows) > 1 else GENESIS
        expected_seq = rows[1][0] + 1 if len(rows) > 1 else 1
        if last.prev_hash != previous or last.seq != expected_seq:
            return _("event #{seq} does not follow the one before", seq=last.seq)
        if writer is not None:
            writer._tail = (last.seq, last.hash)
        return None

    # --- damage: SQLite's own check, the schema, and a mark that stops writes ------------

    @cached_property
    def _mark_path(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    def damage_mark(self) -> str | None:
        """What verification found wrong with this log, while it is not restored."""
        mark = self._mark_path
        if not os.access(mark, os.F_OK):  # the usual case, asked before every write:
            return None  # a stat, without raising and catching FileNotFoundError
        try:  # bounded, non-blocking: a FIFO there is never waited on (files.read_own)
            raw = read_own(mark, 4096)
        except OSError as e:
            return str(e)
        if raw is None:
            return None
        return raw.decode("utf-8", errors="replace").strip()[:300] or "?"

    def mark_damaged(self, problem: str) -> None:
        """Stop every later write into this file (best effort: the disk may be gone)."""
        from sessiond.config import write_private

        with suppress(OSError, SessiondError):
            write_private(self._mark_path, problem.encode("utf-8", "replace"))

    def clear_damage_mark(self) -> None:
        with suppress(OSError):
            self._mark_path.unlink(missing_ok=True)

    @contextmanager
    def _lenient_text(self) -> Iterator[None]:
        """Text columns decoded with replacement characters (damaged bytes shown, not
        raised), for the checks that must read a damaged file."""
        saved = self.conn.text_factory
        self.conn.text_factory = lambda b: b.decode("utf-8", "replace")
        try:
            yield
        finally:
            self.conn.text_factory = saved

    def integrity_problems(self, limit: int = 20) -> list[str]:
        """SQLite's `PRAGMA integrity_check`: [] for a sound file, else what it found."""
        try:
            with self._lenient_text():  # it quotes damaged text, maybe not UTF-8
                rows = self.conn.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
        except sqlite3.DatabaseError as e:
            return [str(e)]
        found = [str(r[0]) for r in rows]
        return [] if found == ["ok"] else found

    def schema_problems(self) -> list[str]:
        """Tables, indexes and triggers that differ from what the migrations make (a
        dropped append-only trigger, a damaged schema)."""
        expected = _expected_schema()
        try:
            with self._lenient_text():
                rows = self.conn.execute(_SCHEMA_ROWS).fetchall()
        except sqlite3.DatabaseError as e:
            return [str(e)]
        found = {(r[0], r[1]) for r in rows}
        problems = [_("{type} {name} is missing", type=t, name=n)
                    for (t, n) in expected if (t, n) not in found]
        # Row by row: a flipped byte can also give two rows one name.
        problems += [_("{type} {name} is not one sessiond made", type=r[0], name=r[1])
                     for r in rows if expected.get((r[0], r[1])) != r[2:]]
        return problems

    def tables_not_made(self) -> list[str]:
        """sessiond's tables that this file does not hold as the migrations make them: a
        view in a table's place (one with a recursive WITH never ends: `verify --backup`
        of a crafted backup waited for ever), a virtual table, a table of other columns
        (a generated column computes on every read). Such a file is only checked, never
        read. [] too when SQLite cannot read the schema: any query then fails at once."""
        expected = _expected_schema()
        try:
            with self._lenient_text():
                rows = self.conn.execute(_SCHEMA_ROWS).fetchall()
        except sqlite3.DatabaseError:
            return []
        tables = [n for t, n in expected if t == "table"]
        return [name for name in tables
                if [r for r in rows if r[1] == name and r[0] != "index" and r[0] != "trigger"]
                != [("table", name, *expected[("table", name)])]]

    def numbering_problems(self) -> list[str]:
        """The checkpoints are numbered 1 to their count, as appends number them (nothing
        is ever deleted): nothing else covers a checkpoint's number, which no signature
        includes. Events are numbered by the chain."""
        try:
            count, first, last = self.conn.execute(
                "SELECT count(*), min(id), max(id) FROM checkpoints").fetchone()
        except sqlite3.DatabaseError as e:
            return [str(e)]
        if count == 0 or (first, last) == (1, count):
            return []
        return [_("the {count} checkpoints are numbered {first} to {last}, not 1 to {count} "
                  "as they were appended: one was renumbered", count=count, first=first,
                  last=last)]

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole database into `target` (a new file), through
        SQLite's online backup API: other processes keep writing meanwhile."""
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            dest = sqlite3.connect(target)
            try:
                # In one step: one read transaction, a snapshot of one instant (WAL lets the
                # writers go on); stepping would restart at each of their commits.
                self.conn.backup(dest, pages=-1)
                dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dest.close()
        except sqlite3.Error as e:
            raise self._fault(e) from e

    # --- reading: named queries (the one place where SQL is written) -------------------

    def _select(self, where: str = "", params: tuple[Any, ...] = ()) -> list[StoredEvent]:
        sql = f"SELECT {_COLUMNS} FROM events {where} ORDER BY seq"
        bound = tuple(_integer(p) if type(p) is int else p for p in params)
        try:
            return [StoredEvent._make(row) for row in self.conn.execute(sql, bound)]
        except UnicodeDecodeError as e:  # a flipped byte in a text column
            raise self._not_utf8() from e

    def _not_utf8(self) -> Damaged:
        return Damaged(_("{path}: the events table holds text that is not UTF-8: the "
                         "database is damaged. Run sessiond verify, then restore from a "
                         "backup (sessiond restore DIR).", path=self.path))

    def iter_events(self, *, upto: int | None = None) -> Iterator[StoredEvent]:
        """Every event in log order (before seq `upto` when given), one row at a time."""
        sql = f"SELECT {_COLUMNS} FROM events" + (" WHERE seq < ?" if upto else "")
        for row in self.conn.execute(sql + " ORDER BY seq", (_integer(upto),) if upto else ()):
            yield StoredEvent._make(row)

    def iter_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every event in log order as a plain tuple in `audit.chain.ROW` order (the
        columns' order), streamed: what `verify` walks, without building an object per
        row (a ten-year log has a million)."""
        yield from self.conn.execute(f"SELECT {_COLUMNS} FROM events ORDER BY seq")

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
        # With a range of instants, `+seq`: the (kind, at) index, not the (kind, seq) one the
        # planner picks for `seq < ?`, which reads every event of those kinds before it.
        seq = "+seq" if lo is not None or after is not None or hi is not None else "seq"
        bounds: tuple[tuple[str, object], ...] = (
            ("at >= ?", lo), ("at > ?", after), ("at < ?", hi), (f"{seq} < ?", upto))
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
            if kinds:  # `+kind`: not through the kind index, which the planner picks for
                # its seq order and which holds every event of that kind (a scan of every
                # planned session to find a few); through the sessions' own index instead
                where += f" AND +kind IN ({','.join('?' * len(kinds))})"
                params = (*params, *kinds)
            if upto is not None:
                where += " AND seq < ?"
                params = (*params, upto)
            found.extend(self._select(where, params))
        return found

    def sessions_event_hashes(self, session_ids: Sequence[str], *, upto: int | None = None,
                              ) -> list[tuple[str, int, str]]:
        """(session id, seq, hash) of the events of several sessions before seq `upto`:
        what a document's events line digests, without reading (and building) whole rows."""
        found: list[tuple[str, int, str]] = []
        for start in range(0, len(session_ids), _CHUNK):
            chunk = tuple(session_ids[start:start + _CHUNK])
            sql = (f"SELECT session_id, seq, hash FROM events "
                   f"WHERE session_id IN ({','.join('?' * len(chunk))})")
            params: tuple[Any, ...] = chunk
            if upto is not None:
                sql += " AND seq < ?"
                params = (*chunk, _integer(upto))
            try:
                found.extend(self.conn.execute(sql + " ORDER BY seq", params))
            except UnicodeDecodeError as e:  # as `_select`: a flipped byte in a text column
                raise self._not_utf8() from e
        return found

    def earliest_at(self, *kinds: str) -> str | None:
        """The earliest declared instant of an event of `kinds`."""
        marks = ",".join("?" * len(kinds))
        row = self.conn.execute(f"SELECT MIN(at) FROM events WHERE kind IN ({marks})",
                                kinds).fetchone()
        return row[0] if row else None

    def activity(self, accounting: Sequence[str], session_ids: Sequence[str] | None = None,
                 ) -> dict[str, tuple[str, str | None]]:
        """Per client id of the events' envelopes (per session with `session_ids`): the
        latest declared instant of its events, and the latest of the `accounting` kinds,
        for every client in one scan. Text order: within one second "12:00:00Z" passes
        "12:00:00.5Z", which no count of days (retention) can see."""
        marks = ",".join("?" * len(accounting))
        latest = f"MAX(at), MAX(CASE WHEN kind IN ({marks}) THEN at END)"
        if session_ids is None:
            return {row[0]: (row[1], row[2]) for row in self.conn.execute(
                f"SELECT client_id, {latest} FROM events WHERE client_id IS NOT NULL "
                f"GROUP BY client_id", tuple(accounting))}
        found: dict[str, tuple[str, str | None]] = {}
        for start in range(0, len(session_ids), _CHUNK):
            chunk = tuple(session_ids[start:start + _CHUNK])
            found.update((row[0], (row[1], row[2])) for row in self.conn.execute(
                f"SELECT session_id, {latest} FROM events WHERE session_id IN "
                f"({','.join('?' * len(chunk))}) GROUP BY session_id", (*accounting, *chunk)))
        return found

    def planned(self) -> list[tuple[str, str, str]]:
        """(session id, client id, policy) of every planned session, in planning order:
        the policy read in SQL, not by building and parsing every session-planned row."""
        return [(str(r[0]), str(r[1]), str(r[2])) for r in self.conn.execute(
            "SELECT session_id, client_id, json_extract(body, '$.policy') FROM events "
            "WHERE kind = 'session-planned' ORDER BY seq")]

    def keyed_clients(self) -> set[str]:
        """The clients whose data key is still there (not erased)."""
        return {str(row[0]) for row in self.conn.execute("SELECT client_id FROM client_keys")}

    def client_ids(self) -> list[str]:
        """Ids of the clients added, erased ones included, in the order they were added."""
        sql = "SELECT client_id FROM events WHERE kind = 'client-added' ORDER BY seq"
        return [row[0] for row in self.conn.execute(sql)]

    def session_ids(self, *, open_only: bool = False) -> list[str]:
        """Ids of the planned sessions (only those not stopped), in planning order."""
        if not open_only:
            sql = "SELECT session_id FROM events WHERE kind = 'session-planned' ORDER BY seq"
        else:  # kept by the triggers of schema 4: as cheap in a ten-year log as in a new one
            sql = "SELECT session_id FROM open_sessions ORDER BY seq"
        return [row[0] for row in self.conn.execute(sql)]

    def field_key(self, event_id: str, field: str) -> str | None:
        """The wrapped key of one sealed free-text field; None once it is redacted."""
        row = self.conn.execute("SELECT wrapped FROM field_keys WHERE event_id = ? AND "
                                "field = ?", (event_id, field)).fetchone()
        return str(row[0]) if row else None

    def clients_indexed(self, digests: Sequence[str]) -> list[str]:
        """Clients with one of these blind-index digests (a name or e-mail seen before)."""
        marks = ",".join("?" * len(digests))
        rows = self.conn.execute(f"SELECT DISTINCT client_id FROM client_index "
                                 f"WHERE digest IN ({marks}) ORDER BY client_id", tuple(digests))
        return [r[0] for r in rows]

    def data_version(self) -> int:
        """Changes whenever another connection commits (a cheap "has anything changed?")."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def mark(self) -> tuple[int, int]:
        """(data_version, last seq): differs from an earlier mark as soon as anyone (this
        connection or another) has appended an event since, as events are append-only."""
        if self._writing is not None:  # under the write lock: nobody else can commit
            version, writer = self._writing
            return version, writer.tail()[0]
        return self.data_version(), self.tail()[0]

    def committed_mark(self) -> tuple[int, int] | None:
        """The mark of the log as this connection's last write transaction left it, read
        inside that transaction (no other writer could commit meanwhile); None after a
        failed one. Equal to `mark()` while nobody has appended since."""
        known = self._known_tail
        return (known[0], known[1][0]) if known is not None else None

    # Evidence: connections are found by their key, or by the instant they
    # started, both in the body; their closing (and seen-further) events name them by seq.
    _CONNECTIONS = ("WHERE kind IN ('connection-observed', 'connection-closed', "
                    "'connection-seen') AND "
                    "(seq IN ({found}) OR json_extract(body, '$.observed') IN ({found}))")

    def connection_events(self, key: str) -> list[StoredEvent]:
        """The connection of that key (its connection-observed event) and its later ones."""
        found = ("SELECT seq FROM events WHERE kind = 'connection-observed' AND "
                 "json_extract(body, '$.key') = ?")
        return self._select(self._CONNECTIONS.format(found=found), (key, key))

    def connections_started(self, lo: str, hi: str) -> list[StoredEvent]:
        """Connections that started at `lo` <= start < `hi`, with their closings."""
        found = ("SELECT seq FROM events WHERE kind = 'connection-observed' AND "
                 "json_extract(body, '$.start') >= ? AND json_extract(body, '$.start') < ?")
        return self._select(self._CONNECTIONS.format(found=found), (lo, hi, lo, hi))

    def event_at(self, seq: int) -> StoredEvent | None:
        rows = self._select("WHERE seq = ?", (seq,))
        return rows[0] if rows else None

    def tail(self) -> tuple[int, str]:
        return glance.tail(self.conn) or (0, GENESIS)

    def checkpoints(self) -> list[Checkpoint]:
        rows = self.conn.execute(
            "SELECT seq, hash, at, key_id, signature, reason FROM checkpoints ORDER BY id")
        from sessiond.audit.checkpoint import Checkpoint

        return [Checkpoint(*row) for row in rows]

    def checkpoint_of(self, seq: int, hash_: str) -> Checkpoint | None:
        """The first checkpoint signed on event `seq` with that hash, if any: what a
        document's reuse looks up (a scan in SQLite, not a hundred thousand objects)."""
        from sessiond.audit.checkpoint import Checkpoint

        row = self.conn.execute(
            "SELECT seq, hash, at, key_id, signature, reason FROM checkpoints "
            "WHERE seq = ? AND hash = ? ORDER BY id LIMIT 1", (seq, hash_)).fetchone()
        return Checkpoint(*row) if row else None

    def checkpoint_reasons(self, *reasons: str) -> list[str]:
        """Those of `reasons` that a checkpoint was signed for (the daemon's "is today's
        seal in the store?"): a scan inside SQLite, not a hundred thousand objects."""
        marks = ",".join("?" * len(reasons))
        return [str(r[0]) for r in self.conn.execute(
            f"SELECT DISTINCT reason FROM checkpoints WHERE reason IN ({marks})", reasons)]

    def iter_checkpoints(self) -> Iterator[Checkpoint]:
        """The checkpoints as `checkpoints()` lists them, streamed (verification reads them
        twice; a ten-year log has a hundred thousand)."""
        from sessiond.audit.checkpoint import Checkpoint

        for row in self.conn.execute(
                "SELECT seq, hash, at, key_id, signature, reason FROM checkpoints ORDER BY id"):
            yield Checkpoint(*row)

    def wrapped_key(self, client_id: str) -> bytes | None:
        row = self.conn.execute("SELECT wrapped FROM client_keys WHERE client_id = ?",
                                (client_id,)).fetchone()
        return _blob(row[0]) if row else None

    # --- what the keys are checked against (audit.keys.KeyUse) ---------------------------

    def wrapped_samples(self) -> list[tuple[str, bytes]]:
        """The first and the last wrapped client key: the master key must open one."""
        rows = self.conn.execute(
            "SELECT client_id, wrapped FROM client_keys WHERE rowid IN ("
            "(SELECT MIN(rowid) FROM client_keys), (SELECT MAX(rowid) FROM client_keys))"
        ).fetchall()
        return [(str(r[0]), _blob(r[1])) for r in rows]

    def checkpoint_key_id(self) -> str | None:
        row = self.conn.execute(
            "SELECT key_id FROM checkpoints ORDER BY id DESC LIMIT 1").fetchone()
        return str(row[0]) if row else None

    def wrapped_keys(self) -> Iterator[tuple[str, bytes]]:
        """Every (client id, wrapped data key), for verification."""
        for row in self.conn.execute("SELECT client_id, wrapped FROM client_keys "
                                     "ORDER BY client_id"):
            yield str(row[0]), _blob(row[1])

    def field_keys(self) -> Iterator[tuple[int, str, str, str, str]]:
        """Every wrapped field key with its event: (seq, event id, client id, field,
        wrapped), for verification."""
        for row in self.conn.execute(
                "SELECT e.seq, f.event_id, e.client_id, f.field, f.wrapped FROM field_keys f "
                "LEFT JOIN events e ON e.id = f.event_id ORDER BY e.seq, f.field"):
            yield row[0], str(row[1]), str(row[2]), str(row[3]), str(row[4])


class Writer:
    """Appends inside one `Store.writing()` transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # The transaction holds the write lock (BEGIN IMMEDIATE) and events are appended
        # only here, so the tail read once stays true: later appends need no SELECT.
        self._tail: tuple[int, str] | None = None

    def tail(self) -> tuple[int, str]:
        if self._tail is None:
            self._tail = glance.tail(self.conn) or (0, GENESIS)
        return self._tail

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
        # 128 random bits from the OS, as secrets.token_hex (without importing secrets,
        # hmac and hashlib into every command that opens the store).
        event_id = os.urandom(16).hex()
        sealed = seal(event_id) if seal is not None else None
        envelope = (seq + 1, event_id, kind, session_id, client_id, at, recorded_at, tz,
                    boot_id, boottime_ns, canonical(dict(body)).decode("utf-8"), sealed,
                    prev_hash)  # in audit.chain.ENVELOPE order, as the columns
        row = (*envelope, row_hash(envelope))
        self.conn.execute(_INSERT, row)
        self._tail = (seq + 1, row[-1])
        return StoredEvent._make(row)

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
        """Erasure: the client's key and his blind indexes go; his sealed data is lost."""
        self.conn.execute("DELETE FROM client_keys WHERE client_id = ?", (client_id,))
        self.conn.execute("DELETE FROM client_index WHERE client_id = ?", (client_id,))

    def put_field_key(self, event_id: str, field: str, wrapped: str) -> None:
        self.conn.execute("INSERT INTO field_keys (event_id, field, wrapped) VALUES (?, ?, ?)",
                          (event_id, field, wrapped))

    def delete_field_key(self, event_id: str, field: str) -> bool:
        """Redaction of one sealed text; False when that text has no key of its own."""
        cur = self.conn.execute("DELETE FROM field_keys WHERE event_id = ? AND field = ?",
                                (event_id, field))
        return cur.rowcount > 0

    def put_client_index(self, client_id: str, digests: Sequence[str]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO client_index (client_id, digest) "
                              "VALUES (?, ?)", [(client_id, d) for d in digests])


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
