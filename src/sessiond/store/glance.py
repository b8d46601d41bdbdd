"""What `sessiond status` reads without the Store class: the log's tail and the status view.

A status bar runs `sessiond status` every few seconds. Folding the open sessions again each
time means loading the model, the service and the store, most of what the command costs.
The status view (schema 7) keeps what the last fold found, with the log's last event then
(its seq and hash) and the state of config.toml (the language came from it). It is read
only while both are still so: an append, a restore or another copy of the log changes the
tail, an edit changes the file, and the next `status` folds again and rewrites the view.
It is derived from the log and outside the audit trail: `verify` checks its tables'
definitions, not its rows, and deleting its rows loses nothing.

Only sqlite3, os and datetime: this module is the whole store of that fast path.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

# One open session in the view, in the order of status_sessions' columns: what a status
# line shows, and its running time as closed spans plus the span still running, so that it
# is exact at any later instant.
COLUMNS = ("session_id", "client_id", "state", "policy", "mode", "channels",
           "without_consent", "closed_seconds", "running_since")
_TYPES: tuple[type | tuple[type, ...], ...] = (str, str, str, str, str, str, int, int,
                                               (str, type(None)))
EMPTY = (0, "")  # the tail of a log with no event yet


def uri(path: str, mode: str) -> str:
    """The SQLite URI of the file at the absolute `path`, opened in `mode` (ro, rw). `%`,
    `?` and `#` are the only characters SQLite's URI parser reads in a path; the empty
    authority (`file://` + the path) keeps a path that starts with `//` a path."""
    escaped = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file://{escaped}?mode={mode}"


def tail(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The log's last event (seq, hash); None when it has none."""
    row = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def settings_stamp(config_file: str) -> str | None:
    """config.toml as the file system describes it ("" when there is none; None when that
    cannot be known): any edit, or another file put in its place, changes it."""
    try:
        st = os.stat(config_file)
    except FileNotFoundError:
        return ""
    except OSError:
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def other_kind(path: str | os.PathLike[str]) -> bool:
    """Whether something that is no file has the log's name (a directory, a FIFO, a
    device, a link to one): SQLite opening a FIFO read-only waits for a writer for ever,
    and reads /dev/zero as an I/O error of a failing disk."""
    import stat

    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # missing, or a link to nothing: the open says what it is
        return False


def refuse_other_kind(path: str | os.PathLike[str]) -> None:
    """An EnvironmentFault naming the log if it is no file (see other_kind)."""
    if other_kind(path):
        from sessiond.errors import EnvironmentFault
        from sessiond.i18n import _

        raise EnvironmentFault(_(
            "{path} is not a file (a directory, a pipe or a device) where sessiond keeps "
            "its log: put the log back, or restore it from a backup (sessiond restore "
            "DIR).", path=path))


def open_readonly(database: str) -> sqlite3.Connection:
    """The log, read-only (never created: a missing file is an error; one that is no file
    too, before SQLite waits on a FIFO)."""
    if other_kind(database):
        raise OSError(f"{database}: not a regular file")
    return sqlite3.connect(uri(os.path.abspath(database), "ro"), uri=True,
                           isolation_level=None)


def read(conn: sqlite3.Connection, settings: str,
         ) -> tuple[str, list[tuple[Any, ...]]] | None:
    """The view's language setting and open sessions (rows of COLUMNS, in order), if it was
    taken at the log's present tail with config.toml as `settings` says; else None.

    Raises sqlite3.Error on a log without the view (an older schema) or a damaged one."""
    conn.execute("BEGIN")  # one snapshot: the tail and the rows of the same instant
    try:
        head = conn.execute("SELECT seq, hash, settings, language FROM status_head").fetchone()
        if head is None or head[2] != settings or (head[0], head[1]) != (tail(conn) or EMPTY):
            return None
        rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM status_sessions "
                            "ORDER BY rank").fetchall()
    finally:
        conn.execute("COMMIT")
    if not isinstance(head[3], str) or not all(map(_well_formed, rows)):
        return None  # someone wrote into the view: fold again
    return head[3], rows


def _well_formed(row: tuple[Any, ...]) -> bool:
    if not all(isinstance(value, kind) for value, kind in zip(row, _TYPES, strict=True)):
        return False
    since = row[-1]
    try:
        return since is None or datetime.fromisoformat(str(since)).tzinfo is not None
    except ValueError:
        return False


def save(database: str, taken: tuple[int, str], settings: str, language: str,
         rows: Sequence[tuple[Any, ...]]) -> bool:
    """Make `rows` (open sessions folded at tail `taken`) the view. Nothing is written, and
    False returned, when the log has moved on since, another process is writing, or the
    file cannot be written (a read-only copy): the view only saves time."""
    try:
        conn = sqlite3.connect(uri(os.path.abspath(database), "rw"), uri=True,
                               isolation_level=None, timeout=0)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        if (tail(conn) or EMPTY) != tuple(taken):
            conn.execute("ROLLBACK")
            return False
        conn.execute("DELETE FROM status_sessions")
        conn.execute("INSERT OR REPLACE INTO status_head (only, seq, hash, settings, language) "
                     "VALUES (1, ?, ?, ?, ?)", (*taken, settings, language))
        conn.executemany(f"INSERT INTO status_sessions (rank, {', '.join(COLUMNS)}) "
                         f"VALUES (?{', ?' * len(COLUMNS)})",
                         [(rank, *row) for rank, row in enumerate(rows, 1)])
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        return False  # closing rolls back
    finally:
        conn.close()
